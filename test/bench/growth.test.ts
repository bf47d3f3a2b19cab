import { describe, expect, it } from "vitest";
import { growthExponent } from "../../bench/growth.js";

describe("growthExponent (bench/scale.bench.ts)", () => {
  it("is 1 when time grows as size: sizes 1, 4, 16 with times 1, 4, 16", () => {
    // log2: x = 0, 2, 4; y = 0, 2, 4 → slope 1.
    expect(growthExponent([1, 4, 16], [1, 4, 16])).toBeCloseTo(1, 12);
  });
  it("is 2 for quadratic growth, independent of the constant: times 3, 48, 768", () => {
    // 3·1², 3·4², 3·16² → log2 y = log2 3 + 0, 4, 8 over x = 0, 2, 4 → slope 2.
    expect(growthExponent([1, 4, 16], [3, 48, 768])).toBeCloseTo(2, 12);
  });
  it("fits by least squares when the points are not on a line: times 1, 4, 4 → 0.5", () => {
    // log2: x = 0, 2, 4 (mean 2); y = 0, 2, 2 (mean 4/3).
    // Sxy = (−2)(−4/3) + 0·(2/3) + 2·(2/3) = 8/3 + 4/3 = 4; Sxx = 4 + 0 + 4 = 8 → k = 4/8 = 0.5.
    expect(growthExponent([1, 4, 16], [1, 4, 4])).toBeCloseTo(0.5, 12);
  });
  it("is 0 for a constant cost", () => {
    expect(growthExponent([1, 4], [7, 7])).toBe(0);
  });
  it("refuses fewer than two sizes, non-positive values and equal sizes", () => {
    expect(() => growthExponent([1], [1])).toThrow(/at least two/);
    expect(() => growthExponent([1, 4], [1, 0])).toThrow(/positive/);
    expect(() => growthExponent([2, 2], [1, 3])).toThrow(/different sizes/);
  });
});
