import { addDays } from "../../core/dates.js";
import { InvalidInputError } from "../../errors.js";
import { CURRENCIES, type Currency } from "../../models/common.js";
import type { FxRate } from "../../models/fx-rate.js";
import { checkRows, parseItemQuery, parseWire, providerSchemaError, type Fetcher, type ItemQuery } from "../contract.js";
import { finishedBars } from "./_bars.js";
import { callYahoo, toJsonSafe, yahooClient } from "./client.js";
import { YahooChartRaw } from "./wire.js";

interface FxQuery extends ItemQuery {
  base: Currency;
  quote: Currency;
  from: string;
  to: string;
}

const isCurrency = (c: string): c is Currency => (CURRENCIES as readonly string[]).includes(c);

/**
 * An FX pair from `USDHKD=X`, `USDHKD`, `USD/HKD` or `HKD` (= USD/HKD), with a date range.
 * @throws InvalidInputError naming the pair when it is not two known currencies.
 */
export function parseFxQuery(params: ItemQuery): FxQuery {
  const raw = String(params.symbol ?? "").trim().toUpperCase();
  const m = /^([A-Z]{3})?\/?([A-Z]{3})(=X)?$/.exec(raw);
  const base = m?.[1] ?? "USD";
  const quote = m?.[2] ?? "";
  if (!m || !isCurrency(base) || !isCurrency(quote) || base === quote) {
    throw InvalidInputError.at({ column: "pair", value: raw, reason: `is not an FX pair of two currencies rerate knows (e.g. USDHKD=X, USD/CNY; ${CURRENCIES.join(", ")})` });
  }
  const q = parseItemQuery({ ...params, symbol: `${base}${quote}=X` });
  if (q.from === undefined || q.to === undefined) throw InvalidInputError.at({ column: q.from === undefined ? "--from" : "--to", reason: "is required for daily series" });
  return { symbol: q.symbol, base, quote, from: q.from, to: q.to };
}

/**
 * The pair of a Yahoo FX symbol, as Yahoo names them: `CNY=X` and `HKD=X` are USD→CNY and USD→HKD (one currency:
 * the US dollar priced in it), `EURUSD=X` is EUR→USD and `USDHKD=X` USD→HKD (1 base = rate quote).
 * @returns undefined for a symbol that is not an FX pair of two known currencies.
 * @example yahooFxPair("CNY=X") // { base: "USD", quote: "CNY" }
 */
export function yahooFxPair(symbol: string): { base: Currency; quote: Currency } | undefined {
  const m = /^([A-Z]{3})?([A-Z]{3})=X$/.exec(symbol.trim().toUpperCase());
  if (!m) return undefined;
  const base = m[1] ?? "USD";
  const quote = m[2]!;
  return isCurrency(base) && isCurrency(quote) && base !== quote ? { base, quote } : undefined;
}

/** Daily FX rates (1 base = rate quote) from Yahoo's `USDHKD=X` charts: the close of each London day. */
export const yahooFxRates: Fetcher<"fx", FxQuery> = {
  model: "fx",
  description: "daily FX rates from Yahoo pairs (USDHKD=X, USDCNY=X): close of each day, 1 base = rate quote",
  ttlSeconds: 6 * 3600,
  defaultRangeYears: 5,
  parseQuery: parseFxQuery,
  cacheKey: (q) => `fx ${q.base}${q.quote} ${q.from}..${q.to}`,
  async extract(q, ctx) {
    const chart = await callYahoo("fx", q.symbol, () => yahooClient(ctx.http).chart(q.symbol, {
      period1: q.from, period2: addDays(q.to, 1), interval: "1d", return: "array",
    }, { validateResult: false }));
    return { fetchedAt: ctx.now().toISOString(), chart: toJsonSafe(chart) };
  },
  transform(q, raw) {
    const { fetchedAt, chart } = parseWire("yahoo", "fx", YahooChartRaw, raw);
    // Yahoo quotes USDHKD=X in HKD: a pair quoted in anything else is not the rate rerate thinks it is.
    if (chart.meta.currency.toUpperCase() !== q.quote) {
      throw providerSchemaError("yahoo", "fx", "chart.meta.currency", `should be the quote currency ${q.quote} of ${q.symbol}`, chart.meta.currency);
    }
    const rows: FxRate[] = finishedBars(chart, fetchedAt, q.from, q.to).map((b) => ({ base: q.base, quote: q.quote, date: b.date, rate: b.close }));
    return checkRows("yahoo", "fx", rows);
  },
};
