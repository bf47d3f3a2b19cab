import type { ScenarioModel } from "../../models/scenario.js";
import { compileModel, type CompileOptions } from "./compile-model.js";
import { evaluateScenario, type DeterministicResult } from "./evaluate-scenario.js";

/**
 * Deterministic values of the outputs in the base case and in every named scenario (bear, bull …).
 *
 * @param model - the model as read from its file.
 * @param options - file and line lookup for error messages.
 * @returns one result per scenario, "base" first.
 * @throws InvalidInputError when the model (or any scenario's overrides) is invalid.
 * @example evaluateScenarios(model).map((r) => [r.scenario, r.outputs[0].values])
 */
export function evaluateScenarios(model: ScenarioModel, options: Omit<CompileOptions, "scenario"> = {}): DeterministicResult[] {
  const names = ["base", ...Object.keys(model.scenarios).filter((s) => s !== "base")];
  return names.map((scenario) => evaluateScenario(compileModel(model, { ...options, scenario })));
}
