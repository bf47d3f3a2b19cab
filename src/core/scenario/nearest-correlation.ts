import { symmetricEigen } from "./symmetric-eigen.js";

type Matrix = number[][];

/** Projection onto positive semi-definite matrices: eigenvalues below `floor` raised to it. */
function projectPsd(a: Matrix, floor: number): Matrix {
  const { values, vectors } = symmetricEigen(a);
  const k = a.length;
  const out: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let e = 0; e < k; e++) {
    const lambda = Math.max(values[e] as number, floor);
    for (let i = 0; i < k; i++) {
      const vi = ((vectors[i] as number[])[e] as number) * lambda;
      for (let j = 0; j < k; j++) (out[i] as number[])[j] = ((out[i] as number[])[j] as number) + vi * ((vectors[j] as number[])[e] as number);
    }
  }
  return out;
}

/**
 * The nearest correlation matrix (Frobenius norm) to a symmetric matrix with unit diagonal, by Higham's
 * alternating projections with Dykstra's correction. Eigenvalues are floored at `minEigenvalue`, so the
 * result is positive definite and usable by Iman–Conover.
 *
 * @param a - k×k symmetric matrix with ones on the diagonal (a correlation matrix that may not be PSD).
 * @param minEigenvalue - smallest eigenvalue allowed in the result (default 1e-6).
 * @returns a symmetric, unit-diagonal, positive-definite matrix close to `a`.
 * @example nearestCorrelation([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])
 * @see Higham, N. J. (2002), Computing the nearest correlation matrix, IMA J. Numer. Anal. 22, 329–343.
 */
export function nearestCorrelation(a: readonly (readonly number[])[], minEigenvalue = 1e-6): number[][] {
  const k = a.length;
  let y: Matrix = a.map((r) => [...r]);
  let ds: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let iter = 0; iter < 1000; iter++) {
    const r = y.map((row, i) => row.map((x, j) => x - ((ds[i] as number[])[j] as number)));
    const x = projectPsd(r, minEigenvalue);
    ds = x.map((row, i) => row.map((v, j) => v - ((r[i] as number[])[j] as number)));
    const next = x.map((row, i) => row.map((v, j) => (i === j ? 1 : v)));
    let change = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) change = Math.max(change, Math.abs(((next[i] as number[])[j] as number) - ((y[i] as number[])[j] as number)));
    y = next;
    if (change < 1e-12) break;
  }
  // A last PSD projection with a unit-diagonal rescale keeps both properties exactly.
  const p = projectPsd(y, minEigenvalue);
  const d = p.map((row, i) => Math.sqrt(row[i] as number));
  return p.map((row, i) => row.map((v, j) => (i === j ? 1 : v / ((d[i] as number) * (d[j] as number)))));
}
