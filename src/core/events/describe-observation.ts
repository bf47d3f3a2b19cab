import { lowerBound } from "./_search.js";
import type { SkipCode } from "./outcomes.js";
import type { PreparedSeries } from "./prepare-series.js";
import { formatDayRange, type DayRange, type EventStudySpec } from "./study-spec.js";

/**
 * Why a security-event could not be studied, in one sentence that says how to fix it.
 * @param data the event's timestamp and the security's first and last price dates
 * @example describeSkip("short-estimation", 27, EVENT_STUDY_DEFAULTS, { timestamp: "2023-03-01", first: "2023-01-03", last: "2025-10-31" })
 *   // "only 27 valid estimation days in -250:-11 (need ≥ 120); prices start 2023-01-03: …"
 */
export function describeSkip(code: SkipCode, estimationDays: number, spec: EventStudySpec, data: { timestamp: string; first?: string; last?: string }): string {
  switch (code) {
    case "day0-outside-data":
      return `no session on or after ${data.timestamp} in the prices (last price ${data.last ?? "none"})`;
    case "short-estimation":
      return `only ${estimationDays} valid estimation days in ${formatDayRange(spec.estimation)} (need ≥ ${spec.minEstimationDays}); prices start ${data.first ?? "nowhere"}: the event is too early in the history, or prices are missing`;
    case "constant-benchmark":
      return `the benchmark's returns are constant over the estimation window (${estimationDays} days): no market model`;
    case "no-benchmark":
      return "no benchmark returns for this model: pass --benchmark or use --model mean-adjusted";
  }
}

/**
 * What a reader of one security-event should know: missing prices (of the security or its benchmark) around
 * the window span, returns that span a gap, prices ending inside the span, and the security's other events
 * that overlap the span (merged in the aggregate) or fall inside the estimation window.
 * @param p the security's prepared series; @param day0 the grid index of day 0
 * @param others the security's other events with their day-0 grid indices
 * @returns sentences in English, in that order
 * @example describeObservationNotes(p, "HALT.HK", 700, { from: -5, to: 5 }, spec, [{ id: "results", index: 703 }])
 *   // ["no HALT.HK price on 2025-09-25 (day +1): the returns into and out of it are missing", "event results is at day +3: …"]
 */
export function describeObservationNotes(
  p: PreparedSeries, security: string, day0: number, span: DayRange, spec: EventStudySpec, others: readonly { id: string; index: number }[],
): string[] {
  const notes: string[] = [];
  const rel = (i: number) => (i - day0 > 0 ? `+${i - day0}` : String(i - day0));
  const lo = day0 + span.from - 1; // the missing price before day −5 breaks day −5's return
  const hi = day0 + span.to;
  const inSpan = (list: readonly number[]) => list.slice(lowerBound(list, lo), lowerBound(list, hi + 1));
  for (const i of inSpan(p.missingPrices)) notes.push(`no ${security} price on ${p.grid[i]} (day ${rel(i)}): the returns into and out of it are missing`);
  for (const i of inSpan(p.missingBenchmark)) notes.push(`no benchmark price on ${p.grid[i]} (day ${rel(i)})`);
  for (const g of p.gaps) {
    if (g.index > lo && g.index <= hi) notes.push(`the return from ${p.grid[g.fromIndex]} to ${p.grid[g.index]} (${(g.value * 100).toFixed(2)}%) spans ${g.sessions} sessions and is left out`);
  }
  if (hi >= p.grid.length) notes.push(`prices end ${p.grid[p.grid.length - 1]}: days after it are missing`);
  const width = span.to - span.from;
  for (const o of others) {
    const d = o.index - day0;
    if (d >= -width && d <= width) notes.push(`event ${o.id} is at day ${d > 0 ? "+" : ""}${d}: overlapping windows are merged in the aggregate`);
    else if (d >= spec.estimation.from && d <= spec.estimation.to) notes.push(`event ${o.id} falls in the estimation window (day ${d})`);
  }
  return notes;
}
