import { InvalidInputError } from "../../errors.js";

/**
 * Quantile of values already sorted ascending and free of missing values, by linear interpolation
 * between order statistics (Hyndman & Fan type 7, numpy's and R's default).
 *
 * h = (n − 1)·p; Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 *
 * @param sorted - finite numbers sorted ascending (not checked; use {@link quantile} for raw data).
 * @param p - probability in [0, 1] (0.5 is the median).
 * @returns the quantile in the unit of the values, or `undefined` when `sorted` is empty.
 * @throws InvalidInputError when p is not a number in [0, 1].
 * @example quantileSorted([1, 2, 3, 4], 0.25) // 1.75
 * @see FORMULAS.md "Monte Carlo": "percentiles (type 7 interpolation, as numpy's default)"
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  if (!(p >= 0 && p <= 1)) {
    throw new InvalidInputError(`quantile probability p (${p}) must be a number in [0, 1]`);
  }
  const n = sorted.length;
  if (n === 0) return undefined;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo >= n - 1) return a;
  const b = sorted[lo + 1] as number;
  // a + w(b − a) is exact at both ends and monotone in p for finite a ≤ b.
  return a + (h - lo) * (b - a);
}
