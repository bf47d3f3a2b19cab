import { evaluate, use } from "./_evaluate.js";
import { currencyOf, needLatestFigure, requirePositive, toComparisonCurrency } from "./_inputs.js";
import { marketCap } from "./market-cap.js";
import type { MultipleContext, MultipleResult } from "./types.js";

/**
 * Price / book: market cap / book value (shareholders' equity) of the latest period known on asOf, in the
 * listing currency.
 *
 * @param ctx - the listing, asOf, price, fundamentals (known on asOf), FX lookup, options.
 * @returns the multiple in x; n.m. for book value ≤ 0 (`non_positive_input`), or a missing figure or FX rate.
 * @example priceToBook(ctx) // $286.5bn / (RMB 1,000bn / 7.2 = $138.9bn) = 2.063x
 * @see FORMULAS.md "Multiples" (numerator and denominator in one currency)
 */
export function priceToBook(ctx: MultipleContext): MultipleResult {
  return evaluate(ctx, "priceToBook", "x", "market cap / book value (latest period)", (d) => {
    const cap = use(d, marketCap(ctx));
    const row = needLatestFigure(d, "book value", ["bookValue"], false);
    const book = toComparisonCurrency(d, row.value, currencyOf(d, row), `book value ${row.fiscalPeriod}`);
    d.inputs.numerator = cap;
    d.inputs.denominator = book;
    requirePositive(`book value ${row.fiscalPeriod}`, book, d.inputs.currency);
    return cap / book;
  });
}
