import { quantile } from "./quantile.js";

/**
 * Median of the finite values (the mean of the two middle values when n is even).
 *
 * @param values - numbers in any unit; null, undefined, NaN and ±Infinity skipped.
 * @returns the median in the unit of the values, or `undefined` when no finite value is left.
 * @example median([22, 15, null, 18]) // 18
 * @see FORMULAS.md "Multiples": "Peer aggregates: median"
 */
export function median(values: Iterable<number | null | undefined>): number | undefined {
  return quantile(values, 0.5);
}
