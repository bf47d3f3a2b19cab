import { meanOffDiagonalCorrelation } from "./mean-residual-correlation.js";
import type { ResidualSums } from "./_rank-pass.js";
import { aggregateWindow, type WindowSample, type WindowTests } from "./aggregate-window.js";
import { addRowsToPath, createPathAccumulator, pathOf, type PathPoint } from "./caar-path.js";
import type { NormalFit } from "./normal-model.js";
import type { ObservationOutcome, WindowOutcome } from "./outcomes.js";
import { studentTwoSidedP } from "./p-values.js";
import {
  addSeriesToStudy, createStudyAccumulator, observationsBySeries, PENDING, ROLE_GROUP, ROLE_OWN, STATUS_CODES, studyShape,
  type MergedGroup, type StudyAccumulator, type StudyObservation, type StudySeries,
} from "./study-accumulator.js";
import { validateStudySpec, type EventStudySpec } from "./study-spec.js";

export type { MergedGroup, StudyObservation, StudySeries } from "./study-accumulator.js";

/** One window across all observations. */
export interface WindowAggregate {
  from: number;
  to: number;
  /** Observations used: security-events with a CAR in this window, merged groups counted once. */
  n: number;
  /** Of those, the ones with a standardised CAR (σ̂ > 0). */
  nStandardized: number;
  /** Mean CAR. */
  caar?: number;
  /** Kolari–Pynnönen r̄ of the observations' estimation residuals. */
  meanCorrelation?: number;
  tests: WindowTests;
  merged: MergedGroup[];
}

/** The whole study. */
export interface EventStudyOutcome {
  spec: EventStudySpec;
  /** One per input observation, in input order. */
  observations: ObservationOutcome[];
  /** One per window of the spec, in order. */
  aggregates: WindowAggregate[];
  /** Mean CAR path over the window span (overlapping observations merged on the span). */
  path: PathPoint[];
  /** Two-sided level of the path's band. */
  confidence: number;
  /** The same results as flat columns (not enumerable: JSON shows `observations`). */
  table: StudyAccumulator;
}

export interface RunOptions {
  /** Called after each security with (securities done, securities in all). */
  onProgress?: (done: number, total: number) => void;
  /** Level of the CAR path's band (default 0.95). */
  confidence?: number;
  /**
   * Whether to run the tests that need every estimation-window residual of every observation (default
   * true): Kolari–Pynnönen, Corrado rank and generalised sign. Without them a study is about five times as fast
   * (a whole-market scan); the cross-sectional t, Patell Z, BMP t and sign test remain.
   */
  residualTests?: boolean;
}

/**
 * Runs an event study: per security-event α, β, σ̂, ARs and CARs with forecast-error-corrected t
 * statistics; per window CAAR and the test battery (cross-sectional t, Patell Z, BMP, Kolari–Pynnönen,
 * Corrado rank in Cowan's cumulative form, sign, generalised sign).
 *
 * Each security is one pass: compensated prefix sums of its moments over the days its estimation windows
 * need, so every fit is O(1) (FORMULAS.md "Market model"); then one fused pass per security-event over its
 * residuals for the rank, correlation and sign tests. Observations of one security whose windows overlap are
 * merged per window (one observation whose CAR spans the union of their windows, fitted on the leader's
 * estimation window); the per-observation results stay unmerged. Results are held in flat columns; the
 * per-observation objects of `observations` are built on first access (with their p-values).
 *
 * @param series the securities' returns on their session grids
 * @param observations security-events (series index, day-0 grid index)
 * @param spec model, estimation window, windows, minimum estimation days (validated)
 * @returns outcomes per observation (in input order), aggregates per window, the CAAR path
 * @throws InvalidInputError for an invalid spec; RangeError when a benchmark series' length differs
 * @example runEventStudy([{ returns: r, market: m }], [{ series: 0, day0: 260 }], EVENT_STUDY_DEFAULTS)
 * @see MacKinlay (1997); Kolari & Pynnönen (2010); Corrado (1989); Cowan (1992)
 */
export function runEventStudy(
  series: readonly StudySeries[],
  observations: readonly StudyObservation[],
  spec: EventStudySpec,
  options: RunOptions = {},
): EventStudyOutcome {
  validateStudySpec(spec);
  const acc = createStudyAccumulator(observations.length, spec, options.residualTests !== false);
  addSeriesToStudy(acc, series, observations, observationsBySeries(observations), spec, options.onProgress);
  return finishEventStudy(acc, spec, options.confidence ?? 0.95);
}

/**
 * Turns an accumulator whose every observation has been processed into the study's outcome: the window
 * samples in observation order (so a study split over workers gives the same samples as one run), the
 * test battery, the CAAR path, and the per-observation outcomes (built lazily).
 * @param confidence two-sided level of the CAAR path's band
 * @throws RangeError when an observation was never processed
 */
export function finishEventStudy(acc: StudyAccumulator, spec: EventStudySpec, confidence = 0.95): EventStudyOutcome {
  const { span } = studyShape(spec);
  const W = acc.windows;
  const axisFrom = spec.estimation.from;
  // The window samples in one pass over the observations (their rows are contiguous, windows innermost).
  const N = acc.observations;
  const samples = spec.windows.map(() => ({ cars: new Float64Array(N), scars: new Float64Array(N), dfs: new Float64Array(N), shares: new Float64Array(N), used: 0 }));
  for (let i = 0; i < N; i++) {
    if (acc.status[i] === PENDING) throw new RangeError(`observation ${i} was not studied`);
    const df = dfOf(spec, acc.estimationDays[i]!);
    const share = acc.positiveShare[i]!;
    for (let w = 0, c = i * W; w < W; w++, c++) {
      const role = acc.role[c]!;
      if (role !== ROLE_OWN && role !== ROLE_GROUP) continue;
      const car = role === ROLE_OWN ? acc.car[c]! : acc.groupCar[c]!;
      const variance = role === ROLE_OWN ? acc.variance[c]! : acc.groupVariance[c]!;
      const s = samples[w]!;
      const u = s.used++;
      s.cars[u] = car;
      s.scars[u] = variance > 0 ? car / Math.sqrt(variance) : NaN;
      s.dfs[u] = df;
      s.shares[u] = share;
    }
  }
  const aggregates = spec.windows.map((win, w): WindowAggregate => {
    const { cars, scars, dfs, shares, used } = samples[w]!;
    const sample: WindowSample = { cars: cars.subarray(0, used), scars: scars.subarray(0, used), dfs: dfs.subarray(0, used), positiveShares: shares.subarray(0, used) };
    const meanCorrelation = acc.residualTests ? meanCorrelationFor(acc.residuals, acc.excluded[w]!) : undefined;
    const ranks = acc.residualTests ? meanRanksFor(acc.residuals, acc.excluded[w]!) : { meanK: new Float64Array(0), n: 0 };
    const merged = [...acc.merged[w]!].sort((a, b) => a.observations[0]! - b.observations[0]!);
    const agg = aggregateWindow(sample, meanCorrelation, { meanK: ranks.meanK, from: win.from - axisFrom, to: win.to - axisFrom, n: ranks.n });
    return { from: win.from, to: win.to, ...agg, ...(meanCorrelation !== undefined ? { meanCorrelation } : {}), merged };
  });
  const path = createPathAccumulator(span);
  addRowsToPath(path, acc.ar, acc.pathLeader);
  let built: ObservationOutcome[] | undefined;
  const outcome = { spec, aggregates, path: pathOf(path, confidence), confidence, table: acc } as EventStudyOutcome;
  Object.defineProperty(outcome, "observations", { enumerable: true, get: () => (built ??= buildOutcomes(acc, spec)) });
  Object.defineProperty(outcome, "table", { enumerable: false });
  return outcome;
}

function dfOf(spec: EventStudySpec, n: number): number {
  return spec.model === "market" ? n - 2 : n - 1;
}

/** The per-observation outcome objects from the columns (p-values computed here). */
function buildOutcomes(acc: StudyAccumulator, spec: EventStudySpec): ObservationOutcome[] {
  const { span } = studyShape(spec);
  const W = acc.windows;
  const out = new Array<ObservationOutcome>(acc.observations);
  for (let i = 0; i < acc.observations; i++) {
    const code = STATUS_CODES[acc.status[i]!]!;
    if (code !== "ok") {
      out[i] = { status: "skipped", skip: { code, estimationDays: acc.estimationDays[i]! } };
      continue;
    }
    const n = acc.estimationDays[i]!;
    const fit: NormalFit = {
      model: spec.model, alpha: acc.alpha[i]!, beta: acc.beta[i]!, sigma2: acc.sigma2[i]!, df: dfOf(spec, n), n,
      meanMarket: acc.meanMarket[i]!, sxx: acc.sxx[i]!,
    };
    const ar = acc.ar.subarray(i * acc.spanDays, (i + 1) * acc.spanDays);
    const windows = spec.windows.map((w, wi): WindowOutcome => {
      const c = i * W + wi;
      const k = acc.k[c]!;
      const car = acc.car[c]!;
      const variance = acc.variance[c]!;
      const missingDays: number[] = [];
      if (k < w.to - w.from + 1) for (let tau = w.from; tau <= w.to; tau++) if (!(ar[tau - span.from]! - ar[tau - span.from]! === 0)) missingDays.push(tau);
      const t = k > 0 && variance > 0 ? car / Math.sqrt(variance) : undefined;
      return { from: w.from, to: w.to, k, car, variance, missingDays, t, p: studentTwoSidedP(t, fit.df) };
    });
    out[i] = { status: "ok", fit, ar, windows, ...(acc.residualTests ? { positiveShare: acc.positiveShare[i]! } : {}) };
  }
  return out;
}

/** r̄ over the observations a window uses: all of them less the ones it leaves out. */
function meanCorrelationFor(all: ResidualSums, excluded: ResidualSums): number | undefined {
  if (excluded.nU === 0) return meanOffDiagonalCorrelation(all.sumU, all.norms, all.nU);
  const u = all.sumU.map((x, i) => x - excluded.sumU[i]!);
  return meanOffDiagonalCorrelation(u, all.norms - excluded.norms, all.nU - excluded.nU);
}

/** K̄_t over the observations a window uses (NaN where none has a rank), and how many observations. */
function meanRanksFor(all: ResidualSums, excluded: ResidualSums): { meanK: Float64Array; n: number } {
  const meanK = new Float64Array(all.sumK.length);
  for (let i = 0; i < meanK.length; i++) {
    const c = all.nK - excluded.nK - (all.missK[i]! - excluded.missK[i]!);
    meanK[i] = c > 0 ? (all.sumK[i]! - excluded.sumK[i]!) / c : NaN;
  }
  return { meanK, n: all.nK - excluded.nK };
}
