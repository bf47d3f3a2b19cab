import type { Fundamental, Metric } from "../../models/index.js";
import { fmt } from "./_inputs.js";
import { trailingSlot, type SlotRows } from "./_trailing-periods.js";

/**
 * Share basis of the periods a trailing sum of a per-share metric adds (issue 13): when a stock split falls
 * inside the trailing year and the filer has not yet restated the earlier periods, their EPS is on the old share
 * basis. Per period the share count is the stored diluted count of the same filing (same knownFrom), else net
 * income ÷ EPS (GAAP EPS only, |EPS| ≥ 0.10 so that rounding to cents moves it by ≤ 5 %); each earlier period
 * whose count differs from the latest period's by a factor ≥ 1.5 is put on the latest basis by the ratio rounded
 * to a split ratio n (÷ n after a split, × n after a reverse split). Internal to the TTM computations (_ttm.ts,
 * _series-trackers.ts), which must adjust alike.
 */

/** Ratios at or above this (or at or below its inverse) are a change of share basis. */
export const BASIS_BREAK_RATIO = 1.5;
/** How far (relative) an implied ratio may lie from the integer split ratio it is rounded to. */
export const SPLIT_RATIO_TOLERANCE = 0.1;
/** Smallest |EPS| from which net income ÷ EPS is trusted as a share count. */
const MIN_EPS_FOR_IMPLIED = 0.1;
/** Metrics whose implied shares net income ÷ value gives (GAAP EPS). */
const GAAP_EPS: readonly Metric[] = ["epsDiluted", "epsBasic"];

/** Whether a trailing sum of these metrics is per share (and so needs one share basis). */
export const isPerShare = (metrics: readonly Metric[]): boolean => metrics.some((m) => m.startsWith("eps"));

/** The rows a basis check reads besides the summed ones: net income and diluted shares per period. */
export interface BasisSlots {
  netIncome: SlotRows;
  sharesDiluted: SlotRows;
}

export type ShareBasis = { factors: number[]; notes: string[] } | { error: string };

/** A share count for messages: 2.5bn, 24.8bn, 310m. */
function shares(n: number): string {
  return n >= 1e9 ? `${fmt(Number((n / 1e9).toPrecision(3)))}bn` : `${fmt(Number((n / 1e6).toPrecision(3)))}m`;
}

/**
 * The split ratio n (≥ 2) that a ratio of share counts r (new / old, ≥ 1.5 or ≤ 1/1.5) rounds to, or undefined
 * when it lies more than SPLIT_RATIO_TOLERANCE from every whole ratio.
 */
export function splitRatio(r: number): number | undefined {
  const big = Math.max(r, 1 / r);
  const n = Math.round(big);
  return n < 2 || Math.abs(big / n - 1) > SPLIT_RATIO_TOLERANCE ? undefined : n;
}

/** Of the rows of one metric and period, the issuer's own before the listing's, then the one known latest. */
function pick(rows: readonly Fundamental[], issuer: string | undefined): Fundamental | undefined {
  const own = (x: Fundamental) => x.entity === issuer;
  return rows.reduce<Fundamental | undefined>((a, r) => (a === undefined || (own(r) && !own(a)) || (own(r) === own(a) && r.knownFrom > a.knownFrom) ? r : a), undefined);
}

/** Net income ÷ a GAAP EPS as a share count, under the same guards as impliedShares, or undefined. */
function niOverEps(ni: Fundamental | undefined, eps: Fundamental): number | undefined {
  if (ni === undefined || !GAAP_EPS.includes(eps.metric) || !(Math.abs(eps.value) >= MIN_EPS_FOR_IMPLIED)) return undefined;
  const n = ni.value / eps.value;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export type AnnualBasis = { factor: number; note?: string } | { error: string };

/**
 * Share basis of a fiscal year's EPS against the latest filing (issue 13): the FY's count is its diluted shares
 * filed with the EPS (same knownFrom), else FY net income ÷ EPS; the latest count is, of the quarters and halves
 * ending after the FY that have one (latest first), the diluted shares, else net income ÷ EPS of the same metric.
 * When they differ by ≥ BASIS_BREAK_RATIO the EPS is put on the latest basis by the split ratio (factor 1/n or
 * n, with a note); an error when the ratio is no split ratio. Factor 1 when either count cannot be told.
 * Shared by the one-date FY P/E (_fy-eps.ts) and the history engine, which must agree.
 *
 * @param fy - the fiscal-year EPS row chosen.
 * @param visible - the security's fundamentals known on asOf (one per entity, metric, period; any order).
 */
export function annualShareBasis(fy: Fundamental, visible: readonly Fundamental[], issuer: string | undefined): AnnualBasis {
  const of = (metric: Metric, period: string) => visible.filter((r) => r.metric === metric && r.fiscalPeriod === period);
  const fyShares = pick(of("sharesDiluted", fy.fiscalPeriod).filter((r) => r.knownFrom === fy.knownFrom && r.value > 0), issuer);
  const fyCount = fyShares?.value ?? niOverEps(pick(of("netIncome", fy.fiscalPeriod), issuer), fy);
  if (fyCount === undefined) return { factor: 1 };
  const later = [...new Set(visible.filter((r) => r.periodEnd > fy.periodEnd && trailingSlot(r.fiscalPeriod) !== undefined && (r.metric === "sharesDiluted" || r.metric === fy.metric)).map((r) => `${r.periodEnd} ${r.fiscalPeriod}`))]
    .sort()
    .reverse();
  for (const k of later) {
    const period = k.slice(k.indexOf(" ") + 1);
    const sh = pick(of("sharesDiluted", period).filter((r) => r.value > 0), issuer);
    const eps = pick(of(fy.metric, period), issuer);
    const count = sh?.value ?? (eps === undefined ? undefined : niOverEps(pick(of("netIncome", period), issuer), eps));
    if (count === undefined) continue;
    const r = count / fyCount;
    if (Math.max(r, 1 / r) < BASIS_BREAK_RATIO) return { factor: 1 };
    const n = splitRatio(r);
    const what = `${fy.fiscalPeriod} ${fy.metric} ${fmt(fy.value)} (implied shares ${shares(fyCount)}) and ${period} (${shares(count)})`;
    if (n === undefined) return { error: `fiscal-year EPS and the latest filing are on different share bases: ${what} differ by ${fmt(Number(r.toPrecision(3)))}x, not a split ratio` };
    return {
      factor: r > 1 ? 1 / n : n,
      note: `${fy.fiscalPeriod} ${fy.metric} ${fmt(fy.value)} put on the ${r > 1 ? "post-split" : "post-reverse-split"} basis of ${period} ${r > 1 ? "÷" : "×"} ${n} (implied shares ${shares(fyCount)} → ${shares(count)})`,
    };
  }
  return { factor: 1 };
}

/** The share count behind a period's per-share figure, or undefined when none can be told. */
export function impliedShares(row: Fundamental, slots: BasisSlots): number | undefined {
  const s = trailingSlot(row.fiscalPeriod);
  if (s === undefined) return undefined;
  const stored = slots.sharesDiluted[s.kind].get(s.index);
  // Only a count filed with the EPS itself is surely on its basis (a later filing may have restated one or the other).
  if (stored !== undefined && stored.knownFrom === row.knownFrom && stored.value > 0) return stored.value;
  const ni = slots.netIncome[s.kind].get(s.index);
  if (ni === undefined || !GAAP_EPS.includes(row.metric) || !(Math.abs(row.value) >= MIN_EPS_FOR_IMPLIED)) return undefined;
  const n = ni.value / row.value;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * Factors that put each period (in period order) on the share basis of the latest period with a known count:
 * 1 where the basis is the same, 1/n or n across a split; notes name each adjustment. An error message when a
 * break is not near a split ratio, or when a break exists and a period's basis cannot be told.
 */
export function shareBasis(periods: readonly Fundamental[], slots: BasisSlots): ShareBasis {
  const counts = periods.map((p) => impliedShares(p, slots));
  let b = counts.length - 1;
  while (b >= 0 && counts[b] === undefined) b--;
  const factors = periods.map(() => 1);
  if (b < 0) return { factors, notes: [] };
  const basis = counts[b] as number;
  const base = periods[b] as Fundamental;
  const notes: string[] = [];
  for (let i = 0; i < periods.length; i++) {
    const c = counts[i];
    if (c === undefined || i === b) continue;
    const r = basis / c;
    if (Math.max(r, 1 / r) < BASIS_BREAK_RATIO) continue;
    const p = periods[i] as Fundamental;
    const n = splitRatio(r);
    const what = `${p.fiscalPeriod} ${p.metric} ${fmt(p.value)} (implied shares ${shares(c)}) and ${base.fiscalPeriod} (${shares(basis)})`;
    if (n === undefined) {
      return { error: `TTM mixes share bases: ${what} differ by ${fmt(Number(r.toPrecision(3)))}x, not a split ratio` };
    }
    factors[i] = r > 1 ? 1 / n : n;
    notes.push(`${p.fiscalPeriod} ${p.metric} ${fmt(p.value)} put on the ${r > 1 ? "post-split" : "post-reverse-split"} basis of ${base.fiscalPeriod} ${r > 1 ? "÷" : "×"} ${n} (implied shares ${shares(c)} → ${shares(basis)})`);
  }
  if (notes.length > 0) {
    const unknown = periods.filter((_, i) => counts[i] === undefined).map((p) => p.fiscalPeriod);
    if (unknown.length > 0) {
      return { error: `TTM spans a change of share basis (${notes.join("; ")}) but the basis of ${unknown.join(", ")} cannot be told (no diluted shares or net income for it)` };
    }
  }
  return { factors, notes };
}
