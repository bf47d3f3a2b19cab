import { describe, expect, it } from "vitest";
import { prepareStudySeries } from "./prepare-series.js";
import { findReturnGaps, toReturns } from "./returns.js";
import { alignAsOf, alignToGrid, createSessionGrid } from "./session-grid.js";

describe("createSessionGrid(own, reference)", () => {
  it("adds the benchmark's sessions inside the stock's history, so a halt is a missing day", () => {
    expect(createSessionGrid(["2025-09-22", "2025-09-24", "2025-09-26"], ["2025-09-19", "2025-09-22", "2025-09-23", "2025-09-24", "2025-09-25", "2025-09-26", "2025-09-29"]))
      .toEqual(["2025-09-22", "2025-09-23", "2025-09-24", "2025-09-25", "2025-09-26"]);
  });

  it("keeps the stock's dates the benchmark lacks, and is the stock's own dates without a reference", () => {
    expect(createSessionGrid(["a1", "a2", "a3"], ["a1", "a3"])).toEqual(["a1", "a2", "a3"]);
    expect(createSessionGrid(["a1", "a3"])).toEqual(["a1", "a3"]);
    expect(createSessionGrid([], ["a1"])).toEqual([]);
  });
});

describe("alignToGrid / alignAsOf", () => {
  it("takes exact dates only, NaN elsewhere", () => {
    expect(Array.from(alignToGrid(["d1", "d2", "d3"], ["d1", "d3"], [1, 3]))).toEqual([1, NaN, 3]);
  });

  it("as of: the last value on or before each date, NaN before the first (a benchmark on another calendar)", () => {
    expect(Array.from(alignAsOf(["2025-09-30", "2025-10-02", "2025-10-09"], ["2025-09-29", "2025-10-02", "2025-10-03"], [10, 11, 12]))).toEqual([10, 11, 12]);
    expect(Array.from(alignAsOf(["2025-09-28", "2025-09-30"], ["2025-09-29"], [10]))).toEqual([NaN, 10]);
    expect(Array.from(alignAsOf(["d2", "d3"], ["d1", "d2"], [10, NaN]))).toEqual([10, 10]);
  });
});

describe("toReturns(prices) and findReturnGaps(prices)", () => {
  it("computes simple and log returns over consecutive sessions", () => {
    const r = toReturns([100, 110, 99]);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(0.1, 15);
    expect(r[2]).toBeCloseTo(-0.1, 15);
    expect(toReturns([100, 110], { log: true })[1]).toBeCloseTo(Math.log(1.1), 15);
  });

  it("breaks the chain at a missing or non-positive price and reports the spanning return instead", () => {
    expect(Array.from(toReturns([100, NaN, 121, 0, 130]))).toEqual([NaN, NaN, NaN, NaN, NaN]);
    const gaps = findReturnGaps([100, NaN, NaN, 121, 125]);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ index: 3, fromIndex: 0, sessions: 3 });
    expect(gaps[0]!.value).toBeCloseTo(0.21, 14);
  });

  it("does not touch its input", () => {
    const p = Float64Array.from([1, 2, NaN, 4]);
    toReturns(p);
    findReturnGaps(p);
    expect(Array.from(p)).toEqual([1, 2, NaN, 4]);
  });
});

describe("prepareStudySeries(security, benchmark, options)", () => {
  const stock = { dates: ["d1", "d2", "d4", "d5"], prices: [10, 11, 12, 12.6] };
  const bench = { dates: ["d1", "d2", "d3", "d4", "d5"], prices: [100, 101, 102, 103, NaN] };

  it("same exchange: union grid, the stock's halt and the benchmark's gap both reported", () => {
    const p = prepareStudySeries(stock, bench, { sameExchange: true });
    expect(p.grid).toEqual(["d1", "d2", "d3", "d4", "d5"]);
    expect(p.alignment).toBe("same-exchange");
    expect(p.missingPrices).toEqual([2]);
    expect(p.missingBenchmark).toEqual([4]);
    expect(Array.from(p.returns).map((x) => (Number.isNaN(x) ? null : +x.toFixed(6)))).toEqual([null, 0.1, null, null, 0.05]);
    expect(p.gaps).toEqual([expect.objectContaining({ index: 3, fromIndex: 1, sessions: 2 })]);
    expect(p.market![4]).toBeNaN();
  });

  it("another exchange: the stock's own dates, the benchmark as of each date", () => {
    const p = prepareStudySeries(stock, bench, { sameExchange: false });
    expect(p.grid).toEqual(stock.dates);
    expect(p.alignment).toBe("as-of");
    expect(p.market![2]).toBeCloseTo(103 / 101 - 1, 15); // spans d2 → d4, the stock's own interval
    expect(p.market![3]).toBe(0); // the benchmark's last level is still 103
  });
});
