import type { Moments } from "./moments.js";
import type { NormalFit } from "./normal-model.js";

/** A cumulative abnormal return over a window, with its forecast-error-corrected variance. */
export interface CarEstimate {
  /** Valid days in the window (days with a missing return are left out, never filled). */
  k: number;
  /** CAR = Σ AR over the k days. */
  car: number;
  /** Var(CAR) (squared return units); 0 when σ̂² is 0. */
  variance: number;
}

/**
 * Var(CAR) / σ̂² for k days of a window whose benchmark returns sum to `sumMarket` (FORMULAS.md):
 * - market model: k + k²/L + (Σ_w R_m − k R̄_m)² / S_xx (MacKinlay 1997, eq. 14 summed over the window);
 * - mean-adjusted: k + k²/L (the error of R̄ adds k²σ²/L);
 * - market-adjusted: k (nothing estimated).
 * @example carVarianceFactor(fit, 1, rm0) // 1 + 1/L + (R_m0 − R̄_m)² / S_xx, one day
 */
export function carVarianceFactor(fit: NormalFit, k: number, sumMarket: number): number {
  switch (fit.model) {
    case "market": {
      const d = sumMarket - k * fit.meanMarket;
      return k + (k * k) / fit.n + (d * d) / fit.sxx;
    }
    case "mean-adjusted":
      return k + (k * k) / fit.n;
    case "market-adjusted":
      return k;
  }
}

/**
 * CAR over a window from the window's moments: CAR = ΣR − kα − βΣR_m, Var = σ̂² · {@link carVarianceFactor}.
 * The window's moments and the fit must share one coordinate system (both re-centred or both raw).
 * @param fit the security-event's fitted model
 * @param window moments of the window's valid days
 * @example carOf(fit, prefixMoments(p, day0 - 1, day0 + 2)) // CAR(−1, +1)
 * @see MacKinlay (1997), eq. (13)–(16); FORMULAS.md "Market model"
 */
export function carOf(fit: NormalFit, window: Moments): CarEstimate {
  const k = window.n;
  const car = window.sumR - k * fit.alpha - fit.beta * window.sumM;
  return { k, car, variance: k === 0 ? 0 : fit.sigma2 * carVarianceFactor(fit, k, window.sumM) };
}
