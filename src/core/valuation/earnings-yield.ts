import { evaluate } from "./_evaluate.js";
import { needFyEpsOnLatestBasis } from "./_fy-eps.js";
import { currencyOf, EPS_METRICS, needPrice, perListingInComparisonCurrency } from "./_inputs.js";
import type { MultipleContext, MultipleResult } from "./types.js";

/**
 * Earnings yield: EPS of the last reported fiscal year per listing / price, the reciprocal of trailing P/E. Unlike
 * P/E it stays meaningful for losses (a negative yield) and near-zero earnings, so it has no cap.
 *
 * @param ctx - the listing, asOf, price, fundamentals (known on asOf), FX lookup, options.
 * @returns a ratio (0.0556 = 5.56%), negative for a loss; n.m. only for a missing price, EPS or FX rate.
 * @example earningsYield(ctx) // $6.6667 / $120 = 0.05556
 * @see FORMULAS.md "Multiples": "harmonic mean … (equivalently 1 / mean earnings yield)"
 */
export function earningsYield(ctx: MultipleContext): MultipleResult {
  return evaluate(ctx, "earningsYield", "ratio", "EPS last fiscal year × sharesPerListing / price", (d) => {
    const price = needPrice(d);
    // On the latest filing's share basis, as trailingPE's (issue 13).
    const { row, value } = needFyEpsOnLatestBasis(d, "EPS", EPS_METRICS);
    const eps = perListingInComparisonCurrency(d, value, currencyOf(d, row), `EPS ${row.fiscalPeriod}`);
    d.inputs.numerator = eps;
    d.inputs.denominator = price;
    return eps / price;
  });
}
