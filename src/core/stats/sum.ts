/**
 * Sum of the finite values with Neumaier (improved Kahan) compensation.
 *
 * Null, undefined, NaN and ±Infinity are skipped. The compensation keeps the rounding error independent of
 * the number of terms, so `sum([1e100, 1, -1e100])` is 1, not 0.
 *
 * @param values - numbers in any unit; missing values skipped.
 * @returns the sum in the unit of the values; 0 when nothing is left (the empty sum).
 * @example sum([0.1, 0.2, 0.3]) // 0.6 (naive addition gives 0.6000000000000001)
 * @see FORMULAS.md "Market model": "Use compensated (Kahan/Neumaier) sums"
 */
export function sum(values: Iterable<number | null | undefined>): number {
  let total = 0;
  let compensation = 0;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    const t = total + v;
    // Whichever operand is larger in magnitude keeps its low-order bits; recover the smaller one's.
    if (Math.abs(total) >= Math.abs(v)) compensation += total - t + v;
    else compensation += v - t + total;
    total = t;
  }
  return total + compensation;
}
