import { finiteValues } from "./_finite.js";
import { sum } from "./sum.js";

/**
 * Geometric mean of the finite values: exp(mean(ln xᵢ)).
 *
 * @param values - non-negative numbers in any unit (e.g. growth factors 1 + r); null, undefined, NaN and ±Infinity skipped.
 * @returns the geometric mean in the unit of the values; 0 if a value is 0; `undefined` when no finite value is
 *   left or when a value is negative (the logarithm is undefined).
 * @example geometricMean([2, 8]) // 4 (√16)
 * @see FORMULAS.md "Multiples": "Peer aggregates" (harmonic ≤ geometric ≤ arithmetic for positive values)
 */
export function geometricMean(values: Iterable<number | null | undefined>): number | undefined {
  const xs = finiteValues(values);
  if (xs.length === 0) return undefined;
  if (xs.some((x) => x < 0)) return undefined;
  if (xs.includes(0)) return 0;
  return Math.exp(sum(Array.from(xs, Math.log)) / xs.length);
}
