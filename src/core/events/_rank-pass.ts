import { orderBuckets } from "./average-ranks.js";

/** Buffers of the residual pass, allocated once per study. Internal. */
export interface RankScratch {
  /** Values on the combined axis (estimation days, then the window span), NaN elsewhere. */
  vals: Float64Array;
  /** Bucket of each axis day (−1 = missing). */
  bucket: Int32Array;
  /** Bucket counts, then bucket starts. */
  counts: Int32Array;
  /** The finite values in ascending order and their axis days. */
  keys: Float64Array;
  index: Int32Array;
  /** For the rare observations some window leaves out: their unit vector and centred ranks. */
  u: Float64Array;
  k: Float64Array;
}

export function createRankScratch(estimationDays: number, axisDays: number): RankScratch {
  return {
    vals: new Float64Array(axisDays), bucket: new Int32Array(axisDays), counts: new Int32Array(2 * axisDays + 1),
    keys: new Float64Array(axisDays), index: new Int32Array(axisDays),
    u: new Float64Array(estimationDays), k: new Float64Array(axisDays),
  };
}

/** The cross-sectional sums the residual tests need (one set for all observations, one per window for those it leaves out). */
export interface ResidualSums {
  /** Σ u_i by estimation day, Σ‖u_i‖², and how many u_i (Kolari–Pynnönen r̄). */
  sumU: Float64Array;
  norms: number;
  nU: number;
  /** Σ K_it by axis day, how many observations, and by axis day how many of them have no value (Corrado). */
  sumK: Float64Array;
  nK: number;
  missK: Float64Array;
}

export function createResidualSums(estimationDays: number, axisDays: number): ResidualSums {
  return { sumU: new Float64Array(estimationDays), norms: 0, nU: 0, sumK: new Float64Array(axisDays), nK: 0, missK: new Float64Array(axisDays) };
}

/** One security-event as the residual pass sees it, in the prefix's re-centred coordinates. Internal. */
export interface ResidualInput {
  returns: ArrayLike<number>;
  market: ArrayLike<number> | undefined;
  /** Grid index of the first estimation day (day 0 + estimation.from). */
  first: number;
  estimationDays: number;
  /** The re-centring constants and the fit (AR = (R − cr) − α − β (R_m − cm)). */
  cr: number;
  cm: number;
  alpha: number;
  beta: number;
  /** Valid estimation days, the mean estimation residual ē and the residual sum of squares Σ(e − ē)² (from the fit's moments). */
  validDays: number;
  centre: number;
  ss: number;
  /** σ̂: with ē it sets the range of the rank buckets. */
  sd: number;
  /** The span's abnormal returns and where the span starts on the axis. */
  ar: Float64Array;
  spanOffset: number;
}

/**
 * One fused pass over a security-event's estimation residuals and window-span abnormal returns that feeds the
 * three residual tests (FORMULAS.md "Tests across N security-events"):
 * - generalised sign: the share of positive estimation residuals (returned);
 * - Kolari–Pynnönen: the unit vector u = (e − ē)/‖e − ē‖ (missing days 0) added to Σu, ‖u‖² to Σ‖u‖²;
 * - Corrado: centred ranks K_t = rank_t/(T_i + 1) − 0.5 over the T_i finite values of the estimation days
 *   and the span (ties share their average rank, as scipy's `rankdata`) added to ΣK_t.
 *
 * Ranking is exact: a counting sort into 2n buckets over ē ± 4σ̂ (a linear, hence monotone, map, so buckets
 * come in order; values beyond go to the end buckets), then one insertion pass that orders each bucket (about
 * half a value per bucket, so about n steps; a crowded bucket, e.g. a halted stock's run of equal returns,
 * switches to a quicksort). The buckets are counted, and the Kolari–Pynnönen vector added, in the same loop
 * that computes the residuals. Measured alternatives (a normal-CDF bucket map, 4n buckets, ranks straight from
 * the bucket counts, inserting while scattering, V8's native typed-array sort) were slower here.
 * @param excluded the residual sums of the windows that leave this observation out (merged groups), or undefined
 * @returns the share of positive estimation residuals (NaN when none is finite)
 */
export function residualPass(x: ResidualInput, all: ResidualSums, excluded: readonly ResidualSums[] | undefined, s: RankScratch): number {
  const { returns, market, first, estimationDays: L, cr, cm, alpha, beta, ar, spanOffset, validDays: n, centre } = x;
  const vals = s.vals;
  const bucket = s.bucket;
  const counts = s.counts;
  const axis = vals.length;
  const NB = 2 * axis;
  counts.fill(0);
  let lo = centre - 4 * x.sd;
  let scale = (NB - 1) / (8 * x.sd);
  if (!(scale > 0 && scale < Number.POSITIVE_INFINITY)) {
    // σ̂ = 0 (a perfect fit or constant returns): every value in one bucket, which the quicksort takes.
    lo = 0;
    scale = 0;
  }
  // Kolari–Pynnönen: u = (e − ē)/√Σ(e − ē)², with ē and Σ(e − ē)² = σ̂²·df known from the fit's moments, so
  // the unit vector is added in the same pass (no vector when the residuals do not vary).
  const kp = n >= 2 && x.ss > 0;
  const inv = kp ? 1 / Math.sqrt(x.ss) : 0;
  const sumU = all.sumU;
  const missK = all.missK;
  const T = returns.length;
  // Estimation days inside the grid: j in [j0, j1); days outside it and between estimation and span are missing.
  const j0 = Math.max(0, -first);
  const j1 = Math.max(j0, Math.min(L, T - first));
  for (let j = 0; j < j0; j++) {
    vals[j] = NaN;
    bucket[j] = -1;
    missK[j]!++;
  }
  for (let j = j1; j < spanOffset; j++) {
    vals[j] = NaN;
    bucket[j] = -1;
    missK[j]!++;
  }
  let norm = 0;
  for (let j = j0; j < j1; j++) {
    const i = first + j;
    const r = returns[i]!;
    const m = market === undefined ? 0 : market[i]!;
    const e = r - cr - alpha - beta * (m - cm);
    if (e - e === 0 && m - m === 0) {
      vals[j] = e;
      const u = (e - centre) * inv;
      sumU[j]! += u;
      norm += u * u;
      const f = (e - lo) * scale;
      const b = Math.min(Math.max(f, 0), NB - 1) | 0; // clamped before truncating (branch-free, no int32 wrap)
      bucket[j] = b;
      counts[b]!++;
    } else {
      vals[j] = NaN;
      bucket[j] = -1;
      missK[j]!++;
    }
  }
  if (kp) {
    all.norms += norm;
    all.nU++;
    if (excluded !== undefined) {
      for (let j = 0; j < L; j++) {
        const e = vals[j]!;
        s.u[j] = e - e === 0 ? (e - centre) * inv : 0;
      }
      for (const ex of excluded) {
        for (let j = 0; j < L; j++) ex.sumU[j]! += s.u[j]!;
        ex.norms += norm;
        ex.nU++;
      }
    }
  }
  let t = n;
  let spanPositive = 0;
  for (let j = 0; j < ar.length; j++) {
    const a = ar[j]!;
    if (a > 0) spanPositive++;
    const at = spanOffset + j;
    vals[at] = a;
    if (a - a === 0) {
      t++;
      const f = (a - lo) * scale;
      const b = Math.min(Math.max(f, 0), NB - 1) | 0; // clamped before truncating (branch-free, no int32 wrap)
      bucket[at] = b;
      counts[b]!++;
    } else {
      bucket[at] = -1;
      missK[at]!++;
    }
  }

  // Corrado: bucket starts, scatter, order within buckets, then average ranks of ties.
  let crowded = 0;
  for (let b = 0, acc = 0; b < NB; b++) {
    const c = counts[b]!;
    if (c > crowded) crowded = c;
    counts[b] = acc;
    acc += c;
  }
  const keys = s.keys;
  const index = s.index;
  for (let j = 0; j < axis; j++) {
    const b = bucket[j]!;
    if (b < 0) continue;
    const p = counts[b]!++;
    keys[p] = vals[j]!;
    index[p] = j;
  }
  orderBuckets(keys, index, t, crowded);
  const invT = 1 / (t + 1);
  const sumK = all.sumK;
  const kk = excluded === undefined ? undefined : s.k.fill(NaN);
  for (let a = 0; a < t; ) {
    let b = a + 1;
    while (b < t && keys[b] === keys[a]) b++;
    const k = ((a + 1 + b) / 2) * invT - 0.5; // positions a … b − 1 hold ranks a + 1 … b: ties share the average
    for (let j = a; j < b; j++) sumK[index[j]!]! += k;
    if (kk !== undefined) for (let j = a; j < b; j++) kk[index[j]!] = k;
    a = b;
  }
  all.nK++;
  // Positive estimation residuals: the values above 0 in the sorted keys, less those of the span.
  let lo0 = 0;
  let hi0 = t;
  while (lo0 < hi0) {
    const mid = (lo0 + hi0) >>> 1;
    if (keys[mid]! > 0) hi0 = mid;
    else lo0 = mid + 1;
  }
  const pos = t - lo0 - spanPositive;
  if (kk !== undefined) {
    for (const ex of excluded!) {
      for (let j = 0; j < axis; j++) {
        const v = kk[j]!;
        if (v - v === 0) ex.sumK[j]! += v;
        else ex.missK[j]!++;
      }
      ex.nK++;
    }
  }
  return n > 0 ? pos / n : NaN;
}
