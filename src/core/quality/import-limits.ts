/**
 * Bounds an imported value must lie within; outside them it is a typo, a unit slip or a corrupted cell, and the
 * file is refused. Documented in README ("Import rules").
 */
export const IMPORT_LIMITS = {
  /** Earliest date of any bar, rate, filing or estimate. */
  minDate: "1900-01-01",
  /** Latest date: the import's clock date plus this many days (a bar dated tomorrow in Asia is today in New York). */
  maxDaysAhead: 1,
  /** A price (open, high, low, close, adjusted close) must lie in [minPrice, maxPrice] (BRK.A ≈ 7e5 USD; HK warrants ≈ 1e-3 HKD). */
  minPrice: 1e-6,
  maxPrice: 1e9,
  /** Shares traded in one day (HK penny stocks trade ≈ 1e10). */
  maxVolume: 1e14,
  /** A fundamental or estimate value: |v| ≤ maxAbsValue (45e12 JPY is Toyota's revenue), and 0 or |v| ≥ minAbsValue. */
  maxAbsValue: 1e16,
  minAbsValue: 1e-12,
  /** An FX rate must lie in [minFxRate, maxFxRate] (VND per USD ≈ 2.5e4). */
  minFxRate: 1e-6,
  maxFxRate: 1e6,
  /** An FX rate more than this factor above the highest or below the lowest known rate of its pair is refused. */
  fxRangeFactor: 4,
} as const;

/** Whether a price lies within {@link IMPORT_LIMITS}. */
export const isPriceInBounds = (v: number): boolean => v >= IMPORT_LIMITS.minPrice && v <= IMPORT_LIMITS.maxPrice;

/** The reason a present price is out of bounds, for messages. */
export const PRICE_BOUNDS_REASON = `is outside the accepted range of a price [${IMPORT_LIMITS.minPrice}, ${IMPORT_LIMITS.maxPrice}]: a unit slip or a corrupted cell`;
