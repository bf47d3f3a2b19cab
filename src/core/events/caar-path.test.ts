import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanAndVariance } from "./_mean-variance.js";
import { addRowsToPath, addToPath, createPathAccumulator, pathOf } from "./caar-path.js";

describe("meanAndVariance(values)", () => {
  it("is the sample mean and variance (n − 1) of the finite values: 1, 2, 3, 4 → 2.5 and 5/3", () => {
    const r = meanAndVariance([1, NaN, 2, 3, Number.POSITIVE_INFINITY, 4]);
    expect(r.n).toBe(4);
    expect(r.mean).toBe(2.5);
    expect(r.variance).toBeCloseTo(5 / 3, 15);
  });

  it("gives exactly 0 for equal values (where a rounded mean would leave a tiny spread) and NaN below two values", () => {
    expect(meanAndVariance(Array.from({ length: 7 }, () => 0.1))).toEqual({ n: 7, mean: 0.1, variance: 0 });
    expect(meanAndVariance([0.3])).toEqual({ n: 1, mean: 0.3, variance: NaN });
    expect(meanAndVariance([NaN])).toEqual({ n: 0, mean: NaN, variance: NaN });
  });

  it("keeps the digits of a small spread on a large level: 1e9 + 1, 2, 3 → variance 1", () => {
    // Σx² − n·mean² loses everything here (x² ≈ 1e18, ulp 128); the two-pass form is exact.
    expect(meanAndVariance([1e9 + 1, 1e9 + 2, 1e9 + 3]).variance).toBe(1);
  });
});

describe("addRowsToPath(acc, ar, take)", () => {
  const row = fc.array(fc.oneof(fc.constant(NaN), fc.double({ min: -0.2, max: 0.2, noNaN: true })), { minLength: 6, maxLength: 6 });

  /** Per day, the CARs of the rows that have begun (their first AR on or before the day), straight from the definition. */
  function carsByDay(rows: number[][]): number[][] {
    const out: number[][] = Array.from({ length: 6 }, () => []);
    for (const r of rows) {
      let car = 0;
      let seen = false;
      r.forEach((a, j) => {
        if (Number.isFinite(a)) {
          car += a;
          seen = true;
        }
        if (seen) out[j]!.push(car);
      });
    }
    return out;
  }

  it("holds per day the count, mean and Σ(CAR − mean)² of the rows' CARs, batched or one row at a time (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), fc.array(fc.tuple(row, fc.boolean()), { minLength: 1, maxLength: 40 }), (before, rows) => {
        const span = { from: -2, to: 3 };
        const batch = createPathAccumulator(span);
        for (const r of before) addToPath(batch, r);
        addRowsToPath(batch, Float64Array.from(rows.flatMap(([r]) => r)), Uint8Array.from(rows, ([, take]) => (take ? 1 : 0)));
        const expected = carsByDay([...before, ...rows.filter(([, take]) => take).map(([r]) => r)]);
        expected.forEach((cars, j) => {
          expect(batch.carCount[j]).toBe(cars.length);
          if (cars.length === 0) return;
          const mean = cars.reduce((x, y) => x + y, 0) / cars.length;
          const m2 = cars.reduce((x, c) => x + (c - mean) ** 2, 0);
          expect(Math.abs(batch.carMean[j]! - mean)).toBeLessThanOrEqual(1e-14);
          expect(Math.abs(batch.carM2[j]! - m2)).toBeLessThanOrEqual(1e-14);
        });
      }),
    );
  });

  it("on a hand-checked pair: CARs by day 0.01, 0.03 and 0.02, 0.02 → CAAR 0.015 then 0.025, band from sd 0.00707 and 0.00707", () => {
    const acc = createPathAccumulator({ from: 0, to: 1 });
    addRowsToPath(acc, Float64Array.of(0.01, 0.02, 0.02, 0), Uint8Array.of(1, 1));
    const [d0, d1] = pathOf(acc, 0.95);
    expect(d0!.caar).toBeCloseTo(0.015, 15);
    expect(d1!.caar).toBeCloseTo(0.025, 15);
    expect(d0!.aar).toBeCloseTo(0.015, 15);
    expect(d1!.aar).toBeCloseTo(0.01, 15);
    // t(0.975, 1 df) = 12.7062; sd of {0.01, 0.02} = 0.0070711; half-width = 12.7062 · 0.0070711 / √2 = 0.063531
    expect(d0!.upper! - d0!.caar!).toBeCloseTo(0.063531, 5);
    expect(d1!.upper! - d1!.caar!).toBeCloseTo(0.063531, 5);
  });
});
