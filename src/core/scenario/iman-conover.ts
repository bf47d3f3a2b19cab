import type { Random } from "../demo/random.js";
import { cholesky } from "./cholesky.js";
import { normalQuantile } from "./normal-quantile.js";
import { rankPositions } from "./ranks.js";
import { randomPermutation } from "./uniforms.js";

/** Inverse of a lower-triangular matrix with a non-zero diagonal; undefined when a pivot is ~0. */
function invertLower(l: readonly (readonly number[])[]): number[][] | undefined {
  const k = l.length;
  const inv: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    const lii = (l[i] as readonly number[])[i] as number;
    if (!(Math.abs(lii) > 1e-12)) return undefined;
    (inv[i] as number[])[i] = 1 / lii;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let m = j; m < i; m++) s += ((l[i] as readonly number[])[m] as number) * ((inv[m] as number[])[j] as number);
      (inv[i] as number[])[j] = -s / lii;
    }
  }
  return inv;
}

let lastScores: { n: number; scores: Float64Array; ss: number } | undefined;

/** Van der Waerden scores Φ⁻¹(r/(n+1)), r = 1..n, and their sum of squares (the last size is kept: blocks repeat it). */
function vanDerWaerden(n: number): { scores: Float64Array; ss: number } {
  if (lastScores?.n === n) return lastScores;
  const scores = new Float64Array(n);
  let ss = 0;
  for (let r = 0; r < n; r++) {
    const a = normalQuantile((r + 1) / (n + 1));
    scores[r] = a;
    ss += a * a;
  }
  lastScores = { n, scores, ss };
  return lastScores;
}

/**
 * Iman–Conover: the rank each row should have in each of k columns so that the columns' rank
 * correlations match a target. Van der Waerden scores Φ⁻¹(r/(n+1)) are randomly permuted per column; their
 * sample correlation E = F·Fᵀ is removed and the target C = P·Pᵀ imposed, T = S·(P·F⁻¹)ᵀ; the ranks of T's
 * columns are returned. Reordering any samples to these ranks keeps each marginal exactly and gives
 * rank correlations close to those of T (pass P for 2·sin(π·ρ_s/6) to hit Spearman targets ρ_s).
 * Columns that are not linked through the target (its Cholesky factor is block-diagonal) are handled as
 * separate groups, which is cheaper and leaves independent groups independent.
 *
 * @param n - rows (draws in the block), ≥ 1.
 * @param targetFactor - P, the k×k lower Cholesky factor of the target correlation of normal scores.
 * @param random - the seeded stream for the permutations.
 * @returns per column, the 0-based rank of each row (a permutation of 0..n−1).
 * @example imanConoverRanks(1000, [[1, 0], [0.5, 0.866]], createRandom(7))
 * @see Iman, R. L. & Conover, W. J. (1982), A distribution-free approach to inducing rank correlation
 *   among input variables, Commun. Statist. B 11(3), 311–334.
 */
export function imanConoverRanks(n: number, targetFactor: readonly (readonly number[])[], random: Random): Int32Array[] {
  const k = targetFactor.length;
  // Groups: connected through non-zero entries of the factor (a block-diagonal target factors block by block).
  const group = Array.from({ length: k }, (_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i] as number)));
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) if (((targetFactor[i] as readonly number[])[j] as number) !== 0) group[find(i)] = find(j);
  const out: Int32Array[] = new Array(k);
  for (let root = 0; root < k; root++) {
    const members = Array.from({ length: k }, (_, i) => i).filter((i) => find(i) === root);
    if (members.length === 0) continue;
    const sub = members.map((i) => members.map((j) => (targetFactor[i] as readonly number[])[j] as number));
    imanConoverGroup(n, sub, random).forEach((r, idx) => (out[members[idx] as number] = r));
  }
  return out;
}

/** Iman–Conover for one group of mutually correlated columns (see imanConoverRanks). */
function imanConoverGroup(n: number, targetFactor: readonly (readonly number[])[], random: Random): Int32Array[] {
  const k = targetFactor.length;
  const { scores, ss } = vanDerWaerden(n);
  const perm = new Int32Array(n);
  const first = new Int32Array(n);
  const s: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    randomPermutation(random, perm, n);
    if (j === 0) first.set(perm);
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = scores[perm[i] as number] as number;
    s.push(col);
  }
  // Sample correlation of the permuted scores: every column has the same mean (0) and sum of squares.
  const e: number[][] = Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => {
      if (a === b) return 1;
      const ca = s[a] as Float64Array;
      const cb = s[b] as Float64Array;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += (ca[i] as number) * (cb[i] as number);
      return ss > 0 ? dot / ss : 0;
    }),
  );
  const f = cholesky(e);
  const finv = f === undefined ? undefined : invertLower(f);
  // M = P·F⁻¹ (or P alone when the block is too small to estimate E).
  const m: number[][] = targetFactor.map((row) =>
    Array.from({ length: k }, (_, b) => {
      if (finv === undefined) return (row[b] as number) ?? 0;
      let v = 0;
      for (let c = 0; c < k; c++) v += (row[c] as number) * ((finv[c] as number[])[b] as number);
      return v;
    }),
  );
  const t = new Float64Array(n);
  const ranks: Int32Array[] = [];
  // M is lower-triangular with M₀₀ > 0, so column 0 of T is column 0 of S scaled: its ranks are its permutation.
  ranks.push(first);
  for (let j = 1; j < k; j++) {
    const mj = m[j] as number[];
    t.fill(0);
    for (let c = 0; c < k; c++) {
      const w = mj[c] as number;
      if (w === 0) continue;
      const sc = s[c] as Float64Array;
      for (let i = 0; i < n; i++) t[i] = (t[i] as number) + w * (sc[i] as number);
    }
    const r = new Int32Array(n);
    rankPositions(t, n, r);
    ranks.push(r);
  }
  return ranks;
}
