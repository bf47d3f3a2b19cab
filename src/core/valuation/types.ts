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
 */
export type NmReason =
  | "negative_earnings"
  | "zero_earnings"
  | "non_positive_input"
  | "above_cap"
  | "missing_input"
  | "missing_fx"
  | "stale_fx"
  | "stale_price";

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

/** A not-meaningful result: shown in tables as "n.m." and excluded from aggregates. */
export interface MultipleNm extends ResultBase {
  value?: undefined;
  nm: NmReason;
  /** Human explanation naming the figure and its value, e.g. "EPS FY2025 (−0.52 CNY) is negative". */
  message: string;
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
}

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
