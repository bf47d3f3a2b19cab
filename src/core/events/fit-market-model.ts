import type { Moments } from "./moments.js";
import { DEGENERATE_RELATIVE, type NormalFit } from "./normal-model.js";

/**
 * OLS of R on R_m from the window's sufficient statistics (FORMULAS.md "Market model"):
 * β̂ = S_xy / S_xx, α̂ = R̄ − β̂ R̄_m, σ̂² = SSR / (L − 2) with SSR = S_yy − β̂ S_xy,
 * where S_xx = Σ(R_m − R̄_m)², S_xy = Σ(R_m − R̄_m)(R − R̄), S_yy = Σ(R − R̄)².
 *
 * @param est moments of the estimation window (daily returns)
 * @returns the fit, or `undefined` when L < 3 or the benchmark did not move (S_xx = 0). A perfect fit
 *   (SSR at rounding level) has σ̂² = 0, and then no t statistic.
 * @example fitMarketModel(momentsOf([NaN, .01, .03, .02], [NaN, .01, .02, .03], 0, 4))
 *   // β = 0.5, α = 0.01, σ² = 1.5e-4 (S_xx = 2e-4, S_xy = 1e-4, S_yy = 2e-4, SSR = 2e-4 − 0.5·1e-4, L − 2 = 1)
 * @see MacKinlay, A. C. (1997), "Event Studies in Economics and Finance", J. Econ. Lit. 35(1), eq. (7)–(9)
 */
export function fitMarketModel(est: Moments): NormalFit | undefined {
  const L = est.n;
  if (L < 3) return undefined;
  const meanR = est.sumR / L;
  const meanM = est.sumM / L;
  const sxx = est.sumMM - est.sumM * meanM;
  if (!(sxx > DEGENERATE_RELATIVE * est.sumMM)) return undefined;
  const sxy = est.sumRM - est.sumM * meanR;
  const syy = est.sumRR - est.sumR * meanR;
  const beta = sxy / sxx;
  let ssr = syy - beta * sxy;
  if (!(ssr > DEGENERATE_RELATIVE * est.sumRR)) ssr = 0;
  return { model: "market", alpha: meanR - beta * meanM, beta, sigma2: ssr / (L - 2), df: L - 2, n: L, meanMarket: meanM, sxx };
}
