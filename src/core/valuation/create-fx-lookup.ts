import type { Currency, FxRate } from "../../models/index.js";
import type { FxQuote, FxQuoteLookup } from "./fx-types.js";
import { mapToFloat64 } from "../typed-arrays.js";

interface PairSeries {
  dates: string[];
  rates: Float64Array;
  sources: (string | undefined)[];
}

/** Index of the last date ≤ `date` in ascending `dates`, or −1. ISO dates compare as strings. */
function lastOnOrBefore(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as string) <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Builds an {@link FxQuoteLookup} over stored fixings: one date-sorted array per pair, searched by bisection,
 * so each lookup costs O(log n). Rows with a rate that is not a positive finite number are skipped; when one pair
 * has several rows on one date, the last row in input order wins. The input array is not modified.
 *
 * The lookup answers only for stored pairs; inverses and crosses are `resolveFxRate`'s job, and staleness is
 * judged there too (`maxStaleDays`, default 7), so the lookup simply returns the latest fixing on or before a date.
 *
 * @param rows - FX fixings (1 base = rate quote), in any order.
 * @returns a lookup `(base, quote, date) => FxQuote | undefined` (undefined when the pair is unknown or has no
 *   fixing on or before `date`).
 * @example createFxLookup([{ base: "USD", quote: "CNY", date: "2025-09-30", rate: 7.12 }])("USD", "CNY", "2025-10-03") // { rate: 7.12, date: "2025-09-30", … }
 * @see FORMULAS.md "Multiples": "converted at the as-of date's rate"
 */
export function createFxLookup(rows: readonly FxRate[]): FxQuoteLookup {
  const grouped = new Map<string, { date: string; rate: number; source: string | undefined; order: number }[]>();
  rows.forEach((row, order) => {
    if (!(Number.isFinite(row.rate) && row.rate > 0)) return;
    const key = `${row.base}${row.quote}`;
    let list = grouped.get(key);
    if (list === undefined) grouped.set(key, (list = []));
    list.push({ date: row.date, rate: row.rate, source: row.source, order });
  });

  const series = new Map<string, PairSeries>();
  for (const [key, list] of grouped) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
    // Keep the last row of each date.
    const kept = list.filter((r, i) => i === list.length - 1 || (list[i + 1] as typeof r).date !== r.date);
    series.set(key, {
      dates: kept.map((r) => r.date),
      rates: mapToFloat64(kept, (r) => r.rate),
      sources: kept.map((r) => r.source),
    });
  }

  return (base: Currency, quote: Currency, date: string): FxQuote | undefined => {
    const s = series.get(`${base}${quote}`);
    if (s === undefined) return undefined;
    const i = lastOnOrBefore(s.dates, date);
    if (i < 0) return undefined;
    const q: FxQuote = { base, quote, rate: s.rates[i] as number, date: s.dates[i] as string };
    const source = s.sources[i];
    if (source !== undefined) q.source = source;
    return q;
  };
}
