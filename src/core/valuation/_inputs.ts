import type { Currency, Estimate, Fundamental, Metric } from "../../models/index.js";
import { notMeaningful, type Draft } from "./_evaluate.js";
import { convertAmount } from "./fx.js";
import { pointInTimeEstimates, pointInTimeFundamentals } from "./point-in-time.js";
import { daysBetween } from "../dates.js";
import { freshnessLimits, staleEstimate, staleFigure, type FigureUse } from "./freshness.js";
import { DEFAULT_MAX_STALE_PRICE_DAYS, type FigureUsed } from "./types.js";

/** EPS metrics in order of preference (diluted, then basic). */
export const EPS_METRICS = ["epsDiluted", "epsBasic"] as const;

/** A number for messages: up to six significant digits. */
export function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

/** The entities whose rows belong to the security: its issuer (if any) and the listing itself. */
function entitiesOf(d: Draft): Set<string> {
  const s = d.ctx.security;
  return new Set(s.issuer !== undefined ? [s.id, s.issuer] : [s.id]);
}

/** Fundamentals of the security known on asOf (restatements resolved). */
export function visibleFundamentals(d: Draft): Fundamental[] {
  const entities = entitiesOf(d);
  return pointInTimeFundamentals(d.ctx.fundamentals.filter((r) => entities.has(r.entity)), d.ctx.asOf);
}

/** Estimates of the security observable on asOf, of the chosen estimator (default consensus). */
export function visibleEstimates(d: Draft): Estimate[] {
  const entities = entitiesOf(d);
  const estimator = d.ctx.options?.estimator ?? "consensus";
  return pointInTimeEstimates(d.ctx.estimates.filter((r) => entities.has(r.entity)), d.ctx.asOf, estimator);
}

/** Validates the price, records it and sets the comparison currency; returns the close per listing unit. */
export function needPrice(d: Draft): number {
  const p = d.ctx.price;
  d.inputs.price = { date: p.date, close: p.close, currency: p.currency, ageDays: daysBetween(p.date, d.ctx.asOf) };
  d.inputs.currency ??= p.currency;
  if (!(Number.isFinite(p.close) && p.close > 0)) notMeaningful("missing_input", `price (${p.close}) must be a positive number`);
  if (p.date > d.ctx.asOf) notMeaningful("missing_input", `price of ${p.date} is after asOf ${d.ctx.asOf}: it was not known yet`);
  const staleDays = daysBetween(p.date, d.ctx.asOf);
  if (staleDays > 0) {
    const note = `last trade ${p.date}, ${staleDays} day${staleDays === 1 ? "" : "s"} before asOf ${d.ctx.asOf}`;
    if (!d.inputs.notes.includes(note)) d.inputs.notes.push(note);
    const max = d.ctx.options?.maxStalePriceDays ?? DEFAULT_MAX_STALE_PRICE_DAYS;
    if (staleDays > max) notMeaningful("stale_price", `price of ${p.date} is ${staleDays} days before asOf ${d.ctx.asOf} (maxStalePriceDays ${max})`);
  }
  return p.close;
}

/** Currency of a figure: its own, else the issuer's reporting currency, else the listing's (noted). */
export function currencyOf(d: Draft, row: { currency?: Currency | undefined; metric: Metric }): Currency {
  if (row.currency !== undefined) return row.currency;
  const fallback = d.ctx.security.reportingCurrency ?? d.ctx.price.currency;
  const note = `${row.metric} has no currency; taken as ${fallback}`;
  if (!d.inputs.notes.includes(note)) d.inputs.notes.push(note);
  return fallback;
}

/** Records a stored figure in the inputs. */
export function recordFigure(d: Draft, role: string, row: Fundamental | Estimate, weight?: number): FigureUsed {
  const f: FigureUsed = {
    role, entity: row.entity, metric: row.metric, fiscalPeriod: row.fiscalPeriod, value: row.value, unit: row.unit,
    origin: "knownFrom" in row ? "reported" : "estimate",
    knownFrom: "knownFrom" in row ? row.knownFrom : row.asOf,
    ageDays: 0,
    knownAgeDays: 0,
  };
  f.knownAgeDays = daysBetween(f.knownFrom, d.ctx.asOf);
  // The age the limits apply to: since the period ended (reported), since it was observed (estimates).
  f.ageDays = "knownFrom" in row ? daysBetween(row.periodEnd, d.ctx.asOf) : f.knownAgeDays;
  if (row.periodEnd !== undefined) f.periodEnd = row.periodEnd;
  if (row.currency !== undefined) f.currency = row.currency;
  if ("estimator" in row) f.estimator = row.estimator;
  if (row.source !== undefined) f.source = row.source;
  if (weight !== undefined) f.weight = weight;
  d.inputs.figures.push(f);
  return f;
}

const isAnnual = (p: string) => /^FY\d{4}$/.test(p);

/**
 * Whether figure `r` is preferred to `a` (needLatestFigure's order, also kept by the history trackers): later
 * period end, then metric priority, then the issuer's own figure before the listing's, then later knownFrom.
 */
export function figureBeats(r: Fundamental, a: Fundamental, metrics: readonly Metric[], issuer: string | undefined): boolean {
  if (r.periodEnd !== a.periodEnd) return r.periodEnd > a.periodEnd;
  const pr = metrics.indexOf(r.metric);
  const pa = metrics.indexOf(a.metric);
  if (pr !== pa) return pr < pa;
  const ir = r.entity === issuer;
  if (ir !== (a.entity === issuer)) return ir;
  return r.knownFrom > a.knownFrom;
}

/**
 * The latest figure of the first available metric (in priority order): by period end, then metric priority,
 * then the issuer's own figure before the listing's (filings, with their dates, before vendor data such as
 * Yahoo's, which shows periods as restated today), then later knownFrom. `annual` restricts to fiscal years
 * (flows); otherwise any period (balance-sheet items). Records it; n.m. `missing_input` when none is known on asOf.
 */
export function needLatestFigure(d: Draft, role: string, metrics: readonly Metric[], annual: boolean, use: FigureUse = "figure"): Fundamental {
  const rows = visibleFundamentals(d).filter((r) => metrics.includes(r.metric) && (!annual || isAnnual(r.fiscalPeriod)));
  const issuer = d.ctx.security.issuer;
  const best = rows.reduce<Fundamental | undefined>((a, r) => (a === undefined || figureBeats(r, a, metrics, issuer) ? r : a), undefined);
  if (best === undefined) {
    notMeaningful("missing_input", `no ${metrics.join(" or ")}${annual ? " for a fiscal year" : ""} known on ${d.ctx.asOf}`);
  }
  recordFigure(d, role, best);
  requireFreshFigure(d, best, use, `${role} ${best.metric} ${best.fiscalPeriod}`);
  return best;
}

/**
 * Ends the draft as n.m. `stale_fundamentals` / `stale_shares` when a reported figure's period ended longer before
 * asOf than its limit (see freshness.ts); the message gives its age.
 */
export function requireFreshFigure(d: Draft, row: Fundamental, use: FigureUse, label: string): void {
  const stale = staleFigure(row, d.ctx.asOf, freshnessLimits(d.ctx.options), use, label);
  if (stale !== undefined) notMeaningful(stale.reason, stale.message, { ageDays: stale.ageDays, limitDays: stale.limitDays, option: stale.option });
}

/** Ends the draft as n.m. `stale_estimates` when an estimate was observed longer before asOf than the limit. */
export function requireFreshEstimate(d: Draft, e: Estimate, label: string): void {
  const stale = staleEstimate(e, d.ctx.asOf, freshnessLimits(d.ctx.options), label);
  if (stale !== undefined) notMeaningful(stale.reason, stale.message, { ageDays: stale.ageDays, limitDays: stale.limitDays, option: stale.option });
}

/** The estimate of a fiscal year for the first available metric (latest observation), or undefined. */
export function findEstimate(d: Draft, metrics: readonly Metric[], fiscalPeriod: string): Estimate | undefined {
  const rows = visibleEstimates(d).filter((r) => r.fiscalPeriod === fiscalPeriod && metrics.includes(r.metric));
  rows.sort((a, b) => metrics.indexOf(a.metric) - metrics.indexOf(b.metric) || (a.asOf > b.asOf ? -1 : a.asOf < b.asOf ? 1 : 0));
  return rows[0];
}

/** Converts an amount into the draft's comparison currency at asOf, recording the rate; n.m. when no rate. */
export function toComparisonCurrency(d: Draft, amount: number, from: Currency, what: string, to?: Currency): number {
  const target = to ?? d.inputs.currency ?? d.ctx.price.currency;
  const c = convertAmount(amount, from, target, d.ctx.asOf, d.ctx.fx, { maxStaleDays: d.ctx.options?.maxStaleDays });
  if (c.value === undefined) {
    notMeaningful(c.reason === "stale_rate" ? "stale_fx" : c.reason === "no_rate" ? "missing_fx" : "missing_input", `${what}: ${c.message}`);
  }
  if (c.path.length > 0) {
    d.inputs.fx.push({ from: c.from, to: c.to, date: c.date, rate: c.rate, path: c.path, staleDays: c.staleDays, ageDays: c.staleDays, what });
  }
  return c.value;
}

/** A per-ordinary-share figure per listing unit (× sharesPerListing) in the comparison currency. */
export function perListingInComparisonCurrency(d: Draft, perShare: number, currency: Currency, what: string): number {
  return toComparisonCurrency(d, perShare * d.inputs.sharesPerListing, currency, `${what} per listing`);
}

/** Throws n.m. for a non-positive earnings denominator (EPS, EBITDA), naming the figure and value. */
export function requirePositiveEarnings(label: string, value: number, currency: string | undefined): void {
  const shown = `${label} (${fmt(value)}${currency !== undefined ? " " + currency : ""})`;
  if (value < 0) notMeaningful("negative_earnings", `${shown} is negative`);
  if (value === 0) notMeaningful("zero_earnings", `${shown} is zero`);
}

/** Throws n.m. `non_positive_input` unless the value is positive. */
export function requirePositive(label: string, value: number, currency: string | undefined): void {
  if (!(value > 0)) {
    notMeaningful("non_positive_input", `${label} (${fmt(value)}${currency !== undefined ? " " + currency : ""}) is not positive`);
  }
}
