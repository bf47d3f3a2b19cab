import { normalTwoSidedP } from "./p-values.js";
import type { TestResult } from "./test-result.js";

/**
 * Generalised sign test (Cowan 1992): Z = (N⁺ − N p̂) / √(N p̂ (1 − p̂)), standard normal, where p̂ is
 * the mean over observations of the share of positive abnormal returns in each one's estimation window
 * (FORMULAS.md), so an asymmetric AR distribution does not fake a result.
 * @param cars one CAR per observation; @param positiveShares each one's estimation share of ARs > 0
 *   (pairs with a non-finite value are skipped)
 * @returns the test, or `undefined` when no pair is left or p̂ is 0 or 1
 * @example generalizedSignZ([0.1, 0.2, -0.1, 0.3], [0.5, 0.5, 0.5, 0.5]) // same as the sign test: 1
 * @see Cowan, A. R. (1992), Rev. Quant. Fin. Acc. 2, 343–358
 */
export function generalizedSignZ(cars: ArrayLike<number>, positiveShares: ArrayLike<number>): TestResult | undefined {
  let n = 0;
  let pos = 0;
  let share = 0;
  for (let i = 0; i < cars.length; i++) {
    const c = cars[i]!;
    const s = positiveShares[i]!;
    if (!Number.isFinite(c) || !Number.isFinite(s)) continue;
    n++;
    share += s;
    if (c > 0) pos++;
  }
  if (n === 0) return undefined;
  const p = share / n;
  if (!(p > 0 && p < 1)) return undefined;
  const statistic = (pos - n * p) / Math.sqrt(n * p * (1 - p));
  return { statistic, p: normalTwoSidedP(statistic)!, n, distribution: "normal" };
}
