import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cholesky } from "./cholesky.js";
import { nearestCorrelation } from "./nearest-correlation.js";
import { symmetricEigen } from "./symmetric-eigen.js";

const mul = (a: number[][], b: number[][]) => a.map((r) => b[0]!.map((_, j) => r.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
const t = (a: number[][]) => a[0]!.map((_, j) => a.map((r) => r[j]!));

describe("cholesky(a)", () => {
  it("cholesky(a): L·Lᵀ = A for [[4, 2], [2, 3]] (L = [[2, 0], [1, √2]])", () => {
    const l = cholesky([[4, 2], [2, 3]])!;
    expect(l[0]).toEqual([2, 0]);
    expect(l[1]![0]).toBe(1);
    expect(l[1]![1]).toBeCloseTo(Math.SQRT2, 15);
  });
  it("cholesky(a) accepts a semi-definite matrix (a correlation of 1) and refuses an indefinite one", () => {
    expect(cholesky([[1, 1], [1, 1]])).toEqual([[1, 0], [1, 0]]);
    expect(cholesky([[1, 2], [2, 1]])).toBeUndefined();
  });
});

describe("symmetricEigen(a)", () => {
  it("symmetricEigen(a): [[2, 1], [1, 2]] has eigenvalues 1 and 3", () => {
    const e = symmetricEigen([[2, 1], [1, 2]]);
    expect(e.values[0]).toBeCloseTo(1, 14);
    expect(e.values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(e.vectors[0]![1]!)).toBeCloseTo(Math.SQRT1_2, 14);
  });
  it("symmetricEigen(a) reconstructs A = V·Λ·Vᵀ (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }), (xs) => {
        const a = [[xs[0]!, xs[1]!, xs[2]!, xs[3]!], [xs[1]!, xs[4]!, xs[5]!, xs[6]!], [xs[2]!, xs[5]!, xs[7]!, xs[8]!], [xs[3]!, xs[6]!, xs[8]!, xs[9]!]];
        const { values, vectors } = symmetricEigen(a);
        const back = mul(mul(vectors, values.map((v, i) => values.map((_, j) => (i === j ? v : 0)))), t(vectors));
        return a.every((r, i) => r.every((x, j) => Math.abs(x - back[i]![j]!) < 1e-10));
      }),
    );
  });
});

describe("nearestCorrelation(a)", () => {
  it("nearestCorrelation(a) repairs an inconsistent matrix into a valid correlation matrix close to it", () => {
    const a = [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]];
    expect(symmetricEigen(a).values[0]).toBeLessThan(0);
    const c = nearestCorrelation(a);
    expect(c.map((r, i) => r[i])).toEqual([1, 1, 1]);
    expect(symmetricEigen(c).values[0]).toBeGreaterThan(0);
    expect(cholesky(c)).toBeDefined();
    // Symmetric, and every entry moved towards consistency by less than the original violation.
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(c[i]![j]).toBeCloseTo(c[j]![i]!, 12);
    expect(Math.abs(c[0]![1]! - 0.9)).toBeLessThan(0.5);
  });
  it("nearestCorrelation(a) leaves a valid correlation matrix (almost) unchanged", () => {
    const a = [[1, 0.5, 0.2], [0.5, 1, 0.3], [0.2, 0.3, 1]];
    const c = nearestCorrelation(a);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(c[i]![j]).toBeCloseTo(a[i]![j]!, 6);
  });
  it("nearestCorrelation(a) matches Higham's 2002 example (the 3×3 matrix of ones off by one sign)", () => {
    // Higham (2002), §5: A = [[2, −1, 0, 0], [−1, 2, −1, 0], [0, −1, 2, −1], [0, 0, −1, 2]] has nearest correlation matrix
    // with off-diagonals −0.8084, 0.1916, 0.1068 (first row), reported to 4 figures.
    const a = [[2, -1, 0, 0], [-1, 2, -1, 0], [0, -1, 2, -1], [0, 0, -1, 2]];
    const c = nearestCorrelation(a.map((r, i) => r.map((x, j) => (i === j ? 1 : x))), 0);
    expect(c[0]![1]).toBeCloseTo(-0.8084, 3);
    expect(c[0]![2]).toBeCloseTo(0.1916, 3);
    expect(c[0]![3]).toBeCloseTo(0.1068, 3);
  });
});
