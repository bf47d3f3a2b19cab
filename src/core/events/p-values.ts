import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";

/**
 * Two-sided p-value of a Student t statistic: 2 · F_t(−|t|; df).
 * @param df degrees of freedom (> 0)
 * @returns a probability in [0, 1], or `undefined` when t or df is not usable
 * @example studentTwoSidedP(2.78, 299) // ≈ 0.0058
 */
export function studentTwoSidedP(t: number | undefined, df: number): number | undefined {
  if (t === undefined || !Number.isFinite(t) || !(df > 0)) return undefined;
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/**
 * Two-sided p-value of a standard normal statistic: 2 · Φ(−|z|).
 * @returns a probability in [0, 1], or `undefined` when z is not a finite number
 * @example normalTwoSidedP(1.959964) // ≈ 0.05
 */
export function normalTwoSidedP(z: number | undefined): number | undefined {
  if (z === undefined || !Number.isFinite(z)) return undefined;
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}
