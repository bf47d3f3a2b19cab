import { addRankVector, addResidualVector, type CrossSection } from "./_cross-section.js";
import type { SeriesView } from "./_observe.js";
import { averageRanks, createRankWorkspace, sortFinite, type RankWorkspace } from "./average-ranks.js";
import type { NormalFit } from "./normal-model.js";
import type { DayRange, EventStudySpec } from "./study-spec.js";

/** Buffers of the residual pass, allocated once per study. Internal. */
export interface ResidualScratch {
  /** Values on the combined axis (estimation days, then the window span), NaN outside them. */
  vals: Float64Array;
  ranks: Float64Array;
  /** For the rare observations some window leaves out: their unit vector and centred ranks. */
  u: Float64Array;
  k: Float64Array;
  work: RankWorkspace;
}

export function createResidualScratch(estimationDays: number, axisDays: number): ResidualScratch {
  return {
    vals: new Float64Array(axisDays), ranks: new Float64Array(axisDays), u: new Float64Array(estimationDays), k: new Float64Array(axisDays),
    work: createRankWorkspace(axisDays),
  };
}

/**
 * One pass over a security-event's estimation residuals (re-centred coordinates) that feeds three tests:
 * the share of positive residuals (generalised sign), the unit residual vector u = (e − ē)/‖e − ē‖ added to
 * Σu (Kolari–Pynnönen r̄), and the centred ranks K = rank/(T_i + 1) − 0.5 over the estimation days and the
 * window span added to ΣK (Corrado). `excludedIn` marks the windows that leave the observation out.
 * @returns the share of positive estimation residuals (NaN when none is valid)
 */
export function residualPass(
  view: SeriesView, day0: number, fit: NormalFit, spec: EventStudySpec, span: DayRange, axisFrom: number,
  ar: Float64Array, cs: CrossSection, excludedIn: readonly boolean[] | undefined, s: ResidualScratch,
): number {
  const { returns, market, prefix } = view;
  const cr = prefix.shiftR;
  const cm = prefix.shiftM;
  const alpha = fit.alpha;
  const beta = fit.beta;
  const T = returns.length;
  const vals = s.vals;
  const E0 = spec.estimation.from;
  const estDays = spec.estimation.to - E0 + 1;
  const offE = E0 - axisFrom;
  let n = 0;
  let pos = 0;
  let sum = 0;
  let sumSq = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < estDays; j++) {
    const i = day0 + E0 + j;
    let e = NaN;
    if (i >= 0 && i < T) {
      const r = returns[i]!;
      const m = market === undefined ? 0 : market[i]!;
      if (r - r === 0 && m - m === 0) {
        e = r - cr - alpha - beta * (m - cm);
        n++;
        sum += e;
        sumSq += e * e;
        if (e > 0) pos++;
        if (e < min) min = e;
        if (e > max) max = e;
      }
    }
    vals[offE + j] = e;
  }
  const gapFrom = offE + estDays;
  const offS = span.from - axisFrom;
  for (let j = gapFrom; j < offS; j++) vals[j] = NaN;
  vals.set(ar, offS);

  // Kolari–Pynnönen: centre on the residuals' own mean, scale to unit length, missing days count 0.
  if (n >= 2) {
    // Σ(e − ē)² from Σe² − nē²: residuals of a fit with an intercept average 0, so nothing cancels.
    const mean = sum / n;
    const ss = sumSq - sum * mean;
    if (ss > 1e-12 * sumSq) {
      const inv = 1 / Math.sqrt(ss);
      const sumU = cs.sumU;
      let norm = 0;
      for (let j = 0; j < estDays; j++) {
        const e = vals[offE + j]!;
        if (e - e === 0) {
          const x = (e - mean) * inv;
          sumU[j]! += x;
          norm += x * x;
        }
      }
      cs.norms += norm;
      cs.nU++;
      if (excludedIn !== undefined) {
        for (let j = 0; j < estDays; j++) {
          const e = vals[offE + j]!;
          s.u[j] = e - e === 0 ? (e - mean) * inv : 0;
        }
        addResidualVector(cs, s.u, excludedIn, true);
      }
    }
  }

  // Corrado: centred ranks over the combined days, K = rank/(T_i + 1) − 0.5, added straight into ΣK.
  let t = n;
  for (let j = 0; j < ar.length; j++) {
    const a = ar[j]!;
    if (a - a === 0) {
      t++;
      if (a < min) min = a;
      if (a > max) max = a;
    }
  }
  // Buckets over ±4σ at most, so a few extreme returns do not squeeze the rest into a handful of buckets.
  const sd = Math.sqrt(fit.sigma2);
  if (sd > 0) {
    if (min < -4 * sd) min = -4 * sd;
    if (max > 4 * sd) max = 4 * sd;
    if (!(max > min)) [min, max] = [-4 * sd, 4 * sd];
  }
  sortFinite(vals, s.work, { n: t, min, max });
  const { keys, index } = s.work;
  const inv = 1 / (t + 1);
  const sumK = cs.sumK;
  const cntK = cs.cntK;
  for (let a = 0; a < t; ) {
    let b = a + 1;
    while (b < t && keys[b] === keys[a]) b++;
    const k = ((a + 1 + b) / 2) * inv - 0.5; // ties share their average rank
    for (let j = a; j < b; j++) {
      sumK[index[j]!]! += k;
      cntK[index[j]!]!++;
    }
    a = b;
  }
  cs.nK++;
  if (excludedIn !== undefined) {
    const ranks = averageRanks(vals, s.ranks, s.work);
    for (let j = 0; j < ranks.length; j++) s.k[j] = ranks[j]! * inv - 0.5;
    addRankVector(cs, s.k, excludedIn, true);
  }
  return n > 0 ? pos / n : NaN;
}
