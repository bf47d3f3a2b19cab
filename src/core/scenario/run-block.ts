import { createStream } from "../demo/random.js";
import type { Block } from "./blocks.js";
import { imanConoverRanks } from "./iman-conover.js";
import type { SimulationPlan } from "./simulation-plan.js";
import { fillSortedUniforms, fillUniforms, latinHypercube } from "./uniforms.js";

/** Plain Monte Carlo (independent uniforms) or Latin Hypercube (stratified within each block). */
export type Sampler = "plain" | "lhs";

/** The draws of one block. */
export interface BlockResult {
  readonly index: number;
  readonly n: number;
  /** Per plan series, the output of each draw. */
  readonly series: Float64Array[];
  /** Per uncertain driver, the percentile (uniform) of each draw; every year of the driver used it. */
  readonly percentiles: Float64Array[];
}

/**
 * Simulates one block. Every random number comes from streams derived from (seed, block, purpose):
 * `u:<driver>:<block>` for a driver's uniforms and `ic:<block>` for Iman–Conover, so a block's draws do
 * not depend on which thread runs it, on the other blocks, or on drivers added to the model.
 * Correlated drivers take the ranks Iman–Conover assigns (plain: sorted uniforms placed by rank; LHS: the
 * rank is the stratum); the others are independent. Each driver's uniform feeds the exact inverse CDF of
 * every year's distribution (a comonotone path over years).
 *
 * @param plan - the simulation plan.
 * @param block - which block (index, size).
 * @param options - seed (integer) and sampler.
 * @param into - optional arrays (n long) to write the series and percentiles into, e.g. views of a whole
 *   run's arrays at the block's offset; new arrays otherwise.
 * @returns the block's outputs and driver percentiles.
 * @example runBlock(plan, splitBlocks(10000)[0], { seed: 42, sampler: "lhs" }).series[0]
 * @see FORMULAS.md "Monte Carlo".
 */
export function runBlock(plan: SimulationPlan, block: Block, options: { seed: number; sampler: Sampler }, into?: { series: Float64Array[]; percentiles: Float64Array[] }): BlockResult {
  const { n, index } = block;
  const { seed, sampler } = options;
  const corr = plan.model.correlation;
  const icRanks = corr !== undefined && plan.correlated.length >= 2 ? imanConoverRanks(n, corr.scoresFactor, createStream(seed, `ic:${index}`)) : undefined;

  const percentiles: Float64Array[] = [];
  const inputs: Float64Array[] = new Array(plan.inputs.length);
  const sorted = icRanks !== undefined && sampler === "plain" ? new Float64Array(n) : undefined;
  plan.drivers.forEach((d, j) => {
    const random = createStream(seed, `u:${d.name}:${index}`);
    const u = into?.percentiles[j] ?? new Float64Array(n);
    const c = plan.correlated.indexOf(j);
    const ranks = c >= 0 ? icRanks?.[c] : undefined;
    if (ranks !== undefined && sorted !== undefined) {
      fillSortedUniforms(random, sorted, n);
      for (let i = 0; i < n; i++) u[i] = sorted[ranks[i] as number] as number;
    } else if (sampler === "lhs") latinHypercube(random, u, n, ranks);
    else fillUniforms(random, u, n);
    percentiles.push(u);
    for (const col of d.columns) {
      const x = new Float64Array(n);
      col.dist.fill(u, x, n);
      inputs[col.input] = x;
    }
  });

  const series = plan.series.map((_, k) => into?.series[k] ?? new Float64Array(n));
  plan.kernel(inputs, series, n);
  return { index, n, series, percentiles };
}
