/** One end of an attribution period for one listing. All values positive. */
export interface AttributionPoint {
  /** ISO date of the observation. */
  date: string;
  /** Close per listing unit, in the listing currency. */
  price: number;
  /** Earnings per listing unit in the listing currency, on the same definition at both ends (trailing FY, NTM …). */
  eps: number;
  /** Total-return index (adjusted close, dividends reinvested) on one scale at both ends; omit for no dividend term. */
  totalReturnIndex?: number;
  /** Units of the investor's currency per unit of the listing currency; default 1 (no conversion). */
  fx?: number;
  /**
   * Units of the listing currency per unit of the reporting currency (the rate that turned reported EPS into
   * listing-currency EPS); default 1. Only used with `fxBasis: "reporting"`.
   */
  translation?: number;
}

/**
 * Where currency effects go. "listing" (FORMULAS.md's default): earnings growth is measured in the listing
 * currency and FX is listing → investor currency. "reporting": earnings growth is measured in the reporting
 * currency (e.g. RMB for Alibaba) and FX is reporting → investor currency (the translation of reported earnings
 * into the listing currency moves from earnings to FX). Both add up exactly; only the split differs.
 */
export type FxBasis = "listing" | "reporting";

/** The four parts of a return, each a log return or a contribution to the simple return. */
export interface ReturnComponents {
  /** Δ log EPS (earnings growth). */
  earnings: number;
  /** Δ log P/E (multiple change: re-rating when positive, de-rating when negative). */
  multiple: number;
  /** Δ log exchange rate. */
  fx: number;
  /** log(TR1/TR0) − log(P1/P0): dividends (and anything else the total-return index holds that price does not). */
  dividends: number;
}

/** A return split into earnings growth, multiple change, FX and dividends. */
export interface ReturnAttribution {
  from: string;
  to: string;
  fxBasis: FxBasis;
  /** Log contributions; they sum to `logReturn` (by construction, to the last bit). */
  log: ReturnComponents;
  /** Total log return in the investor's currency: the sum of `log`. */
  logReturn: number;
  /** Contributions to the simple return: log_j · R / r; they sum to `simpleReturn`. */
  simple: ReturnComponents;
  /** Total simple return in the investor's currency: exp(logReturn) − 1. */
  simpleReturn: number;
  /** P/E at each end (price / EPS per listing, both in the listing currency). */
  peFrom: number;
  peTo: number;
  /** Whether a dividend term was computed (both ends carry a total-return index). */
  withDividends: boolean;
  nm?: undefined;
}

/** An attribution that cannot be computed: non-positive EPS (n.m. P/E) or a missing or non-positive input. */
export interface AttributionNm {
  from: string;
  to: string;
  nm: "negative_earnings" | "missing_input";
  message: string;
}

export type AttributionResult = ReturnAttribution | AttributionNm;
