import { normalTwoSidedP } from "./p-values.js";
import type { TestResult } from "./test-result.js";

/**
 * Patell (1976) Z (FORMULAS.md): Z = Σ SCAR_i / √( Σ df_i / (df_i − 2) ), standard normal, where
 * SCAR_i = CAR_i / √Var_i uses the forecast-error-corrected variance and df_i / (df_i − 2) is the variance
 * of a Student t with df_i degrees of freedom ((L_i − 2)/(L_i − 4) for the market model).
 * @param scars standardised CARs; @param dfs each one's degrees of freedom (pairs with a non-finite SCAR or
 *   df ≤ 2 are skipped)
 * @returns the test, or `undefined` when no pair is left
 * @example patellZ([2, 1], [10, 10]) // 3 / √(2 · 10/8) = 1.8974
 * @see Patell, J. M. (1976), J. Accounting Research 14(2), 246–276
 */
export function patellZ(scars: ArrayLike<number>, dfs: ArrayLike<number>): TestResult | undefined {
  let n = 0;
  let num = 0;
  let den = 0;
  for (let i = 0; i < scars.length; i++) {
    const s = scars[i]!;
    const df = dfs[i]!;
    if (!(s - s === 0) || !(df > 2)) continue;
    n++;
    num += s;
    den += df / (df - 2);
  }
  if (n === 0) return undefined;
  const statistic = num / Math.sqrt(den);
  return { statistic, p: normalTwoSidedP(statistic)!, n, distribution: "normal" };
}
