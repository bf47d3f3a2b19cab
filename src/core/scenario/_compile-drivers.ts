import type { ScenarioDriver, ScenarioOverride, ScenarioYearValue } from "../../models/scenario.js";
import type { CompiledDriver } from "./compiled-model.js";
import { createDistribution, type ScenarioDistribution } from "./distribution.js";
import type { ModelIssue } from "./issues.js";
import { parseUnit } from "./unit-parse.js";

type Path = readonly (string | number)[];

/** The value-setting fields of a driver or an override. */
interface ValueFields {
  value?: number | undefined;
  dist?: ScenarioYearValue | undefined;
  byYear?: Record<string, ScenarioYearValue> | undefined;
  range?: readonly [number, number] | undefined;
}

function entry(v: ScenarioYearValue, path: Path, issues: ModelIssue[]): number | ScenarioDistribution | undefined {
  if (typeof v === "number") return v;
  const { dist, issues: found } = createDistribution(v);
  for (const i of found) issues.push({ ...i, path: [...path, ...i.path] });
  return dist;
}

/**
 * Builds one driver: unit, values (a constant, a distribution, or one per year), range. An override from a
 * scenario replaces the value fields and is located at its own path.
 * Internal to compileModel.
 */
export function compileDriver(
  name: string,
  driver: ScenarioDriver,
  slot: number,
  years: readonly number[],
  issues: ModelIssue[],
  override?: { readonly spec: ScenarioOverride; readonly path: Path },
): CompiledDriver | undefined {
  const base: Path = ["drivers", name];
  const before = issues.length;
  const unit = parseUnit(driver.unit);
  if (typeof unit === "string") issues.push({ path: [...base, "unit"], value: driver.unit, reason: unit });

  const fields: ValueFields = override === undefined ? driver : typeof override.spec === "number" ? { value: override.spec } : override.spec;
  const at: Path = override === undefined ? base : override.path;
  const given = (["value", "dist", "byYear"] as const).filter((k) => fields[k] !== undefined);
  if (given.length !== 1) {
    issues.push({
      path: at,
      value: given.join(", ") || "none",
      reason: given.length === 0 ? "gives no value: add value, dist or byYear" : `gives ${given.join(" and ")}: keep exactly one of value, dist or byYear`,
    });
    return undefined;
  }

  let values: (number | ScenarioDistribution | undefined)[];
  let vec = false;
  if (fields.value !== undefined) values = [fields.value];
  else if (fields.dist !== undefined) values = [entry(fields.dist, [...at, "dist"], issues)];
  else {
    const byYear = fields.byYear as Record<string, ScenarioYearValue>;
    vec = true;
    const known = new Set(years.map(String));
    for (const key of Object.keys(byYear)) {
      if (!known.has(key)) issues.push({ path: [...at, "byYear", key], value: key, reason: `is not a model year (years: ${years.join(", ")})` });
    }
    values = years.map((y) => {
      const v = byYear[String(y)];
      if (v === undefined) {
        issues.push({ path: [...at, "byYear"], value: String(y), reason: `has no entry for model year ${y}` });
        return undefined;
      }
      return entry(v, [...at, "byYear", String(y)], issues);
    });
  }

  const range = fields.range ?? (override === undefined ? undefined : driver.range);
  const stochastic = values.some((v) => v !== undefined && typeof v !== "number");
  if (range !== undefined) {
    const rangePath = fields.range !== undefined ? [...at, "range"] : [...base, "range"];
    if (stochastic || vec) issues.push({ path: rangePath, value: JSON.stringify(range), reason: "applies only to a constant driver (value:); distributions swing between their P10 and P90" });
    else if (!(range[1] > range[0])) issues.push({ path: rangePath, value: JSON.stringify(range), reason: "must be [low, high] with low < high" });
  }
  if (issues.length > before || typeof unit === "string") return undefined;
  return {
    kind: "driver",
    name,
    slot,
    unit,
    unitText: driver.unit,
    vec,
    values: values as (number | ScenarioDistribution)[],
    stochastic,
    ...(range !== undefined ? { range } : {}),
    basis: driver.basis,
    ...(driver.source !== undefined ? { source: driver.source } : {}),
    ...(driver.label !== undefined ? { label: driver.label } : {}),
  };
}
