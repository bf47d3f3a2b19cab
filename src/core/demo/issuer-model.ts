import { addDays } from "../dates.js";
import { fiscalQuarterEnds, fiscalYearEnd, nextWeekday } from "./fiscal.js";
import { createStream, type Random } from "./random.js";
import type { DemoIssuerSpec } from "./spec.js";

/** Figures of one reporting period (flows over the period, balances at its end). */
export interface PeriodFigures {
  periodEnd: string;
  /** Results release date. */
  knownFrom: string;
  epsDiluted: number;
  netIncome: number;
  revenue: number;
  ebitda: number;
  sharesDiluted: number;
  cash: number;
  totalDebt: number;
}

export interface FiscalYearFigures extends PeriodFigures {
  fiscalYear: number;
  dividendsPerShare: number;
  quarters: [PeriodFigures, PeriodFigures, PeriodFigures, PeriodFigures];
}

/** The "true" accounts of an issuer, past and future; fundamentals and estimates are read off it. */
export interface IssuerModel {
  issuer: string;
  years: FiscalYearFigures[];
  /** Index in `years` of the trailing fiscal year on the calibration date. */
  trailingIndex: number;
}

/** Where the model is pinned: the trailing P/E on `asOf` equals the spec's target. */
export interface IssuerCalibration {
  asOf: string;
  /** Last close of the primary listing converted to the reporting currency. */
  priceInReportingCurrency: number;
  sharesPerListing: number;
  dividendYield: number;
}

/** Dates and random draws of one fiscal year, before any figure is set. */
interface YearSkeleton {
  fy: number;
  ends: [string, string, string, string];
  quarterKnown: string[];
  periodEnd: string;
  knownFrom: string;
  epsGrowth: number;
  revenueGrowth: number;
  weights: number[];
}

const QUARTER_BASE = [0.235, 0.245, 0.255, 0.265] as const;
const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
const jitterDays = (r: Random) => Math.floor(r.nextDouble() * 7) - 3;

/**
 * Builds an issuer's fiscal years `firstFiscalYear..lastFiscalYear`. EPS compounds at a noisy
 * `epsGrowthAnnual` around the trailing year, whose EPS is price / (targetTrailingPe × sharesPerListing);
 * for a loss-maker growth of |EPS| is added, so losses shrink and turn to profits.
 * @throws RangeError when no fiscal year has been reported by `calibration.asOf`
 */
export function createIssuerModel(spec: DemoIssuerSpec, calibration: IssuerCalibration, firstFiscalYear: number, lastFiscalYear: number, seed: number): IssuerModel {
  const random = createStream(seed, `fundamentals:${spec.issuer}`);
  const skeleton: YearSkeleton[] = [];
  for (let fy = firstFiscalYear; fy <= lastFiscalYear; fy++) {
    const ends = fiscalQuarterEnds(spec.fiscalYearEnd, fy);
    const quarterKnown = ends.slice(0, 3).map((e) => nextWeekday(addDays(e, spec.reportLagDays.quarter + jitterDays(random))));
    const periodEnd = fiscalYearEnd(spec.fiscalYearEnd, fy);
    const knownFrom = nextWeekday(addDays(periodEnd, spec.reportLagDays.annual + jitterDays(random)));
    const epsGrowth = spec.epsGrowthAnnual * Math.exp(0.2 * random.nextNormal());
    const revenueGrowth = spec.revenueGrowthAnnual * Math.exp(0.2 * random.nextNormal());
    const raw = QUARTER_BASE.map((w) => w * Math.exp(0.04 * random.nextNormal()));
    const total = raw.reduce((a, b) => a + b, 0);
    skeleton.push({ fy, ends, quarterKnown, periodEnd, knownFrom, epsGrowth, revenueGrowth, weights: raw.map((w) => w / total) });
  }
  const n0 = skeleton.findLastIndex((y) => y.knownFrom <= calibration.asOf);
  if (n0 < 0) throw new RangeError(`${spec.issuer}: no fiscal year reported by ${calibration.asOf}; start the fiscal years earlier`);

  // Cumulative growth multipliers relative to the trailing year (1 at n0).
  const multiplier = (growth: (i: number) => number) => skeleton.map((_, i) => {
    let m = 1;
    for (let j = n0 + 1; j <= i; j++) m *= 1 + growth(j);
    for (let j = i + 1; j <= n0; j++) m /= 1 + growth(j);
    return m;
  });
  const epsM = multiplier((j) => skeleton[j]?.epsGrowth ?? 0);
  const revM = multiplier((j) => skeleton[j]?.revenueGrowth ?? 0);

  const eps0 = calibration.priceInReportingCurrency / (spec.targetTrailingPe * calibration.sharesPerListing);
  const shares0 = spec.sharesDilutedMillions * 1e6;
  const revenue0 = Math.abs(eps0 * shares0) / spec.netMargin;
  const dps0 = (calibration.dividendYield * calibration.priceInReportingCurrency) / calibration.sharesPerListing;

  const annual = skeleton.map((y, i) => {
    const m = epsM[i] ?? 1;
    const eps = eps0 + Math.abs(eps0) * (m - 1);
    const shares = shares0 * (1 + spec.shareChangeAnnual) ** (i - n0);
    const revenue = revenue0 * (revM[i] ?? 1);
    return { eps, shares, revenue, netIncome: eps * shares, dps: eps > 0 ? dps0 * m : 0 };
  });

  const years = skeleton.map((y, i): FiscalYearFigures => {
    const a = annual[i]!;
    const prev = annual[i - 1] ?? { ...a, shares: a.shares / (1 + spec.shareChangeAnnual), revenue: a.revenue / (1 + y.revenueGrowth) };
    const figures = (periodEnd: string, knownFrom: string, share: number, along: number): PeriodFigures => {
      const shares = prev.shares + along * (a.shares - prev.shares);
      const revenueLevel = prev.revenue + along * (a.revenue - prev.revenue);
      const netIncome = a.netIncome * share;
      const revenue = a.revenue * share;
      return {
        periodEnd, knownFrom, epsDiluted: round(netIncome / shares, 4), netIncome: Math.round(netIncome),
        revenue: Math.round(revenue), ebitda: Math.round(1.25 * netIncome + 0.08 * revenue), sharesDiluted: Math.round(shares),
        cash: Math.round(revenueLevel * spec.cashToRevenue), totalDebt: Math.round(revenueLevel * spec.debtToRevenue),
      };
    };
    const quarters = y.ends.map((end, q) => figures(end, q < 3 ? (y.quarterKnown[q] ?? y.knownFrom) : y.knownFrom, y.weights[q] ?? 0.25, (q + 1) / 4));
    return {
      ...figures(y.periodEnd, y.knownFrom, 1, 1), epsDiluted: round(a.eps, 4), fiscalYear: y.fy,
      dividendsPerShare: round(a.dps, 4), quarters: quarters as FiscalYearFigures["quarters"],
    };
  });
  return { issuer: spec.issuer, years, trailingIndex: n0 };
}
