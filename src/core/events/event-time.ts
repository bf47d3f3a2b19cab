import { InvalidInputError } from "../../errors.js";
import { dayNumberFromCivil, isIsoDate } from "../dates.js";

/** An event's timing: a calendar date, and the instant when a clock time with an offset was given. */
export interface EventTime {
  /** The text as given. */
  text: string;
  /** The calendar date as written (local to whoever wrote it). */
  date: string;
  /** Milliseconds since 1970-01-01T00:00Z, when the text has a time and an offset; absent for date-only events. */
  utcMs?: number;
}

const PATTERN = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2})))?$/;

/**
 * Reads an event timestamp: `YYYY-MM-DD` (date only) or `YYYY-MM-DDTHH:MM[:SS]` followed by `Z` or an
 * offset `±HH:MM` (a time without an offset is ambiguous and refused).
 * @throws InvalidInputError naming the value and the expected form
 * @example parseEventTime("2025-09-09T16:05-04:00").utcMs // Date.UTC(2025, 8, 9, 20, 5)
 * @example parseEventTime("2025-09-24") // { text: "2025-09-24", date: "2025-09-24" }
 */
export function parseEventTime(text: string): EventTime {
  const m = PATTERN.exec(text.trim());
  const fail = (why: string) =>
    InvalidInputError.at({ column: "event time", value: text, reason: `${why}; write YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM (e.g. 2025-09-24T09:30+08:00)` });
  if (m === null) throw fail("is not a date or a date-time with an offset");
  const date = m[1]!;
  if (!isIsoDate(date)) throw fail("is not an existing date");
  if (m[2] === undefined) return { text, date };
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  if (hour > 23 || minute > 59 || second > 59) throw fail("has a clock time out of range");
  let offset = 0;
  if (m[5] !== "Z") {
    const oh = Number(m[7]);
    const om = Number(m[8]);
    if (oh > 14 || om > 59) throw fail("has an offset out of range (−14:00 to +14:00)");
    offset = (m[6] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const [y, mo, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const utcMs = dayNumberFromCivil(y, mo, d) * 86_400_000 + ((hour * 60 + minute - offset) * 60 + second) * 1000;
  return { text, date, utcMs };
}
