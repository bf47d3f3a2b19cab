import { evaluate, notMeaningful } from "./_evaluate.js";
import { currencyOf, fmt, needLatestFigure, needPrice, perListingInComparisonCurrency } from "./_inputs.js";
import type { MultipleContext, MultipleResult } from "./types.js";

/**
 * Dividend yield: dividends per share of the last reported fiscal year × sharesPerListing / price.
 *
 * @param ctx - the listing, asOf, price, fundamentals (known on asOf), FX lookup, options.
 * @returns a ratio (0.0125 = 1.25%); 0 for a stored zero dividend; n.m. `missing_input` when no dividend is stored
 *   for a fiscal year (a non-payer needs an explicit 0) or it is negative; `missing_fx` when no rate.
 * @example dividendYield(ctx) // DPS RMB 0.1875 × 8 = RMB 1.5 / 7.2 = $0.2083 / $120 = 0.001736
 * @see FORMULAS.md "Multiples" (numerator and denominator in one currency)
 */
export function dividendYield(ctx: MultipleContext): MultipleResult {
  return evaluate(ctx, "dividendYield", "ratio", "dividends per share last fiscal year × sharesPerListing / price", (d) => {
    const price = needPrice(d);
    const row = needLatestFigure(d, "dividends per share", ["dividendsPerShare"], true);
    if (row.value < 0) notMeaningful("missing_input", `dividends per share ${row.fiscalPeriod} (${fmt(row.value)}) is negative`);
    const dps = perListingInComparisonCurrency(d, row.value, currencyOf(d, row), `DPS ${row.fiscalPeriod}`);
    d.inputs.numerator = dps;
    d.inputs.denominator = price;
    return dps / price;
  });
}
