import { addDays } from "../../core/dates.js";
import type { PriceBar } from "../../models/price-bar.js";
import { checkRows, parseWire, type Fetcher } from "../contract.js";
import { finishedBars } from "./_bars.js";
import { parseRangeQuery, yahooCurrency } from "./_common.js";
import { callYahoo, toJsonSafe, yahooClient } from "./client.js";
import { YahooChartRaw } from "./wire.js";

/** Daily bars through yahoo-finance2's chart(): open, high, low, close, adjusted close and volume. */
export const yahooPrices: Fetcher<"prices"> = {
  model: "prices",
  description: "daily bars with adjusted close (chart API): HK (9988.HK), Shanghai/Shenzhen (688256.SS, .SZ), US, indices (^HSI), FX (USDHKD=X)",
  ttlSeconds: 6 * 3600,
  defaultRangeYears: 5,
  parseQuery: parseRangeQuery,
  cacheKey: (q) => `chart ${q.symbol} ${q.from}..${q.to}`,
  async extract(q, ctx) {
    const { from, to } = parseRangeQuery(q);
    const chart = await callYahoo("prices", q.symbol, () => yahooClient(ctx.http).chart(q.symbol, {
      period1: from, period2: addDays(to, 1), interval: "1d", events: "div|split", return: "array",
    }, { validateResult: false }));
    return { fetchedAt: ctx.now().toISOString(), chart: toJsonSafe(chart) };
  },
  transform(q, raw) {
    const { from, to } = parseRangeQuery(q);
    const { fetchedAt, chart } = parseWire("yahoo", "prices", YahooChartRaw, raw);
    const currency = yahooCurrency("prices", "chart.meta.currency", chart.meta.currency);
    const rows: PriceBar[] = finishedBars(chart, fetchedAt, from, to).map((b) => ({ security: q.symbol, currency, ...b }));
    return checkRows("yahoo", "prices", rows);
  },
};
