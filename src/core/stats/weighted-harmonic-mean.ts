import { InvalidInputError } from "../../errors.js";
import { sum } from "./sum.js";

/**
 * Weighted harmonic mean: Σ wᵢ / Σ (wᵢ / xᵢ).
 *
 * With multiples as values and market caps as weights this is the cap-weighted aggregate
 * Σ market cap / Σ earnings (since earningsᵢ = capᵢ / P/Eᵢ). Pairs are skipped when the value or the weight is
 * missing (null, undefined, NaN, ±Infinity) or the weight is negative. As with {@link harmonicMean}, values ≤ 0
 * must be marked n.m. before they get here; a zero value with a positive weight gives 0.
 *
 * @param values - positive numbers in any unit (e.g. P/E in x).
 * @param weights - non-negative weights, same length as `values` (e.g. market caps in one currency).
 * @returns the weighted harmonic mean in the unit of the values, or `undefined` when no pair with positive weight is left.
 * @throws InvalidInputError when the two arrays differ in length.
 * @example weightedHarmonicMean([10, 20], [100, 300]) // 16 (400 / (100/10 + 300/20) = 400 / 25)
 * @see FORMULAS.md "Multiples": "aggregate = Σ market cap / Σ earnings"
 */
export function weightedHarmonicMean(
  values: ArrayLike<number | null | undefined>,
  weights: ArrayLike<number | null | undefined>,
): number | undefined {
  if (values.length !== weights.length) {
    throw new InvalidInputError(
      `weightedHarmonicMean: values (${values.length}) and weights (${weights.length}) must have the same length`,
    );
  }
  const ws: number[] = [];
  const ratios: number[] = [];
  let hasZero = false;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const w = weights[i];
    if (typeof x !== "number" || !Number.isFinite(x) || typeof w !== "number" || !Number.isFinite(w) || w < 0) continue;
    if (w === 0) continue;
    if (x === 0) hasZero = true;
    ws.push(w);
    ratios.push(w / x);
  }
  if (ws.length === 0) return undefined;
  if (hasZero) return 0;
  const denominator = sum(ratios);
  if (denominator === 0) return undefined;
  const h = sum(ws) / denominator;
  return Number.isFinite(h) ? h : undefined;
}
