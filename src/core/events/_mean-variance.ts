/**
 * Count, mean and sample variance (n − 1) of the finite values, without copying or iterators (the battery
 * runs it over tens of thousands of CARs). Two passes: the sum (and the range), then the squared deviations
 * from the mean less the square of their sum over n, the rounding correction of the "corrected two-pass"
 * algorithm (Chan, Golub & LeVeque 1983), which avoids a division per value. Values that are all equal have
 * variance exactly 0. Internal.
 * @returns `{ n, mean, variance }`, variance NaN when n < 2
 */
export function meanAndVariance(values: ArrayLike<number>): { n: number; mean: number; variance: number } {
  let n = 0;
  let sum = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v - v === 0)) continue;
    n++;
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (n === 0) return { n, mean: NaN, variance: NaN };
  if (lo === hi) return { n, mean: lo, variance: n > 1 ? 0 : NaN };
  const mean = sum / n;
  let ss = 0;
  let drift = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    if (!(d - d === 0)) continue;
    ss += d * d;
    drift += d;
  }
  return { n, mean, variance: n > 1 ? Math.max(0, (ss - (drift * drift) / n) / (n - 1)) : NaN };
}
