import type { Hono } from "hono";
import { z } from "zod";
import { computeBands } from "../../app/bands.js";
import { FRESHNESS_QUERY, freshnessRequest, parseFreshnessOptions } from "../../app/freshness-options.js";
import { computeImplied, computeWallPremium, type ImpliedRequest } from "../../app/implied.js";
import { resolveGroupTokens } from "../../app/peer-groups.js";
import { IsoDate, SecurityId } from "../../models/common.js";
import type { AppDeps } from "../app.js";
import { LISTING_QUERY, listingOf, listOf, parseQuery } from "./_params.js";

/** A decimal rate in a query string, e.g. 0.03 for 3%. */
const rate = z.coerce.number().gt(-1).lt(1);
const ImpliedQuery = z.strictObject({
  symbol: SecurityId,
  asOf: IsoDate.optional(),
  solve: z.enum(["growth", "coe"]).optional(),
  basis: z.enum(["earnings", "fcf"]).optional(),
  horizon: z.coerce.number().int().min(1).max(50).optional(),
  fade: z.coerce.number().int().min(0).max(50).optional(),
  terminalGrowth: rate.optional(),
  costOfEquity: rate.optional(),
  rf: rate.optional(),
});
const WallPremiumQuery = z.strictObject({
  a: z.string().trim().min(1),
  b: z.string().trim().min(1),
  asOf: IsoDate.optional(),
  crp: rate.optional(),
  lambda: z.coerce.number().min(0).max(10).optional(),
  ...LISTING_QUERY,
});
const BandsQuery = z.strictObject({ symbol: SecurityId, from: IsoDate.optional(), to: IsoDate.optional(), ...FRESHNESS_QUERY });

/**
 * `GET /api/implied?symbol=9988.HK[&asOf&solve=growth|coe&basis&horizon&fade&terminalGrowth&costOfEquity&rf]` → the growth
 * or cost of equity the price implies (reverse DCF) with every assumption and where it came from;
 * `GET /api/wall-premium?a=@china&b=@us[&asOf&crp&lambda&listing&perListing]` → the wall as an implied risk-premium gap;
 * `GET /api/bands?symbol=9988.HK[&from&to]` → trailing and forward P/E history with ±1/±2 sd bands and today's percentile.
 */
export function registerImpliedRoutes(app: Hono, deps: AppDeps): void {
  app.get("/api/implied", async (c) => {
    const q = parseQuery(c, ImpliedQuery);
    const req: ImpliedRequest = { security: q.symbol };
    if (q.asOf !== undefined) req.asOf = q.asOf;
    if (q.solve !== undefined) req.solve = q.solve;
    if (q.basis !== undefined) req.basis = q.basis;
    if (q.horizon !== undefined) req.horizonYears = q.horizon;
    if (q.fade !== undefined) req.fadeYears = q.fade;
    if (q.terminalGrowth !== undefined) req.terminalGrowth = q.terminalGrowth;
    if (q.costOfEquity !== undefined) req.costOfEquity = q.costOfEquity;
    if (q.rf !== undefined) req.riskFreeRate = q.rf;
    return c.json(await computeImplied(await deps.store(), req));
  });
  app.get("/api/wall-premium", async (c) => {
    const q = parseQuery(c, WallPremiumQuery);
    const store = await deps.store();
    const opts = (side: string) => ({ option: `query parameter ${side}`, fallbackId: side, allowFiles: false });
    const a = await resolveGroupTokens(store, listOf(q.a), opts("a"));
    const b = await resolveGroupTokens(store, listOf(q.b), opts("b"));
    return c.json(await computeWallPremium(store, {
      a, b, ...(q.asOf !== undefined ? { asOf: q.asOf } : {}), ...(q.crp !== undefined ? { countryRiskPremium: q.crp } : {}),
      ...(q.lambda !== undefined ? { lambda: q.lambda } : {}), ...listingOf(q),
    }));
  });
  app.get("/api/bands", async (c) => {
    const q = parseQuery(c, BandsQuery);
    return c.json(await computeBands(await deps.store(), {
      security: q.symbol, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...freshnessRequest(parseFreshnessOptions(q, "query")),
    }));
  });
}
