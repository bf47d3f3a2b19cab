import type { Context, Hono } from "hono";
import { z } from "zod";
import { checkMultiple } from "../../app/check-multiple.js";
import {
  parseCurrencyOption, parseEveryOption, parseFractionsOption, parseHistoryOption, parseNumberOption, parseStatisticOption,
} from "../../app/comps-options.js";
import { computePeerComps } from "../../app/comps-table.js";
import { FRESHNESS_QUERY, freshnessRequest, parseFreshnessOptions } from "../../app/freshness-options.js";
import { listAllPeerGroups, resolveGroupTokens } from "../../app/peer-groups.js";
import { computeWall } from "../../app/wall.js";
import { InvalidInputError } from "../../errors.js";
import { IsoDate } from "../../models/common.js";
import { MULTIPLE_KINDS, parseMetric, parseMetrics } from "../../core/valuation/index.js";
import type { AppDeps } from "../app.js";
import { LISTING_QUERY, listingOf } from "./_params.js";

const text = z.string().trim().min(1);
const CompsQuery = z.strictObject({
  symbols: text, asOf: IsoDate.optional(), currency: text.optional(), metrics: text.optional(),
  ...LISTING_QUERY, ...FRESHNESS_QUERY,
});
const WallQuery = z.strictObject({
  a: text, b: text, asOf: IsoDate.optional(), metric: text.optional(), metrics: text.optional(), stat: text.optional(),
  close: text.optional(), currency: text.optional(), history: text.optional(), every: text.optional(),
  ...LISTING_QUERY, ...FRESHNESS_QUERY,
});
const CheckQuery = z.strictObject({
  symbol: text, claim: text, metric: text.optional(), around: IsoDate.optional(), window: text.optional(), tolerance: text.optional(), ...FRESHNESS_QUERY,
});

/** Validates the query string: 400 naming the first bad or unknown parameter and its value. */
function query<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const raw = c.req.query();
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const param = issue?.code === "unrecognized_keys" ? issue.keys[0] : issue?.path.map(String).join(".");
  const value = param !== undefined ? raw[param] : undefined;
  throw InvalidInputError.at({
    column: `query parameter ${param ?? "?"}`,
    ...(value !== undefined ? { value } : {}),
    reason: issue?.code === "unrecognized_keys" ? "is not a parameter of this route" : value === undefined ? "is required" : (issue?.message ?? "is invalid"),
  });
}

const words = (s: string) => s.split(/[\s,]+/).filter((w) => w.length > 0);

/** `listing=first|primary|EXCHANGE` and `perListing=true` (one issuer, one vote) as a request field. */
/**
 * JSON routes of comps and the wall (the dashboard's data):
 * - `GET /api/comps?symbols=BABA,AMZN[&asOf&currency&metrics&listing=first|primary|EXCHANGE&perListing=true]` → the comps table (rows with every multiple and its inputs, aggregates).
 * - `GET /api/wall?a=@china&b=@us[&asOf&metric&metrics&stat&close&currency&history=FROM:TO&every&listing&perListing]` → the wall.
 * - `GET /api/check-multiple?symbol=BABA&claim=15[&around&window&tolerance]` → definitions reproducing a quoted P/E.
 * - `GET /api/groups` → saved and built-in peer groups.
 * Groups are symbols or `@name`; files are refused (the server does not read its disk on a client's say-so).
 * Each also takes the freshness limits in days: `maxAnnualAgeDays`, `maxInterimAgeDays`, `maxHalfYearAgeDays`,
 * `maxSharesAgeDays`, `maxEstimateAgeDays` (MultipleOptions).
 */
export function registerCompsRoutes(app: Hono, deps: AppDeps): void {
  app.get("/api/comps", async (c) => {
    const q = query(c, CompsQuery);
    const store = await deps.store();
    const group = await resolveGroupTokens(store, words(q.symbols), { option: "query parameter symbols", fallbackId: "peers", allowFiles: false });
    return c.json(await computePeerComps(store, {
      groups: [group],
      ...(q.asOf !== undefined ? { asOf: q.asOf } : {}),
      ...(q.currency !== undefined ? { currency: parseCurrencyOption(q.currency, "query parameter currency") } : {}),
      ...(q.metrics !== undefined ? { metrics: parseMetrics(q.metrics, "query parameter metrics") } : {}),
      ...listingOf(q),
      ...freshnessRequest(parseFreshnessOptions(q, "query")),
    }));
  });

  app.get("/api/wall", async (c) => {
    const q = query(c, WallQuery);
    const store = await deps.store();
    const a = await resolveGroupTokens(store, words(q.a), { option: "query parameter a", fallbackId: "a", allowFiles: false });
    const b = await resolveGroupTokens(store, words(q.b), { option: "query parameter b", fallbackId: "b", allowFiles: false });
    const history = q.history !== undefined ? parseHistoryOption(q.history, "query parameter history") : undefined;
    return c.json(await computeWall(store, {
      a, b,
      ...(q.asOf !== undefined ? { asOf: q.asOf } : {}),
      ...(q.metric !== undefined ? { metric: parseMetric(q.metric, "query parameter metric", MULTIPLE_KINDS) } : {}),
      ...(q.metrics !== undefined ? { metrics: parseMetrics(q.metrics, "query parameter metrics") } : {}),
      ...(q.stat !== undefined ? { statistic: parseStatisticOption(q.stat, "query parameter stat") } : {}),
      ...(q.close !== undefined ? { close: parseFractionsOption(q.close, "query parameter close") } : {}),
      ...(q.currency !== undefined ? { currency: parseCurrencyOption(q.currency, "query parameter currency") } : {}),
      ...(history !== undefined ? { history: { ...history, ...(q.every !== undefined ? { every: parseEveryOption(q.every, "query parameter every") } : {}) } } : {}),
      ...listingOf(q),
      ...freshnessRequest(parseFreshnessOptions(q, "query")),
    }));
  });

  app.get("/api/check-multiple", async (c) => {
    const q = query(c, CheckQuery);
    parseMetric(q.metric ?? "pe", "query parameter metric", ["trailingPE", "ttmPE", "forwardPEFy1", "forwardPEFy2", "forwardPENtm"]);
    return c.json(await checkMultiple(await deps.store(), {
      security: q.symbol.toUpperCase(),
      claim: parseNumberOption(q.claim, "query parameter claim", (x) => x > 0, "must be a positive multiple, e.g. 15"),
      ...(q.around !== undefined ? { around: q.around } : {}),
      ...(q.window !== undefined ? { windowDays: parseNumberOption(q.window, "query parameter window", (x) => Number.isInteger(x) && x >= 0 && x <= 3660, "must be a whole number of days from 0 to 3660") } : {}),
      ...(q.tolerance !== undefined ? { tolerance: parseNumberOption(q.tolerance, "query parameter tolerance", (x) => x >= 0 && x < 1, "must be a fraction in [0, 1)") } : {}),
      ...freshnessRequest(parseFreshnessOptions(q, "query")),
    }));
  });

  app.get("/api/groups", async (c) => c.json(await listAllPeerGroups(await deps.store())));
}
