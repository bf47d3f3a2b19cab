import { meanOffDiagonalCorrelation } from "./mean-residual-correlation.js";

/**
 * Running cross-sectional sums for the Kolari–Pynnönen r̄ and the Corrado K̄_t over all observations, and,
 * per window, the sums of the observations that window leaves out (non-leaders of merged groups), so each
 * window's statistics use exactly its own observations without storing every vector. Internal.
 */
export interface CrossSection {
  /** Σ u_i over estimation days, Σ‖u_i‖², and how many u_i. */
  sumU: Float64Array;
  norms: number;
  nU: number;
  /** Σ K_it and counts over the combined axis, and how many observations. */
  sumK: Float64Array;
  cntK: Float64Array;
  nK: number;
  /** The same sums for the observations each window excludes. */
  excluded: { sumU: Float64Array; norms: number; nU: number; sumK: Float64Array; cntK: Float64Array; nK: number }[];
}

export function createCrossSection(estimationDays: number, axisDays: number, windows: number): CrossSection {
  const part = () => ({ sumU: new Float64Array(estimationDays), norms: 0, nU: 0, sumK: new Float64Array(axisDays), cntK: new Float64Array(axisDays), nK: 0 });
  return { ...part(), excluded: Array.from({ length: windows }, part) };
}

/**
 * Adds one observation's unit residual vector; `excludedIn[w]` marks the windows that leave it out.
 * @param excludedOnly add to the excluded sums only (the caller has added it to the totals)
 */
export function addResidualVector(cs: CrossSection, u: ArrayLike<number>, excludedIn: readonly boolean[] | undefined, excludedOnly = false): void {
  let norm = 0;
  for (let i = 0; i < u.length; i++) norm += u[i]! * u[i]!;
  if (!excludedOnly) {
    for (let i = 0; i < u.length; i++) cs.sumU[i]! += u[i]!;
    cs.norms += norm;
    cs.nU++;
  }
  if (excludedIn === undefined) return;
  excludedIn.forEach((ex, w) => {
    if (!ex) return;
    const e = cs.excluded[w]!;
    for (let i = 0; i < u.length; i++) e.sumU[i]! += u[i]!;
    e.norms += norm;
    e.nU++;
  });
}

/**
 * Adds one observation's centred ranks K_it (NaN = missing).
 * @param excludedOnly add to the excluded sums only (the caller has added it to the totals)
 */
export function addRankVector(cs: CrossSection, k: ArrayLike<number>, excludedIn: readonly boolean[] | undefined, excludedOnly = false): void {
  if (!excludedOnly) {
    for (let i = 0; i < k.length; i++) {
      const v = k[i]!;
      if (v - v === 0) {
        cs.sumK[i]! += v;
        cs.cntK[i]!++;
      }
    }
    cs.nK++;
  }
  if (excludedIn === undefined) return;
  excludedIn.forEach((ex, w) => {
    if (!ex) return;
    const e = cs.excluded[w]!;
    for (let i = 0; i < k.length; i++) {
      const v = k[i]!;
      if (v - v === 0) {
        e.sumK[i]! += v;
        e.cntK[i]!++;
      }
    }
    e.nK++;
  });
}

/** r̄ over the observations window `w` uses. */
export function meanCorrelationFor(cs: CrossSection, w: number): number | undefined {
  const e = cs.excluded[w]!;
  if (e.nU === 0) return meanOffDiagonalCorrelation(cs.sumU, cs.norms, cs.nU);
  const u = cs.sumU.map((x, i) => x - e.sumU[i]!);
  return meanOffDiagonalCorrelation(u, cs.norms - e.norms, cs.nU - e.nU);
}

/** K̄_t over the observations window `w` uses (NaN where none has a rank), and how many observations. */
export function meanRanksFor(cs: CrossSection, w: number): { meanK: Float64Array; n: number } {
  const e = cs.excluded[w]!;
  const meanK = new Float64Array(cs.sumK.length);
  for (let i = 0; i < meanK.length; i++) {
    const c = cs.cntK[i]! - e.cntK[i]!;
    meanK[i] = c > 0 ? (cs.sumK[i]! - e.sumK[i]!) / c : NaN;
  }
  return { meanK, n: cs.nK - e.nK };
}
