import { describe, expect, it } from "vitest";
import { createRandom } from "../demo/random.js";
import { splitBlocks } from "./blocks.js";
import { imanConoverRanks } from "./iman-conover.js";
import { averageRanks } from "./ranks.js";
import { rankCorrelation } from "./spearman.js";
import { spearmanToPearson } from "./spearman-to-pearson.js";
import { cholesky } from "./cholesky.js";
import { fillSortedUniforms, fillUniforms, latinHypercube, randomPermutation } from "./uniforms.js";

describe("splitBlocks(draws, blockSize)", () => {
  it("splitBlocks: fixed blocks, the remainder joins the last one", () => {
    expect(splitBlocks(10000, 4096)).toEqual([{ index: 0, start: 0, n: 4096 }, { index: 1, start: 4096, n: 5904 }]);
    expect(splitBlocks(100, 4096)).toEqual([{ index: 0, start: 0, n: 100 }]);
    expect(splitBlocks(8192, 4096).map((b) => b.n)).toEqual([4096, 4096]);
  });
});

describe("uniforms", () => {
  it("latinHypercube(random, out, n): exactly one draw in each of the n strata", () => {
    const n = 1000;
    const u = new Float64Array(n);
    latinHypercube(createRandom(1), u, n);
    const strata = Array.from(u, (x) => Math.floor(x * n)).sort((a, b) => a - b);
    expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(Math.min(...u)).toBeGreaterThan(0);
  });

  it("latinHypercube(random, out, n, strata) puts row i in stratum strata[i]", () => {
    const strata = Int32Array.of(2, 0, 1);
    const u = new Float64Array(3);
    latinHypercube(createRandom(5), u, 3, strata);
    expect(Array.from(u, (x) => Math.floor(x * 3))).toEqual([2, 0, 1]);
  });

  it("fillSortedUniforms: ascending, in (0, 1), uniform on average (mean of the k-th of n is k/(n+1))", () => {
    const n = 99;
    const mean = new Float64Array(n);
    const reps = 2000;
    const r = createRandom(9);
    const s = new Float64Array(n);
    for (let k = 0; k < reps; k++) {
      fillSortedUniforms(r, s, n);
      for (let i = 1; i < n; i++) expect(s[i]! >= s[i - 1]!).toBe(true);
      for (let i = 0; i < n; i++) mean[i] = mean[i]! + s[i]! / reps;
    }
    for (const i of [0, 49, 98]) expect(mean[i]).toBeCloseTo((i + 1) / (n + 1), 2);
  });

  it("fillUniforms and randomPermutation are seeded: same seed, same draws", () => {
    const a = new Float64Array(5);
    const b = new Float64Array(5);
    fillUniforms(createRandom(3), a, 5);
    fillUniforms(createRandom(3), b, 5);
    expect(a).toEqual(b);
    const p = new Int32Array(10);
    randomPermutation(createRandom(3), p, 10);
    expect([...p].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe("imanConoverRanks(n, factor, random)", () => {
  const achieved = (ranks: Int32Array[], i: number, j: number) =>
    rankCorrelation(averageRanks(Float64Array.from(ranks[i]!)), averageRanks(Float64Array.from(ranks[j]!)));

  it.each([0.5, -0.7, 0.9, 0.1])("imanConoverRanks: a pair reaches the Spearman target %d within 0.02 in a block of 4,096", (rho) => {
    const f = cholesky([[1, spearmanToPearson(rho)], [spearmanToPearson(rho), 1]])!;
    const ranks = imanConoverRanks(4096, f, createRandom(11));
    expect(achieved(ranks, 0, 1)).toBeCloseTo(rho, 1);
    expect(Math.abs(achieved(ranks, 0, 1)! - rho)).toBeLessThan(0.02);
    // Each column is a permutation: the marginals are untouched.
    expect([...ranks[0]!].sort((a, b) => a - b)).toEqual(Array.from({ length: 4096 }, (_, i) => i));
  });

  it("imanConoverRanks: three drivers at once", () => {
    const target = [[1, 0.6, -0.3], [0.6, 1, 0], [-0.3, 0, 1]];
    const f = cholesky(target.map((r, i) => r.map((x, j) => (i === j ? 1 : spearmanToPearson(x)))))!;
    const ranks = imanConoverRanks(4096, f, createRandom(12));
    expect(Math.abs(achieved(ranks, 0, 1)! - 0.6)).toBeLessThan(0.02);
    expect(Math.abs(achieved(ranks, 0, 2)! + 0.3)).toBeLessThan(0.02);
    expect(Math.abs(achieved(ranks, 1, 2)!)).toBeLessThan(0.02);
  });

  it("imanConoverRanks: a rank correlation of 1 gives identical ranks; a block too small to estimate still works", () => {
    const ranks = imanConoverRanks(500, cholesky([[1, 1], [1, 1]])!, createRandom(2));
    expect(ranks[0]).toEqual(ranks[1]);
    const tiny = imanConoverRanks(2, cholesky([[1, 0.5], [0.5, 1]])!, createRandom(2));
    expect(tiny.map((r) => [...r].sort())).toEqual([[0, 1], [0, 1]]);
  });
});
