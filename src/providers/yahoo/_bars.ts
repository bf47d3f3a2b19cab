import { localDate } from "./local-date.js";
import type { YahooChart } from "./wire.js";

/** One finished daily bar of a chart, dated in the exchange's time zone. */
export interface DailyBar {
  date: string;
  open?: number;
  high?: number;
  low?: number;
  close: number;
  adjClose?: number;
  volume?: number;
}

const positive = (x: number | null | undefined): number | undefined => (typeof x === "number" && x > 0 ? x : undefined);

/**
 * The finished daily bars of a chart in [from, to] (pure): dated by the exchange's time zone, bars without a
 * positive close dropped (holidays Yahoo pads with nulls), the session still open at `fetchedAt` dropped (its
 * bar is an intraday snapshot), and one bar per date (the later one).
 */
export function finishedBars(chart: YahooChart, fetchedAt: string, from: string, to: string): DailyBar[] {
  const tz = chart.meta.exchangeTimezoneName;
  const session = chart.meta.currentTradingPeriod?.regular;
  const liveDate = session !== undefined && Date.parse(fetchedAt) < Date.parse(session.end) ? localDate(session.start, tz) : undefined;
  const byDate = new Map<string, DailyBar>();
  for (const q of chart.quotes) {
    const close = positive(q.close);
    if (close === undefined) continue;
    const date = localDate(q.date, tz);
    if (date === liveDate || date < from || date > to) continue;
    const bar: DailyBar = { date, close };
    const open = positive(q.open);
    const high = positive(q.high);
    const low = positive(q.low);
    const adj = positive(q.adjclose);
    if (open !== undefined) bar.open = open;
    if (high !== undefined) bar.high = high;
    if (low !== undefined) bar.low = low;
    if (adj !== undefined) bar.adjClose = adj;
    if (typeof q.volume === "number" && q.volume >= 0) bar.volume = q.volume;
    byDate.set(date, bar);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
