import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { averageRanks, averageRanksOfUniforms, rankPositions } from "./ranks.js";
import { sortOrder } from "./sort-order.js";

describe("sortOrder(values)", () => {
  it("sortOrder(values) sorts negatives, zeros, ties and near-ties exactly", () => {
    const v = Float64Array.of(0.3, -1, 0.2, -0, 0, 1e-300, -1e-300, 0.2, 0.30000000000000004, -5e10, 3);
    const { order, sorted } = sortOrder(v);
    expect(Array.from(sorted)).toEqual([-5e10, -1, -1e-300, -0, 0, 1e-300, 0.2, 0.2, 0.3, 0.30000000000000004, 3]);
    expect(Array.from(order)).toEqual([9, 1, 6, 3, 4, 5, 2, 7, 0, 8, 10]);
  });

  it("sortOrder(values) equals a comparator sort of indices, ties in index order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1, 1 + 2 ** -52, 1 - 2 ** -53, 0, -0, 7)), { maxLength: 300 }), (xs) => {
        const v = Float64Array.from(xs);
        const { order, sorted } = sortOrder(v);
        const want = xs.map((_, i) => i).sort((a, b) => (xs[a]! < xs[b]! ? -1 : xs[a]! > xs[b]! ? 1 : a - b));
        return want.every((j, k) => xs[j] === sorted[k]) && Array.from(order).every((j, k) => xs[j] === xs[want[k]!]);
      }),
    );
  });

  it("sortOrder(values, n) sorts only the first n and leaves the input alone", () => {
    const v = Float64Array.of(3, 1, 2, -9);
    expect(Array.from(sortOrder(v, 3).sorted)).toEqual([1, 2, 3]);
    expect(Array.from(v)).toEqual([3, 1, 2, -9]);
  });
});

describe("ranks", () => {
  it("averageRanks(values) averages ties, as scipy.stats.rankdata", () => {
    // rankdata([10, 20, 20, 5]) = [2, 3.5, 3.5, 1]
    expect(Array.from(averageRanks(Float64Array.of(10, 20, 20, 5)))).toEqual([2, 3.5, 3.5, 1]);
    expect(Array.from(averageRanks(Float64Array.of(1, 1, 1)))).toEqual([2, 2, 2]);
  });

  it("averageRanks(values, sorting, out) may overwrite its input", () => {
    const v = Float64Array.of(0.5, 0.1, 0.9);
    averageRanks(v, undefined, v);
    expect(Array.from(v)).toEqual([2, 1, 3]);
  });

  it("averageRanksOfUniforms(u) equals averageRanks(u) for draws in [0, 1), ties included (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom(0, 0.5, 0.25)), { maxLength: 400 }), (xs) => {
        const u = Float64Array.from(xs);
        return averageRanksOfUniforms(u).every((r, i) => r === averageRanks(u)[i]);
      }),
    );
    // Outside [0, 1) or far from uniform it falls back to the sort.
    expect(Array.from(averageRanksOfUniforms(Float64Array.of(3, -1, 2)))).toEqual([3, 1, 2]);
    const clumped = Float64Array.from({ length: 1000 }, (_, i) => 0.5 + i * 1e-9);
    expect(averageRanksOfUniforms(clumped)[999]).toBe(1000);
  });

  it("rankPositions(values, n, out) equals the ranks from sortOrder, spread or clumped (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(1, 1, 2)), { minLength: 1, maxLength: 500 }), fc.boolean(), (xs, clump) => {
        const v = Float64Array.from(xs, (x, i) => (clump && i % 2 === 0 ? 1e9 : x));
        const out = new Int32Array(v.length);
        rankPositions(v, v.length, out);
        const { order } = sortOrder(v);
        return Array.from(order).every((idx, r) => out[idx] === r);
      }),
    );
  });

  it("rankPositions(values, n, out) gives a permutation, ties by position", () => {
    const out = new Int32Array(4);
    rankPositions(Float64Array.of(0.3, 0.1, 0.3, 0.2), 4, out);
    expect(Array.from(out)).toEqual([2, 0, 3, 1]);
  });
});
