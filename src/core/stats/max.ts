/**
 * Largest finite value.
 *
 * @param values - numbers in any unit; null, undefined, NaN and ±Infinity skipped.
 * @returns the maximum, or `undefined` when no finite value is left.
 * @example max([18, null, 15, 22]) // 22
 * @see FORMULAS.md "Multiples": "Peer aggregates"
 */
export function max(values: Iterable<number | null | undefined>): number | undefined {
  let out: number | undefined;
  for (const v of values) {
    if (typeof v === "number" && Number.isFinite(v) && (out === undefined || v > out)) out = v;
  }
  return out;
}
