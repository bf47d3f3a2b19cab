/** Shape of a PERT distribution: a beta(alpha, beta) scaled to [min, max]. */
export interface PertShape {
  readonly alpha: number;
  readonly beta: number;
  /** (min + λ·mode + max) / (λ + 2). */
  readonly mean: number;
}

/**
 * Beta shape parameters of a PERT distribution on [min, max] with the given mode.
 * α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max − mode)/(max − min); λ = 4 is the classic PERT.
 *
 * @param min - lower bound, in the driver's unit.
 * @param mode - most likely value, min ≤ mode ≤ max.
 * @param max - upper bound, > min.
 * @param lambda - peakedness (default 4).
 * @returns α, β and the mean.
 * @example pertShape(0, 1, 4) // { alpha: 2, beta: 4, mean: 1.333… }  (α = 1 + 4·1/4, β = 1 + 4·3/4, mean = (0 + 4 + 4)/6)
 * @see Vose, D. (2008), Risk Analysis, 3rd ed., §III.7 (PERT and modified PERT).
 */
export function pertShape(min: number, mode: number, max: number, lambda = 4): PertShape {
  const range = max - min;
  return {
    alpha: 1 + (lambda * (mode - min)) / range,
    beta: 1 + (lambda * (max - mode)) / range,
    mean: (min + lambda * mode + max) / (lambda + 2),
  };
}
