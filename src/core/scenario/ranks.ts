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
  const { order } = sortOrder(values, n);
  for (let r = 0; r < n; r++) out[order[r] as number] = r;
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
