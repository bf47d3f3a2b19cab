import { variance } from "./variance.js";

/**
 * Sample standard deviation of the finite values: √variance, with denominator n − 1.
 *
 * @param values - numbers in any unit; null, undefined, NaN and ±Infinity skipped.
 * @returns the standard deviation in the unit of the values, or `undefined` when fewer than two finite values are left.
 * @example deviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138… (√(32 / 7))
 * @see FORMULAS.md "Tests across N security-events": "sd with N − 1"
 */
export function deviation(values: Iterable<number | null | undefined>): number | undefined {
  const v = variance(values);
  return v === undefined ? undefined : Math.sqrt(v);
}
