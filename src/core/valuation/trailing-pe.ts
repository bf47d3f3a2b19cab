import { evaluate } from "./_evaluate.js";
import { needFyEpsOnLatestBasis } from "./_fy-eps.js";
import { currencyOf, EPS_METRICS, needPrice, perListingInComparisonCurrency } from "./_inputs.js";
import { peFromEps } from "./_pe.js";
import { needTrailingFourQuarters } from "./_ttm.js";
import type { MultipleContext, MultipleResult } from "./types.js";

/**
 * Trailing P/E: price / EPS of the last reported fiscal year (basis "FY"), or of the last four fiscal quarters
 * (basis "TTM"). EPS is per ordinary share in the reporting currency; it is scaled to the listing
 * (× sharesPerListing) and converted to the price currency at the asOf rate. Diluted EPS is preferred to basic.
 *
 * @param ctx - the listing, asOf, price, fundamentals (only rows known on asOf are used), FX lookup, options.
 * @param basis - "FY" (default) or "TTM".
 * @returns the P/E in x; n.m. for EPS < 0 (`negative_earnings`), = 0 (`zero_earnings`), P/E above the cap
 *   (`above_cap`, default 200x), no EPS known on asOf (`missing_input`) or no FX rate (`missing_fx`).
 * @example trailingPE(ctx) // BABA $120; EPS RMB 6.0 × 8 = RMB 48 / 7.2 = $6.667 → 18.0x
 * @see FORMULAS.md "Multiples": "Trailing P/E = price / EPS over the last reported fiscal year (TTM variant: last four quarters)"
 */
export function trailingPE(ctx: MultipleContext, basis: "FY" | "TTM" = "FY"): MultipleResult {
  const kind = basis === "FY" ? "trailingPE" : "ttmPE";
  const formula = basis === "FY" ? "price / (EPS last fiscal year × sharesPerListing)" : "price / (Σ EPS last four quarters × sharesPerListing)";
  return evaluate(ctx, kind, "x", formula, (d) => {
    const price = needPrice(d);
    if (basis === "FY") {
      // On the share basis of the latest filing (a pre-split FY EPS ÷ the split ratio, issue 13).
      const { row, value } = needFyEpsOnLatestBasis(d, "EPS", EPS_METRICS);
      const eps = perListingInComparisonCurrency(d, value, currencyOf(d, row), `EPS ${row.fiscalPeriod}`);
      return peFromEps(d, price, eps, `EPS ${row.fiscalPeriod}`);
    }
    const ttm = needTrailingFourQuarters(d, "EPS", EPS_METRICS);
    const eps = perListingInComparisonCurrency(d, ttm.value, ttm.currency, ttm.label);
    return peFromEps(d, price, eps, ttm.label);
  });
}
