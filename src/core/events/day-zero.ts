import { lowerBound, upperBound } from "./_search.js";
import type { EventTime } from "./event-time.js";
import type { SessionHours } from "./session-hours.js";
import { utcMsToZoned } from "./time-zones.js";

/**
 * Why a session is day 0:
 * - `on-date`: a date-only event on a session day;
 * - `next-session-after-date`: a date-only event on a day without a session (weekend, holiday);
 * - `before-open` / `during-session`: a timed event before the close of that local day's session;
 * - `after-close`: a timed event at or after the close, so the next session;
 * - `no-session-that-day`: a timed event on a local day without a session, so the next session.
 * - `date-only-fallback`: a timed event for a security without session hours, read by its written date.
 */
export type DayZeroRule =
  | "on-date"
  | "next-session-after-date"
  | "before-open"
  | "during-session"
  | "after-close"
  | "no-session-that-day"
  | "date-only-fallback";

/** Day 0 of an event for one security: an index into its sessions. */
export interface DayZero {
  index: number;
  date: string;
  rule: DayZeroRule;
  /** For timed events: the event's local date and time (HH:MM) at the exchange. */
  local?: { date: string; time: string };
}

/**
 * Locates day 0 (FORMULAS.md "Returns and calendars"): the first session whose trading hours end after the
 * event; for date-only events, that date if it is a session, else the next session. "Session" means an
 * element of `sessions`, the security's session grid, so a session where the stock has no price (a halt)
 * is still day 0 and its return is reported missing.
 *
 * @param sessions the security's sessions, sorted ISO dates, local to its exchange
 * @param time the event (see {@link parseEventTime})
 * @param hours the exchange's session hours; without them a timed event falls back to its written date
 * @returns `undefined` when no session on or after the event is in `sessions`
 * @example locateDayZero(["2025-09-09", "2025-09-10"], parseEventTime("2025-09-09T16:05-04:00"), SESSION_HOURS.US)
 *   // { index: 1, date: "2025-09-10", rule: "after-close", local: { date: "2025-09-09", time: "16:05" } }
 * @see MacKinlay (1997) §3 on defining the event date when news arrives after the close
 */
export function locateDayZero(sessions: readonly string[], time: EventTime, hours?: SessionHours): DayZero | undefined {
  if (time.utcMs === undefined || hours === undefined) {
    const index = lowerBound(sessions, time.date);
    if (index >= sessions.length) return undefined;
    const date = sessions[index]!;
    const rule: DayZeroRule = time.utcMs !== undefined ? "date-only-fallback" : date === time.date ? "on-date" : "next-session-after-date";
    return { index, date, rule };
  }
  const local = utcMsToZoned(hours.zone, time.utcMs);
  const hhmm = `${String(Math.floor(local.minutesOfDay / 60)).padStart(2, "0")}:${String(local.minutesOfDay % 60).padStart(2, "0")}`;
  const afterClose = local.minutesOfDay >= hours.closeMinutes;
  const index = afterClose ? upperBound(sessions, local.date) : lowerBound(sessions, local.date);
  if (index >= sessions.length) return undefined;
  const date = sessions[index]!;
  const sessionThatDay = sessions[lowerBound(sessions, local.date)] === local.date;
  let rule: DayZeroRule;
  if (!sessionThatDay) rule = "no-session-that-day";
  else if (afterClose) rule = "after-close";
  else rule = local.minutesOfDay < hours.openMinutes ? "before-open" : "during-session";
  return { index, date, rule, local: { date: local.date, time: hhmm } };
}
