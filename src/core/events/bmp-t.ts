import { mean } from "../stats/mean.js";
import { variance } from "../stats/variance.js";
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
export function bmpT(scars: Iterable<number>): TestResult | undefined {
  const xs = [...scars].filter(Number.isFinite);
  const n = xs.length;
  if (n < 2) return undefined;
  const v = variance(xs)!;
  if (!(v > 0)) return undefined;
  const statistic = (Math.sqrt(n) * mean(xs)!) / Math.sqrt(v);
  return { statistic, p: studentTwoSidedP(statistic, n - 1)!, n, distribution: "student-t", df: n - 1 };
}
