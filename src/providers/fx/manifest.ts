import type { ProviderManifest } from "../contract.js";
import { yahooFxRates } from "../yahoo/fx-rates.js";

/** FX rates for the currencies in the store, served from Yahoo's `USDHKD=X` pairs. */
export const FX_PROVIDER: ProviderManifest = {
  id: "fx",
  name: "FX (Yahoo pairs)",
  description: "daily FX rates against USD for every currency the store uses, from Yahoo Finance USDxxx=X charts",
  url: "https://finance.yahoo.com/currencies",
  credentials: [],
  requestsPerSecond: 4,
  symbols: "pairs: USDHKD=X, USD/CNY, HKD (= USD/HKD)",
  fetchers: { fx: yahooFxRates },
};
