import type { Currency } from "../../models/index.js";
import { evaluate } from "./_evaluate.js";
import { needLatestFigure, needPrice, requirePositive, toComparisonCurrency } from "./_inputs.js";
import type { MultipleContext, MultipleResult } from "./types.js";

const SHARE_METRICS = ["sharesOutstanding", "sharesDiluted", "sharesBasic"] as const;

/**
 * Market capitalisation of the whole issuer, valued through one listing: price × ordinary shares / sharesPerListing
 * (BABA: ADS price × shares / 8). Shares are the latest of sharesOutstanding, sharesDiluted, sharesBasic known on
 * asOf (latest period end first).
 *
 * @param ctx - the listing, asOf, price, fundamentals, FX lookup.
 * @param currency - currency to state it in; default the listing (price) currency, converted at asOf.
 * @returns an amount (`unit: "amount"`) in `inputs.currency`, kind `marketCapUsd` when asked in USD, else
 *   `marketCap`; n.m. when the price or share count is missing or no FX rate exists.
 * @example marketCap(ctx) // BABA $120 × 19.1bn shares / 8 = $286.5bn
 * @see FORMULAS.md "Multiples": "Market cap = price × shares of that listing"
 */
export function marketCap(ctx: MultipleContext, currency?: Currency): MultipleResult {
  const kind = currency === "USD" ? "marketCapUsd" : "marketCap";
  return evaluate(ctx, kind, "amount", "price × shares outstanding / sharesPerListing", (d) => {
    const price = needPrice(d);
    const row = needLatestFigure(d, "shares outstanding", SHARE_METRICS, false, "shares");
    requirePositive(`${row.metric} ${row.fiscalPeriod}`, row.value, undefined);
    const cap = (price * row.value) / d.inputs.sharesPerListing;
    if (currency === undefined || currency === d.ctx.price.currency) return cap;
    const converted = toComparisonCurrency(d, cap, d.ctx.price.currency, "market cap", currency);
    d.inputs.currency = currency;
    return converted;
  });
}
