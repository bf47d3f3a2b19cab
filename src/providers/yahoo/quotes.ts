import { checkRows, parseItemQuery, parseWire, type Fetcher, type Quote } from "../contract.js";
import { optionalCurrency, YAHOO_SYMBOL, yahooCurrency } from "./_common.js";
import { callYahoo, toJsonSafe, yahooClient } from "./client.js";
import { YahooQuote } from "./wire.js";

/** A quote snapshot (quote API): last price and time, market state, market cap, shares, trailing and forward EPS. */
export const yahooQuotes: Fetcher<"quotes"> = {
  model: "quotes",
  description: "quote snapshot: last price, market cap, shares, trailing (TTM) and forward EPS per listing unit",
  ttlSeconds: 60,
  parseQuery: (p) => parseItemQuery(p, YAHOO_SYMBOL),
  cacheKey: (q) => `quote ${q.symbol}`,
  async extract(q, ctx) {
    const r = await callYahoo("quotes", q.symbol, () => yahooClient(ctx.http).quote(q.symbol, {}, { validateResult: false }));
    return toJsonSafe(r);
  },
  transform(q, raw) {
    const w = parseWire("yahoo", "quotes", YahooQuote, raw);
    const quote: Quote = {
      security: q.symbol, time: new Date(w.regularMarketTime).toISOString(), price: w.regularMarketPrice,
      currency: yahooCurrency("quotes", "currency", w.currency),
    };
    if (w.marketState) quote.marketState = w.marketState;
    if (typeof w.marketCap === "number") quote.marketCap = w.marketCap;
    if (typeof w.sharesOutstanding === "number") quote.sharesOutstanding = w.sharesOutstanding;
    if (typeof w.epsTrailingTwelveMonths === "number") quote.epsTrailingTwelveMonths = w.epsTrailingTwelveMonths;
    if (typeof w.epsForward === "number") quote.epsForward = w.epsForward;
    const fc = optionalCurrency(w.financialCurrency);
    if (fc !== undefined) quote.financialCurrency = fc;
    return checkRows("yahoo", "quotes", [quote]);
  },
};
