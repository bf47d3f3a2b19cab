import { meanAndVariance } from "./_mean-variance.js";
import { studentTwoSidedP } from "./p-values.js";
import type { TestResult } from "./test-result.js";

/**
 * Cross-sectional t test of the mean CAR (FORMULAS.md "Tests across N security-events"):
 * t = √N · mean(CAR_i) / sd(CAR_i), sd with N − 1; Student t with N − 1 degrees of freedom.
 * Robust to event-induced variance, not to cross-correlation.
 * @param cars one CAR per observation; non-finite values are skipped
 * @returns the test, or `undefined` when fewer than 2 CARs are left or they are all equal
 * @example crossSectionalT([0.02, 0.04, 0.06]) // t = √3 · 0.04 / 0.02 = 3.4641, df 2
 * @see Brown & Warner (1985); Boehmer, Musumeci & Poulsen (1991), eq. (1)
 */
export function crossSectionalT(cars: ArrayLike<number>): TestResult | undefined {
  const { n, mean, variance } = meanAndVariance(cars);
  if (n < 2 || !(variance > 0)) return undefined;
  const statistic = (Math.sqrt(n) * mean) / Math.sqrt(variance);
  return { statistic, p: studentTwoSidedP(statistic, n - 1)!, n, distribution: "student-t", df: n - 1 };
}
