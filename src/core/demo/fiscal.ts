import { addDays, dayOfWeek, endOfMonth } from "../dates.js";
import type { DemoFiscalYearEnd } from "./spec.js";

/**
 * Last day of fiscal year `fiscalYear` (named, as issuers do, by the calendar year it ends in).
 * @example fiscalYearEnd({ month: 3, rule: "monthEnd" }, 2025) // "2025-03-31" (Alibaba FY2025)
 * @example fiscalYearEnd({ month: 1, rule: "lastSunday" }, 2026) // "2026-01-25" (NVIDIA FY2026)
 * @example fiscalYearEnd({ month: 10, rule: "sundayNearestMonthEnd" }, 2025) // "2025-11-02" (Broadcom FY2025)
 */
export function fiscalYearEnd(fye: DemoFiscalYearEnd, fiscalYear: number): string {
  const last = endOfMonth(fiscalYear, fye.month);
  const dow = dayOfWeek(last);
  switch (fye.rule) {
    case "monthEnd":
      return last;
    case "lastSunday":
      return addDays(last, -dow);
    case "lastSaturday":
      return addDays(last, -((dow + 1) % 7));
    case "sundayNearestMonthEnd":
      return dow <= 3 ? addDays(last, -dow) : addDays(last, 7 - dow);
  }
}

/**
 * Last days of the four fiscal quarters of a fiscal year: month-ends three months apart, or for
 * 52/53-week years 13-week quarters with the fourth running to the fiscal year end.
 * @example fiscalQuarterEnds({ month: 3, rule: "monthEnd" }, 2026) // ["2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31"]
 */
export function fiscalQuarterEnds(fye: DemoFiscalYearEnd, fiscalYear: number): [string, string, string, string] {
  if (fye.rule === "monthEnd") {
    const q = (back: number): string => {
      const m = fye.month - back;
      return m >= 1 ? endOfMonth(fiscalYear, m) : endOfMonth(fiscalYear - 1, m + 12);
    };
    return [q(9), q(6), q(3), q(0)];
  }
  const previous = fiscalYearEnd(fye, fiscalYear - 1);
  return [addDays(previous, 91), addDays(previous, 182), addDays(previous, 273), fiscalYearEnd(fye, fiscalYear)];
}

/** The fiscal year a period ending on `date` belongs to (the first fiscal year ending on or after it). */
export function fiscalYearOf(fye: DemoFiscalYearEnd, date: string): number {
  let fy = Number(date.slice(0, 4)) - 1;
  while (fiscalYearEnd(fye, fy) < date) fy++;
  return fy;
}

/** Moves a weekend date to the following Monday (results are released on weekdays). */
export function nextWeekday(date: string): string {
  const dow = dayOfWeek(date);
  return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date;
}
