import { describe, expect, it } from "vitest";
import { Estimate, Fundamental } from "../../models/fundamental.js";
import { FxRate } from "../../models/fx-rate.js";
import { PriceBar, type PriceColumns } from "../../models/price-bar.js";
import { isTradingDay } from "../calendars/index.js";
import {
  createDefaultDemoMarket, createDemoMarket, DEMO_FROM, DEMO_SECURITY_SPECS, DEMO_SEED, DEMO_SHOCKS, DEMO_TO, toPriceBars,
} from "./index.js";

const market = createDefaultDemoMarket();
const col = (id: string): PriceColumns => {
  const c = market.prices.find((p) => p.security === id);
  if (c === undefined) throw new Error(`no prices for ${id}`);
  return c;
};
const closeOn = (id: string, date: string): number => {
  const c = col(id);
  const i = c.dates.indexOf(date);
  if (i < 0) throw new Error(`${id} has no bar on ${date}`);
  return c.close[i]!;
};
const sessionReturn = (id: string, date: string): number => {
  const c = col(id);
  const i = c.dates.indexOf(date);
  return c.close[i]! / c.close[i - 1]! - 1;
};
const logReturns = (c: PriceColumns): number[] => Array.from(c.adjClose.subarray(1), (p, i) => Math.log(p / c.adjClose[i]!));
const sd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

describe("createDemoMarket(opts)", () => {
  it("is deterministic: same seed, identical market; another seed, another market", () => {
    expect(createDefaultDemoMarket()).toEqual(market);
    const other = createDemoMarket({ seed: DEMO_SEED + 1, from: DEMO_FROM, to: DEMO_TO, securities: DEMO_SECURITY_SPECS, shocks: DEMO_SHOCKS });
    expect(other.prices[0]!.close).not.toEqual(market.prices[0]!.close);
    expect(other.fundamentals.map((f) => f.value)).not.toEqual(market.fundamentals.map((f) => f.value));
    // the calibration anchors do not depend on the seed
    expect(other.prices[0]!.close.at(-1)).toBe(165);
  });

  it("returns one price series per security, in spec order, covering the default range", () => {
    expect(market.prices.map((p) => p.security)).toEqual(DEMO_SECURITY_SPECS.map((s) => s.id));
    expect(market.source).toBe("demo:synthetic");
    expect(col("9988.HK").dates[0]).toBe("2023-01-03"); // 2 Jan 2023 is a Hong Kong holiday
    expect(col("AMZN").dates[0]).toBe("2023-01-03"); // and a US one
    expect(col("AMZN").dates.at(-1)).toBe("2025-10-31");
    expect(col("AMZN").dates).toHaveLength(250 + 252 + 209); // 2023 + 2024 + Jan–Oct 2025
  });

  it("produces rows that all parse with the Zod schemas and say they are synthetic", () => {
    for (const c of market.prices) for (const bar of toPriceBars(c)) expect(PriceBar.parse(bar)).toEqual(bar);
    for (const f of market.fundamentals) expect(Fundamental.parse(f)).toEqual(f);
    for (const e of market.estimates) expect(Estimate.parse(e)).toEqual(e);
    for (const r of market.fx) expect(FxRate.parse(r)).toEqual(r);
    expect([...market.fundamentals, ...market.estimates, ...market.fx].every((r) => r.source === "demo:synthetic")).toBe(true);
  });

  it("keeps every bar consistent: low ≤ open, close ≤ high; volume > 0 for traded listings; adjClose ≤ close", () => {
    for (const c of market.prices) {
      const fx = c.security.endsWith("=X");
      for (let i = 0; i < c.dates.length; i++) {
        expect(c.low[i]!, `${c.security} ${c.dates[i]}`).toBeLessThanOrEqual(Math.min(c.open[i]!, c.close[i]!));
        expect(c.high[i]!, `${c.security} ${c.dates[i]}`).toBeGreaterThanOrEqual(Math.max(c.open[i]!, c.close[i]!));
        expect(c.low[i]!).toBeGreaterThan(0);
        expect(c.adjClose[i]!).toBeLessThanOrEqual(c.close[i]! + 1e-9);
        if (fx) expect(c.volume[i]).toBe(0);
        else expect(c.volume[i]!).toBeGreaterThan(0);
      }
      expect(c.adjClose.at(-1)).toBeCloseTo(c.close.at(-1)!, 6);
    }
    // a dividend payer's adjusted history sits below its raw history
    expect(col("0700.HK").adjClose[0]!).toBeLessThan(col("0700.HK").close[0]!);
  });

  it("trades only on each exchange's sessions", () => {
    for (const spec of DEMO_SECURITY_SPECS) {
      for (const d of col(spec.id).dates) expect(isTradingDay(spec.calendar, d), `${spec.id} ${d}`).toBe(true);
    }
    const has = (id: string, d: string) => col(id).dates.includes(d);
    expect(has("9988.HK", "2025-10-01") || has("9988.HK", "2025-10-07")).toBe(false);
    expect(has("AMZN", "2025-07-04") || has("AMZN", "2025-09-01") || has("BABA", "2025-09-01")).toBe(false);
    for (const d of ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"]) expect(has("688256.SS", d)).toBe(false);
    expect(has("9988.HK", "2025-09-01")).toBe(true); // Labor Day is a Hong Kong session
  });

  it("injects every shock as that session's exact return", () => {
    for (const s of DEMO_SHOCKS) {
      expect(sessionReturn(s.security, s.date), `${s.security} ${s.date}`).toBeCloseTo(s.returnPct / 100, 3);
    }
    // spot checks in the words of FACTS.md
    expect(sessionReturn("ORCL", "2025-09-10")).toBeCloseTo(0.3595, 3);
    expect(sessionReturn("9988.HK", "2025-09-24")).toBeCloseTo(0.0916, 3);
  });

  it("carries an issuer's jump to its other listing at that listing's next close", () => {
    // Apsara (Hangzhou morning): 9988.HK +9.16% in Hong Kong, BABA the same US day.
    expect(sessionReturn("BABA", "2025-09-24")).toBeGreaterThan(0.05);
    // Results after the HK close on Fri 29 Aug: BABA +13% that day, 9988.HK +18.5% on Mon 1 Sep.
    expect(sessionReturn("BABA", "2025-08-29")).toBeCloseTo(0.13, 3);
    expect(sessionReturn("9988.HK", "2025-09-01")).toBeCloseTo(0.185, 3);
  });

  it("prices ADRs at parity with their Hong Kong lines within a few percent", () => {
    const fx = new Map(market.fx.filter((r) => r.quote === "HKD").map((r) => [r.date, r.rate]));
    for (const [adr, hk, ratio] of [["BABA", "9988.HK", 8], ["BIDU", "9888.HK", 8], ["JD", "9618.HK", 2]] as const) {
      const gaps = col(adr).dates.filter((d) => col(hk).dates.includes(d)).map((d) => Math.abs(Math.log((closeOn(adr, d) * fx.get(d)!) / (ratio * closeOn(hk, d)))));
      expect(quantile(gaps, 0.5), adr).toBeLessThan(0.015);
      expect(quantile(gaps, 0.95), adr).toBeLessThan(0.04);
    }
    // BABA ≈ 9988.HK × 8 / USDHKD on the last day
    expect(closeOn("BABA", "2025-10-31") / ((165 * 8) / fx.get("2025-10-31")!)).toBeGreaterThan(0.97);
  });

  it("realises annualised vols within ±30% of their targets", () => {
    for (const spec of DEMO_SECURITY_SPECS) {
      if (spec.model !== "factor") continue;
      const vol = sd(logReturns(col(spec.id))) * Math.sqrt(252);
      expect(vol / spec.volAnnual, `${spec.id} vol ${vol.toFixed(3)}`).toBeGreaterThan(0.7);
      expect(vol / spec.volAnnual, `${spec.id} vol ${vol.toFixed(3)}`).toBeLessThan(1.3);
    }
  });

  it("ties indices to their members and respects Cambricon's ±20% limit", () => {
    const corr = (a: string, b: string) => {
      const dates = col(a).dates.filter((d, i) => i > 0 && col(b).dates.includes(d) && col(b).dates.indexOf(d) > 0);
      const ra = dates.map((d) => sessionReturn(a, d));
      const rb = dates.map((d) => sessionReturn(b, d));
      const ma = ra.reduce((x, y) => x + y, 0) / ra.length;
      const mb = rb.reduce((x, y) => x + y, 0) / rb.length;
      let sab = 0, saa = 0, sbb = 0;
      ra.forEach((x, i) => { sab += (x - ma) * (rb[i]! - mb); saa += (x - ma) ** 2; sbb += (rb[i]! - mb) ** 2; });
      return sab / Math.sqrt(saa * sbb);
    };
    expect(corr("^HSI", "0700.HK")).toBeGreaterThan(0.5);
    expect(corr("^NDX", "MSFT")).toBeGreaterThan(0.5);
    expect(corr("^GSPC", "^NDX")).toBeGreaterThan(0.7);
    expect(Math.abs(corr("^HSI", "^GSPC"))).toBeLessThan(corr("^HSI", "0700.HK"));
    const r = logReturns(col("688256.SS")).map(Math.exp);
    expect(Math.max(...r)).toBeLessThanOrEqual(1.2 + 1e-4);
    expect(Math.min(...r)).toBeGreaterThanOrEqual(0.8 - 1e-4);
  });

  it("keeps USD/HKD in the 7.75–7.85 band and USD/CNY in 7.10–7.35, on FX days", () => {
    for (const r of market.fx) {
      expect(r.base).toBe("USD");
      if (r.quote === "HKD") expect(r.rate >= 7.75 && r.rate <= 7.85).toBe(true);
      else expect(r.rate >= 7.1 && r.rate <= 7.35).toBe(true);
    }
    expect(market.fx.some((r) => r.date === "2025-12-25" || r.date === "2024-01-01")).toBe(false);
    expect(col("USDHKD=X").close).toEqual(Float64Array.from(market.fx.filter((r) => r.quote === "HKD").map((r) => r.rate)));
  });

  it("rejects bad options with messages that name the problem", () => {
    const base = { seed: 1, from: DEMO_FROM, to: DEMO_TO, securities: DEMO_SECURITY_SPECS };
    expect(() => createDemoMarket({ ...base, shocks: [{ date: "2025-10-01", security: "9988.HK", returnPct: 5 }] })).toThrow(/2025-10-01 is not a HK session/);
    expect(() => createDemoMarket({ ...base, shocks: [{ date: "2025-09-24", security: "TSLA", returnPct: 5 }] })).toThrow(/"TSLA" is not in the demo/);
    expect(() => createDemoMarket({ ...base, from: "2021-06-01" })).toThrow(/coverage 2022-01-01..2026-12-31/);
    expect(() => createDemoMarket({ ...base, to: "2022-12-31", from: "2023-01-02" })).toThrow(/must be before/);
    expect(() => createDemoMarket({ ...base, securities: [...DEMO_SECURITY_SPECS, DEMO_SECURITY_SPECS[0]!] })).toThrow(/"9988.HK" appears twice/);
    expect(() => createDemoMarket({ ...base, seed: 0.5 })).toThrow(/seed \(0.5\)/);
  });

  it("works on a sub-universe and a short range", () => {
    const m = createDemoMarket({ seed: 3, from: "2025-06-02", to: "2025-09-30", securities: DEMO_SECURITY_SPECS.filter((s) => ["AMZN", "MSFT"].includes(s.id)) });
    expect(m.prices.map((p) => p.security)).toEqual(["AMZN", "MSFT"]);
    expect(m.fx).toEqual([]);
    expect(m.prices[0]!.close.at(-1)).toBe(222);
    expect(m.fundamentals.some((f) => f.entity === "amazon" && f.fiscalPeriod === "FY2024")).toBe(true);
  });
});
