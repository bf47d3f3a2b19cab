import { isTradingDay, type CalendarId } from "../calendars/index.js";
import { addDays, isWeekend } from "../dates.js";

/**
 * The demo's clock: every weekday from `from` to `to`, each split into two half-steps. Half-step
 * 2i runs from the US close of the previous weekday to the Asian (Hong Kong / mainland) close of
 * weekday i; half-step 2i + 1 runs on to the US close of weekday i. Asian listings close at the end
 * of the even half-step, US listings at the end of the odd one, so a US evening headline reaches Hong
 * Kong the next morning.
 */
export interface Timeline {
  weekdays: readonly string[];
  /** 2 × weekdays.length. */
  halfSteps: number;
}

/** The sessions of one calendar on a timeline and the half-step at whose end each one closes. */
export interface SessionGrid {
  dates: string[];
  ends: Int32Array;
}

/** Builds the weekday timeline of a date range. @example createTimeline("2025-09-26", "2025-09-29").weekdays // ["2025-09-26", "2025-09-29"] */
export function createTimeline(from: string, to: string): Timeline {
  const weekdays: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!isWeekend(d)) weekdays.push(d);
  return { weekdays, halfSteps: 2 * weekdays.length };
}

/** True for calendars whose sessions close in the US half-step (US listings; FX fixings taken then too). */
export function closesInUsHalf(calendar: CalendarId): boolean {
  return calendar === "US" || calendar === "FX";
}

/** The sessions of `calendar` on the timeline, with their closing half-steps. */
export function createSessionGrid(timeline: Timeline, calendar: CalendarId): SessionGrid {
  const dates: string[] = [];
  const ends: number[] = [];
  const usHalf = closesInUsHalf(calendar) ? 1 : 0;
  timeline.weekdays.forEach((d, i) => {
    if (isTradingDay(calendar, d)) {
      dates.push(d);
      ends.push(2 * i + usHalf);
    }
  });
  return { dates, ends: Int32Array.from(ends) };
}
