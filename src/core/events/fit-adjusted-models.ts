import type { Moments } from "./moments.js";
import { DEGENERATE_RELATIVE, type NormalFit } from "./normal-model.js";

/**
 * Mean-adjusted model (Brown & Warner 1985): α = R̄ over the estimation window, β = 0,
 * σ̂² = Σ(R − R̄)² / (L − 1).
 * @param est moments of the estimation window (the benchmark sums are ignored)
 * @returns the fit, or `undefined` when L < 2
 * @example fitMeanAdjusted(momentsOf([NaN, .01, .03], undefined, 0, 3)) // α = 0.02, σ² = 0.0002
 * @see Brown, S. J. & Warner, J. B. (1985), "Using daily stock returns", J. Fin. Econ. 14, 3–31
 */
export function fitMeanAdjusted(est: Moments): NormalFit | undefined {
  const L = est.n;
  if (L < 2) return undefined;
  const meanR = est.sumR / L;
  let syy = est.sumRR - est.sumR * meanR;
  if (!(syy > DEGENERATE_RELATIVE * est.sumRR)) syy = 0;
  return { model: "mean-adjusted", alpha: meanR, beta: 0, sigma2: syy / (L - 1), df: L - 1, n: L, meanMarket: 0, sxx: NaN };
}

/**
 * Market-adjusted model: α = 0, β = 1, so AR = R − R_m; σ̂² is the sample variance of R − R_m over the
 * estimation window, (Σd² − (Σd)²/L) / (L − 1) with d = R − R_m. Give it unshifted moments.
 * @returns the fit, or `undefined` when L < 2
 * @example fitMarketAdjusted(momentsOf([NaN, .02, .01], [NaN, .01, .01], 0, 3)) // σ² = 0.00005
 * @see Brown & Warner (1985)
 */
export function fitMarketAdjusted(est: Moments): NormalFit | undefined {
  const L = est.n;
  if (L < 2) return undefined;
  const sumD = est.sumR - est.sumM;
  const sumDD = est.sumRR - 2 * est.sumRM + est.sumMM;
  let s = sumDD - (sumD * sumD) / L;
  if (!(s > DEGENERATE_RELATIVE * sumDD)) s = 0;
  return { model: "market-adjusted", alpha: 0, beta: 1, sigma2: s / (L - 1), df: L - 1, n: L, meanMarket: est.sumM / L, sxx: NaN };
}
