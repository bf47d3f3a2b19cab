import { formatIssue, InvalidInputError, type InputIssue } from "../../errors.js";
import type { ScenarioOverride, ScenarioModel } from "../../models/scenario.js";
import { compileCorrelations } from "./_compile-correlations.js";
import { compileDriver } from "./_compile-drivers.js";
import { compileFormulas } from "./_compile-formulas.js";
import type { CompiledDriver, CompiledModel, CompiledNode, CompiledOutput } from "./compiled-model.js";
import { RESERVED_NAMES } from "./expression-ast.js";
import { pathText, type ModelIssue } from "./issues.js";

/** Maps a path in the model object to its 1-based line in the file (YAML loaders supply it). */
export type Locator = (path: readonly (string | number)[]) => number | undefined;

export interface CompileOptions {
  /** Scenario to apply; "base" (the default) is the model as written. */
  readonly scenario?: string;
  /** File name for messages. */
  readonly file?: string;
  /** Line lookup for messages. */
  readonly locate?: Locator;
}

/**
 * Turns located model issues into one {@link InvalidInputError}: each issue names the file, line, field
 * path (as `column`), the value and the reason.
 * @returns the error, for the caller to throw.
 */
export function modelIssuesError(found: readonly ModelIssue[], options: Pick<CompileOptions, "file" | "locate"> = {}): InvalidInputError {
  const issues: InputIssue[] = found.map((i) => {
    const line = options.locate?.(i.path);
    return {
      ...(options.file !== undefined ? { file: options.file } : {}),
      ...(line !== undefined ? { line } : {}),
      column: pathText(i.path),
      ...(i.value !== undefined ? { value: i.value } : {}),
      reason: i.reason,
    };
  });
  const shown = issues.slice(0, 20).map(formatIssue);
  const more = issues.length > 20 ? `\n… ${issues.length - 20} more` : "";
  const head = issues.length === 1 ? "" : `${issues.length} problems in the scenario model:\n`;
  return new InvalidInputError(head + shown.join("\n") + more, issues);
}

/**
 * Validates a scenario model and compiles it for one scenario: units parsed, distributions checked,
 * scenario overrides applied, formulas parsed, ordered (cycles rejected) and unit-checked, correlations
 * checked for positive semi-definiteness (with the nearest valid matrix offered), outputs resolved.
 *
 * @param model - the model, already shaped by the `ScenarioModel` schema.
 * @param options - scenario, and file / line lookup for messages.
 * @returns the compiled model.
 * @throws InvalidInputError listing every problem found, each with file, line and field path.
 * @example compileModel(model, { scenario: "bull" }).formulas.map((f) => f.name)
 * @see src/models/scenario.ts for the file format.
 */
export function compileModel(model: ScenarioModel, options: CompileOptions = {}): CompiledModel {
  const issues: ModelIssue[] = [];
  const scenario = options.scenario ?? "base";
  const scenarios = Object.keys(model.scenarios);
  if (scenario !== "base" && model.scenarios[scenario] === undefined) {
    throw InvalidInputError.at({ ...(options.file !== undefined ? { file: options.file } : {}), column: "--scenario", value: scenario, reason: `is not a scenario of this model (scenarios: base${scenarios.map((s) => ", " + s).join("")})` });
  }

  const years = model.years;
  years.forEach((y, i) => {
    if (i > 0 && !(y > (years[i - 1] as number))) issues.push({ path: ["years", i], value: String(y), reason: "years must be ascending and distinct" });
  });

  for (const name of [...Object.keys(model.drivers), ...Object.keys(model.formulas)]) {
    if (RESERVED_NAMES.has(name)) {
      const section = name in model.drivers ? "drivers" : "formulas";
      issues.push({ path: [section, name], value: name, reason: "is a built-in name (a function or year); choose another" });
    }
  }
  for (const name of Object.keys(model.formulas)) {
    if (name in model.drivers) issues.push({ path: ["formulas", name], value: name, reason: "is also a driver; names must be unique" });
  }

  const overrides = new Map<string, { spec: ScenarioOverride; path: (string | number)[] }>();
  const collectOverrides = (name: string): void => {
    const set = model.scenarios[name]?.set ?? {};
    for (const [driver, spec] of Object.entries(set)) {
      const path = ["scenarios", name, "set", driver];
      if (driver in model.formulas) issues.push({ path, value: driver, reason: "is a formula; a scenario overrides drivers" });
      else if (!(driver in model.drivers)) issues.push({ path, value: driver, reason: "is not a driver of the model" });
      else if (name === scenario) overrides.set(driver, { spec, path });
    }
  };
  // Every scenario's overrides are checked, whichever one is compiled.
  for (const name of scenarios) collectOverrides(name);

  const nodes: CompiledNode[] = [];
  const drivers = new Map<string, CompiledDriver>();
  const baseStochastic = new Map<string, { stochastic: boolean }>();
  for (const [name, d] of Object.entries(model.drivers)) {
    const isStochastic = d.dist !== undefined || Object.values(d.byYear ?? {}).some((v) => typeof v !== "number");
    baseStochastic.set(name, { stochastic: isStochastic });
    const o = overrides.get(name);
    const compiled = compileDriver(name, d, nodes.length, years, issues, o);
    // Check every scenario's overrides for valid values too (not only the one compiled now).
    for (const s of scenarios) {
      const spec = model.scenarios[s]?.set[name];
      if (s !== scenario && spec !== undefined) compileDriver(name, d, -1, years, issues, { spec, path: ["scenarios", s, "set", name] });
    }
    if (compiled) {
      nodes.push(compiled);
      drivers.set(name, compiled);
    }
  }

  const formulas = compileFormulas(model.formulas, nodes, new Set(Object.keys(model.drivers)), issues);

  const correlation = compileCorrelations(model.correlations, baseStochastic, drivers, (n) => n in model.formulas && !(n in model.drivers), issues);

  const outputs: CompiledOutput[] = [];
  const seen = new Set<string>();
  model.outputs.forEach((o, index) => {
    const spec = typeof o === "string" ? { name: o } : o;
    const path = typeof o === "string" ? ["outputs", index] : ["outputs", index, "name"];
    if (seen.has(spec.name)) {
      issues.push({ path, value: spec.name, reason: "is listed twice" });
      return;
    }
    seen.add(spec.name);
    const node = nodes.find((n) => n.name === spec.name);
    if (node === undefined) {
      if (!(spec.name in model.drivers) && !(spec.name in model.formulas)) issues.push({ path, value: spec.name, reason: "is not a driver or formula of the model" });
      return;
    }
    outputs.push({
      name: spec.name,
      slot: node.slot,
      ...("threshold" in spec && spec.threshold !== undefined ? { threshold: spec.threshold } : {}),
      ...("label" in spec && spec.label !== undefined ? { label: spec.label } : node.label !== undefined ? { label: node.label } : {}),
    });
  });

  if (issues.length > 0) {
    // The same problem can be found twice (a driver's unit, checked again for each scenario).
    const unique = [...new Map(issues.map((i) => [`${pathText(i.path)}\u0000${i.reason}`, i])).values()];
    throw modelIssuesError(unique, options);
  }
  return {
    years,
    scenario,
    scenarios,
    nodes,
    drivers: [...drivers.values()],
    formulas,
    outputs,
    ...(correlation !== undefined ? { correlation } : {}),
  };
}
