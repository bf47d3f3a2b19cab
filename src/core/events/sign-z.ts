import { normalTwoSidedP } from "./p-values.js";
import type { TestResult } from "./test-result.js";

/**
 * Sign test: Z = (N⁺ − N/2) / (√N / 2), standard normal, N⁺ = CARs strictly above 0 (FORMULAS.md).
 * @param cars one CAR per observation; non-finite values skipped
 * @returns the test, or `undefined` when no CAR is left
 * @example signZ([0.1, 0.2, -0.1, 0.3]) // (3 − 2) / 1 = 1
 * @see Brown & Warner (1980), J. Fin. Econ. 8, 205–258
 */
export function signZ(cars: ArrayLike<number>): TestResult | undefined {
  let n = 0;
  let pos = 0;
  for (let i = 0; i < cars.length; i++) {
    const c = cars[i]!;
    if (!(c - c === 0)) continue;
    n++;
    if (c > 0) pos++;
  }
  if (n === 0) return undefined;
  const statistic = (pos - n / 2) / (Math.sqrt(n) / 2);
  return { statistic, p: normalTwoSidedP(statistic)!, n, distribution: "normal" };
}
