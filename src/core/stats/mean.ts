import { finiteValues } from "./_finite.js";
import { sum } from "./sum.js";

/**
 * Arithmetic mean of the finite values.
 *
 * @param values - numbers in any unit; null, undefined, NaN and ±Infinity skipped.
 * @returns Σx / n in the unit of the values, or `undefined` when no finite value is left.
 * @example mean([1, 2, null, 6]) // 3
 * @see FORMULAS.md "Monte Carlo": "Report mean, sd, percentiles"
 */
export function mean(values: Iterable<number | null | undefined>): number | undefined {
  const xs = finiteValues(values);
  if (xs.length === 0) return undefined;
  return sum(xs) / xs.length;
}
