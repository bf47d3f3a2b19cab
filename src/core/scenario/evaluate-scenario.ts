import type { CompiledModel } from "./compiled-model.js";
import { evaluateNodes } from "./evaluate-nodes.js";

/** One output of a deterministic run: its unit and its value (per year when it varies by year). */
export interface DeterministicOutput {
  readonly name: string;
  readonly unit: string;
  /** The years of `values` when the output is per year; absent for a single value. */
  readonly years?: readonly number[];
  readonly values: readonly number[];
}

export interface DeterministicResult {
  readonly scenario: string;
  readonly outputs: readonly DeterministicOutput[];
}

/**
 * Evaluates a compiled scenario with every driver at its base value (constants as given; distributions at
 * their `base`, by default the mode of triangular and PERT, the mean of normal and lognormal, the midpoint
 * of uniform).
 *
 * @param model - the model compiled for one scenario.
 * @returns each output's value(s), in the output's unit.
 * @example evaluateScenario(compileModel(model, { scenario: "bull" })).outputs[0].values
 */
export function evaluateScenario(model: CompiledModel): DeterministicResult {
  const values = evaluateNodes(model);
  return {
    scenario: model.scenario,
    outputs: model.outputs.map((o) => {
      const node = model.nodes[o.slot]!;
      return { name: o.name, unit: node.unitText, ...(node.vec ? { years: model.years } : {}), values: Array.from(values[o.slot] as Float64Array) };
    }),
  };
}
