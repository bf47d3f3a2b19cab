import { BLOCK_SIZE, splitBlocks } from "./blocks.js";
import type { CompiledModel } from "./compiled-model.js";
import { runBlock, type BlockResult, type Sampler } from "./run-block.js";
import { createSimulationPlan, type SimulationPlan } from "./simulation-plan.js";
import { summarizeMonteCarlo, type MonteCarloDraws, type MonteCarloResult } from "./summarize-monte-carlo.js";

export interface MonteCarloOptions {
  /** Number of draws, ≥ 1. */
  readonly draws: number;
  /** Integer seed; the run's numbers depend only on (model, scenario, seed, draws, sampler). */
  readonly seed: number;
  readonly sampler?: Sampler;
  /** Called after each block with the draws done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Places blocks' draws into whole-run arrays, in block order (blocks may arrive in any order).
 *
 * @param plan - the plan the blocks came from.
 * @param draws - total draws of the run.
 * @param blocks - every block of the run, once.
 * @returns the draws in order.
 * @example assembleBlocks(plan, 10000, results)
 */
export function assembleBlocks(plan: SimulationPlan, draws: number, blocks: readonly BlockResult[]): MonteCarloDraws {
  const series = plan.series.map(() => new Float64Array(draws));
  const percentiles = plan.drivers.map(() => new Float64Array(draws));
  const layout = splitBlocks(draws);
  for (const b of blocks) {
    const start = (layout[b.index] as { start: number }).start;
    b.series.forEach((s, k) => (series[k] as Float64Array).set(s, start));
    b.percentiles.forEach((u, k) => (percentiles[k] as Float64Array).set(u, start));
  }
  return { series, percentiles };
}

/**
 * All draws of a run on the current thread (the worker pool in src/app runs the same blocks in parallel
 * and gets the same numbers).
 *
 * @param plan - the simulation plan.
 * @param options - draws, seed, sampler (default plain), progress callback.
 * @returns the draws in order.
 * @example simulateDraws(createSimulationPlan(model), { draws: 10000, seed: 42 }).series[0]
 */
export function simulateDraws(plan: SimulationPlan, options: MonteCarloOptions): MonteCarloDraws {
  validateRun(options);
  const series = plan.series.map(() => new Float64Array(options.draws));
  const percentiles = plan.drivers.map(() => new Float64Array(options.draws));
  let done = 0;
  for (const b of splitBlocks(options.draws)) {
    // Each block writes straight into its slice of the run's arrays.
    const view = (a: Float64Array) => a.subarray(b.start, b.start + b.n);
    runBlock(plan, b, { seed: options.seed, sampler: options.sampler ?? "plain" }, { series: series.map(view), percentiles: percentiles.map(view) });
    done += b.n;
    options.onProgress?.(done, options.draws);
  }
  return { series, percentiles };
}

/** Checks draws and seed; throws RangeError with the parameter named. */
export function validateRun(options: Pick<MonteCarloOptions, "draws" | "seed">): void {
  if (!(Number.isInteger(options.draws) && options.draws >= 1)) throw new RangeError(`draws (${options.draws}) must be a whole number ≥ 1`);
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed (${options.seed}) must be an integer`);
}

/**
 * Seeded Monte Carlo of a compiled scenario on the current thread: plain or Latin Hypercube sampling,
 * Iman–Conover rank correlations, and the statistics of every output series.
 *
 * @param model - the model compiled for one scenario.
 * @param options - draws, seed, sampler, progress.
 * @returns statistics per output series (mean, sd, P5…P95, P(> threshold), histogram, driver sensitivities).
 * @example runMonteCarlo(compileModel(model), { draws: 100000, seed: 42, sampler: "lhs" }).series[0].stats.mean
 * @see FORMULAS.md "Monte Carlo"; Iman & Conover (1982); McKay, Beckman & Conover (1979).
 */
export function runMonteCarlo(model: CompiledModel, options: MonteCarloOptions): MonteCarloResult {
  const plan = createSimulationPlan(model);
  const draws = simulateDraws(plan, options);
  return summarizeMonteCarlo(plan, draws, { seed: options.seed, sampler: options.sampler ?? "plain", blockSize: BLOCK_SIZE });
}
