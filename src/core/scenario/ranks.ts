import { sortOrder } from "./sort-order.js";

/**
 * The rank (0-based position in ascending order) of each of the first n values, ties broken by
 * position, so the ranks are a permutation of 0..n−1.
 *
 * @param values - finite numbers (not modified).
 * @param n - how many of them.
 * @param out - receives the ranks.
 * @example rankPositions(Float64Array.of(0.3, 0.1, 0.2), 3, new Int32Array(3)) // [2, 0, 1]
 */
export function rankPositions(values: Float64Array, n: number, out: Int32Array): void {
  if (n > 1 && rankByBuckets(values, n, out)) return;
  const { order } = sortOrder(values, n);
  for (let r = 0; r < n; r++) out[order[r] as number] = r;
}

/**
 * rankPositions by bucket sort over [min, max] (n buckets, about one value each; fast while the arrays
 * fit in cache, as Iman–Conover's blocks do). Gives up (false) when a bucket overflows, i.e. the values
 * are far from evenly spread, or one is not finite.
 */
function rankByBuckets(values: Float64Array, n: number, out: Int32Array): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!(hi > lo) || !Number.isFinite(hi - lo)) return false;
  const scale = (n - 1) / (hi - lo);
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(((values[i] as number) - lo) * scale) + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let b = 1; b <= n; b++) start[b] = (start[b] as number) + (start[b - 1] as number);
  const next = start.slice(0, n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(((values[i] as number) - lo) * scale);
    order[next[b] as number] = i;
    next[b] = (next[b] as number) + 1;
  }
  for (let b = 0; b < n; b++) {
    const from = start[b] as number;
    const to = start[b + 1] as number;
    if (to - from > 64) return false;
    // Insertion sort inside the bucket; equal values keep index order (as sortOrder does).
    for (let k = from + 1; k < to; k++) {
      const idx = order[k] as number;
      const x = values[idx] as number;
      let j = k - 1;
      while (j >= from && (values[order[j] as number] as number) > x) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = idx;
    }
  }
  for (let r = 0; r < n; r++) out[order[r] as number] = r;
  return true;
}

/**
 * Ranks 1..n with ties given their average rank (as scipy.stats.rankdata and Spearman's ρ use).
 *
 * @param values - finite numbers (not modified).
 * @param sorting - the result of sortOrder(values), when the caller has it (saves a sort).
 * @param out - where to write the ranks (default a new array); may be `values` itself.
 * @returns the ranks.
 * @example averageRanks(Float64Array.of(10, 20, 20, 5)) // [2, 3.5, 3.5, 1]
 */
export function averageRanks(values: Float64Array, sorting?: { order: Uint32Array; sorted: Float64Array }, out: Float64Array = new Float64Array(values.length)): Float64Array {
  // Everything is read from `sorted` (a copy), so writing the ranks over `values` is safe.
  const { order, sorted } = sorting ?? sortOrder(values);
  const n = sorted.length;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    // Positions i..j−1 hold equal values: ranks i+1..j, average (i + 1 + j) / 2.
    const r = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) out[order[k] as number] = r;
    i = j;
  }
  return out;
}

/**
 * Average ranks (1..n) of numbers in [0, 1), such as the percentile draws of a driver, in O(n) by bucket
 * sort (bucket ⌊u·n⌋ holds about one draw). Same result as {@link averageRanks}; falls back to it if a
 * bucket overflows (values far from uniform) or a value lies outside [0, 1).
 *
 * @param u - the draws (not modified unless `out` is `u`).
 * @param out - where to write the ranks (default a new array); may be `u` itself.
 * @returns the ranks.
 * @example averageRanksOfUniforms(Float64Array.of(0.7, 0.2, 0.5)) // [3, 1, 2]
 */
export function averageRanksOfUniforms(u: Float64Array, out: Float64Array = new Float64Array(u.length)): Float64Array {
  const n = u.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const x = u[i] as number;
    if (!(x >= 0 && x < 1)) return averageRanks(u, undefined, out);
    const b = Math.floor(x * n) + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let b = 1; b <= n; b++) start[b] = (start[b] as number) + (start[b - 1] as number);
  const fill = start.slice(0, n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const b = Math.floor((u[i] as number) * n);
    order[fill[b] as number] = i;
    fill[b] = (fill[b] as number) + 1;
  }
  const sorted = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    const lo = start[b] as number;
    const hi = start[b + 1] as number;
    if (hi - lo > 64) return averageRanks(u, undefined, out);
    // Insertion sort inside the bucket (about one element): ties keep index order.
    for (let k = lo; k < hi; k++) {
      const idx = order[k] as number;
      const x = u[idx] as number;
      let j = k - 1;
      while (j >= lo && (sorted[j] as number) > x) {
        sorted[j + 1] = sorted[j] as number;
        order[j + 1] = order[j] as number;
        j--;
      }
      sorted[j + 1] = x;
      order[j + 1] = idx;
    }
  }
  return averageRanks(u, { order, sorted }, out);
}
