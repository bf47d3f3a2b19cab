import { finiteValues } from "./_finite.js";
import { sum } from "./sum.js";

/**
 * Harmonic mean of the finite values: n / Σ (1/xᵢ).
 *
 * For multiples this is the peer aggregate that equals 1 / mean earnings yield, so one peer on 150x cannot
 * dominate. It is defined for positive values only: **multiples ≤ 0 must be marked n.m. before aggregation**
 * (see `aggregateMultiples`); this helper does not second-guess its input. A zero value gives 0 (the limit);
 * values of mixed sign whose reciprocals cancel give `undefined` rather than ±Infinity.
 *
 * @param values - positive numbers in any unit (e.g. P/E in x); null, undefined, NaN and ±Infinity skipped.
 * @returns the harmonic mean in the unit of the values, or `undefined` when no finite value is left.
 * @example harmonicMean([10, 20, 40]) // 17.142857… (3 / (0.1 + 0.05 + 0.025) = 3 / 0.175)
 * @see FORMULAS.md "Multiples": "harmonic mean = n / Σ (1/multiple_i) (equivalently 1 / mean earnings yield)"
 */
export function harmonicMean(values: Iterable<number | null | undefined>): number | undefined {
  const xs = finiteValues(values);
  if (xs.length === 0) return undefined;
  if (xs.includes(0)) return 0;
  const reciprocalSum = sum(Array.from(xs, (x) => 1 / x));
  if (reciprocalSum === 0) return undefined;
  const h = xs.length / reciprocalSum;
  return Number.isFinite(h) ? h : undefined;
}
