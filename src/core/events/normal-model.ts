/**
 * The normal-return models (FORMULAS.md "Market model"); every one is AR = R − α − β·R_m:
 * - `market`: α, β by OLS over the estimation window (the default);
 * - `market-adjusted`: α = 0, β = 1 (nothing estimated but σ);
 * - `mean-adjusted`: α = R̄ over the estimation window, β = 0.
 */
export const NORMAL_MODELS = ["market", "market-adjusted", "mean-adjusted"] as const;
export type NormalModel = (typeof NORMAL_MODELS)[number];

/** A fitted normal-return model. */
export interface NormalFit {
  model: NormalModel;
  /** Intercept, per period of the returns (daily). */
  alpha: number;
  /** Slope on the benchmark return. */
  beta: number;
  /** Residual variance σ̂² with `df` in the denominator (daily, squared return units). */
  sigma2: number;
  /** Degrees of freedom of σ̂²: L − 2 for the market model, L − 1 for the others. */
  df: number;
  /** L, the valid days of the estimation window. */
  n: number;
  /** R̄_m over the estimation window (0 when no benchmark is used). */
  meanMarket: number;
  /** S_xx = Σ(R_m − R̄_m)² over the estimation window (NaN when no benchmark is used). */
  sxx: number;
}

/** Below this share of the raw second moment a centred sum of squares is rounding noise, i.e. zero. */
export const DEGENERATE_RELATIVE = 1e-12;
