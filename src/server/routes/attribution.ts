import type { Hono } from "hono";
import { z } from "zod";
import { computeAttribution, type AttributionReport, type AttributionRequest } from "../../app/attribution.js";
import { resolveGroupTokens } from "../../app/peer-groups.js";
import type { ReturnComponents } from "../../core/attribution/index.js";
import { InvalidInputError } from "../../errors.js";
import { Currency, IsoDate } from "../../models/common.js";
import type { AppDeps } from "../app.js";
import { listOf, parseQuery } from "./_params.js";

const text = z.string().trim().min(1);
const AttributionQuery = z.strictObject({
  symbols: text, from: IsoDate, to: IsoDate, currency: text.optional(),
  basis: z.enum(["trailing", "forward"]).optional(), fxBasis: z.enum(["listing", "reporting"]).optional(), weights: z.enum(["equal", "cap"]).optional(),
});

const PARTS = ["earnings", "multiple", "fx", "dividends"] as const;

/** The headline's simple-return contributions as waterfall steps (the group's, or the one security's). */
export function waterfallSteps(r: AttributionReport): { part: (typeof PARTS)[number]; value: number }[] | undefined {
  const first = r.rows[0]?.result;
  const simple: ReturnComponents | undefined = r.aggregate?.simple ?? (r.rows.length === 1 && first !== undefined && first.nm === undefined ? first.simple : undefined);
  return simple === undefined ? undefined : PARTS.map((part) => ({ part, value: simple[part] }));
}

/**
 * `GET /api/attribution?symbols=9988.HK|@china&from=YYYY-MM-DD&to=YYYY-MM-DD[&currency&basis&fxBasis&weights]` → a period's
 * return split into earnings growth, multiple change, FX and dividends per security and for the group, plus `waterfall`.
 */
export function registerAttributionRoutes(app: Hono, deps: AppDeps): void {
  app.get("/api/attribution", async (c) => {
    const q = parseQuery(c, AttributionQuery);
    if (q.from >= q.to) throw InvalidInputError.at({ column: "query parameter to", value: q.to, reason: `must be after from (${q.from})` });
    const store = await deps.store();
    const tokens = listOf(q.symbols);
    const group = await resolveGroupTokens(store, tokens, { option: "query parameter symbols", fallbackId: "selection", allowFiles: false });
    const req: AttributionRequest = { from: q.from, to: q.to };
    if (tokens.some((t) => t.startsWith("@"))) req.group = group;
    else req.securities = group.securities;
    if (q.currency !== undefined) {
      const cur = Currency.safeParse(q.currency.toUpperCase());
      if (!cur.success) throw InvalidInputError.at({ column: "query parameter currency", value: q.currency, reason: "is not a currency rerate knows" });
      req.currency = cur.data;
    }
    if (q.basis !== undefined) req.basis = q.basis;
    if (q.fxBasis !== undefined) req.fxBasis = q.fxBasis;
    if (q.weights !== undefined) req.weights = q.weights;
    const report = await computeAttribution(store, req);
    return c.json({ ...report, waterfall: waterfallSteps(report) ?? null });
  });
}
