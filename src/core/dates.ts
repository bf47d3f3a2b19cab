/**
 * Pure ISO-date arithmetic on plain `YYYY-MM-DD` strings and integer day numbers.
 * No `Date` object, no time zone: a date here is a calendar date, nothing more.
 *
 * Day numbers count days since 1970-01-01 (day 0) in the proleptic Gregorian calendar,
 * using Howard Hinnant's days-from-civil algorithm.
 * @see https://howardhinnant.github.io/date_algorithms.html
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date split into its parts (month 1–12, day 1–31). */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** True for Gregorian leap years. @example isLeapYear(2024) // true */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. @example daysInMonth(2025, 2) // 28 */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month (${month}) must be an integer 1–12`);
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `value` is a `YYYY-MM-DD` string naming a date that exists. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/**
 * Splits an ISO date into year, month and day.
 * @throws RangeError naming the value when it is not an existing `YYYY-MM-DD` date.
 * @example parseIsoDate("2025-09-24") // { year: 2025, month: 9, day: 24 }
 */
export function parseIsoDate(iso: string): CivilDate {
  if (!isIsoDate(iso)) throw new RangeError(`date "${iso}" must be an existing calendar date written YYYY-MM-DD`);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** Formats year, month, day as `YYYY-MM-DD` (years 0–9999). @example formatIsoDate(2025, 9, 1) // "2025-09-01" */
export function formatIsoDate(year: number, month: number, day: number): string {
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`year (${year}) must be an integer 0–9999`);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Days since 1970-01-01 (days-from-civil).
 * @param iso an existing date `YYYY-MM-DD`
 * @returns an integer, negative before 1970
 * @example toDayNumber("2025-09-24") // 20355
 */
export function toDayNumber(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return dayNumberFromCivil(year, month, day);
}

/**
 * Days since 1970-01-01 of a valid civil date (Hinnant's days-from-civil).
 * @example dayNumberFromCivil(2025, 9, 24) // 20355
 */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1; // [0, 365], March-based
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/**
 * The ISO date of a day number (civil-from-days), the inverse of {@link toDayNumber}.
 * @example fromDayNumber(20355) // "2025-09-24"
 */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number (${dayNumber}) must be an integer`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatIsoDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** The date `days` calendar days after `iso` (negative: before). @example addDays("2024-02-28", 2) // "2024-03-01" */
export function addDays(iso: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days (${days}) must be an integer`);
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). @example daysBetween("2025-01-01", "2025-03-01") // 59 */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). @example dayOfWeek("2025-09-24") // 3 */
export function dayOfWeek(iso: string): number {
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7;
}

/** True on Saturdays and Sundays. */
export function isWeekend(iso: string): boolean {
  const dow = dayOfWeek(iso);
  return dow === 0 || dow === 6;
}

/** The last day of a month as an ISO date. @example endOfMonth(2024, 2) // "2024-02-29" */
export function endOfMonth(year: number, month: number): string {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/**
 * Day number of a plain `YYYY-MM-DD` string without allocating, for bulk imports.
 * @returns the day number (see {@link toDayNumber}), or NaN when the text is not exactly a valid ISO date.
 * @example isoToDayNumber("2025-09-24") // 20355
 */
export function isoToDayNumber(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    year = year * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48, m2 = s.charCodeAt(6) - 48, d1 = s.charCodeAt(8) - 48, d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return dayNumberFromCivil(year, month, day);
}
