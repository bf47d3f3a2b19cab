import { createRankScratch, createResidualSums, residualPass, type RankScratch, type ResidualSums } from "./_rank-pass.js";
import { carVarianceFactor } from "./car.js";
import { fitNormalModel } from "./fit-normal-model.js";
import type { Moments } from "./moments.js";
import type { NormalFit } from "./normal-model.js";
import type { SkipCode } from "./outcomes.js";
import { groupOverlapping } from "./overlap-groups.js";
import { createSparseMomentPrefix, prefixMoments, type MomentPrefix } from "./prefix-sums.js";
import { windowSpan, type EventStudySpec } from "./study-spec.js";

/** One security's returns on its session grid. */
export interface StudySeries {
  /** Daily returns (NaN = missing), from {@link toReturns}. */
  returns: ArrayLike<number>;
  /** Benchmark returns on the same grid; needed by the market and market-adjusted models. */
  market?: ArrayLike<number>;
}

/** One security-event: which series, and the grid index of day 0 (see {@link locateDayZero}). */
export interface StudyObservation {
  series: number;
  day0: number;
}

/** Observations merged in a window because their windows overlap (the first is the leader). */
export interface MergedGroup {
  observations: number[];
  /** The union window, in days relative to the leader's day 0. */
  from: number;
  to: number;
}

/** Status codes of the `status` column: 0 = studied, then the skip reasons; 255 = not (yet) processed. */
export const STATUS_CODES: readonly ("ok" | SkipCode)[] = ["ok", "day0-outside-data", "no-benchmark", "short-estimation", "constant-benchmark"];
export const PENDING = 255;
const OK = 0;
const DAY0_OUTSIDE = 1;
const NO_BENCHMARK = 2;
const SHORT = 3;
const CONSTANT = 4;

/** What a window does with an observation: leave it out, use its own CAR, or use its merged group's union CAR. */
export const ROLE_NONE = 0;
export const ROLE_OWN = 1;
export const ROLE_GROUP = 2;

/**
 * Everything an event study accumulates, in flat typed columns (observation-major; `W` windows, `spanDays`
 * days of the window span), so that a study over a whole market allocates a few arrays instead of objects
 * per security-event, and so that partial studies over disjoint sets of securities (worker threads) can be
 * merged, or written in place into shared columns, each thread keeping its own sums (study-merge.ts). Finish
 * with {@link finishEventStudy}.
 */
export interface StudyAccumulator {
  observations: number;
  windows: number;
  spanDays: number;
  residualTests: boolean;
  /** Index into {@link STATUS_CODES}, or {@link PENDING}. */
  status: Uint8Array;
  /** Valid estimation days (also reported for short estimations). */
  estimationDays: Int32Array;
  /** The fit in return units (α shifted back from the re-centred coordinates). */
  alpha: Float64Array;
  beta: Float64Array;
  sigma2: Float64Array;
  meanMarket: Float64Array;
  sxx: Float64Array;
  /** Share of positive estimation residuals (NaN when not computed). */
  positiveShare: Float64Array;
  /** Abnormal returns of the span, NaN where missing. */
  ar: Float64Array;
  /** Per observation and window: valid days, CAR, Var(CAR). */
  k: Int32Array;
  car: Float64Array;
  variance: Float64Array;
  /** Per observation and window: {@link ROLE_NONE}, {@link ROLE_OWN} or {@link ROLE_GROUP}. */
  role: Uint8Array;
  /** The union CAR and its variance of a merged group, on its leader's row (role {@link ROLE_GROUP}). */
  groupCar: Float64Array;
  groupVariance: Float64Array;
  /** 1 for observations that enter the CAAR path (leaders of groups merged over the whole span). */
  pathLeader: Uint8Array;
  /** Merged groups per window (observation indices), in the order they were found. */
  merged: MergedGroup[][];
  /** Residual-test sums over all observations, and per window over the observations it leaves out. */
  residuals: ResidualSums;
  excluded: ResidualSums[];
}

/** Sizes of the study's axes. Internal. */
export function studyShape(spec: EventStudySpec): { span: { from: number; to: number }; spanDays: number; estimationDays: number; axisDays: number } {
  const span = windowSpan(spec.windows);
  const estimationDays = spec.estimation.to - spec.estimation.from + 1;
  return { span, spanDays: span.to - span.from + 1, estimationDays, axisDays: span.to - spec.estimation.from + 1 };
}

/**
 * Allocates the memory behind an accumulator's columns. The default is an ordinary ArrayBuffer; a
 * SharedArrayBuffer lets worker threads write their securities' rows in place (each thread then keeps its own
 * sums, see {@link withOwnSums}).
 */
export type ColumnMemory = (bytes: number) => ArrayBufferLike;

/**
 * An empty accumulator for `observations` security-events under a validated spec.
 * @param residualTests whether the residual tests (Kolari–Pynnönen, Corrado, generalised sign) are computed
 * @param memory where the per-observation columns live (default: ordinary memory)
 * @example createStudyAccumulator(40_000, EVENT_STUDY_DEFAULTS, true, (n) => new SharedArrayBuffer(n))
 */
export function createStudyAccumulator(observations: number, spec: EventStudySpec, residualTests = true, memory?: ColumnMemory): StudyAccumulator {
  const { spanDays, estimationDays, axisDays } = studyShape(spec);
  const W = spec.windows.length;
  const f = (n: number) => (memory === undefined ? new Float64Array(n) : new Float64Array(memory(n * 8)));
  const i32 = (n: number) => (memory === undefined ? new Int32Array(n) : new Int32Array(memory(n * 4)));
  const u8 = (n: number) => (memory === undefined ? new Uint8Array(n) : new Uint8Array(memory(n)));
  return {
    observations, windows: W, spanDays, residualTests,
    status: u8(observations).fill(PENDING), estimationDays: i32(observations),
    alpha: f(observations), beta: f(observations), sigma2: f(observations), meanMarket: f(observations), sxx: f(observations),
    positiveShare: f(observations).fill(NaN), ar: f(observations * spanDays).fill(NaN),
    k: i32(observations * W), car: f(observations * W), variance: f(observations * W),
    role: u8(observations * W), groupCar: f(observations * W), groupVariance: f(observations * W),
    pathLeader: u8(observations),
    ...emptySums(W, estimationDays, axisDays),
  };
}

/** What each thread sums or lists for itself when threads write their rows into shared columns. */
export type StudySums = Pick<StudyAccumulator, "merged" | "residuals" | "excluded">;

/** Empty merged-group lists and residual sums for an accumulator's windows. Internal. */
export function emptySums(windows: number, estimationDays: number, axisDays: number): StudySums {
  return {
    merged: Array.from({ length: windows }, () => []),
    residuals: createResidualSums(estimationDays, axisDays),
    excluded: Array.from({ length: windows }, () => createResidualSums(estimationDays, axisDays)),
  };
}

/** Observation indices by series, in input order. */
export function observationsBySeries(observations: readonly StudyObservation[]): Map<number, number[]> {
  const bySeries = new Map<number, number[]>();
  observations.forEach((o, i) => {
    const list = bySeries.get(o.series);
    if (list) list.push(i);
    else bySeries.set(o.series, [i]);
  });
  return bySeries;
}

/**
 * Studies the security-events of some securities into an accumulator: per security one pass of compensated
 * prefix sums over the days its estimation windows need (FORMULAS.md "Market model": α, β, σ̂ of any
 * window in O(1)), then per security-event the fit, the span's ARs, each window's CAR with its
 * forecast-error-corrected variance, overlap merging, and one fused pass over the residuals for the
 * residual tests.
 * @param series all securities' returns (only those in `bySeries` are read)
 * @param observations all security-events
 * @param bySeries the securities to study with their observation indices ({@link observationsBySeries})
 * @param onProgress called after each security with (done, total)
 * @throws RangeError when an observation refers to a missing series or a benchmark's length differs
 */
export function addSeriesToStudy(
  acc: StudyAccumulator,
  series: readonly (StudySeries | undefined)[],
  observations: readonly StudyObservation[],
  bySeries: ReadonlyMap<number, readonly number[]>,
  spec: EventStudySpec,
  onProgress?: (done: number, total: number) => void,
): void {
  const { span, spanDays, estimationDays, axisDays } = studyShape(spec);
  const E = spec.estimation;
  const W = spec.windows.length;
  const useMarket = spec.model !== "mean-adjusted";
  const scratch: RankScratch = createRankScratch(estimationDays, axisDays);
  const tmp: Moments = { n: 0, sumR: 0, sumM: 0, sumRR: 0, sumMM: 0, sumRM: 0 };
  const fits: (NormalFit | undefined)[] = [];
  let centres: Float64Array = new Float64Array(16);
  let buffers: MomentPrefix | undefined;
  let done = 0;

  for (const [s, obsIdx] of bySeries) {
    const ser = series[s];
    if (ser === undefined) throw new RangeError(`observation refers to series ${s}, but only ${series.length} series were given`);
    const market = useMarket ? ser.market : undefined;
    if (useMarket && market === undefined) {
      for (const i of obsIdx) {
        acc.status[i] = NO_BENCHMARK;
        acc.estimationDays[i] = 0;
      }
      onProgress?.(++done, bySeries.size);
      continue;
    }
    const returns = ser.returns;
    const T = returns.length;
    if (market !== undefined && market.length !== T) {
      throw new RangeError(`series ${s}: benchmark returns (${market.length}) and returns (${T}) must share one grid`);
    }
    // Prefix sums only where estimation windows start and end, clipped to the grid.
    const at = new Int32Array(obsIdx.length * 2);
    let nAt = 0;
    for (const i of obsIdx) {
      const d0 = observations[i]!.day0;
      if (!(d0 >= 0 && d0 < T)) continue;
      at[nAt++] = Math.min(Math.max(d0 + E.from, 0), T);
      at[nAt++] = Math.min(Math.max(d0 + E.to + 1, 0), T);
    }
    const sorted = at.subarray(0, nAt).sort();
    let nDistinct = 0;
    for (let k = 0; k < nAt; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[nDistinct++] = sorted[k]!;
    const prefix = createSparseMomentPrefix(returns, market, sorted.subarray(0, nDistinct), { shift: spec.model !== "market-adjusted", ...(buffers ? { buffers } : {}) });
    if (buffers === undefined || prefix.n.length > buffers.n.length || prefix.slot!.length > buffers.slot!.length) buffers = prefix;
    const cr = prefix.shiftR;
    const cm = prefix.shiftM;

    // 1. Fit, ARs and window CARs of each security-event (re-centred coordinates; α shifted back for output).
    const ok: number[] = [];
    fits.length = 0;
    for (const i of obsIdx) {
      const d0 = observations[i]!.day0;
      fits.push(undefined);
      if (!(d0 >= 0 && d0 < T)) {
        acc.status[i] = DAY0_OUTSIDE;
        acc.estimationDays[i] = 0;
        continue;
      }
      const est = prefixMoments(prefix, d0 + E.from, d0 + E.to + 1, tmp);
      acc.estimationDays[i] = est.n;
      if (est.n < spec.minEstimationDays) {
        acc.status[i] = SHORT;
        continue;
      }
      const fit = fitNormalModel(spec.model, est);
      if (fit === undefined) {
        acc.status[i] = CONSTANT;
        continue;
      }
      fits[fits.length - 1] = fit;
      if (ok.length >= centres.length) centres = growTo(centres, 2 * ok.length);
      // The mean estimation residual: 0 with an estimated intercept, the mean of R − R_m when α is fixed.
      centres[ok.length] = (est.sumR - est.n * fit.alpha - fit.beta * est.sumM) / est.n;
      acc.status[i] = OK;
      acc.alpha[i] = fit.alpha + cr - fit.beta * cm;
      acc.beta[i] = fit.beta;
      acc.sigma2[i] = fit.sigma2;
      acc.meanMarket[i] = fit.meanMarket + cm;
      acc.sxx[i] = fit.sxx;
      const alpha = fit.alpha;
      const beta = fit.beta;
      const row = i * spanDays;
      for (let tau = span.from, j = row; tau <= span.to; tau++, j++) {
        const g = d0 + tau;
        if (g < 0 || g >= T) {
          acc.ar[j] = NaN;
          continue;
        }
        const r = returns[g]!;
        const m = market === undefined ? 0 : market[g]!;
        acc.ar[j] = r - r === 0 && m - m === 0 ? r - cr - alpha - beta * (m - cm) : NaN;
      }
      for (let w = 0; w < W; w++) {
        const win = spec.windows[w]!;
        let k = 0;
        let car = 0;
        let sumM = 0;
        for (let tau = win.from; tau <= win.to; tau++) {
          const a = acc.ar[row + tau - span.from]!;
          if (a - a === 0) {
            k++;
            car += a;
            if (market !== undefined) sumM += market[d0 + tau]! - cm;
          }
        }
        const c = i * W + w;
        acc.k[c] = k;
        acc.car[c] = k > 0 ? car : NaN;
        acc.variance[c] = k === 0 ? 0 : fit.sigma2 * carVarianceFactor(fit, k, sumM);
      }
      ok.push(i);
    }
    if (ok.length === 0) {
      onProgress?.(++done, bySeries.size);
      continue;
    }

    // 2. Overlapping windows. No two day 0s closer than the span: every observation stands alone.
    const day0s = ok.map((i) => observations[i]!.day0);
    const okFits = fits.filter((f): f is NormalFit => f !== undefined);
    const sortedDays = Int32Array.from(day0s).sort();
    let apart = true;
    for (let a = 1; a < sortedDays.length && apart; a++) if (sortedDays[a]! - sortedDays[a - 1]! <= span.to - span.from) apart = false;
    let excludedBy: (ResidualSums[] | undefined)[] | undefined;
    if (apart) {
      for (const i of ok) {
        acc.pathLeader[i] = 1;
        for (let w = 0; w < W; w++) if (acc.k[i * W + w]! > 0) acc.role[i * W + w] = ROLE_OWN;
      }
    } else {
      excludedBy = ok.map(() => undefined);
      spec.windows.forEach((win, w) => {
        for (const g of groupOverlapping(day0s, win.from, win.to)) {
          const lead = ok[g.members[0]!]!;
          const c = lead * W + w;
          if (g.members.length === 1) {
            if (acc.k[c]! > 0) acc.role[c] = ROLE_OWN;
            continue;
          }
          for (const m of g.members.slice(1)) (excludedBy![m] ??= []).push(acc.excluded[w]!);
          const fit = okFits[g.members[0]!]!;
          let k = 0;
          let car = 0;
          let sumM = 0;
          for (let t = Math.max(g.start, 0); t <= Math.min(g.end, T - 1); t++) {
            const r = returns[t]!;
            const m = market === undefined ? 0 : market[t]!;
            if (r - r === 0 && m - m === 0) {
              k++;
              car += r - cr - fit.alpha - fit.beta * (m - cm);
              sumM += market === undefined ? 0 : m - cm;
            }
          }
          const d0 = observations[lead]!.day0;
          acc.merged[w]!.push({ observations: g.members.map((m) => ok[m]!), from: g.start - d0, to: g.end - d0 });
          if (k === 0) continue;
          acc.role[c] = ROLE_GROUP;
          acc.groupCar[c] = car;
          acc.groupVariance[c] = fit.sigma2 * carVarianceFactor(fit, k, sumM);
        }
      });
      for (const g of groupOverlapping(day0s, span.from, span.to)) acc.pathLeader[ok[g.members[0]!]!] = 1;
    }

    // 3. Estimation residuals: generalised sign share, KP unit vectors, Corrado ranks.
    if (acc.residualTests) {
      for (let j = 0; j < ok.length; j++) {
        const i = ok[j]!;
        const fit = okFits[j]!;
        const d0 = observations[i]!.day0;
        acc.positiveShare[i] = residualPass(
          {
            returns, market, first: d0 + E.from, estimationDays, cr, cm, alpha: fit.alpha, beta: fit.beta,
            validDays: fit.n, centre: centres[j]!, ss: fit.sigma2 * fit.df, sd: Math.sqrt(fit.sigma2),
            ar: acc.ar.subarray(i * spanDays, (i + 1) * spanDays), spanOffset: span.from - E.from,
          },
          acc.residuals, excludedBy?.[j], scratch,
        );
      }
    }
    onProgress?.(++done, bySeries.size);
  }
}

function growTo(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
