import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { aggregateMultiples } from "./aggregate.js";
import { aggregateSeries, PEER_STATISTICS } from "./aggregate-series.js";

describe("aggregateSeries(series, statistic, marketCaps)", () => {
  // Two dates, three peers; peer 3 is n.m. on date 1 and non-positive on date 2.
  const series = [Float64Array.of(15, 16), Float64Array.of(30, 20), Float64Array.of(Number.NaN, -4)];
  const caps = [Float64Array.of(300, 320), Float64Array.of(2400, 1600), Float64Array.of(100, 100)];

  it("aggregateSeries(series, 'median') drops n.m. and non-positive values and counts them", () => {
    // date 1: median(15, 30) = 22.5; date 2: median(16, 20) = 18
    const r = aggregateSeries(series, "median");
    expect(Array.from(r.values)).toEqual([22.5, 18]);
    expect(Array.from(r.nUsed)).toEqual([2, 2]);
    expect(Array.from(r.nDropped)).toEqual([1, 1]);
  });

  it("aggregateSeries(series, 'harmonicMean') is n / Σ 1/m", () => {
    // date 1: 2 / (1/15 + 1/30) = 2 / 0.1 = 20; date 2: 2 / (1/16 + 1/20) = 2 / 0.1125 = 17.7778
    const r = aggregateSeries(series, "harmonicMean");
    expect(r.values[0]).toBeCloseTo(20, 12);
    expect(r.values[1]).toBeCloseTo(17.777778, 6);
  });

  it("aggregateSeries(series, 'capWeighted', caps) is Σ cap / Σ (cap / m)", () => {
    // date 1: (300 + 2400) / (300/15 + 2400/30) = 2700 / (20 + 80) = 27
    // date 2: (320 + 1600) / (320/16 + 1600/20) = 1920 / (20 + 80) = 19.2
    const r = aggregateSeries(series, "capWeighted", caps);
    expect(r.values[0]).toBeCloseTo(27, 12);
    expect(r.values[1]).toBeCloseTo(19.2, 12);
    expect(() => aggregateSeries(series, "capWeighted")).toThrow(RangeError);
  });

  it("aggregateSeries(...) is NaN on a date with no usable peer", () => {
    const r = aggregateSeries([Float64Array.of(Number.NaN), Float64Array.of(0)], "median");
    expect(Number.isNaN(r.values[0])).toBe(true);
    expect(r.nUsed[0]).toBe(0);
    expect(r.nDropped[0]).toBe(2);
  });

  it("aggregateSeries(...) equals aggregateMultiples on every date", () => {
    const value = fc.oneof(fc.double({ min: 0.5, max: 300, noNaN: true }), fc.constant(Number.NaN), fc.double({ min: -50, max: 0, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(value, fc.double({ min: 1e6, max: 1e12, noNaN: true })), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 9 }), (peers) => {
        const s = peers.map((p) => Float64Array.from(p, ([v]) => v));
        const c = peers.map((p) => Float64Array.from(p, ([, m]) => m));
        for (const stat of PEER_STATISTICS) {
          const r = aggregateSeries(s, stat, c);
          for (let i = 0; i < 4; i++) {
            const agg = aggregateMultiples(peers.map((p, j) => (Number.isNaN(p[i]![0]) ? { id: `P${j}`, nm: "negative_earnings" } : { id: `P${j}`, value: p[i]![0], marketCap: p[i]![1] })));
            const want = agg[stat];
            if (want === undefined) expect(Number.isNaN(r.values[i])).toBe(true);
            else expect(r.values[i]).toBe(want);
            if (stat !== "capWeighted") expect(r.nUsed[i]).toBe(agg.nUsed);
            expect(r.nDropped[i]).toBe(agg.nDropped);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
