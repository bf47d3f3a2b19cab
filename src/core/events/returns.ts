/** A price is usable when it is a finite positive number. */
function isPrice(p: number): boolean {
  return p > 0 && p < Number.POSITIVE_INFINITY;
}

/**
 * Returns over consecutive sessions of a price series (FORMULAS.md "Returns and calendars"):
 * simple r_t = P_t / P_{t−1} − 1, or log r_t = ln(P_t / P_{t−1}).
 * A missing or non-positive price breaks the chain: the return into it and the one out of it are NaN
 * (never treated as one day; see {@link findReturnGaps} for the multi-session returns that span the gap).
 *
 * @param prices adjusted closes on a session grid, NaN where missing
 * @param options `log: true` for log returns
 * @returns a new array as long as `prices`; element 0 is NaN
 * @example toReturns([100, 110, NaN, 99]) // Float64Array [NaN, 0.1, NaN, NaN]
 */
export function toReturns(prices: ArrayLike<number>, options: { log?: boolean } = {}): Float64Array {
  const n = prices.length;
  const out = new Float64Array(n);
  out[0] = NaN;
  const log = options.log === true;
  for (let t = 1; t < n; t++) {
    const p0 = prices[t - 1]!;
    const p1 = prices[t]!;
    out[t] = isPrice(p0) && isPrice(p1) ? (log ? Math.log(p1 / p0) : p1 / p0 - 1) : NaN;
  }
  return out;
}

/** A return that spans missing sessions: from the last price before the gap to the first after it. */
export interface ReturnGap {
  /** Index of the first price after the gap. */
  index: number;
  /** Index of the last price before it. */
  fromIndex: number;
  /** Sessions the return spans (2 or more). */
  sessions: number;
  /** The spanning return (simple or log, as asked). */
  value: number;
}

/**
 * The returns that span missing prices, reported instead of being silently treated as one day.
 * @param prices prices on a session grid, NaN where missing
 * @returns one entry per gap with a price on both sides, in order
 * @example findReturnGaps([100, NaN, 121]) // [{ index: 2, fromIndex: 0, sessions: 2, value: 0.21 }]
 */
export function findReturnGaps(prices: ArrayLike<number>, options: { log?: boolean } = {}): ReturnGap[] {
  const out: ReturnGap[] = [];
  let last = -1;
  for (let t = 0; t < prices.length; t++) {
    if (!isPrice(prices[t]!)) continue;
    if (last >= 0 && t - last > 1) {
      const ratio = prices[t]! / prices[last]!;
      out.push({ index: t, fromIndex: last, sessions: t - last, value: options.log === true ? Math.log(ratio) : ratio - 1 });
    }
    last = t;
  }
  return out;
}
