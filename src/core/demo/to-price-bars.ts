import type { Currency } from "../../models/common.js";
import type { PriceBar, PriceColumns } from "../../models/price-bar.js";

/**
 * Row form of price columns (NaN becomes a missing field), e.g. to validate or to load row by row.
 * @example toPriceBars(market.prices[0]!)[0] // { security: "9988.HK", date: "2023-01-03", close: …, currency: "HKD", … }
 */
export function toPriceBars(columns: PriceColumns): PriceBar[] {
  const opt = (key: "open" | "high" | "low" | "adjClose" | "volume", i: number) => {
    const v = columns[key][i];
    return v === undefined || Number.isNaN(v) ? {} : { [key]: v };
  };
  return columns.dates.map((date, i) => ({
    security: columns.security, date, close: columns.close[i] ?? NaN, currency: columns.currency as Currency,
    ...opt("open", i), ...opt("high", i), ...opt("low", i), ...opt("adjClose", i), ...opt("volume", i),
  }));
}
