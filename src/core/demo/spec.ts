import type { Currency, Exchange } from "../../models/common.js";
import type { CalendarId } from "../calendars/index.js";

/** Which regional factor drives a price process besides the global tech factor. */
export type DemoRegion = "china" | "us";

/** How a fiscal year's last day is set: month-end, or a 52/53-week rule (NVDA, AMD, AVGO). */
export interface DemoFiscalYearEnd {
  /** Month (1–12) the fiscal year ends in (or, for `sundayNearestMonthEnd`, near the end of). */
  month: number;
  rule: "monthEnd" | "lastSunday" | "lastSaturday" | "sundayNearestMonthEnd";
}

/** What the synthetic accounts of one issuer look like, calibrated on the demo's last date. */
export interface DemoIssuerSpec {
  /** Issuer id, the `entity` of its fundamentals (lower-case slug). */
  issuer: string;
  reportingCurrency: Currency;
  fiscalYearEnd: DemoFiscalYearEnd;
  /** Diluted ordinary shares in the trailing fiscal year, millions. */
  sharesDilutedMillions: number;
  /**
   * Trailing P/E the generator hits exactly on the last date (price in reporting currency over trailing
   * fiscal-year diluted EPS × sharesPerListing). Negative: the trailing year is a loss of that size (n.m.).
   */
  targetTrailingPe: number;
  /** Yearly EPS growth; for a loss-maker, growth of |EPS| added to EPS (losses shrink, then turn to profit). */
  epsGrowthAnnual: number;
  revenueGrowthAnnual: number;
  /** |net income| / revenue in the trailing fiscal year. */
  netMargin: number;
  cashToRevenue: number;
  debtToRevenue: number;
  /** Yearly change of diluted shares: −0.02 = 2% a year fewer (buybacks), +0.01 = 1% dilution. */
  shareChangeAnnual: number;
  /** Days from period end to the results release (knownFrom), before a ±3-day jitter. */
  reportLagDays: { quarter: number; annual: number };
}

interface DemoSpecBase {
  /** Security id as in examples/securities.csv. */
  id: string;
  exchange: Exchange;
  currency: Currency;
  kind: "equity" | "adr" | "index" | "etf" | "fx";
  /** Trading calendar of the listing (indices follow their market's). */
  calendar: CalendarId;
  /** Ordinary shares per listing unit (BABA = 8). */
  sharesPerListing: number;
  issuer?: string;
}

/** A listing with its own price process: global factor + regional factor + idiosyncratic noise. */
export interface DemoFactorSpec extends DemoSpecBase {
  model: "factor";
  region: DemoRegion;
  /** Target annualised volatility of daily log returns. */
  volAnnual: number;
  betaGlobal: number;
  betaRegion: number;
  /** Approximate close on the first session (the path is bridged towards it). */
  firstPrice: number;
  /** Exact close on the last session, listing currency. */
  lastPrice: number;
  /** Cash dividend yield, paid `dividendsPerYear` times a year; adjClose reflects it. */
  dividendYield: number;
  dividendsPerYear: 0 | 1 | 2 | 4;
  /** Daily price limit as a fraction (0.2 on the STAR Market); returns are clipped to it. */
  dailyLimit?: number;
  /** Typical daily volume, units of the listing. */
  volume: number;
  /** Present on the issuer's primary listing: its accounts are generated from it. */
  fundamentals?: DemoIssuerSpec;
}

/** A second listing of an issuer priced at parity with the primary one (ADR ↔ Hong Kong line). */
export interface DemoParitySpec extends DemoSpecBase {
  model: "parity";
  /** Id of the primary listing (a factor spec with fundamentals). */
  parityOf: string;
  /** Daily standard deviation of the log basis to parity (AR(1), φ = 0.7). */
  basisVolDaily: number;
  volume: number;
}

/** A USD-based FX rate kept inside a band: rate = mid + halfWidth · tanh(z), z an AR(1). */
export interface DemoFxSpec extends DemoSpecBase {
  model: "fx";
  base: "USD";
  quote: Currency;
  mid: number;
  halfWidth: number;
  firstRate: number;
  lastRate: number;
}

/** One security of the synthetic market. */
export type DemoSecuritySpec = DemoFactorSpec | DemoParitySpec | DemoFxSpec;

/** A catalyst-like jump: the session return of `security` on `date` is set to exactly `returnPct` percent. */
export interface DemoShock {
  date: string;
  security: string;
  returnPct: number;
  /** The catalyst (examples/catalysts-2025.csv) the jump imitates. */
  eventId?: string;
}
