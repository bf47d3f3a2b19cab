import type { SessionGrid } from "./timeline.js";
import type { DemoFactorSpec } from "./spec.js";

/** One ex-dividend session of a listing: the close drops by `fraction` of the previous close. */
export interface ExDividend {
  session: number;
  /** Half-step in which the drop happens (the session's closing half-step). */
  half: number;
  fraction: number;
}

/** Month-days of the ex-dates: annual payers in June, semi-annual June/December, quarterly Feb/May/Aug/Nov. */
const EX_MONTH_DAYS: Record<1 | 2 | 4, readonly string[]> = {
  1: ["06-10"],
  2: ["06-10", "12-10"],
  4: ["02-10", "05-10", "08-10", "11-10"],
};

/**
 * The ex-dividend sessions of a listing: the first session on or after each ex month-day,
 * each paying dividendYield / dividendsPerYear of the price.
 * @returns an empty array for non-payers
 */
export function createDividendSchedule(spec: DemoFactorSpec, grid: SessionGrid): ExDividend[] {
  if (spec.dividendsPerYear === 0 || spec.dividendYield <= 0) return [];
  const first = grid.dates[0];
  const last = grid.dates[grid.dates.length - 1];
  if (first === undefined || last === undefined) return [];
  const fraction = spec.dividendYield / spec.dividendsPerYear;
  const out: ExDividend[] = [];
  let s = 0;
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    for (const md of EX_MONTH_DAYS[spec.dividendsPerYear]) {
      const target = `${year}-${md}`;
      while (s < grid.dates.length && (grid.dates[s] ?? "") < target) s++;
      // the first session has no previous close to drop from
      if (s >= 1 && s < grid.dates.length) out.push({ session: s, half: grid.ends[s] ?? 0, fraction });
    }
  }
  return out;
}

/**
 * Yahoo-style adjustment factors: adjClose = close × factor, factor = Π (1 − fraction) over the
 * ex-dividends that happen after the session closed.
 * @param ends closing half-step of each session of the listing
 */
export function createAdjustmentFactors(ends: Int32Array, exDividends: readonly ExDividend[]): Float64Array {
  const sorted = [...exDividends].sort((a, b) => a.half - b.half);
  const out = new Float64Array(ends.length);
  let factor = 1;
  let j = sorted.length - 1;
  for (let s = ends.length - 1; s >= 0; s--) {
    while (j >= 0 && (sorted[j]?.half ?? -1) > (ends[s] ?? 0)) factor *= 1 - (sorted[j--]?.fraction ?? 0);
    out[s] = factor;
  }
  return out;
}
