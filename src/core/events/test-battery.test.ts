import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageRanks, createRankWorkspace, sortFinite } from "./average-ranks.js";
import { bmpT } from "./bmp-t.js";
import { centredRanks, corradoZ } from "./corrado-z.js";
import { crossSectionalT } from "./cross-sectional-t.js";
import { generalizedSignZ } from "./generalized-sign-z.js";
import { kolariPynnonenT } from "./kolari-pynnonen-t.js";
import { meanOffDiagonalCorrelation, meanResidualCorrelation, standardizeResiduals } from "./mean-residual-correlation.js";
import { normalTwoSidedP, studentTwoSidedP } from "./p-values.js";
import { patellZ } from "./patell-z.js";
import { signZ } from "./sign-z.js";

describe("p-values", () => {
  it("are two-sided: 1.96 → 0.05 under the normal; t = 2.776 with 4 df → 0.05", () => {
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(normalTwoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(studentTwoSidedP(2.7764451051977987, 4)).toBeCloseTo(0.05, 12);
    expect(studentTwoSidedP(Number.NaN, 4)).toBeUndefined();
    expect(studentTwoSidedP(1, 0)).toBeUndefined();
    // 2Φ(−30) = 9.8134e-198: the far tail keeps its relative precision (1 − Φ(30) would be 0).
    expect(normalTwoSidedP(30)! / (2 * 4.906713927148187e-198) - 1).toBeLessThan(1e-12);
  });
});

describe("crossSectionalT(cars)", () => {
  it("t = √N · mean / sd: for 2%, 4%, 6% it is √3 · 0.04 / 0.02 = 3.4641 with 2 df", () => {
    const r = crossSectionalT([0.02, 0.04, 0.06, Number.NaN])!;
    expect(r.statistic).toBeCloseTo(Math.sqrt(3) * 2, 12);
    expect(r).toMatchObject({ n: 3, df: 2, distribution: "student-t" });
    expect(r.p).toBeCloseTo(studentTwoSidedP(r.statistic, 2)!, 15);
  });
  it("is undefined for fewer than two CARs or no spread", () => {
    expect(crossSectionalT([0.1])).toBeUndefined();
    expect(crossSectionalT([0.1, 0.1])).toBeUndefined();
  });
});

describe("patellZ(scars, dfs)", () => {
  it("Z = Σ SCAR / √Σ df/(df−2): SCARs 2 and 1 with df 10 give 3 / √2.5 = 1.8974", () => {
    const r = patellZ([2, 1], [10, 10])!;
    expect(r.statistic).toBeCloseTo(3 / Math.sqrt(2.5), 14);
    expect(r.n).toBe(2);
  });
  it("skips non-finite SCARs and df ≤ 2", () => {
    expect(patellZ([2, Number.NaN, 5], [10, 10, 2])!.n).toBe(1);
    expect(patellZ([Number.NaN], [10])).toBeUndefined();
  });
});

describe("bmpT(scars) and kolariPynnonenT(bmp, r̄)", () => {
  it("BMP: √3 · 2 / 1 for SCARs 1, 2, 3; KP with r̄ = 0.1: × √(0.9 / 1.2) = 3.0", () => {
    const b = bmpT([1, 2, 3])!;
    expect(b.statistic).toBeCloseTo(2 * Math.sqrt(3), 14);
    const kp = kolariPynnonenT(b, 0.1)!;
    expect(kp.statistic).toBeCloseTo(3, 14);
    expect(kp.df).toBe(2);
  });
  it("KP is BMP when r̄ = 0, and undefined when 1 + (N − 1) r̄ ≤ 0 or r̄ ≥ 1", () => {
    const b = bmpT([1, 2, 3])!;
    expect(kolariPynnonenT(b, 0)!.statistic).toBeCloseTo(b.statistic, 15);
    expect(kolariPynnonenT(b, -0.5)).toBeUndefined();
    expect(kolariPynnonenT(b, 1)).toBeUndefined();
  });
});

describe("meanResidualCorrelation(series)", () => {
  it("is the mean off-diagonal Pearson correlation when no day is missing", () => {
    expect(meanResidualCorrelation([[1, 2, 3], [1, 2, 3], [3, 2, 1]])).toBeCloseTo(-1 / 3, 14);
    // Against an explicit pairwise computation on 5 noisy series.
    const xs = Array.from({ length: 5 }, (_, i) => Array.from({ length: 40 }, (_, t) => Math.sin(t * (i + 1)) + Math.cos(t * 0.3) * 0.5));
    const pearson = (a: number[], b: number[]) => {
      const ma = a.reduce((s, x) => s + x) / a.length, mb = b.reduce((s, x) => s + x) / b.length;
      let sab = 0, saa = 0, sbb = 0;
      a.forEach((x, k) => { sab += (x - ma) * (b[k]! - mb); saa += (x - ma) ** 2; sbb += (b[k]! - mb) ** 2; });
      return sab / Math.sqrt(saa * sbb);
    };
    let sum = 0, pairs = 0;
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) { sum += pearson(xs[i]!, xs[j]!); pairs++; }
    expect(meanResidualCorrelation(xs)).toBeCloseTo(sum / pairs, 13);
  });
  it("counts missing days as 0 after centring each series on its own days, and drops constant series", () => {
    const u = standardizeResiduals([1, Number.NaN, 3])!;
    expect(Array.from(u)).toEqual([-Math.SQRT1_2, 0, Math.SQRT1_2].map((x) => expect.closeTo(x, 15)));
    expect(standardizeResiduals([2, 2, 2])).toBeUndefined();
    expect(meanResidualCorrelation([[1, 2, 3], [5, 5, 5]])).toBeUndefined();
    expect(meanOffDiagonalCorrelation([1.6, 1.2], 2, 2)).toBeCloseTo(1, 14);
  });
});

describe("averageRanks / centredRanks / corradoZ", () => {
  it("ranks like scipy's rankdata with average ties, skipping NaN", () => {
    expect(Array.from(averageRanks([0.3, Number.NaN, 0.1, 0.3, 0.2]))).toEqual([3.5, Number.NaN, 1, 3.5, 2]);
    expect(Array.from(averageRanks([5, 5, 5]))).toEqual([2, 2, 2]);
    expect(Array.from(centredRanks([1, 2, 3, Number.NaN]))).toEqual([-0.25, 0, 0.25, Number.NaN]);
  });
  it("agrees with a naive O(n²) average rank on ties, NaN, outliers that crowd the buckets, and long series (fast-check)", () => {
    const naive = (xs: number[]) => xs.map((x) => {
      if (!Number.isFinite(x)) return NaN;
      const fin = xs.filter(Number.isFinite);
      return fin.filter((y) => y < x).length + (fin.filter((y) => y === x).length + 1) / 2;
    });
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }).map((x) => x / 4), fc.double({ min: -1, max: 1, noNaN: true }), fc.constant(NaN), fc.constant(1e12), fc.constant(-1e-300));
    fc.assert(fc.property(fc.array(value, { maxLength: 600 }), (xs) => {
      expect(Array.from(averageRanks(xs))).toEqual(naive(xs));
    }), { numRuns: 300 });
    const crowded = [1e9, ...Array.from({ length: 300 }, (_, i) => Math.sin(i))];
    expect(Array.from(averageRanks(crowded))).toEqual(naive(crowded));
  });

  it("sortFinite(values, work, known) sorts exactly whatever bucket range it is given (values outside go to the ends)", () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(NaN)), { maxLength: 300 }), fc.double({ min: -3, max: 0, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }), (xs, lo, width) => {
      const w = createRankWorkspace(xs.length);
      const n = sortFinite(xs, w, { n: xs.filter(Number.isFinite).length, min: lo, max: lo + width });
      expect(Array.from(w.keys.subarray(0, n))).toEqual(xs.filter(Number.isFinite).sort((a, b) => a - b));
      expect(Array.from(w.index.subarray(0, n)).map((i) => xs[i])).toEqual(Array.from(w.keys.subarray(0, n)));
    }), { numRuns: 300 });
  });

  it("Z = Σ_w K̄_t / (√k · S_K), S_K over every day with a K̄ (hand-checked)", () => {
    // K̄ = 0.1, −0.1, 0.2: S_K = √(0.06 / 3); day 2 alone: 0.2 / S_K = 1.4142; days 1–2: 0.1 / (√2 · S_K) = 0.5.
    expect(corradoZ([0.1, -0.1, 0.2], 2, 2, 5)!.statistic).toBeCloseTo(Math.SQRT2, 14);
    expect(corradoZ([0.1, -0.1, 0.2], 1, 2, 5)!.statistic).toBeCloseTo(0.5, 14);
    expect(corradoZ([0.1, Number.NaN, 0.2], 1, 1, 5)).toBeUndefined();
    expect(corradoZ([0, 0], 0, 1, 2)).toBeUndefined();
  });
});

describe("signZ(cars) and generalizedSignZ(cars, shares)", () => {
  it("sign: (N⁺ − N/2) / (√N / 2): 3 of 4 positive gives 1; zero is not positive", () => {
    expect(signZ([0.1, 0.2, -0.1, 0.3])!.statistic).toBeCloseTo(1, 15);
    expect(signZ([0, 0.1])!.statistic).toBeCloseTo(0, 15);
    expect(signZ([])).toBeUndefined();
  });
  it("generalised sign: equals the sign test at p̂ = 0.5; uses the mean estimation share otherwise", () => {
    expect(generalizedSignZ([0.1, 0.2, -0.1, 0.3], [0.5, 0.5, 0.5, 0.5])!.statistic).toBeCloseTo(1, 15);
    // p̂ = 0.4: (3 − 1.6) / √(4 · 0.4 · 0.6) = 1.4 / 0.9798 = 1.4289.
    expect(generalizedSignZ([0.1, 0.2, -0.1, 0.3], [0.3, 0.5, 0.4, 0.4])!.statistic).toBeCloseTo(1.4 / Math.sqrt(0.96), 14);
    expect(generalizedSignZ([0.1], [1])).toBeUndefined();
  });
});
