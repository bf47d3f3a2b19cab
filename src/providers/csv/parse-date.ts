import { dayNumberFromCivil, daysInMonth, formatIsoDate, fromDayNumber } from "../../core/dates.js";
import { isMissingMarker, type CellResult } from "./parse-number.js";

/** Field order of dates written with a two-number prefix such as 9/24/2025 (mdy) or 24/9/2025 (dmy). */
export type DateOrder = "ymd" | "mdy" | "dmy";

const MISSING: CellResult<never> = { ok: true, value: undefined };
const INVALID: CellResult<never> = { ok: false, reason: "is not a valid date" };
const UNKNOWN: CellResult<never> = { ok: false, reason: "is not a date; write dates like 2025-09-24" };

/** An optional time of day after a date, with an optional offset: ` 10:00`, `T10:00:00Z`, ` 00:00:00+08:00`, ` 9:30 AM`. */
const TIME = String.raw`(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const EIGHT_DIGITS = /^(\d{4})(\d{2})(\d{2})$/;
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;
const DAY_MONTH_NAME = /^(\d{1,2})[-\s/]([A-Za-z]{3,9})\.?[-\s/](\d{4})$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?[-\s](\d{1,2})(?:st|nd|rd|th)?,?[-\s]\s*(\d{4})$/;

const MONTH_NAMES = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];
/** Days from 1970-01-01 to 1899-12-30, day 0 of Excel's 1900 date system from serial 61 on. */
const EXCEL_EPOCH_DAYS = dayNumberFromCivil(1899, 12, 30);

/**
 * Reads a date as exported by brokers, exchanges and spreadsheets, and returns it as ISO YYYY-MM-DD. A time or
 * offset after the date is dropped, not converted: the date as written is the exchange-local date.
 *
 * Accepted: 2025-09-24, 2025-09-24T10:00:00Z, 2025/9/24, 2025.9.24, 20250924, 2025年9月24日 (full-width digits
 * too), Excel serials 20000–80000 (45924 = 2025-09-24), 9/24/2025 or 24/9/2025, 24-Sep-2025, Sep 24, 2025.
 *
 * @param raw - The cell text as tokenized (untrimmed).
 * @param order - How to read a/b/yyyy dates: "mdy" or "dmy" (from {@link detectDateOrder}); a value that
 *   cannot be in that order is an error. Without it (or with "ymd") a number above 12 says which is the day;
 *   when both are 12 or less and differ (01/02/2025) the date is ambiguous and an error, except dotted dates
 *   (24.09.2025), which are day-first by convention.
 * @param opts - `dateOnly`: drop a time of day; otherwise a time other than midnight is an error.
 * @returns `{ ok: true, value: "YYYY-MM-DD" }`, `value: undefined` for an empty cell or missing marker,
 *   or `{ ok: false, reason }` for text that is not a date or a date not in the calendar (2025-02-30).
 * @example
 * parseDateCell("2025年9月24日"); // { ok: true, value: "2025-09-24" }
 * parseDateCell("24/9/2025", "dmy"); // { ok: true, value: "2025-09-24" }
 */
export function parseDateCell(raw: string, order?: DateOrder, opts: DateCellOptions = {}): CellResult<string> {
  if (raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45) {
    const y = digitsAt(raw, 0, 4);
    const m = digitsAt(raw, 5, 2);
    const d = digitsAt(raw, 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) return isInCalendar(y, m, d) ? { ok: true, value: raw } : INVALID;
  }
  const r = parseOtherDate(raw, order);
  if (r.ok && r.value !== undefined && !opts.dateOnly) {
    const time = timeOfDay(raw);
    if (time !== undefined) return { ok: false, reason: `has a time of day (${time}) but a daily value carries a date only: write the date alone, or pass --date-only to drop the time` };
  }
  return r;
}

/** How {@link parseDateCell} treats a time after the date. */
export interface DateCellOptions {
  /** Drop any time of day (`--date-only`); otherwise only midnight (00:00, 00:00:00+08:00, 12:00 AM) is dropped. */
  dateOnly?: boolean;
}

const TIME_OF_DAY = /[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*([AaPp][Mm])?/;

/** The time written after a date when it is not midnight (`10:30`), else undefined. */
function timeOfDay(raw: string): string | undefined {
  const m = TIME_OF_DAY.exec(raw.trim());
  if (m === null) return undefined;
  const h = Number(m[1]);
  const midnight = (h === 0 || (h === 12 && /^a/i.test(m[5] ?? ""))) && Number(m[2]) === 0 && Number(m[3] ?? 0) === 0 && Number(m[4] ?? 0) === 0;
  return midnight ? undefined : m[0].trim();
}

/**
 * Guesses how a column writes its dates from sample cells: any a/b/yyyy date with a > 12 means day-first,
 * with b > 12 month-first; year-first dates (ISO, 2025/9/24, 20250924) mean "ymd".
 *
 * @param samples - Cells of one column (any number; empty ones are ignored).
 * @returns "dmy", "mdy" or "ymd"; `undefined` when the a/b/yyyy dates are all ambiguous (both ≤ 12), contradict
 *   each other, or no cell looks like a date.
 * @example
 * detectDateOrder(["9/1/2025", "9/24/2025"]); // "mdy"
 * detectDateOrder(["1/9/2025", "24/9/2025"]); // "dmy"
 */
export function detectDateOrder(samples: readonly string[]): DateOrder | undefined {
  let dayFirst = false;
  let monthFirst = false;
  let ambiguous = false;
  let yearFirst = false;
  for (const sample of samples) {
    const s = sample.trim();
    const m = YEAR_LAST.exec(s);
    if (m !== null) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && b <= 12) dayFirst = true;
      else if (b > 12 && a <= 12) monthFirst = true;
      else ambiguous = true;
    } else if (YEAR_FIRST.test(s) || EIGHT_DIGITS.test(s) || CHINESE.test(s)) {
      yearFirst = true;
    }
  }
  if (dayFirst !== monthFirst) return dayFirst ? "dmy" : "mdy";
  if (dayFirst || ambiguous) return undefined;
  return yearFirst ? "ymd" : undefined;
}

/**
 * Two a/b/yyyy dates of one column that settle opposite orders (17/09/2025 day-first, 09/15/2025 month-first):
 * the file's order is then unknown and the import refuses it.
 * @returns the indices of the first day-first and first month-first sample, or undefined when they agree.
 * @example findDateOrderConflict(["17/09/2025", "09/15/2025"]) // { dayFirst: 0, monthFirst: 1 }
 */
export function findDateOrderConflict(samples: readonly string[]): { dayFirst: number; monthFirst: number } | undefined {
  let dayFirst = -1;
  let monthFirst = -1;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (s.length === 10 && s.charCodeAt(4) === 45) continue; // ISO: not a/b/yyyy
    const m = YEAR_LAST.exec(s.trim());
    if (m === null || m[2] === ".") continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12 && dayFirst < 0) dayFirst = i;
    else if (b > 12 && a <= 12 && monthFirst < 0) monthFirst = i;
    if (dayFirst >= 0 && monthFirst >= 0) return { dayFirst, monthFirst };
  }
  return undefined;
}

/**
 * Whether a string is exactly an ISO calendar date YYYY-MM-DD that exists (no 2025-02-30).
 *
 * @param s - Text to check.
 * @returns true for a real date in YYYY-MM-DD form, false otherwise.
 * @example
 * isValidIsoDate("2024-02-29"); // true (leap year)
 * isValidIsoDate("2025-02-29"); // false
 */
export function isValidIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  return y >= 0 && m >= 0 && d >= 0 && isInCalendar(y, m, d);
}

function parseOtherDate(raw: string, order: DateOrder | undefined): CellResult<string> {
  const s = toHalfWidthDigits(raw).trim();
  if (isMissingMarker(s)) return MISSING;
  let m = YEAR_FIRST.exec(s) ?? CHINESE.exec(s);
  if (m !== null) {
    const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    return fromParts(Number(y), Number(mo), Number(d));
  }
  if ((m = EIGHT_DIGITS.exec(s)) !== null) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (EXCEL_SERIAL.test(s)) {
    const serial = Number(s);
    if (serial < 20000 || serial > 80000) return UNKNOWN;
    return fromDays(EXCEL_EPOCH_DAYS + Math.floor(serial));
  }
  if ((m = YEAR_LAST.exec(s)) !== null) return fromDayMonthYear(Number(m[1]), Number(m[3]), Number(m[4]), m[2] === ".", order);
  if ((m = DAY_MONTH_NAME.exec(s)) !== null) return fromParts(Number(m[3]), monthNumber(m[2] ?? ""), Number(m[1]));
  if ((m = MONTH_NAME_DAY.exec(s)) !== null) return fromParts(Number(m[3]), monthNumber(m[1] ?? ""), Number(m[2]));
  return UNKNOWN;
}

/** a/b/yyyy: day-first or month-first by `order`, else by which number cannot be a month. */
function fromDayMonthYear(a: number, b: number, y: number, dotted: boolean, order: DateOrder | undefined): CellResult<string> {
  if (order === "mdy" && a > 12 && b <= 12) return { ok: false, reason: "is day-first, but this column's dates are month/day/year" };
  if (order === "dmy" && b > 12 && a <= 12) return { ok: false, reason: "is month-first, but this column's dates are day/month/year" };
  if ((order === undefined || order === "ymd") && !dotted && a <= 12 && b <= 12 && a !== b) {
    return { ok: false, reason: "is ambiguous (day/month or month/day) and no date in this file has a day above 12: pass --date-order dmy or mdy" };
  }
  const dayFirst = order === "dmy" || (order !== "mdy" && (a > 12 || (dotted && b <= 12)));
  return dayFirst ? fromParts(y, b, a) : fromParts(y, a, b);
}

function fromParts(y: number, m: number, d: number): CellResult<string> {
  return isInCalendar(y, m, d) ? { ok: true, value: formatIsoDate(y, m, d) } : INVALID;
}

function fromDays(days: number): CellResult<string> {
  return { ok: true, value: fromDayNumber(days) };
}

/** 1-12 for an English month name or its abbreviation (Sep, Sept, September); 0 when unknown. */
function monthNumber(name: string): number {
  const k = name.toLowerCase();
  return MONTH_NAMES.findIndex((full) => full === k || (k.length >= 3 && full.startsWith(k))) + 1;
}

/** The number written by `len` ASCII digits at `start`, or -1 if any is not a digit. */
function digitsAt(s: string, start: number, len: number): number {
  let v = 0;
  for (let i = start; i < start + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function isInCalendar(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Full-width digits and ASCII punctuation (２０２５／９／２４) and the ideographic space as ASCII. */
function toHalfWidthDigits(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x3000) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : c === 0x3000 ? " " : s[i];
  }
  return out;
}
