/** Eigenvalues (ascending) and the matching unit eigenvectors (as columns of `vectors`). */
export interface Eigen {
  readonly values: number[];
  /** vectors[i][j]: component i of eigenvector j. */
  readonly vectors: number[][];
}

/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method (accurate to machine
 * precision; fine for the handful of correlated drivers a model has).
 *
 * @param a - k×k symmetric matrix (not modified).
 * @returns eigenvalues ascending with their eigenvectors.
 * @example symmetricEigen([[2, 1], [1, 2]]).values // [1, 3]
 * @see Golub & Van Loan (2013), §8.5 (Jacobi methods).
 */
export function symmetricEigen(a: readonly (readonly number[])[]): Eigen {
  const k = a.length;
  const m = a.map((r) => [...r]);
  const v: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  const at = (i: number, j: number): number => (m[i] as number[])[j] as number;
  const set = (i: number, j: number, x: number): void => {
    (m[i] as number[])[j] = x;
  };
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += at(i, j) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = at(p, q);
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = at(r, p);
          const arq = at(r, q);
          set(r, p, c * arp - s * arq);
          set(r, q, s * arp + c * arq);
        }
        for (let r = 0; r < k; r++) {
          const apr = at(p, r);
          const aqr = at(q, r);
          set(p, r, c * apr - s * aqr);
          set(q, r, s * apr + c * aqr);
        }
        for (let r = 0; r < k; r++) {
          const vr = v[r] as number[];
          const vrp = vr[p] as number;
          const vrq = vr[q] as number;
          vr[p] = c * vrp - s * vrq;
          vr[q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => at(x, x) - at(y, y));
  return {
    values: order.map((i) => at(i, i)),
    vectors: v.map((row) => order.map((j) => row[j] as number)),
  };
}
