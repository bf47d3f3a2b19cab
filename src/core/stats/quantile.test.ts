import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { quantile } from "./quantile.js";
import { quantileSorted } from "./quantile-sorted.js";
import { median } from "./median.js";

describe("quantile(values, p)", () => {
  it("quantile(values, p) matches numpy's default (type 7)", () => {
    // sorted [1, 1, 3, 4, 5]; h = 4·p
    const xs = [3, 1, 4, 1, 5];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(5);
    expect(quantile(xs, 0.5)).toBe(3); // h = 2
    expect(quantile(xs, 0.9)).toBeCloseTo(4.6, 12); // h = 3.6: 4 + 0.6·(5 − 4); numpy.quantile gives 4.6
    expect(quantile(xs, 0.25)).toBe(1); // h = 1: x[1] = 1
    // numpy.quantile([1, 2, 3, 4], 0.25) = 1.75: h = 0.75 → 1 + 0.75·(2 − 1)
    expect(quantile([4, 3, 2, 1], 0.25)).toBe(1.75);
  });

  it("quantile(values, p) skips missing values and is undefined when none are left", () => {
    expect(quantile([null, 2, Number.NaN, 1], 1)).toBe(2);
    expect(quantile([], 0.5)).toBeUndefined();
    expect(quantile([undefined], 0.5)).toBeUndefined();
  });

  it("quantile(values, p) throws for p outside [0, 1]", () => {
    expect(() => quantile([1, 2], 1.5)).toThrow(/\(1\.5\) must be a number in \[0, 1\]/);
    expect(() => quantile([1, 2], Number.NaN)).toThrow();
    expect(() => quantileSorted([1, 2], -0.1)).toThrow();
  });

  it("quantile(values, p) does not mutate its input", () => {
    const xs = [3, 1, 2];
    quantile(xs, 0.5);
    expect(xs).toEqual([3, 1, 2]);
    const typed = Float64Array.from([3, 1, 2]);
    quantile(typed, 0.5);
    expect(Array.from(typed)).toEqual([3, 1, 2]);
  });

  it("quantile(values, p) is monotone in p and stays within [min, max]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p1, p2) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const qLo = quantile(xs, lo) as number;
          const qHi = quantile(xs, hi) as number;
          expect(qLo).toBeLessThanOrEqual(qHi);
          expect(qLo).toBeGreaterThanOrEqual(Math.min(...xs));
          expect(qHi).toBeLessThanOrEqual(Math.max(...xs));
        },
      ),
    );
  });
});

describe("median(values)", () => {
  it("median(values) takes the middle value, or the mean of the two middle values", () => {
    expect(median([22, 15, 18])).toBe(18);
    expect(median([22, 15, null, 18, 30])).toBe(20); // sorted 15, 18, 22, 30: (18 + 22) / 2
    expect(median([])).toBeUndefined();
  });

  it("median(values) is invariant under permutation and does not mutate its input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 40 }).chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })),
        ),
        ([xs, shuffled]) => {
          const copy = [...xs];
          expect(median(shuffled)).toBe(median(xs));
          expect(xs).toEqual(copy);
        },
      ),
    );
  });
});
