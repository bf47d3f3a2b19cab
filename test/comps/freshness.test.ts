/**
 * Freshness limits through the use cases, the CLI and the API, on the hand-made fixture (see _fixture.ts): BABA's
 * FY2025 EPS (period ended 2025-03-31, 6.0 CNY) and quarters 2025Q2–2026Q1 (1.5 + 2.2 + 1.3 + 2.2 = 7.2 CNY, the last
 * ended 2025-06-30), consensus FY2026 7.2 observed 2025-09-01, price $120 and USDCNY 7.2 on 2025-09-30.
 * Ages on 2025-09-30: the June quarter 2025-06-30 → 2025-09-30 = 92 days (Jul 31 + Aug 31 + Sep 30);
 * FY2025 2025-03-31 → 2025-09-30 = 183 days (30 + 31 + 30 + 31 + 31 + 30); the estimate 29 days (Sep 1 → Sep 30).
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMultiple } from "../../src/app/check-multiple.js";
import { computePeerComps } from "../../src/app/comps-table.js";
import { FRESHNESS_OPTIONS } from "../../src/app/freshness-options.js";
import { createApp } from "../../src/server/app.js";
import type { Store } from "../../src/store/open.js";
import { runCli } from "../helpers/run-cli.js";
import { createFixtureStore } from "./_fixture.js";

let store: Store;
let cleanup: () => void;
beforeAll(async () => ({ store, cleanup } = await createFixtureStore()));
afterAll(() => cleanup());

describe("checkMultiple(store, req) with freshness limits", () => {
  it("lists a stale definition apart, with its age and the value it would give, and never counts it", async () => {
    // With quarters allowed 60 days, the TTM (15.0x with fresh figures) is stale: its last quarter is 92 days old.
    const r = await checkMultiple(store, { security: "BABA", claim: 15, around: "2025-09-30", windowDays: 0, options: { maxInterimAgeDays: 60 } });
    expect(r.reproducedBy).toEqual(["FY1.diluted.listing"]); // 7.2 × 8 / 7.2 = $8 → 120 / 8 = 15.0x, from a fresh estimate
    expect(r.staleDefinitions).toContain("TTM.diluted.listing");
    const ttm = r.definitions.find((d) => d.definition.id === "TTM.diluted.listing")!;
    expect(ttm.matches).toEqual([]);
    expect(ttm.atAround).toMatchObject({ nm: "stale_fundamentals" });
    expect(ttm.stale).toMatchObject({ reason: "stale_fundamentals", ageDays: 92, limitDays: 60, option: "maxInterimAgeDays", dates: 1, date: "2025-09-30", wouldMatch: ["2025-09-30"] });
    expect(ttm.stale!.value).toBeCloseTo(15, 10); // 120 / (7.2 × 8 / 7.2)
    // The default limits (213 days for a quarter) accept it.
    const fresh = await checkMultiple(store, { security: "BABA", claim: 15, around: "2025-09-30", windowDays: 0 });
    expect(fresh.reproducedBy).toEqual(["TTM.diluted.listing", "FY1.diluted.listing"]);
    expect(fresh.staleDefinitions).toEqual([]);
  });

  it("a stale estimate (limit 20 days, observed 29 days before) makes every forward definition stale", async () => {
    const r = await checkMultiple(store, { security: "BABA", claim: 15, around: "2025-09-30", windowDays: 0, options: { maxEstimateAgeDays: 20 } });
    expect(r.reproducedBy).toEqual(["TTM.diluted.listing"]);
    const fy1 = r.definitions.find((d) => d.definition.id === "FY1.diluted.listing")!;
    expect(fy1.stale).toMatchObject({ reason: "stale_estimates", ageDays: 29, limitDays: 20 });
  });
});

describe("computePeerComps(store, req) with freshness limits", () => {
  it("options.maxAnnualAgeDays below FY2025's age (183 days) makes the trailing P/E stale_fundamentals", async () => {
    const group = { id: "g", name: { en: "g" }, securities: ["BABA"] };
    const c = await computePeerComps(store, { groups: [group], asOf: "2025-09-30", metrics: ["trailingPE"], options: { maxAnnualAgeDays: 182 } });
    const pe = c.rows[0]!.multiples.trailingPE;
    expect(pe).toMatchObject({ nm: "stale_fundamentals", stale: { ageDays: 183, limitDays: 182 } });
    const ok = await computePeerComps(store, { groups: [group], asOf: "2025-09-30", metrics: ["trailingPE"], options: { maxAnnualAgeDays: 183 } });
    expect(ok.rows[0]!.multiples.trailingPE.value).toBeCloseTo(18, 10); // 120 / (6.0 × 8 / 7.2)
  });
});

describe("the limits on the CLI and the API", () => {
  let db: string;
  let cliCleanup: () => void;
  beforeAll(async () => {
    const f = await createFixtureStore("fresh-cli.duckdb");
    cliCleanup = f.cleanup;
    db = join(f.dir, "fresh-cli.duckdb");
    f.store.close();
  });
  afterAll(() => cliCleanup());
  const cli = (...args: string[]) => runCli(["--db", db, ...args]);

  it("each flag is its option key in kebab case (commander's camelCase of the flag is the key)", () => {
    for (const o of FRESHNESS_OPTIONS) expect(o.flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())).toBe(o.key);
  });

  it("rerate wall takes the limits: BABA's trailing P/E is stale with 182 days for a year (FY2025 is 183 days old)", async () => {
    const r = await cli("wall", "--a", "BABA", "--b", "AMZN", "--as-of", "2025-09-30", "--metric", "pe", "--max-annual-age-days", "182", "--json");
    expect(r.code, r.err).toBe(0);
    const w = JSON.parse(r.out) as { comps: { rows: { security: { id: string }; multiples: { trailingPE: { nm?: string } } }[] } };
    expect(w.comps.rows.find((x) => x.security.id === "BABA")!.multiples.trailingPE.nm).toBe("stale_fundamentals");
  });

  it("rerate check-multiple --max-interim-age-days lists the stale TTM apart", async () => {
    const r = await cli("check-multiple", "BABA", "--claim", "15", "--around", "2025-09-30", "--window", "0", "--max-interim-age-days", "60");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Stale figures, not counted");
    expect(r.out).toMatch(/trailing 4 quarters \(or 2 halves\), diluted EPS, per listing unit: 15\.0x on 2025-09-30, from a figure 92 days old \(limit 60 days, maxInterimAgeDays\); it would have matched 15x on 1 date\(s\)/);
    const j = JSON.parse((await cli("check-multiple", "BABA", "--claim", "15", "--around", "2025-09-30", "--window", "0", "--max-interim-age-days", "60", "--json")).out);
    expect(j.reproducedBy).toEqual(["FY1.diluted.listing"]);
  });

  it("rerate comps --max-annual-age-days and bands take the limits; a bad value names the option (exit 2)", async () => {
    const r = await cli("comps", "BABA", "--as-of", "2025-09-30", "--metrics", "pe", "--max-annual-age-days", "182");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/stale_fundamentals: EPS epsDiluted FY2025: its period ended 2025-03-31, 183 days before asOf 2025-09-30/);
    const bad = await cli("comps", "BABA", "--max-annual-age-days", "-1");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--max-annual-age-days "-1" must be a whole number of days');
    const bands = JSON.parse((await cli("bands", "BABA", "--max-annual-age-days", "0", "--json")).out);
    // every priced day is past FY2025's period end, so with a limit of 0 days every trailing value is stale
    expect(bands.trailing.values.every((v: number | null) => v === null)).toBe(true);
    expect(bands.trailing.nmDays.stale_fundamentals).toBeGreaterThan(0);
  });

  it("GET /api/check-multiple and /api/comps take the limits as query parameters; a bad one is a 400 naming it", async () => {
    const app = createApp({ store: async () => store, logError: () => undefined });
    const res = await app.request("/api/check-multiple?symbol=BABA&claim=15&around=2025-09-30&window=0&maxInterimAgeDays=60");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { reproducedBy: string[]; staleDefinitions: string[] };
    expect(body.reproducedBy).toEqual(["FY1.diluted.listing"]);
    expect(body.staleDefinitions).toContain("TTM.diluted.listing");
    const comps = await app.request("/api/comps?symbols=BABA&asOf=2025-09-30&metrics=pe&maxAnnualAgeDays=182");
    const rows = ((await comps.json()) as { rows: { multiples: { trailingPE: { nm?: string } } }[] }).rows;
    expect(rows[0]!.multiples.trailingPE.nm).toBe("stale_fundamentals");
    const bands = (await (await app.request("/api/bands?symbol=BABA&maxAnnualAgeDays=0")).json()) as { trailing: { nmDays: Record<string, number> } };
    expect(bands.trailing.nmDays.stale_fundamentals).toBeGreaterThan(0);
    const wall = (await (await app.request("/api/wall?a=BABA&b=AMZN&asOf=2025-09-30&metric=pe&maxAnnualAgeDays=182")).json()) as { comps: { rows: { security: { id: string }; multiples: { trailingPE: { nm?: string } } }[] } };
    expect(wall.comps.rows.find((x) => x.security.id === "BABA")!.multiples.trailingPE.nm).toBe("stale_fundamentals");
    const bad = await app.request("/api/comps?symbols=BABA&maxSharesAgeDays=soon");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('query parameter maxSharesAgeDays "soon" must be a whole number of days');
  });
});
