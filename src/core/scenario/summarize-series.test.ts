import { describe, expect, it } from "vitest";
import { histogramSorted } from "./histogram.js";
import { pearson, rankCorrelation } from "./spearman.js";
import { spearmanToPearson } from "./spearman-to-pearson.js";
import { summarizeSeries } from "./summarize-series.js";

describe("summarizeSeries(values, options)", () => {
  it("summarizeSeries: mean, sd (n − 1), type 7 percentiles and P(> threshold), checked by hand", () => {
    // 1..10: mean 5.5; Σ(x − 5.5)² = 82.5, sd = √(82.5/9) = 3.0277; P10: h = 9·0.1 = 0.9 → 1.9; P50 = 5.5; P95: h = 8.55 → 9.55
    const { stats } = summarizeSeries(Float64Array.from({ length: 10 }, (_, i) => 10 - i), { threshold: 7, percentiles: [0.1, 0.5, 0.95] });
    expect(stats.n).toBe(10);
    expect(stats.mean).toBe(5.5);
    expect(stats.sd).toBeCloseTo(Math.sqrt(82.5 / 9), 14);
    expect(stats.percentiles.map((p) => p.value)).toEqual([1.9, 5.5, 9.55].map((x) => expect.closeTo(x, 12)));
    expect(stats.probAbove).toBe(0.3); // 8, 9, 10 (strictly above 7)
    expect([stats.min, stats.max]).toEqual([1, 10]);
  });

  it("summarizeSeries: non-finite draws are counted and left out, never a silent NaN", () => {
    const { stats, finite } = summarizeSeries(Float64Array.of(1, Number.NaN, 3, Infinity));
    expect(stats.n).toBe(2);
    expect(stats.nonFinite).toBe(2);
    expect(stats.mean).toBe(2);
    expect(Array.from(finite)).toEqual([1, 3]);
    const empty = summarizeSeries(Float64Array.of(Number.NaN)).stats;
    expect(empty.mean).toBeUndefined();
    expect(empty.percentiles).toEqual([]);
  });

  it("histogramSorted(sorted, lo, hi, bins) counts each bin, the last one closed", () => {
    const h = histogramSorted(Float64Array.of(0, 1, 1, 2, 3, 4, 5), 1, 4, 3);
    expect(h.edges).toEqual([1, 2, 3, 4]);
    expect(h.counts).toEqual([2, 1, 2]); // [1,2): 1,1; [2,3): 2; [3,4]: 3,4
    expect([h.below, h.above]).toEqual([1, 1]);
  });
});

describe("correlations", () => {
  it("pearson(a, b) and rankCorrelation(ra, rb), by hand", () => {
    // a = 1,2,3; b = 2,4,7: Sab = 5, Saa = 2, Sbb = 12.667 → 5/√(25.333) = 0.99340
    expect(pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7))).toBeCloseTo(0.9933992677987828, 14);
    expect(rankCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(1, 3, 2))).toBeCloseTo(0.5, 14);
    expect(pearson(Float64Array.of(1, 1), Float64Array.of(1, 2))).toBeUndefined();
  });
  it("spearmanToPearson(ρ) = 2 sin(πρ/6): 0 → 0, 1 → 1, 0.5 → 0.5176", () => {
    expect(spearmanToPearson(0)).toBe(0);
    expect(spearmanToPearson(1)).toBeCloseTo(1, 15);
    expect(spearmanToPearson(-1)).toBeCloseTo(-1, 15);
    expect(spearmanToPearson(0.5)).toBeCloseTo(0.5176380902050415, 15);
  });
});
