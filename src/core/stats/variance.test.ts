import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { variance } from "./variance.js";
import { deviation } from "./deviation.js";
import { mean } from "./mean.js";

describe("variance(values)", () => {
  it("variance(values) uses n − 1", () => {
    // mean 5, Σ(x − 5)² = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32; 32 / 7
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 14);
    expect(deviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it("variance(values) is undefined for fewer than two values", () => {
    expect(variance([])).toBeUndefined();
    expect(variance([1, null, Number.NaN])).toBeUndefined();
    expect(deviation([1])).toBeUndefined();
  });

  it("variance(values) is accurate with a large offset (Welford)", () => {
    // 1e9 + {4, 7, 13, 16}: deviations −6, −3, 3, 6 → Σ = 90, / 3 = 30
    expect(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBeCloseTo(30, 6);
  });

  it("variance(values) agrees with the two-pass formula and is shift-invariant", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (xs, shift) => {
          const m = mean(xs) as number;
          const twoPass = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
          const v = variance(xs) as number;
          expect(v).toBeCloseTo(twoPass, 6);
          expect(variance(xs.map((x) => x + shift)) as number).toBeCloseTo(v, 4);
        },
      ),
    );
  });
});
