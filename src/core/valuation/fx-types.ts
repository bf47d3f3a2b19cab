import type { Currency } from "../../models/index.js";

/** One stored FX fixing as a lookup returns it: 1 `base` = `rate` `quote`, fixed on `date`. */
export interface FxQuote {
  base: Currency;
  quote: Currency;
  /** Units of quote per one unit of base; positive. */
  rate: number;
  /** ISO date of the fixing (on or before the date asked for). */
  date: string;
  source?: string;
}

/**
 * Where FX rates come from: the latest stored fixing of exactly the pair (base, quote) dated on or before
 * `date`, or `undefined` if there is none. A lookup does not invert or cross pairs; {@link resolveFxRate} does.
 * Build one from rows with `createFxLookup`, or write a stub for tests.
 */
export type FxQuoteLookup = (base: Currency, quote: Currency, date: string) => FxQuote | undefined;

/** One stored pair used on the way from one currency to another. */
export interface FxLeg {
  /** The stored pair, e.g. "USDCNY" (base then quote). */
  pair: string;
  base: Currency;
  quote: Currency;
  /** The stored rate (1 base = rate quote). */
  rate: number;
  /** Date of the stored fixing. */
  date: string;
  /** True when the leg was used as 1 / rate (converting quote → base). */
  inverted: boolean;
  source?: string;
}

/** A rate from `from` to `to` on a date, with the stored fixings it was built from. */
export interface FxResolved {
  from: Currency;
  to: Currency;
  /** The date asked for (the as-of date). */
  date: string;
  /** Units of `to` per one unit of `from`. */
  rate: number;
  /** Stored pairs used, in order (empty for identity). */
  path: FxLeg[];
  /** Age in days of the oldest fixing used, relative to `date` (0 for identity). */
  staleDays: number;
}

/** A successful conversion: `value` is the amount in `to`. */
export interface FxConverted extends FxResolved {
  value: number;
  /** The amount converted, in `from`. */
  amount: number;
  reason?: undefined;
}

/** Why no rate could be given. */
export type FxFailureReason = "no_rate" | "stale_rate" | "invalid_amount";

/** A failed conversion: `value` is undefined and `reason`/`message` say why. */
export interface FxFailure {
  value?: undefined;
  from: Currency;
  to: Currency;
  date: string;
  reason: FxFailureReason;
  message: string;
}

/** Options for rate resolution. */
export interface FxOptions {
  /** Oldest fixing accepted, in calendar days before the date asked for (default 7). */
  maxStaleDays?: number;
  /** Currency to cross through when no direct or inverse pair exists (default "USD"). */
  pivot?: Currency;
}

/** Default for {@link FxOptions.maxStaleDays}: a week covers long holidays (Golden Week, Christmas). */
export const DEFAULT_MAX_STALE_DAYS = 7;
