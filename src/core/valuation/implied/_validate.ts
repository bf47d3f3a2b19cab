import { InvalidInputError } from "../../../errors.js";
import type { DcfModel } from "./types.js";

/** Up to six significant digits, for messages. */
export const show = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

const MAX_YEARS = 200;

function requireYears(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_YEARS) {
    throw new InvalidInputError(`${name} (${show(n)}) must be a whole number of years from 0 to ${MAX_YEARS}`);
  }
}

function requireRate(name: string, r: number): void {
  if (!Number.isFinite(r) || r <= -1) throw new InvalidInputError(`${name} (${show(r)}) must be a decimal rate above −1 (0.08 = 8%)`);
}

/**
 * Checks a model before valuing or solving it, naming the bad parameter and its value. `unknown` is the rate being
 * solved for, which is not checked (the solver sets it). Internal.
 * @throws InvalidInputError for a non-positive base cash flow, bad year counts or rates, a growth path longer than
 *   stage 1, an exit multiple ≤ 0, a payout outside (0, 1], or (Gordon terminal) a discount rate not above terminal growth.
 */
export function validateDcfModel(model: DcfModel, unknown?: "growth" | "discountRate"): void {
  if (!(Number.isFinite(model.cashFlow0) && model.cashFlow0 > 0)) {
    throw new InvalidInputError(
      `base cash flow (${show(model.cashFlow0)}) must be positive: a reverse DCF needs positive earnings or free cash flow (n.m. otherwise)`,
    );
  }
  requireYears("highGrowthYears", model.highGrowthYears);
  requireYears("fadeYears", model.fadeYears ?? 0);
  const path = model.growthPath ?? [];
  if (path.length > model.highGrowthYears) {
    throw new InvalidInputError(`growthPath has ${path.length} years but highGrowthYears is ${model.highGrowthYears}: lengthen stage 1 or shorten the path`);
  }
  path.forEach((g, i) => requireRate(`growthPath[${i}]`, g));
  if (unknown !== "growth") requireRate("growth", model.growth);
  requireRate("terminal growth", model.terminalGrowth);
  if (unknown !== "discountRate") requireRate("discount rate", model.discountRate);
  if (model.exitMultiple !== undefined && !(Number.isFinite(model.exitMultiple) && model.exitMultiple > 0)) {
    throw new InvalidInputError(`exit multiple (${show(model.exitMultiple)}) must be a positive number (x)`);
  }
  const payout = model.payoutRatio ?? 1;
  if (!(Number.isFinite(payout) && payout > 0 && payout <= 1)) {
    throw new InvalidInputError(`payout ratio (${show(payout)}) must be in (0, 1]`);
  }
  if (unknown !== "discountRate" && model.exitMultiple === undefined && !(model.discountRate > model.terminalGrowth)) {
    throw new InvalidInputError(
      `discount rate (${show(model.discountRate)}) must exceed terminal growth (${show(model.terminalGrowth)}): the Gordon terminal value is infinite otherwise`,
    );
  }
}

/** Checks the price a solver matches. Internal. */
export function validatePrice(price: number): void {
  if (!(Number.isFinite(price) && price > 0)) throw new InvalidInputError(`price (${show(price)}) must be a positive number`);
}
