import type { CompiledModel } from "./compiled-model.js";
import { driverValues } from "./driver-setting.js";
import { evaluateIr } from "./ir-evaluate.js";

/**
 * Values of every node of a model, drivers at their base values unless `set` gives others.
 *
 * @param model - the compiled model.
 * @param set - driver name → its values (one per year for per-year drivers, else one).
 * @returns by slot: one value for scalar nodes, one per model year for per-year nodes.
 * @example evaluateNodes(model)[model.outputs[0].slot]
 */
export function evaluateNodes(model: CompiledModel, set: ReadonlyMap<string, ArrayLike<number>> = new Map()): Float64Array[] {
  const values: Float64Array[] = new Array(model.nodes.length);
  for (const d of model.drivers) {
    const given = set.get(d.name);
    values[d.slot] = given !== undefined ? Float64Array.from(given) : driverValues(d, { kind: "base" });
  }
  const years = model.years;
  for (const f of model.formulas) {
    const out = new Float64Array(f.vec ? years.length : 1);
    for (let y = 0; y < out.length; y++) out[y] = evaluateIr(f.ir, values, years, y);
    values[f.slot] = out;
  }
  return values;
}
