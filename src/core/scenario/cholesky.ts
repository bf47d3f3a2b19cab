/**
 * Cholesky factor of a symmetric positive semi-definite matrix: lower-triangular L with L·Lᵀ = A.
 * A pivot below `tolerance` (a semi-definite direction, e.g. a correlation of exactly 1) gives a zero
 * column instead of failing; a clearly negative pivot means A is not PSD.
 *
 * @param a - k×k symmetric matrix, rows as arrays (not modified).
 * @param tolerance - pivots in [−tolerance, tolerance] count as zero (default 1e-10).
 * @returns L as rows, or `undefined` when A is not positive semi-definite.
 * @example cholesky([[4, 2], [2, 3]]) // [[2, 0], [1, 1.414…]]
 * @see Golub & Van Loan (2013), Matrix Computations, §4.2.
 */
export function cholesky(a: readonly (readonly number[])[], tolerance = 1e-10): number[][] | undefined {
  const k = a.length;
  const l: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const lj = l[j] as number[];
    let d = (a[j] as readonly number[])[j] as number;
    for (let m = 0; m < j; m++) d -= (lj[m] as number) ** 2;
    if (d < -tolerance) return undefined;
    if (d <= tolerance) {
      // Semi-definite direction: the rest of the column must vanish too.
      for (let i = j + 1; i < k; i++) {
        let s = (a[i] as readonly number[])[j] as number;
        for (let m = 0; m < j; m++) s -= ((l[i] as number[])[m] as number) * (lj[m] as number);
        if (Math.abs(s) > Math.sqrt(tolerance)) return undefined;
      }
      continue;
    }
    const root = Math.sqrt(d);
    lj[j] = root;
    for (let i = j + 1; i < k; i++) {
      const li = l[i] as number[];
      let s = (a[i] as readonly number[])[j] as number;
      for (let m = 0; m < j; m++) s -= (li[m] as number) * (lj[m] as number);
      li[j] = s / root;
    }
  }
  return l;
}
