import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { harmonicMean } from "./harmonic-mean.js";
import { geometricMean } from "./geometric-mean.js";
import { weightedHarmonicMean } from "./weighted-harmonic-mean.js";
import { mean } from "./mean.js";

const positive = fc.double({ min: 0.01, max: 1e4, noNaN: true });

describe("harmonicMean(values)", () => {
  it("harmonicMean(values) is n / Σ 1/x", () => {
    // 3 / (1/10 + 1/20 + 1/40) = 3 / 0.175 = 17.142857…
    expect(harmonicMean([10, 20, 40])).toBeCloseTo(3 / 0.175, 12);
  });

  it("harmonicMean(values) ignores missing values (n.m. multiples passed as undefined)", () => {
    // 2 / (1/15 + 1/22) = 2 / 0.1121212… = 17.8378…
    expect(harmonicMean([15, undefined, Number.NaN, null, 22])).toBeCloseTo(2 / (1 / 15 + 1 / 22), 12);
  });

  it("harmonicMean(values) is undefined for no values, 0 with a zero", () => {
    expect(harmonicMean([])).toBeUndefined();
    expect(harmonicMean([null])).toBeUndefined();
    expect(harmonicMean([10, 0])).toBe(0);
    // reciprocals cancel: 1/2 + 1/(−2) = 0 → no silent Infinity
    expect(harmonicMean([2, -2])).toBeUndefined();
  });

  it("harmonicMean(values) equals 1 / mean earnings yield", () => {
    fc.assert(
      fc.property(fc.array(positive, { minLength: 1, maxLength: 30 }), (pes) => {
        const yields = pes.map((pe) => 1 / pe);
        expect(harmonicMean(pes) as number).toBeCloseTo(1 / (mean(yields) as number), 6);
      }),
    );
  });

  it("harmonicMean ≤ geometricMean ≤ mean for positive values", () => {
    fc.assert(
      fc.property(fc.array(positive, { minLength: 1, maxLength: 30 }), (xs) => {
        const h = harmonicMean(xs) as number;
        const g = geometricMean(xs) as number;
        const a = mean(xs) as number;
        const tol = 1e-9 * a;
        expect(h).toBeLessThanOrEqual(g + tol);
        expect(g).toBeLessThanOrEqual(a + tol);
      }),
    );
  });

  it("harmonicMean(values) does not mutate its input", () => {
    const xs = [10, 20, 40];
    harmonicMean(xs);
    expect(xs).toEqual([10, 20, 40]);
  });
});

describe("geometricMean(values)", () => {
  it("geometricMean(values) is exp(mean ln x)", () => {
    expect(geometricMean([2, 8])).toBeCloseTo(4, 14); // √16
    expect(geometricMean([1, 10, 100])).toBeCloseTo(10, 12); // ∛1000
  });

  it("geometricMean(values) is undefined for negative values or none, 0 with a zero", () => {
    expect(geometricMean([4, -1])).toBeUndefined();
    expect(geometricMean([])).toBeUndefined();
    expect(geometricMean([4, 0])).toBe(0);
  });
});

describe("weightedHarmonicMean(values, weights)", () => {
  it("weightedHarmonicMean(values, weights) is Σw / Σ(w/x) = Σ cap / Σ earnings", () => {
    // caps 100 and 300 at P/E 10 and 20: earnings 10 and 15; 400 / 25 = 16
    expect(weightedHarmonicMean([10, 20], [100, 300])).toBe(16);
  });

  it("weightedHarmonicMean(values, weights) skips pairs with a missing value or weight", () => {
    expect(weightedHarmonicMean([10, Number.NaN, 20, 30], [100, 50, 300, undefined])).toBe(16);
    expect(weightedHarmonicMean([10, 20], [-5, 300])).toBe(20);
    expect(weightedHarmonicMean([10], [0])).toBeUndefined();
    expect(weightedHarmonicMean([], [])).toBeUndefined();
  });

  it("weightedHarmonicMean(values, weights) with equal weights is the harmonic mean", () => {
    fc.assert(
      fc.property(fc.array(positive, { minLength: 1, maxLength: 20 }), positive, (xs, w) => {
        expect(weightedHarmonicMean(xs, xs.map(() => w)) as number).toBeCloseTo(harmonicMean(xs) as number, 6);
      }),
    );
  });

  it("weightedHarmonicMean(values, weights) throws when the lengths differ", () => {
    expect(() => weightedHarmonicMean([1, 2], [1])).toThrow(/values \(2\) and weights \(1\)/);
  });
});
