import { InvalidInputError } from "../../errors.js";
import { addDays, dayOfWeek, endOfMonth, isIsoDate, parseIsoDate } from "../dates.js";

/** Spacing of history points. */
export type HistoryFrequency = "month" | "week";

/**
 * The dates of a history between two dates: each month end (or each Friday) in [from, to], then `to` itself if it
 * is not already a point, so the last point is "today" (the as-of date).
 *
 * @param from - first ISO date (inclusive).
 * @param to - last ISO date (inclusive), normally the as-of date.
 * @param every - "month" (month ends) or "week" (Fridays).
 * @returns ascending ISO dates, at least one (`to`).
 * @throws InvalidInputError when a date is invalid or from is after to.
 * @example historyDates("2025-07-15", "2025-09-24", "month") // ["2025-07-31", "2025-08-31", "2025-09-24"]
 */
export function historyDates(from: string, to: string, every: HistoryFrequency): string[] {
  if (!isIsoDate(from)) throw InvalidInputError.at({ column: "history from", value: from, reason: "is not a date (YYYY-MM-DD)" });
  if (!isIsoDate(to)) throw InvalidInputError.at({ column: "history to", value: to, reason: "is not a date (YYYY-MM-DD)" });
  if (from > to) throw InvalidInputError.at({ column: "history", value: `${from}:${to}`, reason: "starts after it ends" });
  const out: string[] = [];
  if (every === "week") {
    let d = addDays(from, (5 - dayOfWeek(from) + 7) % 7);
    for (; d <= to; d = addDays(d, 7)) out.push(d);
  } else {
    let { year, month } = parseIsoDate(from);
    for (let d = endOfMonth(year, month); d <= to; d = endOfMonth(year, month)) {
      out.push(d);
      month = month === 12 ? 1 : month + 1;
      if (month === 1) year++;
    }
  }
  if (out[out.length - 1] !== to) out.push(to);
  return out;
}
