import { addDays, isWeekend, parseIsoDate } from "../dates.js";
import { CN_HOLIDAYS } from "./holidays-cn.js";
import { HK_HOLIDAYS } from "./holidays-hk.js";
import { US_HOLIDAYS } from "./holidays-us.js";
import { CALENDAR_COVERAGE, CALENDAR_IDS, type CalendarId, type Holiday } from "./holiday.js";

/** FX fixings skip only 1 January and 25 December when they fall on a weekday (a simplification). */
function fxHolidays(): Holiday[] {
  const out: Holiday[] = [];
  const first = parseIsoDate(CALENDAR_COVERAGE.from).year;
  const last = parseIsoDate(CALENDAR_COVERAGE.to).year;
  for (let year = first; year <= last; year++) {
    for (const [md, name] of [["01-01", "New Year's Day"], ["12-25", "Christmas Day"]] as const) {
      const date = `${year}-${md}`;
      if (!isWeekend(date)) out.push({ date, name });
    }
  }
  return out;
}

const LISTS: Record<CalendarId, readonly Holiday[]> = { HK: HK_HOLIDAYS, US: US_HOLIDAYS, CN: CN_HOLIDAYS, FX: fxHolidays() };
const SETS: Record<CalendarId, ReadonlySet<string>> = {
  HK: new Set(HK_HOLIDAYS.map((h) => h.date)),
  US: new Set(US_HOLIDAYS.map((h) => h.date)),
  CN: new Set(CN_HOLIDAYS.map((h) => h.date)),
  FX: new Set(LISTS.FX.map((h) => h.date)),
};

function checkCalendar(calendar: string): asserts calendar is CalendarId {
  if (!(CALENDAR_IDS as readonly string[]).includes(calendar)) {
    throw new RangeError(`calendar "${calendar}" is unknown; use one of ${CALENDAR_IDS.join(", ")}`);
  }
}

function checkCovered(date: string, what = "date"): void {
  parseIsoDate(date);
  if (date < CALENDAR_COVERAGE.from || date > CALENDAR_COVERAGE.to) {
    throw new RangeError(`${what} "${date}" is outside the calendars' coverage ${CALENDAR_COVERAGE.from}..${CALENDAR_COVERAGE.to}`);
  }
}

/**
 * The weekday closures of a calendar, in date order.
 * @example holidaysOf("HK").find((h) => h.date === "2025-10-07")?.name // "The day following the Chinese Mid-Autumn Festival"
 */
export function holidaysOf(calendar: CalendarId): readonly Holiday[] {
  checkCalendar(calendar);
  return LISTS[calendar];
}

/**
 * True when the exchange holds a session on `date` (not a weekend, not a holiday).
 * @throws RangeError for an unknown calendar or a date outside {@link CALENDAR_COVERAGE}.
 * @example isTradingDay("HK", "2025-10-07") // false (day after Mid-Autumn)
 */
export function isTradingDay(calendar: CalendarId, date: string): boolean {
  checkCalendar(calendar);
  checkCovered(date);
  return !isWeekend(date) && !SETS[calendar].has(date);
}

/**
 * Every session from `from` to `to`, both included when they are sessions, in order.
 * @returns an empty array when `to` is before `from` or no session falls between them
 * @example tradingDays("CN", "2025-09-30", "2025-10-09") // ["2025-09-30", "2025-10-09"]
 */
export function tradingDays(calendar: CalendarId, from: string, to: string): string[] {
  checkCalendar(calendar);
  checkCovered(from, "from");
  checkCovered(to, "to");
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!isWeekend(d) && !SETS[calendar].has(d)) out.push(d);
  return out;
}

/**
 * The first session on or after `date` (FORMULAS.md: a date-only event's day 0).
 * @example sessionOnOrAfter("US", "2025-09-01") // "2025-09-02" (Labor Day)
 */
export function sessionOnOrAfter(calendar: CalendarId, date: string): string {
  checkCalendar(calendar);
  checkCovered(date);
  let d = date;
  while (!isTradingDay(calendar, d)) d = addDays(d, 1);
  return d;
}

/**
 * The first session on or before `date`.
 * @example sessionOnOrBefore("HK", "2025-10-01") // "2025-09-30"
 */
export function sessionOnOrBefore(calendar: CalendarId, date: string): string {
  checkCalendar(calendar);
  checkCovered(date);
  let d = date;
  while (!isTradingDay(calendar, d)) d = addDays(d, -1);
  return d;
}

/** The first session strictly after `date`. @example nextTradingDay("HK", "2025-09-30") // "2025-10-02" */
export function nextTradingDay(calendar: CalendarId, date: string): string {
  checkCovered(date);
  return sessionOnOrAfter(calendar, addDays(date, 1));
}

/** The last session strictly before `date`. @example previousTradingDay("CN", "2025-10-09") // "2025-09-30" */
export function previousTradingDay(calendar: CalendarId, date: string): string {
  checkCovered(date);
  return sessionOnOrBefore(calendar, addDays(date, -1));
}
