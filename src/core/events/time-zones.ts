import { dayNumberFromCivil, fromDayNumber, parseIsoDate } from "../dates.js";

/**
 * The time zones of the exchanges rerate has session hours for. Offsets come from the zones' rules, written
 * out here so that src/core needs no `Intl` and no system time-zone database:
 * - `Asia/Hong_Kong`: UTC+8 all year (Hong Kong last observed summer time in 1979);
 * - `Asia/Shanghai`: UTC+8 all year (China's summer time of 1986–1991 is not modelled);
 * - `America/New_York`: UTC−5, UTC−4 in summer time: since 2007 from the second Sunday of March to the
 *   first Sunday of November; 1987–2006 from the first Sunday of April to the last Sunday of October;
 *   1967–1986 from the last Sunday of April to the last Sunday of October (the 1974–75 emergency rules
 *   are not modelled); before 1967 standard time all year. Changes happen at 02:00 local time.
 * @see https://www.iana.org/time-zones (tzdata "northamerica" and "asia" files)
 */
export const TIME_ZONES = ["Asia/Hong_Kong", "Asia/Shanghai", "America/New_York"] as const;
export type TimeZoneId = (typeof TIME_ZONES)[number];

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Day number of the n-th (1-based) Sunday of a month, or of the last one when n is -1. */
function sundayOf(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = dayNumberFromCivil(year, month, 1);
    const dow = (((first + 4) % 7) + 7) % 7; // 0 = Sunday
    return first + ((7 - dow) % 7) + 7 * (n - 1);
  }
  const nextFirst = month === 12 ? dayNumberFromCivil(year + 1, 1, 1) : dayNumberFromCivil(year, month + 1, 1);
  const last = nextFirst - 1;
  const dow = (((last + 4) % 7) + 7) % 7;
  return last - dow;
}

/** UTC instants (ms) at which New York summer time starts and ends in a year, or undefined before 1967. */
function newYorkSummerTime(year: number): { start: number; end: number } | undefined {
  let startDay: number;
  let endDay: number;
  if (year >= 2007) {
    startDay = sundayOf(year, 3, 2);
    endDay = sundayOf(year, 11, 1);
  } else if (year >= 1987) {
    startDay = sundayOf(year, 4, 1);
    endDay = sundayOf(year, 10, -1);
  } else if (year >= 1967) {
    startDay = sundayOf(year, 4, -1);
    endDay = sundayOf(year, 10, -1);
  } else {
    return undefined;
  }
  // 02:00 EST = 07:00 UTC (start); 02:00 EDT = 06:00 UTC (end).
  return { start: startDay * MS_PER_DAY + 7 * 60 * MS_PER_MINUTE, end: endDay * MS_PER_DAY + 6 * 60 * MS_PER_MINUTE };
}

/**
 * Offset of local time from UTC, in minutes, at a UTC instant.
 * @param zone one of {@link TIME_ZONES}
 * @param utcMs milliseconds since 1970-01-01T00:00Z
 * @returns minutes east of UTC: 480 for Hong Kong, −240 or −300 for New York
 * @example utcOffsetMinutes("America/New_York", Date.UTC(2025, 8, 9, 20, 5)) // -240 (summer time)
 */
export function utcOffsetMinutes(zone: TimeZoneId, utcMs: number): number {
  switch (zone) {
    case "Asia/Hong_Kong":
    case "Asia/Shanghai":
      return 480;
    case "America/New_York": {
      // The year in New York can differ from the UTC year only around New Year, far from any transition.
      const year = Number(fromDayNumber(Math.floor(utcMs / MS_PER_DAY)).slice(0, 4));
      const st = newYorkSummerTime(year);
      return st !== undefined && utcMs >= st.start && utcMs < st.end ? -240 : -300;
    }
    default:
      throw new RangeError(`time zone "${String(zone)}" is unknown; use one of ${TIME_ZONES.join(", ")}`);
  }
}

/**
 * The UTC instant of a local wall-clock time in a zone.
 * @param date local calendar date `YYYY-MM-DD`
 * @param minutesOfDay local minutes after midnight (570 = 09:30)
 * @returns milliseconds since 1970-01-01T00:00Z. A wall time skipped by a summer-time change is read with
 *   the offset in force just before it; a repeated one resolves to its first occurrence.
 * @example zonedTimeToUtcMs("Asia/Hong_Kong", "2025-09-24", 960) // 16:00 HKT = 08:00 UTC
 */
export function zonedTimeToUtcMs(zone: TimeZoneId, date: string, minutesOfDay: number): number {
  const { year, month, day } = parseIsoDate(date);
  const wall = dayNumberFromCivil(year, month, day) * MS_PER_DAY + minutesOfDay * MS_PER_MINUTE;
  // Each offset the zone uses gives one candidate; a candidate is real when the zone is at that offset then.
  const offsets = zone === "America/New_York" ? [-240, -300] : [utcOffsetMinutes(zone, wall)];
  let best = Number.POSITIVE_INFINITY;
  for (const o of offsets) {
    const utc = wall - o * MS_PER_MINUTE;
    if (utcOffsetMinutes(zone, utc) === o && utc < best) best = utc;
  }
  // Only a wall time inside the spring-forward gap has no candidate: read it in standard time.
  return Number.isFinite(best) ? best : wall + 300 * MS_PER_MINUTE;
}

/**
 * The local date and time of day of a UTC instant in a zone.
 * @returns `{ date, minutesOfDay }`, minutes in [0, 1440)
 * @example utcMsToZoned("America/New_York", Date.UTC(2025, 8, 24, 1, 30)) // { date: "2025-09-23", minutesOfDay: 1290 }
 */
export function utcMsToZoned(zone: TimeZoneId, utcMs: number): { date: string; minutesOfDay: number } {
  const local = utcMs + utcOffsetMinutes(zone, utcMs) * MS_PER_MINUTE;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  return { date: fromDayNumber(dayNumber), minutesOfDay: Math.floor((local - dayNumber * MS_PER_DAY) / MS_PER_MINUTE) };
}
