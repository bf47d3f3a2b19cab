import { evaluate, use } from "./_evaluate.js";
import { currencyOf, needLatestFigure, requirePositive, toComparisonCurrency } from "./_inputs.js";
import { enterpriseValue } from "./enterprise-value.js";
import type { MultipleContext, MultipleResult } from "./types.js";

/**
 * EV / revenue of the last reported fiscal year, both in the listing currency.
 *
 * @param ctx - the listing, asOf, price, fundamentals (known on asOf), FX lookup, options.
 * @returns the multiple in x; n.m. for EV ≤ 0 or revenue ≤ 0 (`non_positive_input`), or a missing figure or FX rate.
 * @example evToSales(ctx) // EV $231.5bn / (revenue RMB 1,000bn / 7.2 = $138.9bn) = 1.667x
 * @see FORMULAS.md "Multiples" (numerator and denominator in one currency)
 */
export function evToSales(ctx: MultipleContext): MultipleResult {
  return evaluate(ctx, "evToSales", "x", "enterprise value / revenue last fiscal year", (d) => {
    const ev = use(d, enterpriseValue(ctx));
    requirePositive("enterprise value", ev, d.inputs.currency);
    const row = needLatestFigure(d, "revenue", ["revenue"], true);
    const revenue = toComparisonCurrency(d, row.value, currencyOf(d, row), `revenue ${row.fiscalPeriod}`);
    d.inputs.numerator = ev;
    d.inputs.denominator = revenue;
    requirePositive(`revenue ${row.fiscalPeriod}`, revenue, d.inputs.currency);
    return ev / revenue;
  });
}
