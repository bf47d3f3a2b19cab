/** Data-quality checks over one security's daily bars: findings are warnings, never errors. */

export type PriceCheckId = "ohlc_inconsistent" | "close_outside_range" | "zero_volume" | "long_gap" | "big_move";

export interface PriceFinding {
  /** Index of the bar the finding is about. */
  index: number;
  check: PriceCheckId;
  detail: string;
}

export interface PriceBarsColumns {
  days: ArrayLike<number>;
  open: ArrayLike<number>;
  high: ArrayLike<number>;
  low: ArrayLike<number>;
  close: ArrayLike<number>;
  adjClose: ArrayLike<number>;
  volume: ArrayLike<number>;
}

/**
 * Longest normal break between two sessions, in calendar days, per exchange: a longer gap is reported.
 * Mainland exchanges close for a week at Chinese New Year and National Day (up to 11 days between
 * sessions); Hong Kong and the US for at most four or five.
 */
export const MAX_NORMAL_GAP_DAYS: Record<string, number> = { HKEX: 6, NYSE: 5, NASDAQ: 5, SSE: 12, SZSE: 12, BSE: 12, INDEX: 12, FX: 5 };
export const DEFAULT_MAX_GAP_DAYS = 12;

/** A one-day move beyond this (in either direction, as a simple return) is reported when no split is recorded. */
export const BIG_MOVE = 0.5;

/**
 * Runs every price check over bars sorted by date.
 * @param bars columns sorted by `days` (day numbers), NaN for missing values.
 * @param maxGapDays calendar days between sessions beyond which a gap is reported.
 * @returns findings in bar order; empty when the data is clean.
 * @example checkPriceBars({ days: [0, 1], open: [1, 1], high: [1, 1], low: [2, 1], close: [1, 1], adjClose: [NaN, NaN], volume: [5, 0] }, 5)
 *   // → high < low on bar 0, zero volume on bar 1
 */
export function checkPriceBars(bars: PriceBarsColumns, maxGapDays: number = DEFAULT_MAX_GAP_DAYS): PriceFinding[] {
  const out: PriceFinding[] = [];
  const n = bars.days.length;
  let prevRef = NaN;
  for (let i = 0; i < n; i++) {
    const o = bars.open[i]!, h = bars.high[i]!, l = bars.low[i]!, c = bars.close[i]!, v = bars.volume[i]!;
    if (h < l) out.push({ index: i, check: "ohlc_inconsistent", detail: `high ${h} < low ${l}` });
    else if (o > h || o < l) out.push({ index: i, check: "ohlc_inconsistent", detail: `open ${o} outside [${l}, ${h}]` });
    if (c > h || c < l) out.push({ index: i, check: "close_outside_range", detail: `close ${c} outside [${l}, ${h}]` });
    if (v === 0) out.push({ index: i, check: "zero_volume", detail: "volume 0" });
    if (i > 0) {
      const gap = bars.days[i]! - bars.days[i - 1]!;
      if (gap > maxGapDays) out.push({ index: i, check: "long_gap", detail: `${gap} calendar days since the previous session` });
    }
    const adj = bars.adjClose[i]!;
    const ref = adj === adj ? adj : c;
    if (prevRef === prevRef && ref === ref) {
      const r = ref / prevRef - 1;
      if (r > BIG_MOVE || r < -BIG_MOVE) out.push({ index: i, check: "big_move", detail: `one-day move ${(r * 100).toFixed(1)}% with no split recorded` });
    }
    if (ref === ref) prevRef = ref;
  }
  return out;
}
