import { evaluate } from "./_evaluate.js";
import { needForwardEps } from "./_forward.js";
import { needPrice, perListingInComparisonCurrency } from "./_inputs.js";
import { peFromEps } from "./_pe.js";
import type { ForwardHorizon, MultipleContext, MultipleResult } from "./types.js";

const KIND = { FY1: "forwardPEFy1", FY2: "forwardPEFy2", NTM: "forwardPENtm" } as const;
const FORMULA = {
  FY1: "price / (EPS estimate FY1 × sharesPerListing)",
  FY2: "price / (EPS estimate FY2 × sharesPerListing)",
  NTM: "price / ((f · EPS FY1 + (1 − f) · EPS FY2) × sharesPerListing), f = days to FY1 end / 365",
} as const;

/**
 * Forward P/E on estimates: FY1 (the first fiscal year ending after asOf), FY2, or calendarised NTM
 * (f · EPS_FY1 + (1 − f) · EPS_FY2). Uses the latest estimate per period observed on or before asOf from
 * `options.estimator` (default "consensus"), per ordinary share × sharesPerListing, converted at the asOf rate.
 *
 * @param ctx - the listing (its fiscalYearEndMonth decides FY1), asOf, price, estimates, FX lookup, options.
 * @param horizon - "FY1" (default), "FY2" or "NTM".
 * @returns the P/E in x; n.m. for EPS ≤ 0, P/E above the cap (default 200x), a missing estimate or FX rate.
 * @example forwardPE(ctx, "NTM") // asOf 2025-09-30, FY1 = FY2026 (Mar): f = 182/365; EPS 7.0/8.0 → NTM 7.5014
 * @see FORMULAS.md "Multiples": "Calendarised forward EPS … NTM = f · EPS_FY1 + (1 − f) · EPS_FY2"
 */
export function forwardPE(ctx: MultipleContext, horizon: ForwardHorizon = "FY1"): MultipleResult {
  return evaluate(ctx, KIND[horizon], "x", FORMULA[horizon], (d) => {
    const price = needPrice(d);
    const eps = needForwardEps(d, horizon);
    const perListing = perListingInComparisonCurrency(d, eps.value, eps.currency, eps.label);
    return peFromEps(d, price, perListing, eps.label);
  });
}
