/**
 * The implied-expectations, wall-premium, attribution and bands use-cases and commands on the synthetic demo
 * store. Expected figures are recomputed here from stored rows (prices, adjusted closes, FX fixings) or from the
 * comps use-case, not taken from the code under test.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeAttribution } from "../../src/app/attribution.js";
import { computeBands } from "../../src/app/bands.js";
import { computeComps } from "../../src/app/comps.js";
import { DEMO_GROUPS, loadDemo } from "../../src/app/demo.js";
import { computeImplied, computeWallPremium } from "../../src/app/implied.js";
import { resolveGroupSpec } from "../../src/app/peer-groups.js";
import { median } from "../../src/core/stats/index.js";
import { priceDcf, solveImpliedGrowth } from "../../src/core/valuation/index.js";
import { openStore, type Store } from "../../src/store/open.js";
import { readFxRates } from "../../src/store/fx.js";
import { readPrices } from "../../src/store/prices.js";
import { tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";

const { dir, cleanup } = tempDir("rerate-implied-");
const db = join(dir, "demo.duckdb");
let store: Store;
const AS_OF = "2025-10-31";

beforeAll(async () => {
  store = await openStore(db);
  await loadDemo(store, "2026-01-02T00:00:00Z");
});
afterAll(() => {
  store.close();
  cleanup();
});

/** Stored close, adjusted close and USD per unit of a currency on a date, read directly. */
async function stored(id: string, date: string) {
  const p = await readPrices(store, id, { from: date, to: date });
  return { close: p.close[0]!, adj: p.adjClose[0]!, currency: p.currency };
}
async function usdPer(ccy: string, date: string): Promise<number> {
  if (ccy === "USD") return 1;
  const r = (await readFxRates(store, date)).filter((x) => x.base === "USD" && x.quote === ccy && x.date <= date).at(-1)!;
  return 1 / r.rate;
}

describe("computeImplied(store, request)", () => {
  it("computeImplied: 9988.HK's implied growth reproduces its price and starts from the comps trailing P/E", async () => {
    const r = await computeImplied(store, { security: "9988.HK", asOf: AS_OF, riskFreeRate: 0.03 });
    const comps = await computeComps(store, { groups: DEMO_GROUPS, asOf: AS_OF });
    const pe = comps.rows.find((x) => x.security.id === "9988.HK")!.multiples.trailingPE.value!;
    expect(r.base.multiple).toBeCloseTo(pe, 10);
    expect(r.value).toBeCloseTo(r.base.price.close, 8);
    expect(priceDcf(r.model).value).toBeCloseTo(r.base.price.close, 8);
    // defaults: k = 3% + 1 × 4.60% + 1 × 1.03% (China) = 8.63%; g_T = r_f
    expect(r.costOfEquity).toBeCloseTo(0.0863, 12);
    expect(r.assumptions.terminalGrowth).toBe(0.03);
    // the same answer from the core solver on the base figures alone
    const again = solveImpliedGrowth({ cashFlow0: r.base.cashFlow0, growth: 0, highGrowthYears: 10, terminalGrowth: 0.03, discountRate: 0.0863 }, r.base.price.close);
    expect(r.implied).toBeCloseTo(again.rate, 12);
    expect(r.synthetic).toBe(true);
  });

  it("computeImplied(solve coe): the consensus path is the ratio of successive EPS estimates, then a fade to g_T", async () => {
    const r = await computeImplied(store, { security: "BABA", asOf: AS_OF, solve: "coe" });
    const years = r.consensus!.years;
    expect(years.length).toBeGreaterThanOrEqual(2);
    expect(r.model.growthPath![1]).toBeCloseTo(years[1]!.value / years[0]!.value - 1, 12);
    expect(r.model.growthPath![0]).toBeCloseTo(years[0]!.value / r.base.reported.value - 1, 12);
    expect(r.assumptions.fadeYears).toBe(10 - years.length);
    expect(r.valuation.growthRates.at(-1)).toBeCloseTo(r.assumptions.terminalGrowth, 12);
    expect(r.equityRiskPremium).toBeCloseTo(r.implied - 0.041, 12);
    expect(priceDcf(r.model).value).toBeCloseTo(r.base.price.close, 8);
    expect(r.atCapm!.value).toBeCloseTo(priceDcf({ ...r.model, discountRate: r.assumptions.capmCostOfEquity }).value, 10);
  });

  it("computeImplied refuses what has no answer: price below the zero-growth value, k ≤ g_T, unknown security", async () => {
    await expect(computeImplied(store, { security: "9618.HK", asOf: AS_OF })).rejects.toThrow(/is below the value at growth 0/);
    await expect(computeImplied(store, { security: "9988.HK", asOf: AS_OF, costOfEquity: 0.02, terminalGrowth: 0.03 })).rejects.toThrow(
      "discount rate (0.02) must exceed terminal growth (0.03)",
    );
    await expect(computeImplied(store, { security: "NOPE", asOf: AS_OF })).rejects.toMatchObject({ code: "E_NOT_FOUND" });
    // allowed to shrink, it solves
    const r = await computeImplied(store, { security: "9618.HK", asOf: AS_OF, minGrowth: -0.5 });
    expect(r.implied).toBeLessThan(0);
  });
});

describe("computeWallPremium(store, request)", () => {
  it("computeWallPremium(china, us): medians, gap and λ · CRP from the rows it shows", async () => {
    const w = await computeWallPremium(store, { a: await resolveGroupSpec(store, "china", "group"), b: await resolveGroupSpec(store, "us", "group"), asOf: AS_OF });
    const erp = (g: string) => w.rows.filter((r) => r.group === g).map((r) => r.impliedErp);
    expect(w.rows).toHaveLength(12);
    expect(w.premium!.medianA).toBeCloseTo(median(erp("china"))!, 12);
    expect(w.premium!.medianB).toBeCloseTo(median(erp("us"))!, 12);
    expect(w.premium!.gap).toBeCloseTo(w.premium!.medianA - w.premium!.medianB, 12);
    expect(w.premium!.explained).toBeCloseTo(0.0103, 12);
    for (const r of w.rows) expect(r.impliedErp).toBeCloseTo(r.impliedCostOfEquity! - r.riskFreeRate!, 12);
    const baba = w.rows.find((r) => r.security === "9988.HK")!;
    expect(baba.atWall!.costOfEquity).toBeCloseTo(0.03 + w.premium!.medianB + 0.0103, 12);
  });

  it("computeWallPremium reports a security it cannot solve in its row, not as a failure", async () => {
    const w = await computeWallPremium(store, { a: await resolveGroupSpec(store, "9988.HK,NOPE", "group"), b: await resolveGroupSpec(store, "AMZN", "group"), asOf: AS_OF, countryRiskPremium: 0.02, lambda: 0.5 });
    expect(w.rows.find((r) => r.security === "NOPE")!.error).toMatch(/not in the store/);
    expect(w.premium!.explained).toBeCloseTo(0.01, 12);
    expect(w.countryRiskPremiumSource).toBe("given");
  });
});

describe("computeAttribution(store, request)", () => {
  const from = "2025-01-02";

  it("computeAttribution(9988.HK in USD): the parts add up to the return recomputed from stored adjusted closes and FX", async () => {
    const r = await computeAttribution(store, { securities: ["9988.HK"], from, to: AS_OF, currency: "USD" });
    const a = r.rows[0]!.result;
    if (a.nm !== undefined) throw new Error(a.message);
    const s = await stored("9988.HK", from);
    const e = await stored("9988.HK", AS_OF);
    const direct = Math.log(e.adj / s.adj) + Math.log((await usdPer("HKD", AS_OF)) / (await usdPer("HKD", from)));
    expect(a.logReturn).toBeCloseTo(direct, 12);
    expect(a.log.earnings + a.log.multiple + a.log.fx + a.log.dividends).toBe(a.logReturn);
    expect(a.simple.earnings + a.simple.multiple + a.simple.fx + a.simple.dividends).toBeCloseTo(Math.expm1(direct), 12);
    expect(a.log.dividends).toBeCloseTo(Math.log(e.adj / s.adj) - Math.log(e.close / s.close), 12);
    // the end P/E is the comps trailing P/E that day
    const comps = await computeComps(store, { groups: DEMO_GROUPS, asOf: AS_OF });
    expect(a.peTo).toBeCloseTo(comps.rows.find((x) => x.security.id === "9988.HK")!.multiples.trailingPE.value!, 10);
  });

  it("computeAttribution(group, cap weights): the portfolio's simple return is Σ w R and its parts add up to it", async () => {
    const r = await computeAttribution(store, { group: await resolveGroupSpec(store, "us", "group"), from, to: AS_OF, currency: "USD", weights: "cap", basis: "forward" });
    const g = r.aggregate!;
    const weighted = g.members.reduce((acc, m) => acc + m.weight * m.attribution.simpleReturn, 0);
    expect(g.simpleReturn).toBeCloseTo(weighted, 14);
    expect(g.simple.earnings + g.simple.multiple + g.simple.fx + g.simple.dividends).toBeCloseTo(g.simpleReturn, 14);
    expect(g.log.earnings + g.log.multiple + g.log.fx + g.log.dividends).toBeCloseTo(g.logReturn, 14);
    expect(g.members.reduce((acc, m) => acc + m.weight, 0)).toBeCloseTo(1, 14);
    // a USD investor in USD listings has no FX term
    expect(g.log.fx).toBe(0);
  });

  it("computeAttribution with fxBasis reporting moves only the RMB → HKD translation between earnings and FX", async () => {
    const l = (await computeAttribution(store, { securities: ["9988.HK"], from, to: AS_OF, currency: "USD" })).rows[0]!.result;
    const rep = (await computeAttribution(store, { securities: ["9988.HK"], from, to: AS_OF, currency: "USD", fxBasis: "reporting" })).rows[0]!;
    if (l.nm !== undefined || rep.result.nm !== undefined) throw new Error("n.m.");
    const shift = Math.log(rep.end!.translation / rep.start!.translation);
    expect(l.log.earnings - rep.result.log.earnings).toBeCloseTo(shift, 12);
    expect(rep.result.log.fx - l.log.fx).toBeCloseTo(shift, 12);
    expect(rep.result.logReturn).toBeCloseTo(l.logReturn, 14);
  });

  it("computeAttribution refuses from ≥ to", async () => {
    await expect(computeAttribution(store, { securities: ["9988.HK"], from: AS_OF, to: from })).rejects.toMatchObject({ code: "E_INVALID_INPUT" });
  });
});

describe("computeBands(store, request)", () => {
  it("computeBands(9988.HK): today's trailing P/E is the comps one, and n + n.m. days cover every session", async () => {
    const b = await computeBands(store, { security: "9988.HK" });
    const comps = await computeComps(store, { groups: DEMO_GROUPS, asOf: AS_OF });
    expect(b.dates.at(-1)).toBe(AS_OF);
    expect(b.trailing.bands!.current).toBeCloseTo(comps.rows.find((x) => x.security.id === "9988.HK")!.multiples.trailingPE.value!, 10);
    expect(b.forward.bands!.current).toBeCloseTo(comps.rows.find((x) => x.security.id === "9988.HK")!.multiples.forwardPENtm.value!, 10);
    for (const s of [b.trailing, b.forward]) {
      const nm = Object.values(s.nmDays).reduce((p, q) => p + (q ?? 0), 0);
      expect(s.bands!.n + nm).toBe(b.dates.length);
      const xs = s.values.filter((v): v is number => v !== null);
      expect(s.bands!.mean).toBeCloseTo(xs.reduce((p, q) => p + q, 0) / xs.length, 10);
    }
  });
});

describe("rerate implied | wall-premium | attribution | bands (CLI)", () => {
  it("rerate implied --json and the text table", async () => {
    const j = await runCli(["--db", db, "implied", "9988.HK", "--rf", "3%", "--json"]);
    expect(j.code, j.err).toBe(0);
    const r = JSON.parse(j.out);
    expect(r.assumptions.riskFreeRateSource).toBe("given");
    expect(r.value).toBeCloseTo(r.base.price.close, 8);
    const text = await runCli(["--db", db, "implied", "BABA", "--solve", "coe", "--lang", "zh-Hant"]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain("隱含股權成本");
    expect(text.out).toContain("合成示範資料");
  });

  it("rerate implied maps errors to exit codes: 2 for bad input or no solution, 3 for an unknown security", async () => {
    const bad = await runCli(["--db", db, "implied", "9988.HK", "--rf", "abc"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--rf "abc" is not a rate (write 0.042 or 4.2%)');
    const none = await runCli(["--db", db, "implied", "9618.HK"]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("lower minGrowth");
    expect((await runCli(["--db", db, "implied", "NOPE"])).code).toBe(3);
  });

  it("rerate wall-premium --json", async () => {
    const r = await runCli(["--db", db, "wall-premium", "--a", "china", "--b", "us", "--rf", "USD=4.1%,HKD=3%", "--json"]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).premium.countryRiskPremium).toBeCloseTo(0.0103, 12);
  });

  it("rerate attribution --group … --svg writes a waterfall; rerate bands --svg writes a band chart", async () => {
    const svg = join(dir, "att.svg");
    const r = await runCli(["--db", db, "attribution", "--group", "china", "--from", "2025-01-02", "--to", AS_OF, "--currency", "usd", "--svg", svg]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("China platforms as a buy-and-hold portfolio");
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg[\s\S]*Multiple[\s\S]*Total[\s\S]*<\/svg>$/);
    const bsvg = join(dir, "bands.svg");
    const b = await runCli(["--db", db, "bands", "9988.HK", "--svg", bsvg, "--json"]);
    expect(b.code, b.err).toBe(0);
    expect(JSON.parse(b.out).svg).toBe(bsvg);
    expect(readFileSync(bsvg, "utf8")).toContain("±1 sd");
    expect((await runCli(["--db", db, "attribution", "9988.HK", "--from", "2025-01-02"])).code).toBe(2);
  });
});
