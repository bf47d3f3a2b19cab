import type { DayZero } from "./day-zero.js";
import { formatMinutes, type SessionHours } from "./session-hours.js";
import type { TimeZoneId } from "./time-zones.js";

const CITY: Readonly<Record<TimeZoneId, string>> = { "Asia/Hong_Kong": "Hong Kong", "Asia/Shanghai": "Shanghai", "America/New_York": "New York" };

/**
 * One sentence saying why a session is day 0, for reports.
 * @example describeDayZero({ index: 5, date: "2025-09-10", rule: "after-close", local: { date: "2025-09-09", time: "16:05" } }, SESSION_HOURS.US)
 *   // "16:05 New York time on 2025-09-09 is after the 16:00 close: day 0 is the next session, 2025-09-10"
 */
export function describeDayZero(dz: DayZero, hours?: SessionHours, writtenDate?: string): string {
  const where = hours !== undefined ? `${CITY[hours.zone]} time` : "";
  const at = dz.local !== undefined ? `${dz.local.time} ${where} on ${dz.local.date}` : "";
  switch (dz.rule) {
    case "on-date":
      return `date-only event on a session day: day 0 is ${dz.date}`;
    case "next-session-after-date":
      return `date-only event on ${writtenDate ?? "a day"} without a session: day 0 is the next session, ${dz.date}`;
    case "before-open":
      return `${at} is before the ${formatMinutes(hours!.openMinutes)} open: day 0 is that session, ${dz.date}`;
    case "during-session":
      return `${at} is during the ${formatMinutes(hours!.openMinutes)}–${formatMinutes(hours!.closeMinutes)} session: day 0 is ${dz.date}`;
    case "after-close":
      return `${at} is after the ${formatMinutes(hours!.closeMinutes)} close: day 0 is the next session, ${dz.date}`;
    case "no-session-that-day":
      return `${at} falls on a day without a session: day 0 is the next session, ${dz.date}`;
    case "date-only-fallback":
      return `no session hours for this listing, so the event's written date ${writtenDate ?? ""} is used: day 0 is ${dz.date}`;
  }
}
