import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { solveBrent } from "./solve-brent.js";

describe("solveBrent(f, lo, hi)", () => {
  it("solveBrent(x² − 2, 0, 2) is √2", () => {
    const r = solveBrent((x) => x * x - 2, 0, 2);
    expect(r?.converged).toBe(true);
    expect(r?.root).toBeCloseTo(Math.SQRT2, 14);
  });

  it("solveBrent(cos x − x, 0, 1) is the Dottie number 0.7390851332151607", () => {
    expect(solveBrent((x) => Math.cos(x) - x, 0, 1)?.root).toBeCloseTo(0.7390851332151607, 14);
  });

  it("solveBrent(f, lo, hi) accepts the bracket in either order and roots at an end", () => {
    expect(solveBrent((x) => x - 3, 5, 1)?.root).toBeCloseTo(3, 14);
    expect(solveBrent((x) => x - 1, 1, 5)).toMatchObject({ root: 1, value: 0, iterations: 0 });
  });

  it("solveBrent(f, lo, hi) is undefined without a sign change or with non-finite values", () => {
    expect(solveBrent((x) => x * x + 1, -1, 1)).toBeUndefined();
    expect(solveBrent(() => Number.NaN, 0, 1)).toBeUndefined();
    expect(solveBrent((x) => x, Number.NEGATIVE_INFINITY, 1)).toBeUndefined();
    // a pole inside the bracket: f jumps from −∞ to +∞ at 0.5; the search either lands on a non-finite value or
    // shrinks onto the pole (a sign change without a root), never a silent NaN
    const r = solveBrent((x) => 1 / (x - 0.5), 0, 1);
    if (r !== undefined) expect(r.root).toBeCloseTo(0.5, 10);
  });

  it("solveBrent(f, lo, hi) stops converged = false at the iteration cap", () => {
    const r = solveBrent((x) => x ** 3 - 0.001, -10, 10, { maxIterations: 2 });
    expect(r?.converged).toBe(false);
    expect(r?.iterations).toBe(2);
  });

  it("solveBrent(f, lo, hi) finds the root of any increasing cubic within the tolerance", () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (r0, s) => {
        const f = (x: number) => s * (x - r0) ** 3 + (x - r0);
        const r = solveBrent(f, -100, 100);
        expect(r?.converged).toBe(true);
        expect(Math.abs((r?.root ?? Number.NaN) - r0)).toBeLessThan(1e-12);
      }),
    );
  });
});
