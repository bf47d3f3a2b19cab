import { InvalidInputError } from "../../../errors.js";
import { solveBrent } from "../../stats/solve-brent.js";
import { dcfValue } from "./price-dcf.js";
import type { DcfModel, ImpliedSolution } from "./types.js";
import { show, validateDcfModel, validatePrice } from "./_validate.js";

/** Options of {@link solveImpliedCostOfEquity}. */
export interface ImpliedCostOfEquityOptions {
  /** Highest cost of equity searched (decimal per year); default 10 (1,000%). */
  maxRate?: number;
}

/**
 * The cost of equity a price implies given a growth path: the internal rate of return k with V(k) = price. With a
 * Gordon terminal k lies in (g_T, ∞), where V falls from +∞ to 0; with an exit multiple in (−1, ∞). V decreases with
 * k (positive cash flows), so the root is unique; it is bracketed and found by Brent's method.
 *
 * @param model - the model; its `discountRate` is ignored (it is the unknown); growth, path, fade, terminal given.
 * @param price - the price to match, on the same footing as `cashFlow0`, > 0.
 * @param options - `maxRate` (default 10).
 * @returns the implied cost of equity (decimal per year), the solved model and its value (= price to ~1e-10).
 * @throws InvalidInputError for a non-positive price or base cash flow, bad model parameters, or a price so low that
 *   even k = maxRate values the cash flows above it.
 * @example solveImpliedCostOfEquity({ cashFlow0: 0.029 * 1211.92, growth: 0.085, highGrowthYears: 5, terminalGrowth: 0.0422, discountRate: 0 }, 1211.92).rate // ≈ 0.0787
 * @see FORMULAS.md "Implied expectations": "Solve k (implied cost of equity) given V = price"
 */
export function solveImpliedCostOfEquity(model: DcfModel, price: number, options: ImpliedCostOfEquityOptions = {}): ImpliedSolution {
  validateDcfModel(model, "discountRate");
  validatePrice(price);
  const maxRate = options.maxRate ?? 10;
  const at = (k: number) => ({ ...model, discountRate: k });
  const f = (k: number) => dcfValue(at(k)) - price;
  // Lower end: just above the pole (Gordon) or −1 (exit multiple), where V is far above any price.
  const floor = model.exitMultiple === undefined ? model.terminalGrowth : -1;
  if (!(maxRate > floor)) throw new InvalidInputError(`maxRate (${show(maxRate)}) must exceed ${show(floor)}`);
  let lo = floor + Math.max(1e-9, 1e-9 * Math.abs(floor));
  let step = 0.01;
  let hi = Math.min(maxRate, floor + step);
  // Walk up (doubling the step) until V(hi) < price, keeping the last point with V > price as the lower end.
  while (f(hi) > 0 && hi < maxRate) {
    lo = hi;
    step *= 2;
    hi = Math.min(maxRate, floor + step);
  }
  if (f(hi) > 0) {
    throw new InvalidInputError(
      `price (${show(price)}) is below the value even at a cost of equity of ${show(maxRate)}: check the base cash flow and units`,
    );
  }
  const r = solveBrent(f, lo, hi);
  if (r === undefined || !r.converged) throw new InvalidInputError(`implied cost of equity did not converge for price ${show(price)}`);
  const solved = at(r.root);
  return { rate: r.root, model: solved, value: dcfValue(solved), iterations: r.iterations };
}
