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

/**
 * Relative tolerance of the range checks: adjusted prices are rescaled floats, and a close that differs from
 * the high by 4e-15 is rounding, not a bad bar (0005.HK on 2020-05-18: close 29.314748764038086, high
 * 29.314748764038082). With it, ../shared/data/hk has 654 bars with high < low and 1,599 with the close
 * outside [low, high], as its provenance notes count them.
 */
export const RANGE_TOLERANCE = 1e-9;

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
    const bar = { open: o, high: h, low: l, close: c, gapDays: NaN, move: NaN };
    const hi = h * (1 + RANGE_TOLERANCE), lo = l * (1 - RANGE_TOLERANCE);
    if (h < lo || o > hi || o < lo) out.push({ index: i, check: "ohlc_inconsistent", detail: describeFinding("ohlc_inconsistent", bar) });
    if (c > hi || c < lo) out.push({ index: i, check: "close_outside_range", detail: describeFinding("close_outside_range", bar) });
    if (v === 0) out.push({ index: i, check: "zero_volume", detail: describeFinding("zero_volume", bar) });
    if (i > 0) {
      bar.gapDays = bars.days[i]! - bars.days[i - 1]!;
      if (bar.gapDays > maxGapDays) out.push({ index: i, check: "long_gap", detail: describeFinding("long_gap", bar) });
    }
    const adj = bars.adjClose[i]!;
    const ref = adj === adj ? adj : c;
    if (prevRef === prevRef && ref === ref) {
      bar.move = ref / prevRef - 1;
      if (bar.move > BIG_MOVE || bar.move < -BIG_MOVE) out.push({ index: i, check: "big_move", detail: describeFinding("big_move", bar) });
    }
    if (ref === ref) prevRef = ref;
  }
  return out;
}

/** The values a finding is described with (NaN where not applicable). */
export interface FindingValues {
  open: number;
  high: number;
  low: number;
  close: number;
  /** Calendar days since the previous session. */
  gapDays: number;
  /** One-day simple return of the adjusted (else raw) close. */
  move: number;
}

/**
 * The human-readable detail of a finding; one wording whichever import path found it.
 * @example describeFinding("close_outside_range", { open: 1, high: 2, low: 1, close: 3, gapDays: NaN, move: NaN }) // "close 3 outside [1, 2]"
 */
export function describeFinding(check: PriceCheckId, b: FindingValues): string {
  switch (check) {
    case "ohlc_inconsistent":
      return b.high < b.low * (1 - RANGE_TOLERANCE) ? `high ${b.high} < low ${b.low}` : `open ${b.open} outside [${b.low}, ${b.high}]`;
    case "close_outside_range":
      return `close ${b.close} outside [${b.low}, ${b.high}]`;
    case "zero_volume":
      return "volume 0";
    case "long_gap":
      return `${b.gapDays} calendar days since the previous session`;
    case "big_move":
      return `one-day move ${(b.move * 100).toFixed(1)}% with no split recorded`;
  }
}
