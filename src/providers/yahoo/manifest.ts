import type { ProviderManifest } from "../contract.js";
import { yahooEstimates } from "./estimates.js";
import { yahooFundamentals } from "./fundamentals.js";
import { yahooPrices } from "./prices.js";
import { yahooQuotes } from "./quotes.js";

/** Yahoo Finance through yahoo-finance2 (its fetch is rerate's HTTP layer). No key. */
export const YAHOO_PROVIDER: ProviderManifest = {
  id: "yahoo",
  name: "Yahoo Finance",
  description: "daily prices, quotes, reported income statements and shares, and consensus estimates, through yahoo-finance2 and Yahoo's fundamentals time series (unofficial APIs; terms of use apply)",
  url: "https://github.com/gadicc/yahoo-finance2",
  credentials: [],
  requestsPerSecond: 4,
  symbols: "Yahoo symbols: 9988.HK, 0700.HK, 688256.SS, 000001.SZ, BABA, ^HSI, ^GSPC, USDHKD=X",
  fetchers: { prices: yahooPrices, quotes: yahooQuotes, fundamentals: yahooFundamentals, estimates: yahooEstimates },
};
