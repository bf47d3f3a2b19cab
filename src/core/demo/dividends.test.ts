import { describe, expect, it } from "vitest";
import { createAdjustmentFactors, createDividendSchedule } from "./dividends.js";
import type { DemoFactorSpec } from "./spec.js";

const spec = {
  id: "X", exchange: "NYSE", currency: "USD", kind: "equity", calendar: "US", sharesPerListing: 1, model: "factor",
  region: "us", volAnnual: 0.3, betaGlobal: 1, betaRegion: 1, firstPrice: 1, lastPrice: 1, dividendYield: 0.02,
  dividendsPerYear: 4, volume: 1,
} satisfies DemoFactorSpec;

describe("createDividendSchedule(spec, grid)", () => {
  it("puts quarterly ex-dates on the first session on or after the 10th of Feb/May/Aug/Nov", () => {
    const grid = { dates: ["2025-02-07", "2025-02-10", "2025-05-09", "2025-05-12", "2025-08-11"], ends: Int32Array.from([1, 3, 5, 7, 9]) };
    const ex = createDividendSchedule(spec, grid);
    expect(ex.map((e) => grid.dates[e.session])).toEqual(["2025-02-10", "2025-05-12", "2025-08-11"]);
    expect(ex.every((e) => e.fraction === 0.005)).toBe(true); // 2% a year / 4
  });

  it("is empty for a non-payer", () => {
    expect(createDividendSchedule({ ...spec, dividendYield: 0, dividendsPerYear: 0 }, { dates: ["2025-02-10"], ends: Int32Array.from([1]) })).toEqual([]);
  });
});

describe("createAdjustmentFactors(ends, exDividends)", () => {
  it("multiplies (1 − fraction) of every later ex-date", () => {
    const f = createAdjustmentFactors(Int32Array.from([1, 3, 5, 7]), [{ session: 1, half: 3, fraction: 0.1 }, { session: 3, half: 7, fraction: 0.5 }]);
    // session 0: both later → 0.9 × 0.5; sessions 1, 2: only the second → 0.5; session 3: none → 1.
    expect(Array.from(f)).toEqual([0.45, 0.5, 0.5, 1]);
  });
});
