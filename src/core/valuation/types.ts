import type { Currency, Estimate, Fundamental, Metric, Security, Unit } from "../../models/index.js";
import type { FxLeg, FxQuoteLookup } from "./fx-types.js";

/**
 * Why a multiple is not meaningful (n.m.). Codes are stable; the accompanying `message` is for people.
 * - `negative_earnings` / `zero_earnings`: the earnings denominator (EPS, EBITDA) is < 0 / = 0.
 * - `non_positive_input`: another figure that must be positive is not (book value, sales, EV, growth for PEG).
 * - `above_cap`: the multiple exceeds the cap (P/E default 200x): earnings too small to mean anything.
 * - `missing_input`: a price, share count or figure is missing at the as-of date, or invalid.
 * - `missing_fx` / `stale_fx`: no FX rate, or only one older than `maxStaleDays`, to put both sides in one currency.
 * - `stale_price`: the last trade is more than `maxStalePriceDays` before asOf (suspended, delisted, no data).
 * - `stale_fundamentals`: the latest reported figure known on asOf is for a period that ended longer ago than the
 *   limit for its kind (`maxAnnualAgeDays` for a fiscal year, `maxInterimAgeDays` for quarters, `maxHalfYearAgeDays`
 *   for halves): a P/E on years-old earnings is not a P/E.
 * - `stale_estimates`: the latest estimate was observed more than `maxEstimateAgeDays` before asOf.
 * - `stale_shares`: the latest share count is for a period that ended more than `maxSharesAgeDays` before asOf.
 */
export type NmReason =
  | "negative_earnings"
  | "zero_earnings"
  | "non_positive_input"
  | "above_cap"
  | "missing_input"
  | "missing_fx"
  | "stale_fx"
  | "stale_price"
  | "stale_fundamentals"
  | "stale_estimates"
  | "stale_shares";

/** What a result is. */
export type MultipleKind =
  | "marketCap"
  | "marketCapUsd"
  | "enterpriseValue"
  | "trailingPE"
  | "ttmPE"
  | "forwardPEFy1"
  | "forwardPEFy2"
  | "forwardPENtm"
  | "peg"
  | "evToEbitda"
  | "evToSales"
  | "priceToSales"
  | "priceToBook"
  | "earningsYield"
  | "dividendYield";

/** Forward EPS horizon: the first or second fiscal year ending after asOf, or next twelve months calendarised. */
export type ForwardHorizon = "FY1" | "FY2" | "NTM";

/** How to print a value: a multiple (18.0x), a ratio (0.055 = 5.5%) or an amount in `inputs.currency`. */
export type ResultUnit = "x" | "ratio" | "amount";

/** The price a result used. */
export interface PriceUsed {
  /** Session date of the close (may precede asOf). */
  date: string;
  /** Close per listing unit, in `currency`. */
  close: number;
  currency: Currency;
  /** Calendar days from `date` to asOf (set in a result's inputs). */
  ageDays?: number;
}

/** One reported figure or estimate a result used, with where and when it came from. */
export interface FigureUsed {
  /** Its role in the formula: "EPS FY1", "total debt", "shares outstanding", … */
  role: string;
  entity: string;
  metric: Metric;
  fiscalPeriod: string;
  periodEnd?: string;
  /** The figure as stored (per ordinary share for per-share metrics), in `currency`. */
  value: number;
  currency?: Currency;
  unit: Unit;
  origin: "reported" | "estimate";
  /** Reported figures: knownFrom; estimates: the date the estimate was observed (its asOf). */
  knownFrom: string;
  estimator?: string;
  source?: string;
  /** Weight in a sum (TTM quarters: 1; calendarised NTM: f and 1 − f), when the figure is one of several. */
  weight?: number;
  /**
   * Calendar days from the figure's period end (reported figures) or observation date (estimates) to asOf: the
   * age the freshness limits apply to (see {@link MultipleOptions}).
   */
  ageDays: number;
  /** Calendar days from `knownFrom` (the filing date, or the estimate's observation date) to asOf. */
  knownAgeDays: number;
}

/** One currency conversion a result used. */
export interface FxUsed {
  from: Currency;
  to: Currency;
  /** As-of date the rate was asked for. */
  date: string;
  /** Units of `to` per unit of `from`. */
  rate: number;
  /** Stored pairs used, with their fixing dates. */
  path: FxLeg[];
  staleDays: number;
  /** Calendar days from the oldest fixing used to the as-of date (the same as `staleDays`). */
  ageDays?: number;
  /** What was converted, e.g. "EPS per listing". */
  what: string;
}

/** Everything a result used, so `--explain` can print the arithmetic and its sources. */
export interface MultipleInputs {
  asOf: string;
  /** The formula in words, e.g. "price / (EPS FY × sharesPerListing)". */
  formula: string;
  /** Currency in which numerator and denominator were compared (and in which an amount is stated). */
  currency?: Currency;
  price?: PriceUsed;
  sharesPerListing: number;
  figures: FigureUsed[];
  fx: FxUsed[];
  /** Numerator and denominator as compared, both in `currency` (per listing for per-share ratios). */
  numerator?: number;
  denominator?: number;
  /** Calendarisation of forward EPS: weight of FY1 and the fiscal years used. */
  calendarisation?: { fy1: string; fy2: string; fy1End: string; weightFy1: number };
  notes: string[];
}

interface ResultBase {
  kind: MultipleKind;
  unit: ResultUnit;
  inputs: MultipleInputs;
}

/** A meaningful result. */
export interface MultipleValue extends ResultBase {
  value: number;
  nm?: undefined;
  message?: undefined;
}

/** The input that made a result stale: its age and the limit it passed, in calendar days. */
export interface StaleInput {
  ageDays: number;
  limitDays: number;
  /** The option setting the limit, e.g. "maxInterimAgeDays". */
  option: keyof FreshnessLimits;
}

/** A not-meaningful result: shown in tables as "n.m." and excluded from aggregates. */
export interface MultipleNm extends ResultBase {
  value?: undefined;
  nm: NmReason;
  /** Human explanation naming the figure and its value, e.g. "EPS FY2025 (−0.52 CNY) is negative". */
  message: string;
  /** For `stale_*` reasons: the stale input's age and the limit. */
  stale?: StaleInput;
}

/** Either a value or an n.m. with its reason; `inputs` explain both. Test with `result.value !== undefined`. */
export type MultipleResult = MultipleValue | MultipleNm;

/** Options shared by the multiple functions. */
export interface MultipleOptions {
  /** P/E above this is n.m. (`above_cap`); default 200 (x). */
  peCap?: number;
  /** Oldest FX fixing accepted, in calendar days before asOf; default 7. */
  maxStaleDays?: number;
  /** Oldest last trade accepted, in calendar days before asOf; default 10 (`DEFAULT_MAX_STALE_PRICE_DAYS`). */
  maxStalePriceDays?: number;
  /** Which estimator's forecasts to use; default "consensus". */
  estimator?: string;
  /** Subtract listed investments (a holding company's stakes) from EV; default false. */
  subtractListedInvestments?: boolean;
  /**
   * Oldest fiscal-year figure accepted: calendar days from its period end to asOf; default 456 (≈ 15 months,
   * {@link DEFAULT_FRESHNESS}). Older: `stale_fundamentals`.
   */
  maxAnnualAgeDays?: number;
  /** Oldest quarter accepted (the last quarter of a TTM sum), days from its period end; default 213 (≈ 7 months). */
  maxInterimAgeDays?: number;
  /** Oldest half-year accepted (the last half of a TTM sum), days from its period end; default 304 (≈ 10 months). */
  maxHalfYearAgeDays?: number;
  /** Oldest share count accepted, days from its period end; default 456 (≈ 15 months). Older: `stale_shares`. */
  maxSharesAgeDays?: number;
  /** Oldest estimate observation accepted, days from its asOf; default 45. Older: `stale_estimates`. */
  maxEstimateAgeDays?: number;
}

/** The freshness limits of {@link MultipleOptions}. */
export type FreshnessLimits = Required<Pick<MultipleOptions, "maxAnnualAgeDays" | "maxInterimAgeDays" | "maxHalfYearAgeDays" | "maxSharesAgeDays" | "maxEstimateAgeDays">>;

/**
 * Default freshness limits, in calendar days (a month ≈ 30.44 days): a fiscal year 15 months after its end
 * (15 × 30.44 = 456.6 → 456: the next annual report is due by then even for a 20-F filer's results release), a
 * quarter 7 months (213.1 → 213: a quarter plus a missed report), a half-year 10 months (304.4 → 304: a half-yearly
 * reporter publishes its second half up to 3 months after year end, when the first half is 9 months old), share
 * counts 15 months, estimates 45 days after they were observed.
 */
export const DEFAULT_FRESHNESS: Readonly<FreshnessLimits> = {
  maxAnnualAgeDays: 456,
  maxInterimAgeDays: 213,
  maxHalfYearAgeDays: 304,
  maxSharesAgeDays: 456,
  maxEstimateAgeDays: 45,
};

/**
 * Everything needed to value one listing as of a date. Fundamentals and estimates may hold other entities and
 * later rows: functions use only rows of `security.id` or `security.issuer` known on or before `asOf`.
 * Per-share fundamentals and estimates are per ordinary share (× `security.sharesPerListing` gives per listing);
 * share counts are ordinary shares; amounts are in currency units (not thousands or millions).
 */
export interface MultipleContext {
  security: Security;
  /** ISO date of the valuation. */
  asOf: string;
  /** Close per listing unit. */
  price: PriceUsed;
  fundamentals: readonly Fundamental[];
  estimates: readonly Estimate[];
  fx: FxQuoteLookup;
  options?: MultipleOptions;
}

/** The multiples of one listing as of a date (the output of `computeMultiples`). */
export interface SecurityMultiples {
  security: string;
  asOf: string;
  /** Listing currency (of the price). */
  currency: Currency;
  marketCap: MultipleResult;
  marketCapUsd: MultipleResult;
  enterpriseValue: MultipleResult;
  trailingPE: MultipleResult;
  ttmPE: MultipleResult;
  forwardPEFy1: MultipleResult;
  forwardPEFy2: MultipleResult;
  forwardPENtm: MultipleResult;
  peg: MultipleResult;
  evToEbitda: MultipleResult;
  evToSales: MultipleResult;
  priceToSales: MultipleResult;
  priceToBook: MultipleResult;
  earningsYield: MultipleResult;
  dividendYield: MultipleResult;
}

/** Default P/E cap: above 200x the earnings are too small for the multiple to mean anything. */
export const DEFAULT_PE_CAP = 200;

/**
 * Default {@link MultipleOptions.maxStalePriceDays}: ten calendar days covers the longest market holidays (Golden
 * Week, Lunar New Year); an older last trade (a suspension) makes price-based multiples n.m. `stale_price`.
 */
export const DEFAULT_MAX_STALE_PRICE_DAYS = 10;
