import type { CompiledModel } from "./compiled-model.js";
import type { ScenarioDistribution } from "./distribution.js";
import { createKernel, type Kernel, type KernelInput } from "./kernel.js";

/** One uncertain driver as the sampler sees it: one percentile per draw feeds every year's distribution. */
export interface PlanDriver {
  readonly name: string;
  /** The driver's distributions, one per kernel input column (years with a constant have none). */
  readonly columns: readonly { readonly input: number; readonly dist: ScenarioDistribution }[];
}

/** One reported series: an output, at one year if it varies by year. */
export interface PlanSeries {
  readonly name: string;
  /** The model year, for per-year outputs. */
  readonly year?: number;
  /** "revenue[2027]" or "revenue_total". */
  readonly label: string;
  readonly unit: string;
  readonly threshold?: number;
}

/** Everything a Monte Carlo block needs, built once per run (and once per worker). */
export interface SimulationPlan {
  readonly model: CompiledModel;
  readonly drivers: readonly PlanDriver[];
  readonly inputs: readonly KernelInput[];
  readonly series: readonly PlanSeries[];
  /** Indices into `drivers` of the correlated drivers, in the order of the correlation matrix. */
  readonly correlated: readonly number[];
  readonly kernel: Kernel;
}

/**
 * Prepares a compiled model for simulation: the uncertain drivers and their input columns, the output
 * series (one per year for per-year outputs) and the generated kernel.
 *
 * @param model - the model compiled for one scenario.
 * @returns the plan.
 * @example createSimulationPlan(model).series.map((s) => s.label)
 */
export function createSimulationPlan(model: CompiledModel): SimulationPlan {
  const inputs: KernelInput[] = [];
  const drivers: PlanDriver[] = [];
  for (const d of model.drivers) {
    if (!d.stochastic) continue;
    const columns: { input: number; dist: ScenarioDistribution }[] = [];
    d.values.forEach((v, yearIndex) => {
      if (typeof v === "number") return;
      columns.push({ input: inputs.length, dist: v });
      inputs.push({ driver: d.name, slot: d.slot, yearIndex });
    });
    drivers.push({ name: d.name, columns });
  }
  const series: PlanSeries[] = [];
  const outCols: { slot: number; yearIndex: number }[] = [];
  for (const o of model.outputs) {
    const node = model.nodes[o.slot]!;
    const t = o.threshold !== undefined ? { threshold: o.threshold } : {};
    if (node.vec) {
      model.years.forEach((year, yearIndex) => {
        series.push({ name: o.name, year, label: `${o.name}[${year}]`, unit: node.unitText, ...t });
        outCols.push({ slot: o.slot, yearIndex });
      });
    } else {
      series.push({ name: o.name, label: o.name, unit: node.unitText, ...t });
      outCols.push({ slot: o.slot, yearIndex: 0 });
    }
  }
  const correlated = (model.correlation?.drivers ?? []).map((name) => drivers.findIndex((d) => d.name === name));
  const { kernel } = createKernel(model, inputs, outCols);
  return { model, drivers, inputs, series, correlated, kernel };
}
