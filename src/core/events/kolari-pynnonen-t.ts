import { studentTwoSidedP } from "./p-values.js";
import type { TestResult } from "./test-result.js";

/**
 * Kolari & Pynnönen (2010) adjustment of the BMP t for cross-correlation of abnormal returns (clustered
 * event dates): t_KP = t_BMP · √( (1 − r̄) / (1 + (N − 1) r̄) ), Student t with N − 1 degrees of freedom.
 * @param bmp the BMP test on the same observations (see {@link bmpT})
 * @param meanCorrelation r̄, the mean off-diagonal correlation of the observations' estimation-window
 *   residuals (see {@link meanResidualCorrelation})
 * @returns the test, or `undefined` when r̄ is not finite, ≥ 1, or makes 1 + (N − 1) r̄ ≤ 0
 * @example kolariPynnonenT(bmpT([1, 2, 3])!, 0.1) // 3.4641 · √(0.9 / 1.2) = 3.0
 * @see Kolari, J. W. & Pynnönen, S. (2010), Rev. Fin. Studies 23(11), 3996–4025, eq. (10)
 */
export function kolariPynnonenT(bmp: TestResult, meanCorrelation: number): TestResult | undefined {
  const n = bmp.n;
  const den = 1 + (n - 1) * meanCorrelation;
  if (!Number.isFinite(meanCorrelation) || meanCorrelation >= 1 || !(den > 0)) return undefined;
  const statistic = bmp.statistic * Math.sqrt((1 - meanCorrelation) / den);
  return { statistic, p: studentTwoSidedP(statistic, n - 1)!, n, distribution: "student-t", df: n - 1 };
}
