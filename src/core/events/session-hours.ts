import type { CalendarId } from "../calendars/holiday.js";
import { zonedTimeToUtcMs, type TimeZoneId } from "./time-zones.js";

/** Regular trading hours of an exchange calendar, in its local time. */
export interface SessionHours {
  calendar: Exclude<CalendarId, "FX">;
  zone: TimeZoneId;
  /** Local minutes after midnight of the open (570 = 09:30). */
  openMinutes: number;
  /** Local minutes after midnight of the close (960 = 16:00). */
  closeMinutes: number;
}

/**
 * Regular sessions (FORMULAS.md "Returns and calendars": day 0 is the first session whose trading hours end
 * after the event):
 * - HK: HKEX 09:30–16:00 Asia/Hong_Kong (the lunch break does not matter for day 0);
 * - US: NYSE and NASDAQ 09:30–16:00 America/New_York, with summer time;
 * - CN: SSE and SZSE 09:30–15:00 Asia/Shanghai.
 * Half-day sessions (Christmas Eve, New Year's Eve and Lunar New Year's Eve in Hong Kong; the US early
 * closes at 13:00) are not modelled: an event between the early and the regular close maps to that day.
 * @see https://www.hkex.com.hk/Services/Trading-hours-and-Severe-Weather-Arrangements
 * @see https://www.nyse.com/markets/hours-calendars
 * @see https://english.sse.com.cn/start/trading/schedule/
 */
export const SESSION_HOURS: Readonly<Record<SessionHours["calendar"], SessionHours>> = {
  HK: { calendar: "HK", zone: "Asia/Hong_Kong", openMinutes: 570, closeMinutes: 960 },
  US: { calendar: "US", zone: "America/New_York", openMinutes: 570, closeMinutes: 960 },
  CN: { calendar: "CN", zone: "Asia/Shanghai", openMinutes: 570, closeMinutes: 900 },
};

/**
 * Session hours of a calendar.
 * @returns `undefined` for calendars without sessions (FX) or unknown ones
 * @example sessionHoursOf("US")?.closeMinutes // 960
 */
export function sessionHoursOf(calendar: CalendarId | undefined): SessionHours | undefined {
  return calendar !== undefined && calendar !== "FX" ? SESSION_HOURS[calendar] : undefined;
}

/**
 * The UTC instant at which the regular session of `date` closes.
 * @param date local session date `YYYY-MM-DD`
 * @returns milliseconds since 1970-01-01T00:00Z
 * @example sessionCloseUtcMs(SESSION_HOURS.US, "2025-09-09") // Date.UTC(2025, 8, 9, 20, 0)
 */
export function sessionCloseUtcMs(hours: SessionHours, date: string): number {
  return zonedTimeToUtcMs(hours.zone, date, hours.closeMinutes);
}

/** Formats local minutes after midnight as `HH:MM`. @example formatMinutes(570) // "09:30" */
export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
