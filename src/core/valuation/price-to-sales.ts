import { evaluate, use } from "./_evaluate.js";
import { currencyOf, needLatestFigure, requirePositive, toComparisonCurrency } from "./_inputs.js";
import { marketCap } from "./market-cap.js";
import type { MultipleContext, MultipleResult } from "./types.js";

/**
 * Price / sales: market cap / revenue of the last reported fiscal year, both in the listing currency.
 *
 * @param ctx - the listing, asOf, price, fundamentals (known on asOf), FX lookup, options.
 * @returns the multiple in x; n.m. for revenue ≤ 0 (`non_positive_input`), or a missing figure or FX rate.
 * @example priceToSales(ctx) // $286.5bn / $138.9bn = 2.063x
 * @see FORMULAS.md "Multiples" (numerator and denominator in one currency)
 */
export function priceToSales(ctx: MultipleContext): MultipleResult {
  return evaluate(ctx, "priceToSales", "x", "market cap / revenue last fiscal year", (d) => {
    const cap = use(d, marketCap(ctx));
    const row = needLatestFigure(d, "revenue", ["revenue"], true);
    const revenue = toComparisonCurrency(d, row.value, currencyOf(d, row), `revenue ${row.fiscalPeriod}`);
    d.inputs.numerator = cap;
    d.inputs.denominator = revenue;
    requirePositive(`revenue ${row.fiscalPeriod}`, revenue, d.inputs.currency);
    return cap / revenue;
  });
}
