import { evaluate, use } from "./_evaluate.js";
import { currencyOf, needLatestFigure, requirePositive, requirePositiveEarnings, toComparisonCurrency } from "./_inputs.js";
import { enterpriseValue } from "./enterprise-value.js";
import type { MultipleContext, MultipleResult } from "./types.js";

/**
 * EV / EBITDA of the last reported fiscal year, both in the listing currency (EBITDA converted at the asOf rate).
 *
 * @param ctx - the listing, asOf, price, fundamentals (known on asOf), FX lookup, options.
 * @returns the multiple in x; n.m. for EBITDA < 0 or = 0 (`negative_earnings`, `zero_earnings`), EV ≤ 0
 *   (`non_positive_input`), or a missing figure or FX rate.
 * @example evToEbitda(ctx) // EV $231.5bn / (EBITDA RMB 180bn / 7.2 = $25bn) = 9.26x
 * @see FORMULAS.md "Multiples" (numerator and denominator in one currency)
 */
export function evToEbitda(ctx: MultipleContext): MultipleResult {
  return evaluate(ctx, "evToEbitda", "x", "enterprise value / EBITDA last fiscal year", (d) => {
    const ev = use(d, enterpriseValue(ctx));
    requirePositive("enterprise value", ev, d.inputs.currency);
    const row = needLatestFigure(d, "EBITDA", ["ebitda"], true);
    const ebitda = toComparisonCurrency(d, row.value, currencyOf(d, row), `EBITDA ${row.fiscalPeriod}`);
    d.inputs.numerator = ev;
    d.inputs.denominator = ebitda;
    requirePositiveEarnings(`EBITDA ${row.fiscalPeriod}`, ebitda, d.inputs.currency);
    return ev / ebitda;
  });
}
