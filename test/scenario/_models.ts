import { ScenarioModel, type ScenarioModelInput } from "../../src/models/scenario.js";
import { compileModel } from "../../src/core/scenario/index.js";

/** A model from a plain object (validated by the schema), compiled for the base scenario. */
export function compiled(input: ScenarioModelInput, scenario?: string) {
  return compileModel(ScenarioModel.parse(input), scenario !== undefined ? { scenario } : {});
}
