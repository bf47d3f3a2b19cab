/**
 * A residual series centred on its own mean and scaled to unit length, with missing days as 0:
 * u = (e − ē) / ‖e − ē‖ over the finite values. Two such vectors' dot product is the Pearson correlation
 * of the series when neither has missing days.
 * @param residuals estimation-window residuals on the event-time axis (NaN = missing)
 * @param out where to write (a new array when omitted)
 * @returns `out`, or `undefined` when fewer than 2 finite values are left or they are all equal
 * @example standardizeResiduals([1, 3]) // Float64Array [-0.7071, 0.7071]
 */
export function standardizeResiduals(residuals: ArrayLike<number>, out: Float64Array = new Float64Array(residuals.length)): Float64Array | undefined {
  let n = 0;
  let s = 0;
  for (let i = 0; i < residuals.length; i++) {
    const e = residuals[i]!;
    if (e - e === 0) {
      n++;
      s += e;
    }
  }
  if (n < 2) return undefined;
  const m = s / n;
  let ss = 0;
  for (let i = 0; i < residuals.length; i++) {
    const e = residuals[i]!;
    const c = e - e === 0 ? e - m : 0;
    out[i] = c;
    ss += c * c;
  }
  if (!(ss > 0)) return undefined;
  const inv = 1 / Math.sqrt(ss);
  for (let i = 0; i < residuals.length; i++) out[i]! *= inv;
  return out;
}

/**
 * r̄ = mean off-diagonal correlation from the sum of N unit vectors U = Σ u_i:
 * Σ_{i≠j} u_i·u_j = ‖U‖² − Σ‖u_i‖², so r̄ = (‖U‖² − Σ‖u_i‖²) / (N (N − 1)) in O(N·L), not O(N²·L).
 * @param sumU Σ u_i by event day; @param sumSquaredNorms Σ ‖u_i‖² (N when every u_i has unit length)
 * @returns r̄, or `undefined` when N < 2
 * @example meanOffDiagonalCorrelation([1.6, 1.2], 2, 2) // (4 − 2) / 2 = 1: two identical unit vectors (.8, .6)
 */
export function meanOffDiagonalCorrelation(sumU: ArrayLike<number>, sumSquaredNorms: number, n: number): number | undefined {
  if (n < 2) return undefined;
  let q = 0;
  for (let i = 0; i < sumU.length; i++) q += sumU[i]! * sumU[i]!;
  return (q - sumSquaredNorms) / (n * (n - 1));
}

/**
 * Mean pairwise correlation of residual series aligned on event time (Kolari & Pynnönen 2010's r̄):
 * each series is centred and scaled over its own finite days ({@link standardizeResiduals}) and the
 * correlation of a pair is the dot product, missing days counting as 0. With no missing days this is the
 * mean of the Pearson correlations over the off-diagonal pairs (FORMULAS.md).
 * @param series residuals of each observation over the same event-time days (NaN = missing); series that
 *   are constant or shorter than 2 are left out
 * @returns r̄, or `undefined` when fewer than 2 series are usable
 * @example meanResidualCorrelation([[1, 2, 3], [1, 2, 3], [3, 2, 1]]) // (1 − 1 − 1) / 3 = −1/3
 * @see Kolari, J. W. & Pynnönen, S. (2010), Rev. Fin. Studies 23(11), 3996–4025
 */
export function meanResidualCorrelation(series: readonly ArrayLike<number>[]): number | undefined {
  if (series.length === 0) return undefined;
  const len = series[0]!.length;
  const sumU = new Float64Array(len);
  const u = new Float64Array(len);
  let n = 0;
  let norms = 0;
  for (const e of series) {
    if (e.length !== len) throw new RangeError(`residual series must share one length (${len}), got ${e.length}`);
    if (standardizeResiduals(e, u) === undefined) continue;
    n++;
    for (let i = 0; i < len; i++) {
      sumU[i]! += u[i]!;
      norms += u[i]! * u[i]!;
    }
  }
  return meanOffDiagonalCorrelation(sumU, norms, n);
}
