/**
 * Smallest finite value.
 *
 * @param values - numbers in any unit; null, undefined, NaN and ±Infinity skipped.
 * @returns the minimum, or `undefined` when no finite value is left.
 * @example min([18, null, 15, 22]) // 15
 * @see FORMULAS.md "Multiples": "Peer aggregates"
 */
export function min(values: Iterable<number | null | undefined>): number | undefined {
  let out: number | undefined;
  for (const v of values) {
    if (typeof v === "number" && Number.isFinite(v) && (out === undefined || v < out)) out = v;
  }
  return out;
}
