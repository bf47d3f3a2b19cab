import { InvalidInputError } from "../../errors.js";
import type { Currency, Estimate, Fundamental, Security } from "../../models/index.js";
import { fromDayNumber, toDayNumber } from "../dates.js";
import { EPS_METRICS } from "./_inputs.js";
import { AnnualBasisTracker, ForwardEstimatesTracker, LatestFigureTracker, TrailingQuartersTracker } from "./_series-trackers.js";
import { computeMultiple } from "./compute-multiple.js";
import { freshnessLimits, limitOption, type FigureUse } from "./freshness.js";
import { ascendingDays, createFxDateMemo, type FxAtDates, type FxDateMemo } from "./fx-date-memo.js";
import type { FxFailureReason, FxQuoteLookup } from "./fx-types.js";
import { DEFAULT_MAX_STALE_PRICE_DAYS, DEFAULT_PE_CAP, type MultipleKind, type MultipleOptions, type NmReason } from "./types.js";

/** Kinds the columnar kernel computes directly; other kinds are evaluated date by date with the one-date functions. */
export const SERIES_KINDS = ["trailingPE", "ttmPE", "forwardPEFy1", "forwardPEFy2", "forwardPENtm", "marketCapUsd"] as const satisfies readonly MultipleKind[];
export type SeriesKind = (typeof SERIES_KINDS)[number];

/** A listing's closes as columns: day numbers since 1970-01-01 (ascending) and closes per listing unit. */
export interface PriceColumns {
  days: ArrayLike<number>;
  close: ArrayLike<number>;
  currency: Currency;
}

/** Everything needed to value one listing on many dates. */
export interface SeriesInput {
  security: Security;
  prices: PriceColumns;
  /** Any rows (other entities and later knownFrom are ignored per date, as in `computeMultiples`). */
  fundamentals: readonly Fundamental[];
  estimates: readonly Estimate[];
  /** Stored fixings. */
  fx: FxQuoteLookup;
  options?: MultipleOptions;
}

/** One result kind of one listing on each date: `values[i]` is NaN exactly where `nm[i]` gives the reason. */
export interface MultipleSeries {
  security: string;
  kind: MultipleKind;
  dates: readonly string[];
  values: Float64Array;
  nm: (NmReason | undefined)[];
}

const SHARE_METRICS = ["sharesOutstanding", "sharesDiluted", "sharesBasic"] as const;
const FX_NM: Record<FxFailureReason, NmReason> = { stale_rate: "stale_fx", no_rate: "missing_fx", invalid_amount: "missing_input" };
const isSeriesKind = (k: MultipleKind): k is SeriesKind => (SERIES_KINDS as readonly string[]).includes(k);

function byStamp<T>(rows: readonly T[], stamp: (r: T) => string): T[] {
  return rows.map((row, i) => ({ row, i })).sort((a, b) => {
    const sa = stamp(a.row);
    const sb = stamp(b.row);
    return sa < sb ? -1 : sa > sb ? 1 : a.i - b.i;
  }).map((x) => x.row);
}

/**
 * Values one listing on many dates at once, each date point in time exactly as the one-date functions would
 * (`trailingPE`, `forwardPE`, `marketCap(…, "USD")`, …): the close on or before the date, fundamentals known and
 * estimates observed by then, FX at that date, the same n.m. rules. The P/E family and USD market cap run in one
 * sweep over the dates (rows become visible as the sweep passes their knownFrom / asOf); other kinds fall back to
 * calling {@link computeMultiple} per date.
 *
 * @param input - the listing, its closes as columns, fundamentals, estimates, FX (lookup or shared memo), options.
 * @param dates - ISO dates, strictly ascending.
 * @param kinds - result kinds wanted.
 * @param fxMemo - rates over the same dates shared between securities (see `createFxDateMemo`; built with the same
 *   `maxStaleDays`); built from `input.fx` when omitted.
 * @returns one series per kind, in the order asked.
 * @throws InvalidInputError when a date is not an ISO date or the dates do not ascend.
 * @example multipleSeries(baba, ["2025-08-29", "2025-09-30"], ["forwardPENtm"])[0].values // Float64Array [13.9, 15.2]
 * @see FORMULAS.md "Multiples"
 */
export function multipleSeries(input: SeriesInput, dates: readonly string[], kinds: readonly MultipleKind[], fxMemo?: FxDateMemo): MultipleSeries[] {
  // A shared memo has validated the dates once already (the same array); otherwise validate here.
  const memo = fxMemo ?? createFxDateMemo(input.fx, dates, { maxStaleDays: input.options?.maxStaleDays });
  if (memo.dates !== dates && (memo.dates.length !== dates.length || memo.dates.some((d, i) => d !== dates[i]))) {
    throw new InvalidInputError("the FX memo was built for other dates than the series");
  }
  const days = memo.dates === dates ? memo.days : ascendingDays(dates);
  const fast = kinds.filter(isSeriesKind);
  const swept = fast.length > 0 ? sweep(input, dates, days, memo, fast) : new Map<MultipleKind, MultipleSeries>();
  return kinds.map((k) => swept.get(k) ?? perDate(input, dates, days, k));
}

function emptySeries(security: string, kind: MultipleKind, dates: readonly string[]): MultipleSeries {
  return { security, kind, dates, values: new Float64Array(dates.length).fill(Number.NaN), nm: new Array<NmReason | undefined>(dates.length).fill(undefined) };
}

/** The fallback: one call of the one-date function per date. */
function perDate(input: SeriesInput, dates: readonly string[], days: Int32Array, kind: MultipleKind): MultipleSeries {
  const out = emptySeries(input.security.id, kind, dates);
  const { days: pdays, close } = input.prices;
  let p = -1;
  dates.forEach((asOf, i) => {
    while (p + 1 < pdays.length && (pdays[p + 1] as number) <= (days[i] as number)) p++;
    if (p < 0) {
      out.nm[i] = "missing_input";
      return;
    }
    const r = computeMultiple(kind, {
      security: input.security, asOf, fx: input.fx, fundamentals: input.fundamentals, estimates: input.estimates,
      price: { date: fromDayNumber(pdays[p] as number), close: close[p] as number, currency: input.prices.currency },
      ...(input.options !== undefined ? { options: input.options } : {}),
    });
    if (r.value !== undefined) out.values[i] = r.value;
    else out.nm[i] = r.nm;
  });
  return out;
}

function sweep(input: SeriesInput, dates: readonly string[], days: Int32Array, memo: FxDateMemo, kinds: readonly SeriesKind[]): Map<MultipleKind, MultipleSeries> {
  const { security, prices, options } = input;
  const entities = new Set(security.issuer !== undefined ? [security.id, security.issuer] : [security.id]);
  const estimator = options?.estimator ?? "consensus";
  const fundamentals = byStamp(input.fundamentals.filter((r) => entities.has(r.entity)), (r) => r.knownFrom);
  const estimates = byStamp(input.estimates.filter((r) => entities.has(r.entity) && r.estimator === estimator), (r) => r.asOf);
  const priceCcy = prices.currency;
  const currencyOf = (r: { currency?: Currency | undefined }): Currency => r.currency ?? security.reportingCurrency ?? priceCcy;
  const spl = security.sharesPerListing ?? 1;
  const cap = options?.peCap ?? DEFAULT_PE_CAP;
  const maxStale = options?.maxStalePriceDays ?? DEFAULT_MAX_STALE_PRICE_DAYS;
  // Freshness (freshness.ts): a figure is stale when more days than its limit lie between its period end
  // (an estimate: its observation) and the date.
  const limits = freshnessLimits(options);
  const dayOf = new Map<string, number>();
  const dayNumber = (iso: string) => {
    let n = dayOf.get(iso);
    if (n === undefined) dayOf.set(iso, (n = toDayNumber(iso)));
    return n;
  };
  const figureStale = (i: number, r: Fundamental, use: FigureUse) => (days[i] as number) - dayNumber(r.periodEnd) > limits[limitOption(r.fiscalPeriod, use)];
  const estimateStale = (i: number, e: Estimate) => (days[i] as number) - dayNumber(e.asOf) > limits.maxEstimateAgeDays;

  const fy = new LatestFigureTracker(EPS_METRICS, true, security.issuer);
  const fyBasis = new AnnualBasisTracker(EPS_METRICS, security.issuer);
  const shares = new LatestFigureTracker(SHARE_METRICS, false, security.issuer);
  const ttm = new TrailingQuartersTracker(EPS_METRICS, currencyOf, security.issuer);
  const fwd = new ForwardEstimatesTracker(EPS_METRICS, security.fiscalYearEndMonth ?? 12);

  const out = new Map<MultipleKind, MultipleSeries>(kinds.map((k) => [k, emptySeries(security.id, k, dates)]));
  const series = kinds.map((k) => out.get(k) as MultipleSeries);
  let fi = 0;
  let ei = 0;
  let p = -1;

  // Rates into the listing currency, per figure currency (usually one), fetched from the memo once.
  const toListing = new Map<Currency, FxAtDates>();
  const rateTo = (ccy: Currency) => {
    let fx = toListing.get(ccy);
    if (fx === undefined) toListing.set(ccy, (fx = memo.pair(ccy, priceCcy)));
    return fx;
  };
  let capFx: FxAtDates | undefined;
  const rateToUsd = () => (capFx ??= memo.pair(priceCcy, "USD"));
  // EPS per share → per listing in the price currency → P/E with peFromEps's rules.
  const pe = (i: number, price: number, perShare: number, ccy: Currency): number | NmReason => {
    const amount = perShare * spl;
    const fx = rateTo(ccy);
    const failure = fx.failure[i];
    if (failure !== undefined) return FX_NM[failure];
    const eps = amount * (fx.rate[i] as number);
    if (eps < 0) return "negative_earnings";
    if (eps === 0) return "zero_earnings";
    const v = price / eps;
    if (v > cap) return "above_cap";
    return Number.isFinite(v) ? v : "missing_input";
  };

  for (let i = 0; i < dates.length; i++) {
    const date = dates[i] as string;
    while (fi < fundamentals.length && (fundamentals[fi] as Fundamental).knownFrom <= date) {
      const r = fundamentals[fi++] as Fundamental;
      fy.add(r);
      fyBasis.add(r);
      shares.add(r);
      ttm.add(r);
    }
    while (ei < estimates.length && (estimates[ei] as Estimate).asOf <= date) fwd.add(estimates[ei++] as Estimate);
    while (p + 1 < prices.days.length && (prices.days[p + 1] as number) <= (days[i] as number)) p++;

    // needPrice: a positive close on or before the date, not older than maxStalePriceDays.
    let priceNm: NmReason | undefined;
    const price = p >= 0 ? (prices.close[p] as number) : Number.NaN;
    if (p < 0 || !(Number.isFinite(price) && price > 0)) priceNm = "missing_input";
    else if ((days[i] as number) - (prices.days[p] as number) > maxStale) priceNm = "stale_price";

    for (const s of series) {
      let v: number | NmReason;
      if (priceNm !== undefined) v = priceNm;
      else if (s.kind === "trailingPE") {
        const row = fy.best;
        // needFyEpsOnLatestBasis: stale before the share-basis check, a basis break that is no split is n.m.
        const basis = row === undefined || figureStale(i, row, "figure") ? undefined : fyBasis.basis(row);
        v = row === undefined ? "missing_input" : basis === undefined ? "stale_fundamentals" : "error" in basis ? "missing_input" : pe(i, price, row.value * basis.factor, currencyOf(row));
      } else if (s.kind === "ttmPE") {
        const t = ttm.current();
        v = t === "missing" ? "missing_input" : figureStale(i, t.last, "figure") ? "stale_fundamentals" : pe(i, price, t.value, t.currency);
      } else if (s.kind === "marketCapUsd") {
        const row = shares.best;
        if (row === undefined) v = "missing_input";
        else if (figureStale(i, row, "shares")) v = "stale_shares";
        else if (!(row.value > 0)) v = "non_positive_input";
        else {
          const mcap = (price * row.value) / spl;
          if (priceCcy === "USD") v = mcap;
          else {
            const fx = rateToUsd();
            const failure = fx.failure[i];
            v = failure !== undefined ? FX_NM[failure] : mcap * (fx.rate[i] as number);
          }
          if (typeof v === "number" && !Number.isFinite(v)) v = "missing_input";
        }
      } else {
        const years = fwd.fiscalYears(date);
        const e1 = s.kind === "forwardPEFy2" ? undefined : fwd.estimate(years.fy1);
        // needFyEps's order: missing, then stale, FY1 before FY2.
        const check = (e: Estimate | undefined): NmReason | undefined => (e === undefined ? "missing_input" : estimateStale(i, e) ? "stale_estimates" : undefined);
        if (s.kind === "forwardPEFy1") v = check(e1) ?? pe(i, price, e1!.value, currencyOf(e1!));
        else {
          const e2 = fwd.estimate(years.fy2);
          if (s.kind === "forwardPEFy2") v = check(e2) ?? pe(i, price, e2!.value, currencyOf(e2!));
          else if (check(e1) !== undefined) v = check(e1)!;
          else if (check(e2) !== undefined) v = check(e2)!;
          else if (currencyOf(e1!) !== currencyOf(e2!)) v = "missing_input";
          else {
            const f = Math.min(1, Math.max(0, (years.fy1EndDay - (days[i] as number)) / 365));
            v = pe(i, price, f * e1!.value + (1 - f) * e2!.value, currencyOf(e1!));
          }
        }
      }
      if (typeof v === "number") s.values[i] = v;
      else s.nm[i] = v;
    }
  }
  return out;
}
