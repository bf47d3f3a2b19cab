import type { Currency, Estimate, Fundamental, Metric } from "../../models/index.js";
import { toDayNumber } from "../dates.js";
import { forwardFiscalYears } from "./fiscal-year.js";
import { figureBeats } from "./_inputs.js";
import { annualShareBasis, isPerShare, shareBasis, type AnnualBasis, type BasisSlots } from "./_share-basis.js";
import { addToSlots, emptySlots, trailingPeriods, trailingSlot, type SlotRows } from "./_trailing-periods.js";

/** FY1 and FY2 as `forwardFiscalYears` gives them, plus FY1's end as a day number. */
export type ForwardYears = ReturnType<typeof forwardFiscalYears> & { fy1EndDay: number };

/**
 * Incremental versions of the selection rules in `_inputs.ts`, `_ttm.ts` and `_forward.ts`, for sweeping many
 * ascending dates: rows are added in (knownFrom | asOf, input order) order as they become visible, and each tracker
 * answers what the one-date functions would pick among the rows visible so far. Internal to the series kernel;
 * equivalence with the one-date functions is tested in multiple-series.test.ts.
 */

const key = (r: { entity: string; metric: string; fiscalPeriod: string }) => `${r.entity}\u0000${r.metric}\u0000${r.fiscalPeriod}`;
const isAnnual = (p: string) => p.length === 6 && p.startsWith("FY");

/** The figure `needLatestFigure(d, role, metrics, annual)` would pick, maintained as rows become known. */
export class LatestFigureTracker {
  private readonly latest = new Map<string, Fundamental>();
  best: Fundamental | undefined;

  constructor(
    private readonly metrics: readonly Metric[],
    private readonly annual: boolean,
    private readonly issuer: string | undefined,
  ) {}

  /** Offers a row that has just become known (rows arrive in knownFrom order). */
  add(r: Fundamental): void {
    if (!this.metrics.includes(r.metric) || (this.annual && !isAnnual(r.fiscalPeriod))) return;
    const k = key(r);
    const prev = this.latest.get(k);
    this.latest.set(k, r);
    if (prev !== undefined && prev === this.best) {
      // The best row was restated: choose again among the rows now visible.
      this.best = undefined;
      for (const x of this.latest.values()) if (this.best === undefined || figureBeats(x, this.best, this.metrics, this.issuer)) this.best = x;
    } else if (this.best === undefined || figureBeats(r, this.best, this.metrics, this.issuer)) {
      this.best = r;
    }
  }
}

/**
 * The share basis `needFyEpsOnLatestBasis` would apply to a fiscal-year EPS (annualShareBasis over the rows known
 * so far: EPS, net income and diluted shares, the one known latest per entity, metric and period).
 */
export class AnnualBasisTracker {
  private readonly latest = new Map<string, Fundamental>();
  private version = 0;
  private cached: { row: Fundamental; version: number; basis: AnnualBasis } | undefined;

  constructor(
    private readonly metrics: readonly Metric[],
    private readonly issuer: string | undefined,
  ) {}

  /** Offers a row that has just become known (rows arrive in knownFrom order). */
  add(r: Fundamental): void {
    if (r.metric !== "netIncome" && r.metric !== "sharesDiluted" && !this.metrics.includes(r.metric)) return;
    this.latest.set(key(r), r);
    this.version++;
  }

  basis(fy: Fundamental): AnnualBasis {
    const c = this.cached;
    if (c !== undefined && c.row === fy && c.version === this.version) return c.basis;
    const basis = annualShareBasis(fy, [...this.latest.values()], this.issuer);
    this.cached = { row: fy, version: this.version, basis };
    return basis;
  }
}

/** The trailing periods `needTrailingFourQuarters` would sum (four quarters or two halves), maintained as rows become known. */
export class TrailingQuartersTracker {
  private readonly slots: SlotRows[];
  /** Net income and diluted shares per period, for the share-basis check of a per-share sum (undefined otherwise). */
  private readonly basisSlots: BasisSlots | undefined;
  private dirty = true;
  private cached: { value: number; currency: Currency; last: Fundamental } | "missing" = "missing";

  constructor(
    private readonly metrics: readonly Metric[],
    private readonly currencyOf: (r: Fundamental) => Currency,
    private readonly issuer: string | undefined,
  ) {
    this.slots = metrics.map(() => emptySlots());
    this.basisSlots = isPerShare(metrics) ? { netIncome: emptySlots(), sharesDiluted: emptySlots() } : undefined;
  }

  add(r: Fundamental): void {
    if (this.basisSlots !== undefined && (r.metric === "netIncome" || r.metric === "sharesDiluted") && trailingSlot(r.fiscalPeriod) !== undefined) {
      addToSlots(this.basisSlots[r.metric], r, this.issuer);
      this.dirty = true;
      return;
    }
    const m = this.metrics.indexOf(r.metric);
    if (m < 0 || trailingSlot(r.fiscalPeriod) === undefined) return;
    // Rows arrive in knownFrom order, so the newcomer is the one known latest for its period.
    addToSlots(this.slots[m] as SlotRows, r, this.issuer);
    this.dirty = true;
  }

  /**
   * Σ of the periods (on the latest share basis, see _share-basis.ts) in their currency and the last period (its
   * age is the sum's), or "missing" (none complete, mixed currencies, or a share-basis break that is no split).
   */
  current(): { value: number; currency: Currency; last: Fundamental } | "missing" {
    if (!this.dirty) return this.cached;
    this.dirty = false;
    const periods = trailingPeriods(this.metrics, this.slots);
    if (periods === undefined) return (this.cached = "missing");
    const currencies = new Set(periods.map(this.currencyOf));
    if (currencies.size > 1) return (this.cached = "missing");
    const basis = this.basisSlots === undefined ? undefined : shareBasis(periods, this.basisSlots);
    if (basis !== undefined && "error" in basis) return (this.cached = "missing");
    const factors = basis?.factors;
    return (this.cached = { value: periods.reduce((s, x, i) => s + x.value * (factors === undefined ? 1 : factors[i]!), 0), currency: [...currencies][0] as Currency, last: periods[periods.length - 1] as Fundamental });
  }
}

/** Forward EPS estimates per fiscal year as `findEstimate` and `draftFiscalYears` would see them. */
export class ForwardEstimatesTracker {
  private readonly best = new Map<string, Estimate>();
  private readonly knownEnds = new Map<string, string>();
  private endsVersion = 0;
  private years: { version: number; from: string; value: ForwardYears } | undefined;

  constructor(
    private readonly metrics: readonly Metric[],
    private readonly fiscalYearEndMonth: number,
  ) {}

  /** Offers an estimate of the chosen estimator that has just become observable (rows arrive in asOf order). */
  add(e: Estimate): void {
    if (e.periodEnd !== undefined && isAnnual(e.fiscalPeriod) && this.knownEnds.get(e.fiscalPeriod) !== e.periodEnd) {
      this.knownEnds.set(e.fiscalPeriod, e.periodEnd);
      this.endsVersion++;
    }
    const p = this.metrics.indexOf(e.metric);
    if (p < 0) return;
    const cur = this.best.get(e.fiscalPeriod);
    // findEstimate: metric priority first, then the latest observation; a newer version of the same row replaces it.
    if (cur === undefined) this.best.set(e.fiscalPeriod, e);
    else {
      const pc = this.metrics.indexOf(cur.metric);
      const sameRow = cur.entity === e.entity && cur.metric === e.metric;
      if (p < pc || (p === pc && (e.asOf > cur.asOf || sameRow))) this.best.set(e.fiscalPeriod, e);
    }
  }

  /** FY1 and FY2 on `date`; dates must be asked in ascending order. */
  fiscalYears(date: string): ForwardYears {
    const y = this.years;
    if (y !== undefined && y.version === this.endsVersion && date >= y.from && date < y.value.fy1End) return y.value;
    const years = forwardFiscalYears(date, this.fiscalYearEndMonth, this.knownEnds);
    const value = { ...years, fy1EndDay: toDayNumber(years.fy1End) };
    this.years = { version: this.endsVersion, from: date, value };
    return value;
  }

  estimate(fiscalPeriod: string): Estimate | undefined {
    return this.best.get(fiscalPeriod);
  }
}
