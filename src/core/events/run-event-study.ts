import { createCrossSection, meanCorrelationFor, meanRanksFor } from "./_cross-section.js";
import { observe, type SeriesView } from "./_observe.js";
import { createResidualScratch, residualPass } from "./_residual-pass.js";
import { aggregateWindow, type WindowSample, type WindowTests } from "./aggregate-window.js";
import { addToPath, createPathAccumulator, pathOf, type PathPoint } from "./caar-path.js";
import { carOf } from "./car.js";
import type { Moments } from "./moments.js";
import type { NormalFit } from "./normal-model.js";
import { groupOverlapping } from "./overlap-groups.js";
import { createSparseMomentPrefix, prefixMoments, type MomentPrefix } from "./prefix-sums.js";
import type { ObservationOutcome } from "./outcomes.js";
import { validateStudySpec, windowSpan, type EventStudySpec } from "./study-spec.js";

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
}

export interface RunOptions {
  /** Called after each security with (securities done, securities in all). */
  onProgress?: (done: number, total: number) => void;
  /** Level of the CAR path's band (default 0.95). */
  confidence?: number;
  /**
   * Whether to run the tests that need every estimation-window residual of every observation (default
   * true): Kolari–Pynnönen, Corrado rank and generalised sign. Without them a study is about twice as fast
   * (a whole-market scan); the cross-sectional t, Patell Z, BMP t and sign test remain.
   */
  residualTests?: boolean;
}

const emptySample = (): WindowSample & { merged: MergedGroup[] } => ({ cars: [], scars: [], dfs: [], positiveShares: [], merged: [] });

/**
 * Runs an event study: per security-event α, β, σ̂, ARs and CARs with forecast-error-corrected t
 * statistics; per window CAAR and the test battery (cross-sectional t, Patell Z, BMP, Kolari–Pynnönen,
 * Corrado rank in Cowan's cumulative form, sign, generalised sign).
 *
 * Each security is one pass: compensated prefix sums of its moments over the days its events need, then
 * every estimation and window is O(1) (FORMULAS.md "Market model"). Observations of one security whose
 * windows overlap are merged per window (one observation whose CAR spans the union of their windows,
 * fitted on the leader's estimation window); the per-observation results stay unmerged.
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
  const confidence = options.confidence ?? 0.95;
  const span = windowSpan(spec.windows);
  const E = spec.estimation;
  const useMarket = spec.model !== "mean-adjusted";
  const estDays = E.to - E.from + 1;
  const axisFrom = Math.min(E.from, span.from);
  const axisDays = Math.max(E.to, span.to) - axisFrom + 1;
  const cs = createCrossSection(estDays, axisDays, spec.windows.length);
  const samples = spec.windows.map(emptySample);
  const path = createPathAccumulator(span);
  const outcomes: ObservationOutcome[] = new Array<ObservationOutcome>(observations.length);

  const bySeries = new Map<number, number[]>();
  observations.forEach((o, i) => {
    const list = bySeries.get(o.series);
    if (list) list.push(i);
    else bySeries.set(o.series, [i]);
  });

  const scratch = createResidualScratch(estDays, axisDays);
  const spanDays = span.to - span.from + 1;
  const arAll = new Float64Array(observations.length * spanDays);
  const tmp: Moments = { n: 0, sumR: 0, sumM: 0, sumRR: 0, sumMM: 0, sumRM: 0 };
  const offsets = [...new Set([E.from, E.to + 1, ...spec.windows.flatMap((w) => [w.from, w.to + 1])])];
  let buffers: MomentPrefix | undefined;
  let done = 0;

  for (const [s, obsIdx] of bySeries) {
    const ser = series[s];
    if (ser === undefined) throw new RangeError(`observation refers to series ${s}, but only ${series.length} series were given`);
    const market = useMarket ? ser.market : undefined;
    if (useMarket && market === undefined) {
      for (const i of obsIdx) outcomes[i] = { status: "skipped", skip: { code: "no-benchmark", estimationDays: 0 } };
      options.onProgress?.(++done, bySeries.size);
      continue;
    }
    if (market !== undefined && market.length !== ser.returns.length) {
      throw new RangeError(`series ${s}: benchmark returns (${market.length}) and returns (${ser.returns.length}) must share one grid`);
    }
    // Prefix sums only where windows start and end: d0 + each boundary offset, clipped to the grid.
    const T = ser.returns.length;
    const at = new Int32Array(obsIdx.length * offsets.length);
    let nAt = 0;
    for (const i of obsIdx) {
      const d0 = observations[i]!.day0;
      if (!(d0 >= 0 && d0 < T)) continue;
      for (const off of offsets) at[nAt++] = Math.min(Math.max(d0 + off, 0), T);
    }
    const sorted = at.subarray(0, nAt).sort();
    let nDistinct = 0;
    for (let k = 0; k < nAt; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[nDistinct++] = sorted[k]!;
    const prefix = createSparseMomentPrefix(ser.returns, market, sorted.subarray(0, nDistinct), { shift: spec.model !== "market-adjusted", ...(buffers ? { buffers } : {}) });
    if (buffers === undefined || prefix.n.length > buffers.n.length || prefix.slot!.length > buffers.slot!.length) buffers = prefix;
    const view: SeriesView = { returns: ser.returns, market, prefix };

    // 1. Fit, ARs and window CARs of each security-event.
    const ok: { i: number; fit: NormalFit }[] = [];
    for (const i of obsIdx) {
      const r = observe(view, observations[i]!.day0, spec, span, arAll.subarray(i * spanDays, (i + 1) * spanDays), tmp);
      outcomes[i] = r.outcome;
      if (r.fit !== undefined) ok.push({ i, fit: r.fit });
    }
    if (ok.length === 0) {
      options.onProgress?.(++done, bySeries.size);
      continue;
    }
    const day0s = ok.map((x) => observations[x.i]!.day0);

    // 2. Overlapping windows: groups per window; non-leaders are left out of that window's statistics.
    const groups = spec.windows.map((w) => groupOverlapping(day0s, w.from, w.to));
    const excluded: (boolean[] | undefined)[] = ok.map(() => undefined);
    groups.forEach((gs, w) => {
      for (const g of gs) {
        for (const m of g.members.slice(1)) (excluded[m] ??= spec.windows.map(() => false))[w] = true;
      }
    });

    // 3. Estimation residuals: generalised sign share, KP unit vectors, Corrado ranks.
    if (options.residualTests !== false) {
      ok.forEach(({ i, fit }, j) => {
        const o = outcomes[i]!;
        o.positiveShare = residualPass(view, observations[i]!.day0, fit, spec, span, axisFrom, o.ar!, cs, excluded[j], scratch);
      });
    }

    // 4. One entry per group and window; merged groups take the union window on the leader's fit.
    groups.forEach((gs, w) => {
      const sample = samples[w]!;
      for (const g of gs) {
        const lead = ok[g.members[0]!]!;
        const lo0 = outcomes[lead.i]!;
        let car: number;
        let variance: number;
        if (g.members.length === 1) {
          const wo = lo0.windows![w]!;
          if (wo.k === 0) continue;
          car = wo.car;
          variance = wo.variance;
        } else {
          const c = carOf(lead.fit, prefixMoments(prefix, g.start, g.end + 1));
          const d0 = observations[lead.i]!.day0;
          sample.merged.push({ observations: g.members.map((m) => ok[m]!.i), from: g.start - d0, to: g.end - d0 });
          if (c.k === 0) continue;
          car = c.car;
          variance = c.variance;
        }
        sample.cars.push(car);
        sample.scars.push(variance > 0 ? car / Math.sqrt(variance) : NaN);
        sample.dfs.push(lead.fit.df);
        sample.positiveShares.push(lo0.positiveShare ?? NaN);
      }
    });

    // 5. The CAAR path, observations merged on the whole span.
    for (const g of groupOverlapping(day0s, span.from, span.to)) addToPath(path, outcomes[ok[g.members[0]!]!.i]!.ar!);
    options.onProgress?.(++done, bySeries.size);
  }

  const aggregates = spec.windows.map((w, wi): WindowAggregate => {
    const sample = samples[wi]!;
    const meanCorrelation = meanCorrelationFor(cs, wi);
    const { meanK, n } = meanRanksFor(cs, wi);
    const agg = aggregateWindow(sample, meanCorrelation, { meanK, from: w.from - axisFrom, to: w.to - axisFrom, n });
    return { from: w.from, to: w.to, ...agg, ...(meanCorrelation !== undefined ? { meanCorrelation } : {}), merged: sample.merged };
  });
  return { spec, observations: outcomes, aggregates, path: pathOf(path, confidence), confidence };
}
