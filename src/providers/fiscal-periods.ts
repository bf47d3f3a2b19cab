import { addDays, daysBetween } from "../core/dates.js";

/** Days (inclusive) a period of each kind may last: 52/53-week years and 13/14-week quarters included. */
const YEAR_DAYS = [350, 380] as const;
const QUARTER_DAYS = [84, 98] as const;
/** A date this close to a fiscal year end is that year end (52/53-week calendars drift by a few days). */
const NEAR_DAYS = 7;
const QUARTER_AVG_DAYS = 365.25 / 4;

/**
 * Kind of a reported duration: a fiscal year, a fiscal quarter, or neither (year-to-date six or nine months,
 * transition periods), by its length in days.
 * @example durationKind("2023-01-30", "2024-01-28") // "year" (364 days)
 */
export function durationKind(start: string, end: string): "year" | "quarter" | undefined {
  const days = daysBetween(start, end) + 1;
  if (days >= YEAR_DAYS[0] && days <= YEAR_DAYS[1]) return "year";
  if (days >= QUARTER_DAYS[0] && days <= QUARTER_DAYS[1]) return "quarter";
  return undefined;
}

/**
 * The fiscal year a year ending on `end` is named by: the calendar year it ends in, except a 52/53-week year
 * that ends in the first week of January, which issuers name by the year before (fiscal 2022 ended 1 January 2023).
 * @example fiscalYearOf("2024-01-28") // 2024 (NVIDIA FY2024)
 */
export function fiscalYearOf(end: string): number {
  const y = Number(end.slice(0, 4));
  return end.slice(5, 7) === "01" && Number(end.slice(8, 10)) <= NEAR_DAYS ? y - 1 : y;
}

/** Sorted, distinct fiscal-year end dates of one issuer, as its annual facts show them. */
export type FiscalYearEnds = readonly string[];

/**
 * Fiscal label of a period (or balance) ending on `end`, placed by the issuer's fiscal-year ends: `FY2024` when
 * it ends at a fiscal year end (and `asYear`), else `2025Q1` … `2025Q4` counted from the previous year end (or
 * back from the next one). Undefined when no year end is within a year of it.
 * @param yearEnds - the issuer's fiscal-year ends, sorted.
 * @param end - ISO date the period ends (or the balance is measured).
 * @param asYear - a date at a fiscal year end is the year (instants), not its fourth quarter (quarter durations).
 * @example fiscalLabel(["2024-01-28", "2025-01-26"], "2024-04-28", false) // "2025Q1"
 */
export function fiscalLabel(yearEnds: FiscalYearEnds, end: string, asYear: boolean): string | undefined {
  const near = yearEnds.find((y) => Math.abs(daysBetween(y, end)) <= NEAR_DAYS);
  if (near !== undefined) return asYear ? `FY${fiscalYearOf(near)}` : `${fiscalYearOf(near)}Q4`;
  let prev: string | undefined;
  for (const y of yearEnds) if (y < end) prev = y;
  if (prev !== undefined && daysBetween(prev, end) <= 380) {
    const q = Math.ceil((daysBetween(prev, end) - NEAR_DAYS) / QUARTER_AVG_DAYS);
    return q >= 1 && q <= 4 ? `${fiscalYearOf(addDays(prev, 365))}Q${q}` : undefined;
  }
  const next = yearEnds.find((y) => y > end);
  if (next !== undefined && daysBetween(end, next) <= 380) {
    const q = 4 - Math.floor((daysBetween(end, next) + NEAR_DAYS) / QUARTER_AVG_DAYS);
    return q >= 1 && q <= 4 ? `${fiscalYearOf(next)}Q${q}` : undefined;
  }
  return undefined;
}
