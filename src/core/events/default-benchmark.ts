import type { CalendarId } from "../calendars/holiday.js";

/**
 * Default benchmark per calendar, in order of preference: ^HSI for HKEX, ^GSPC for NYSE/NASDAQ, the CSI 300
 * (000300.SS) for Shanghai and Shenzhen with ^HSI as the fallback when the CSI 300 has no prices.
 */
export const DEFAULT_BENCHMARKS: Readonly<Record<Exclude<CalendarId, "FX">, readonly string[]>> = {
  HK: ["^HSI"],
  US: ["^GSPC"],
  CN: ["000300.SS", "^HSI"],
};

/**
 * Picks a listing's default benchmark: the first of {@link DEFAULT_BENCHMARKS} for its calendar that has prices.
 * @param hasPrices whether the store holds prices for a symbol
 * @returns the benchmark and a sentence saying why, or only the sentence when none is available
 * @example chooseDefaultBenchmark("CN", (s) => s === "^HSI")
 *   // { id: "^HSI", reason: "default for CN listings is 000300.SS, which has no prices; fell back to ^HSI" }
 */
export function chooseDefaultBenchmark(calendar: CalendarId | undefined, hasPrices: (id: string) => boolean): { id?: string; reason: string } {
  if (calendar === undefined || calendar === "FX") return { reason: "no default benchmark for this listing: pass one explicitly" };
  const list = DEFAULT_BENCHMARKS[calendar];
  const first = list[0]!;
  for (const id of list) {
    if (!hasPrices(id)) continue;
    return id === first
      ? { id, reason: `default for ${calendar} listings` }
      : { id, reason: `default for ${calendar} listings is ${first}, which has no prices; fell back to ${id}` };
  }
  return { reason: `default benchmark for ${calendar} listings (${list.join(" or ")}) has no prices: import it or pass one explicitly` };
}
