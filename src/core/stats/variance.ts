/**
 * Sample variance of the finite values (denominator n − 1), by Welford's one-pass update, which stays accurate
 * when the mean is large relative to the spread.
 *
 * @param values - numbers in any unit; null, undefined, NaN and ±Infinity skipped.
 * @returns the variance in squared units, or `undefined` when fewer than two finite values are left.
 * @example variance([2, 4, 4, 4, 5, 5, 7, 9]) // 4.571428… (Σ(x − 5)² = 32, 32 / 7)
 * @see FORMULAS.md "Tests across N security-events": "sd with N − 1"
 */
export function variance(values: Iterable<number | null | undefined>): number | undefined {
  let n = 0;
  let m = 0;
  let s = 0;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    n += 1;
    const delta = v - m;
    m += delta / n;
    s += delta * (v - m);
  }
  if (n < 2) return undefined;
  return Math.max(0, s / (n - 1));
}
