import { InvalidInputError } from "../../../errors.js";
import { solveBrent } from "../../stats/solve-brent.js";
import { dcfValue } from "./price-dcf.js";
import type { DcfModel, ImpliedSolution } from "./types.js";
import { show, validateDcfModel, validatePrice } from "./_validate.js";

/** Options of {@link solveImpliedGrowth}. */
export interface ImpliedGrowthOptions {
  /** Lowest growth searched (decimal per year); default 0: a price below the zero-growth value is an error. */
  minGrowth?: number;
  /** Highest growth searched; default 10 (1,000% a year): above it the price is not a growth story. */
  maxGrowth?: number;
}

/**
 * The stage-1 growth a price implies (reverse DCF): the g with V(g) = price for the model's cost of equity,
 * terminal and fade. V increases with g (positive cash flows), so the root is unique; it is bracketed on
 * [minGrowth, maxGrowth] and found by Brent's method.
 *
 * @param model - the model; its `growth` is ignored (it is the unknown); `discountRate` is given.
 * @param price - the price to match, on the same footing as `cashFlow0` (per share or total), > 0.
 * @param options - `minGrowth` (default 0), `maxGrowth` (default 10).
 * @returns the implied growth (decimal per year), the solved model and its value (= price to ~1e-10 relative).
 * @throws InvalidInputError when the discount rate does not exceed terminal growth (Gordon terminal), when the
 *   price is below the value at `minGrowth` ("price below the zero-growth value": the price implies shrinking cash
 *   flows; lower minGrowth to allow it) or above the value at `maxGrowth`, when no year depends on `growth`, or for
 *   a non-positive price or base cash flow.
 * @example solveImpliedGrowth({ cashFlow0: 1, highGrowthYears: 10, terminalGrowth: 0.03, discountRate: 0.09, growth: 0 }, 22).rate // ≈ 0.062453 (22x earnings at 9%)
 * @see FORMULAS.md "Implied expectations": "Solve k … or g given k"
 */
export function solveImpliedGrowth(model: DcfModel, price: number, options: ImpliedGrowthOptions = {}): ImpliedSolution {
  validateDcfModel(model, "growth");
  validatePrice(price);
  const minGrowth = options.minGrowth ?? 0;
  const maxGrowth = options.maxGrowth ?? 10;
  if (!(Number.isFinite(minGrowth) && minGrowth > -1 && Number.isFinite(maxGrowth) && maxGrowth > minGrowth)) {
    throw new InvalidInputError(`growth bounds (${show(minGrowth)}, ${show(maxGrowth)}) must satisfy −1 < minGrowth < maxGrowth`);
  }
  if ((model.growthPath?.length ?? 0) >= model.highGrowthYears && (model.fadeYears ?? 0) === 0) {
    throw new InvalidInputError("nothing to solve: growthPath fixes every explicit year's growth; add years after the path or a fade period");
  }
  const at = (g: number) => ({ ...model, growth: g });
  const f = (g: number) => dcfValue(at(g)) - price;

  const low = f(minGrowth);
  if (low > 0) {
    throw new InvalidInputError(
      `price (${show(price)}) is below the value at growth ${show(minGrowth)} (${show(low + price)}): ` +
        "the price implies cash flows shrinking faster than that; lower minGrowth (e.g. −0.3) to solve for it",
    );
  }
  // Expand the upper end geometrically: solving over [min, 10] directly would waste bisection steps.
  let hi = Math.min(maxGrowth, Math.max(minGrowth + 0.25, 0.25));
  while (f(hi) < 0 && hi < maxGrowth) hi = Math.min(maxGrowth, hi * 2);
  if (f(hi) < 0) {
    throw new InvalidInputError(
      `price (${show(price)}) is above the value at growth ${show(maxGrowth)} (${show(f(hi) + price)}): no growth up to maxGrowth justifies it`,
    );
  }
  const r = solveBrent(f, minGrowth, hi);
  if (r === undefined || !r.converged) throw new InvalidInputError(`implied growth did not converge for price ${show(price)}`);
  const solved = at(r.root);
  return { rate: r.root, model: solved, value: dcfValue(solved), iterations: r.iterations };
}
