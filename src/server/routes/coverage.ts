import type { Hono } from "hono";
import { z } from "zod";
import { computeCoverage } from "../../app/coverage.js";
import { resolveGroupTokens } from "../../app/peer-groups.js";
import { IsoDate } from "../../models/common.js";
import type { AppDeps } from "../app.js";
import { parseQuery } from "./_params.js";

const CoverageQuery = z.strictObject({ symbols: z.string().trim().min(1).optional(), asOf: IsoDate.optional() });

/**
 * `GET /api/coverage[?symbols=BABA,9988.HK|@china][&asOf=YYYY-MM-DD]` → what the store holds per security (price
 * range and basis, latest fundamentals and estimates with their ages, FX pairs, multiples with n.m. reasons) and
 * the to-do list (see `computeCoverage`). asOf defaults to the server clock's date; no symbols = every listing.
 */
export function registerCoverageRoutes(app: Hono, deps: AppDeps): void {
  app.get("/api/coverage", async (c) => {
    const q = parseQuery(c, CoverageQuery);
    const store = await deps.store();
    const asOf = q.asOf ?? (deps.now ?? (() => new Date()))().toISOString().slice(0, 10);
    const securities = q.symbols !== undefined
      ? (await resolveGroupTokens(store, q.symbols.split(/[\s,]+/).filter((w) => w !== ""), { option: "query parameter symbols", fallbackId: "coverage", allowFiles: false })).securities
      : undefined;
    return c.json(await computeCoverage(store, { asOf, ...(securities !== undefined ? { securities } : {}) }));
  });
}
