import { InvalidInputError } from "../../errors.js";
import type { CompiledModel } from "./compiled-model.js";

/** One number a sensitivity run reports: an output node, at one year if it varies by year. */
export interface SensitivityTarget {
  readonly name: string;
  readonly slot: number;
  /** Index into the model's years, or undefined for a scalar node. */
  readonly yearIndex?: number;
  readonly unit: string;
  /** "domestic_revenue[2027]" or "domestic_revenue_total". */
  readonly label: string;
}

/**
 * Resolves the output a tornado or grid reports: by default the first listed output, and for a per-year
 * output the last model year.
 *
 * @param model - the compiled model.
 * @param name - a driver or formula name (default: the first output).
 * @param year - a model year, for per-year nodes (default: the last year).
 * @returns the target.
 * @throws InvalidInputError for an unknown name or a year outside the model.
 * @example resolveTarget(model, "domestic_revenue", 2027).label // "domestic_revenue[2027]"
 */
export function resolveTarget(model: CompiledModel, name?: string, year?: number): SensitivityTarget {
  const wanted = name ?? model.outputs[0]?.name;
  const node = model.nodes.find((n) => n.name === wanted);
  if (node === undefined) throw InvalidInputError.at({ column: "--output", value: String(wanted), reason: `is not a driver or formula of the model` });
  if (!node.vec) {
    if (year !== undefined) throw InvalidInputError.at({ column: "--year", value: String(year), reason: `does not apply: ${node.name} does not vary by year` });
    return { name: node.name, slot: node.slot, unit: node.unitText, label: node.name };
  }
  const y = year ?? (model.years[model.years.length - 1] as number);
  const yearIndex = model.years.indexOf(y);
  if (yearIndex < 0) throw InvalidInputError.at({ column: "--year", value: String(year), reason: `is not a model year (${model.years.join(", ")})` });
  return { name: node.name, slot: node.slot, yearIndex, unit: node.unitText, label: `${node.name}[${y}]` };
}

/** The target's value in a table of node values. */
export function targetValue(values: readonly Float64Array[], target: SensitivityTarget): number {
  return (values[target.slot] as Float64Array)[target.yearIndex ?? 0] as number;
}
