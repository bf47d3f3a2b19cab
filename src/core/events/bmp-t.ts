import { meanAndVariance } from "./_mean-variance.js";
import { studentTwoSidedP } from "./p-values.js";
import type { TestResult } from "./test-result.js";

/**
 * Standardised cross-sectional test of Boehmer, Musumeci & Poulsen (1991) (FORMULAS.md):
 * t = √N · mean(SCAR_i) / sd(SCAR_i), Student t with N − 1 degrees of freedom. Robust to event-induced
 * variance; see {@link kolariPynnonenT} for cross-correlation.
 * @param scars standardised CARs; non-finite values are skipped
 * @returns the test, or `undefined` when fewer than 2 are left or they are all equal
 * @example bmpT([1, 2, 3]) // √3 · 2 / 1 = 3.4641, df 2
 * @see Boehmer, E., Musumeci, J. & Poulsen, A. B. (1991), J. Fin. Econ. 30(2), 253–272
 */
export function bmpT(scars: ArrayLike<number>): TestResult | undefined {
  const { n, mean, variance } = meanAndVariance(scars);
  if (n < 2 || !(variance > 0)) return undefined;
  const statistic = (Math.sqrt(n) * mean) / Math.sqrt(variance);
  return { statistic, p: studentTwoSidedP(statistic, n - 1)!, n, distribution: "student-t", df: n - 1 };
}
