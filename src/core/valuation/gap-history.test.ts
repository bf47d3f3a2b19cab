import { describe, expect, it } from "vitest";
import { aggregateSeries } from "./aggregate-series.js";
import { gapHistory } from "./gap-history.js";

describe("gapHistory(dates, a, b)", () => {
  const dates = ["2025-06-30", "2025-07-31", "2025-08-29", "2025-09-30"];
  // One peer per group so the aggregates are the values themselves.
  const a = aggregateSeries([Float64Array.of(11, 12, 15, 16.5)], "median");
  const b = aggregateSeries([Float64Array.of(22, 20, 20, 22)], "median");

  it("gapHistory(...) gives the discount and yield gap on each date (hand-checked)", () => {
    const h = gapHistory(dates, a, b);
    // 11/22 − 1 = −0.5; 12/20 − 1 = −0.4; 15/20 − 1 = −0.25; 16.5/22 − 1 = −0.25
    expect(h.points.map((p) => p.discount)).toEqual([-0.5, -0.4, -0.25, -0.25]);
    // 1/11 − 1/22 = 0.0454545 → 4.54545 pts
    expect(h.points[0]!.yieldGapPts).toBeCloseTo(4.545455, 6);
    expect(h.n).toBe(4);
  });

  it("gapHistory(...) places today's gap in its history: share of points at or below it", () => {
    const h = gapHistory(dates, a, b);
    // today −0.25; points ≤ −0.25: all four → 100 (ties count); widest −0.5 on 30 Jun; median of the discounts −0.325
    expect(h.current?.date).toBe("2025-09-30");
    expect(h.percentile).toBe(100);
    expect(h.widest).toMatchObject({ date: "2025-06-30", discount: -0.5 });
    expect(h.narrowest?.discount).toBe(-0.25);
    expect(h.medianDiscount).toBeCloseTo(-0.325, 12);
    // Today at the widest point instead: 1 of 4 values ≤ −0.5 → 25
    const wider = gapHistory(dates, aggregateSeries([Float64Array.of(12, 15, 16.5, 11)], "median"), aggregateSeries([Float64Array.of(20, 20, 22, 22)], "median"));
    expect(wider.percentile).toBe(25);
  });

  it("gapHistory(...) leaves gaps out where a group has no usable peer, and has no percentile when today has none", () => {
    const h = gapHistory(dates, aggregateSeries([Float64Array.of(11, Number.NaN, 15, Number.NaN)], "median"), b);
    expect(h.points[1]).toEqual({ date: "2025-07-31", b: 20, nA: 0, nB: 1 });
    expect(h.n).toBe(2);
    expect(h.current).toBeUndefined();
    expect(h.percentile).toBeUndefined();
  });

  it("gapHistory(...) refuses mismatched inputs", () => {
    expect(() => gapHistory(dates.slice(1), a, b)).toThrow(RangeError);
    expect(() => gapHistory(dates, a, aggregateSeries([Float64Array.of(1, 2, 3, 4)], "mean"))).toThrow(/aggregated differently/);
  });
});
