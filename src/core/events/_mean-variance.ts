/**
 * Count, mean and sample variance (n − 1) of the finite values, by Welford's update, without copying or
 * iterators (the battery runs it over tens of thousands of CARs). Internal.
 * @returns `{ n, mean, variance }`, variance NaN when n < 2
 */
export function meanAndVariance(values: ArrayLike<number>): { n: number; mean: number; variance: number } {
  let n = 0;
  let m = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v - v === 0)) continue;
    n++;
    const d = v - m;
    m += d / n;
    s += d * (v - m);
  }
  return { n, mean: n > 0 ? m : NaN, variance: n > 1 ? Math.max(0, s / (n - 1)) : NaN };
}
