import { evaluate, notMeaningful } from "./_evaluate.js";
import { fmt, needPrice, perListingInComparisonCurrency } from "./_inputs.js";
import { needForwardEps } from "./_forward.js";
import { peFromEps } from "./_pe.js";
import type { MultipleContext, MultipleResult } from "./types.js";

/**
 * PEG ratio from numbers: forward P/E divided by the EPS growth rate in percent.
 *
 * @param forwardPe - forward P/E in x (positive).
 * @param growthPct - expected EPS growth in percent per year (12 means 12%).
 * @returns P/E / growth, or `undefined` when either is missing, the P/E is not positive or growth ≤ 0 (n.m.).
 * @example pegRatio(18, 12) // 1.5
 * @see FORMULAS.md "Multiples" (forward P/E / growth in percent)
 */
export function pegRatio(forwardPe: number | null | undefined, growthPct: number | null | undefined): number | undefined {
  if (typeof forwardPe !== "number" || typeof growthPct !== "number") return undefined;
  if (!(Number.isFinite(forwardPe) && forwardPe > 0 && Number.isFinite(growthPct) && growthPct > 0)) return undefined;
  return forwardPe / growthPct;
}

/**
 * PEG of a listing: forward P/E (FY1) / EPS growth FY1 → FY2 in percent, both from the estimates observed on or
 * before asOf.
 *
 * @param ctx - the listing, asOf, price, estimates, FX lookup, options.
 * @returns the PEG in x; n.m. when the FY1 P/E is n.m. (its reason), growth ≤ 0 (`non_positive_input`), or an
 *   estimate is missing.
 * @example peg(ctx) // P/E FY1 18.0x, EPS 6.0 → 6.72 (+12%) → 1.5
 * @see FORMULAS.md "Multiples" (PEG = forward P/E / growth in percent)
 */
export function peg(ctx: MultipleContext): MultipleResult {
  return evaluate(ctx, "peg", "x", "P/E FY1 / (100 · (EPS FY2 / EPS FY1 − 1))", (d) => {
    const price = needPrice(d);
    const fy1 = needForwardEps(d, "FY1");
    const pe = peFromEps(d, price, perListingInComparisonCurrency(d, fy1.value, fy1.currency, fy1.label), fy1.label);
    const fy2 = needForwardEps(d, "FY2");
    if (fy2.currency !== fy1.currency) notMeaningful("missing_input", `EPS FY1 (${fy1.currency}) and FY2 (${fy2.currency}) are in different currencies`);
    const growthPct = 100 * (fy2.value / fy1.value - 1);
    d.inputs.numerator = pe;
    d.inputs.denominator = growthPct;
    if (!(growthPct > 0)) notMeaningful("non_positive_input", `EPS growth ${fy1.label} → ${fy2.label} (${fmt(growthPct)}%) is not positive`);
    return pe / growthPct;
  });
}
