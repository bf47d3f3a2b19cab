import { normalTwoSidedP } from "./p-values.js";
import type { TestResult } from "./test-result.js";

/**
 * The centred rank of each day in one observation's combined estimation and event days (Corrado 1989;
 * Corrado & Zivney 1992 for missing days): K_t = rank_t / (T_i + 1) − 0.5, T_i = its finite values.
 * @param ranks average ranks from {@link averageRanks} (NaN = missing)
 * @param out where to write (a new array when omitted)
 * @returns `out`, NaN where the rank is missing
 * @example centredRanks([1, 2, 3]) // Float64Array [-0.25, 0, 0.25]
 */
export function centredRanks(ranks: ArrayLike<number>, out: Float64Array = new Float64Array(ranks.length)): Float64Array {
  let t = 0;
  for (let i = 0; i < ranks.length; i++) if (ranks[i]! - ranks[i]! === 0) t++;
  for (let i = 0; i < ranks.length; i++) out[i] = ranks[i]! / (t + 1) - 0.5;
  return out;
}

/**
 * Corrado (1989) rank test, in Cowan's (2002) cumulative form for a window of several days
 * (FORMULAS.md): with K̄_t = mean over observations of K_it,
 * S_K = √( (1/T) Σ_t K̄_t² ) over the T days of the combined estimation and event days, and
 * Z = Σ_{t ∈ window} K̄_t / (√k · S_K), k the window's days with a K̄_t; standard normal. For a one-day
 * window this is Corrado's Z = K̄_0 / S_K.
 * @param meanK K̄_t on the combined event-time axis (NaN on days outside it or without observations)
 * @param from first axis index of the window; @param to last (inclusive)
 * @param n observations behind K̄ (reported, not used in the formula)
 * @returns the test, or `undefined` when S_K is 0 or the window has no K̄
 * @example corradoZ([0.1, -0.1, 0.2], 2, 2, 5) // 0.2 / √((0.01 + 0.01 + 0.04) / 3) = 1.4142
 * @see Corrado, C. J. (1989), J. Fin. Econ. 23(2), 385–395; Corrado, C. J. & Zivney, T. L. (1992),
 *   J. Fin. Quant. Anal. 27(3), 465–478; Campbell, C. J. & Wasley, C. E. (1993), Rev. Quant. Fin. Acc. 3,
 *   73–86; Cowan, A. R. (2002), Eventus 7 User's Guide (Cowan Research), the cumulative rank test
 */
export function corradoZ(meanK: ArrayLike<number>, from: number, to: number, n: number): TestResult | undefined {
  let T = 0;
  let ss = 0;
  for (let t = 0; t < meanK.length; t++) {
    const k = meanK[t]!;
    if (k - k === 0) {
      T++;
      ss += k * k;
    }
  }
  if (T === 0 || !(ss > 0)) return undefined;
  const sK = Math.sqrt(ss / T);
  let s = 0;
  let k = 0;
  for (let t = Math.max(0, from); t <= Math.min(to, meanK.length - 1); t++) {
    const v = meanK[t]!;
    if (v - v === 0) {
      s += v;
      k++;
    }
  }
  if (k === 0) return undefined;
  const statistic = s / (Math.sqrt(k) * sK);
  return { statistic, p: normalTwoSidedP(statistic)!, n, distribution: "normal" };
}
