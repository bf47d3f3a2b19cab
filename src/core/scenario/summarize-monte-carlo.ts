import { averageRanks, averageRanksOfUniforms } from "./ranks.js";
import type { Sampler } from "./run-block.js";
import type { PlanSeries, SimulationPlan } from "./simulation-plan.js";
import { rankCorrelation } from "./spearman.js";
import { summarizeSeries, type SeriesStats } from "./summarize-series.js";
import { mapToFloat64 } from "../typed-arrays.js";

/** All draws of a run, in draw order. */
export interface MonteCarloDraws {
  /** Per plan series, every draw's output. */
  readonly series: Float64Array[];
  /** Per uncertain driver, every draw's percentile. */
  readonly percentiles: Float64Array[];
}

/** How much of an output's spread one driver explains. */
export interface DriverSensitivity {
  readonly driver: string;
  /** Spearman rank correlation of the driver's draws with the output. */
  readonly rankCorrelation?: number;
  /** ρ² / Σρ² over the drivers, signed like ρ: the usual "contribution to variance" approximation. */
  readonly contribution?: number;
}

export interface SeriesSummary extends PlanSeries {
  readonly stats: SeriesStats;
  /** Drivers by |rank correlation|, largest first. */
  readonly sensitivity: readonly DriverSensitivity[];
}

/** Target and achieved rank correlation of one correlated pair. */
export interface CorrelationCheck {
  readonly between: readonly [string, string];
  readonly target: number;
  readonly achieved?: number;
}

/** Result of a Monte Carlo run: its identity (scenario, draws, seed, sampler) and the statistics. */
export interface MonteCarloResult {
  readonly scenario: string;
  readonly draws: number;
  readonly seed: number;
  readonly sampler: Sampler;
  readonly blockSize: number;
  readonly series: readonly SeriesSummary[];
  readonly correlations: readonly CorrelationCheck[];
}

/**
 * Statistics of one series and the drivers' Spearman correlation with it.
 * A driver's rank is the rank of its percentile draw, which for a continuous distribution equals the rank
 * of its value in every year (for a discrete one, ties among values are broken by the percentile).
 * Draws with a non-finite output are left out, and the drivers re-ranked over the draws kept.
 *
 * @param series - the series' description (label, unit, threshold).
 * @param values - its draws.
 * @param driverRanks - per uncertain driver, the average ranks (1..n) of its percentiles over all draws.
 * @param driverNames - the drivers' names, in the order of driverRanks.
 * @returns the summary.
 * @example summarizeSeriesSensitivity(plan.series[0], draws.series[0], ranks, plan.drivers.map((d) => d.name))
 */
export function summarizeSeriesSensitivity(series: PlanSeries, values: Float64Array, driverRanks: readonly Float64Array[], driverNames: readonly string[]): SeriesSummary {
  const { stats, finite, sorting } = summarizeSeries(values, series.threshold !== undefined ? { threshold: series.threshold } : {});
  const r = averageRanks(finite, sorting);
  let rhos: (number | undefined)[];
  if (stats.nonFinite === 0) rhos = driverRanks.map((dr) => rankCorrelation(dr, r));
  else {
    const keep: number[] = [];
    for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i] as number)) keep.push(i);
    rhos = driverRanks.map((dr) => rankCorrelation(averageRanks(mapToFloat64(keep, (i) => dr[i] as number)), r));
  }
  const sumSq = rhos.reduce<number>((a, x) => a + (x ?? 0) ** 2, 0);
  const sensitivity = driverNames
    .map((driver, j): DriverSensitivity => {
      const rho = rhos[j];
      if (rho === undefined) return { driver };
      return { driver, rankCorrelation: rho, ...(sumSq > 0 ? { contribution: (Math.sign(rho) * rho * rho) / sumSq } : {}) };
    })
    .sort((a, b) => Math.abs(b.rankCorrelation ?? 0) - Math.abs(a.rankCorrelation ?? 0));
  return { ...series, stats, sensitivity };
}

/**
 * The rank correlation each correlated pair achieved, beside its target.
 * @param plan - the plan; driverRanks - average ranks of each driver's percentiles (plan.drivers order).
 * @returns one check per pair as written in the model.
 */
export function checkCorrelations(plan: SimulationPlan, driverRanks: readonly Float64Array[]): CorrelationCheck[] {
  return (plan.model.correlation?.pairs ?? []).map((p) => {
    const a = driverRanks[plan.drivers.findIndex((d) => d.name === p.between[0])];
    const b = driverRanks[plan.drivers.findIndex((d) => d.name === p.between[1])];
    const achieved = a && b ? rankCorrelation(a, b) : undefined;
    return { between: p.between, target: p.rank, ...(achieved !== undefined ? { achieved } : {}) };
  });
}

/**
 * Statistics of a run: per series mean, sd, percentiles, P(> threshold), histogram, and the drivers'
 * Spearman rank correlation with it and their share of the sum of squared correlations; and the rank
 * correlation each correlated pair achieved.
 *
 * @param plan - the plan the draws came from.
 * @param draws - all draws in order.
 * @param meta - the run's identity.
 * @returns the result.
 * @example summarizeMonteCarlo(plan, simulateDraws(plan, opts), { seed: 42, sampler: "plain", blockSize: 4096 })
 * @see FORMULAS.md "Monte Carlo": "the Spearman correlation of each driver with the output".
 */
export function summarizeMonteCarlo(plan: SimulationPlan, draws: MonteCarloDraws, meta: { seed: number; sampler: Sampler; blockSize: number }): MonteCarloResult {
  const driverRanks = draws.percentiles.map((u) => averageRanksOfUniforms(u));
  const names = plan.drivers.map((d) => d.name);
  const series = plan.series.map((s, k) => summarizeSeriesSensitivity(s, draws.series[k] as Float64Array, driverRanks, names));
  const total = draws.series[0]?.length ?? draws.percentiles[0]?.length ?? 0;
  return { scenario: plan.model.scenario, draws: total, seed: meta.seed, sampler: meta.sampler, blockSize: meta.blockSize, series, correlations: checkCorrelations(plan, driverRanks) };
}
