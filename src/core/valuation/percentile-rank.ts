/**
 * Where a value sits in a history: the share of finite history values at or below it, in percent
 * (scipy's `percentileofscore(kind="weak")`). 100 means no history value is higher; ties count as at or below, and
 * values within 1e-12 (relative) of it count as ties, so rounding noise cannot move the percentile.
 *
 * @param history - the series (any unit); null, undefined, NaN and ±Infinity skipped. Not modified.
 * @param value - the value to place (typically the series' latest point).
 * @returns a percentage in [0, 100], or `undefined` when the value is not finite or the history has no finite value.
 * @example percentileRank([1, 2, 3, 4], 3) // 75 (three of four values ≤ 3)
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.percentileofscore.html
 */
export function percentileRank(history: Iterable<number | null | undefined>, value: number | null | undefined): number | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  let n = 0;
  let atOrBelow = 0;
  for (const x of history) {
    if (typeof x !== "number" || !Number.isFinite(x)) continue;
    n++;
    if (x <= value || x - value <= 1e-12 * Math.max(Math.abs(x), Math.abs(value))) atOrBelow++;
  }
  return n === 0 ? undefined : (100 * atOrBelow) / n;
}
