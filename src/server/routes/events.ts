import type { Hono } from "hono";
import { z } from "zod";
import { computeEventStudy } from "../../app/event-study.js";
import { NORMAL_MODELS, parseDayRange, type NormalModel } from "../../core/events/index.js";
import { InvalidInputError, NotFoundError } from "../../errors.js";
import { listEvents } from "../../store/events.js";
import { looksLikeFile, resolveGroupTokens } from "../../app/peer-groups.js";
import { listSecurities } from "../../store/securities.js";
import type { AppDeps } from "../app.js";
import { listOf, parseQuery } from "./_params.js";

const text = z.string().trim().min(1);
const StudyQuery = z.strictObject({
  events: text.optional(), tags: text.optional(), securities: text.optional(), exchange: text.optional(), benchmark: text.optional(),
  model: text.optional(), estimation: text.optional(), windows: text.optional(), confidence: text.optional(),
});

/** At most this many security-events per request, so one call cannot tie the server up. */
export const MAX_STUDY_PAIRS = 400;

/**
 * JSON routes of catalyst event studies:
 * - `GET /api/events` → the stored events (id, timestamp, title, tags, securities).
 * - `GET /api/securities` → the stored securities (id, name, exchange, currency), for pickers.
 * - `GET /api/event-study?events=ID,ID[&tags&securities (symbols or @group)&exchange=HKEX,…&benchmark&model&estimation=-250:-11&windows=0:1,-1:1&confidence]`
 *   → abnormal returns, CAR path and test statistics (see `computeEventStudy`).
 */
export function registerEventRoutes(app: Hono, deps: AppDeps): void {
  app.get("/api/events", async (c) => c.json(await listEvents(await deps.store())));

  app.get("/api/securities", async (c) => {
    const all = await listSecurities(await deps.store());
    return c.json(all.map((s) => ({ id: s.id, name: s.name, exchange: s.exchange, currency: s.currency })));
  });

  app.get("/api/event-study", async (c) => {
    const q = parseQuery(c, StudyQuery);
    if (q.events === undefined && q.tags === undefined) throw InvalidInputError.at({ column: "query parameter events", reason: "is required (or tags): give event ids from /api/events" });
    const store = await deps.store();
    const stored = await listEvents(store);
    const byId = new Map(stored.map((e) => [e.id, e]));
    const events = (q.events !== undefined ? listOf(q.events) : []).map((id) => {
      const e = byId.get(id);
      if (e === undefined) throw new NotFoundError(`query parameter events "${id}": no stored event with that id (see /api/events)`);
      return e;
    });
    const model = q.model;
    if (model !== undefined && !(NORMAL_MODELS as readonly string[]).includes(model)) {
      throw InvalidInputError.at({ column: "query parameter model", value: model, reason: `must be one of ${NORMAL_MODELS.join(", ")}` });
    }
    const words = q.securities !== undefined ? listOf(q.securities) : undefined;
    // @group names resolve as in comps and wall (never files: the server does not read its disk on a client's say-so).
    const securities = words === undefined ? undefined
      : words.some((w) => w.startsWith("@") || looksLikeFile(w)) ? (await resolveGroupTokens(store, words, { option: "query parameter securities", fallbackId: "securities", allowFiles: false })).securities
      : words.map((s) => s.toUpperCase());
    const confidence = q.confidence !== undefined ? Number(q.confidence) : undefined;
    if (confidence !== undefined && !(confidence > 0 && confidence < 1)) throw InvalidInputError.at({ column: "query parameter confidence", value: q.confidence!, reason: "must be a level in (0, 1), e.g. 0.95" });
    const pairs = (securities?.length ?? 0) * Math.max(events.length, 1) || events.reduce((n, e) => n + e.securities.length, 0);
    if (pairs > MAX_STUDY_PAIRS) throw InvalidInputError.at({ column: "query parameter securities", value: q.securities ?? "", reason: `asks for ${pairs} security-events; at most ${MAX_STUDY_PAIRS} per request` });
    return c.json(await computeEventStudy(store, {
      ...(events.length > 0 ? { events } : {}),
      ...(q.tags !== undefined ? { tags: listOf(q.tags) } : {}),
      ...(securities !== undefined ? { securities } : {}),
      ...(q.exchange !== undefined ? { exchanges: listOf(q.exchange) } : {}),
      maxPairs: MAX_STUDY_PAIRS,
      ...(q.benchmark !== undefined ? { benchmark: q.benchmark.toUpperCase() } : {}),
      ...(model !== undefined ? { model: model as NormalModel } : {}),
      ...(q.estimation !== undefined ? { estimation: parseDayRange(q.estimation, "query parameter estimation") } : {}),
      ...(q.windows !== undefined ? { windows: listOf(q.windows).map((w) => parseDayRange(w, "query parameter windows")) } : {}),
      ...(confidence !== undefined ? { confidence } : {}),
    }));
  });
}
