import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sum } from "./sum.js";

describe("sum(values)", () => {
  it("sum(values) is 0 for no values", () => {
    expect(sum([])).toBe(0);
    expect(sum([null, undefined, Number.NaN])).toBe(0);
  });

  it("sum(values) skips null, undefined, NaN and ±Infinity", () => {
    expect(sum([1, null, 2, undefined, Number.NaN, Number.POSITIVE_INFINITY, 3])).toBe(6);
  });

  it("sum(values) compensates rounding (Neumaier)", () => {
    // Naive left-to-right: 1e100 + 1 = 1e100; − 1e100 = 0. Compensated: 1.
    expect(sum([1e100, 1, -1e100])).toBe(1);
    // 0.1 + 0.2 + 0.3 is 0.6000000000000001 naively; the compensated sum rounds once.
    expect(sum([0.1, 0.2, 0.3])).toBe(0.6);
    // Ten thousand 0.1s: exactly representable answer 1000.
    expect(sum(new Float64Array(10_000).fill(0.1))).toBe(1000);
  });

  it("sum(values) accepts typed arrays and does not mutate the input", () => {
    const xs = Float64Array.from([3, 1, 2]);
    expect(sum(xs)).toBe(6);
    expect(Array.from(xs)).toEqual([3, 1, 2]);
  });

  it("sum(values) is invariant under permutation (to rounding)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 50 }), (xs) => {
        const reversed = [...xs].reverse();
        expect(sum(reversed)).toBeCloseTo(sum(xs), 6);
      }),
    );
  });
});
