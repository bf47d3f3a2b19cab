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
    const big = Math.max(r, 1 / r);
    if (big < BASIS_BREAK_RATIO) continue;
    const p = periods[i] as Fundamental;
    const n = Math.round(big);
    const what = `${p.fiscalPeriod} ${p.metric} ${fmt(p.value)} (implied shares ${shares(c)}) and ${base.fiscalPeriod} (${shares(basis)})`;
    if (n < 2 || Math.abs(big / n - 1) > SPLIT_RATIO_TOLERANCE) {
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
