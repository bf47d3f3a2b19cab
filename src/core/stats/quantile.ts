import { finiteValues } from "./_finite.js";
import { quantileSorted } from "./quantile-sorted.js";

/**
 * Quantile of the finite values (type 7 interpolation, numpy's default). The input is copied, never sorted in place.
 *
 * @param values - numbers in any unit; null, undefined, NaN and ±Infinity skipped.
 * @param p - probability in [0, 1].
 * @returns the p-quantile in the unit of the values, or `undefined` when no finite value is left.
 * @throws InvalidInputError when p is not a number in [0, 1].
 * @example quantile([3, 1, 4, 1, 5], 0.9) // 4.6  (h = 4 · 0.9 = 3.6 → 4 + 0.6 · (5 − 4))
 * @see FORMULAS.md "Monte Carlo": "percentiles (type 7 interpolation, as numpy's default)"
 */
export function quantile(values: Iterable<number | null | undefined>, p: number): number | undefined {
  const xs = finiteValues(values).sort();
  return quantileSorted(xs, p);
}
