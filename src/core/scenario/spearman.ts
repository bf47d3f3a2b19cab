/**
 * Pearson correlation of two equally long arrays; with rank arrays this is Spearman's ρ.
 *
 * @param a - first values; b - second values (same length, ≥ 2).
 * @returns the correlation in [−1, 1], or `undefined` when either side is constant or too short.
 * @example pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)) // 0.9934…
 */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number | undefined {
  const n = a.length;
  if (n < 2 || b.length !== n) return undefined;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (!(saa > 0 && sbb > 0)) return undefined;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

/**
 * Spearman's ρ from two arrays of average ranks (1..n): the Pearson correlation of the ranks, in one pass
 * (the mean of average ranks is always (n + 1) / 2).
 *
 * @param ra - ranks of the first variable; rb - of the second (same length).
 * @returns ρ in [−1, 1], or `undefined` when either side is constant or shorter than 2.
 * @example rankCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(1, 3, 2)) // 0.5
 */
export function rankCorrelation(ra: Float64Array, rb: Float64Array): number | undefined {
  const n = ra.length;
  if (n < 2 || rb.length !== n) return undefined;
  const m = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (ra[i] as number) - m;
    const db = (rb[i] as number) - m;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (!(saa > 0 && sbb > 0)) return undefined;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}
