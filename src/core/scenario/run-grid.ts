import { InvalidInputError } from "../../errors.js";
import type { CompiledDriver, CompiledModel } from "./compiled-model.js";
import { driverValues, type DriverSetting } from "./driver-setting.js";
import { evaluateNodes } from "./evaluate-nodes.js";
import { targetValue, type SensitivityTarget } from "./target.js";

/** One axis of a grid: the driver, its settings and the values they give. */
export interface GridAxis {
  readonly driver: string;
  readonly unit: string;
  /** "P10" … "P90" for percentiles of a distribution, else the value. */
  readonly labels: readonly string[];
  /** The driver's values at each point (one per year for per-year drivers). */
  readonly points: readonly (readonly number[])[];
}

export interface GridResult {
  readonly target: SensitivityTarget;
  readonly base: number;
  readonly x: GridAxis;
  readonly y: GridAxis;
  /** values[row for y][column for x]. */
  readonly values: readonly (readonly number[])[];
}

export interface GridAxisOptions {
  readonly driver: string;
  /** Explicit values in the driver's unit (the same value in every year). */
  readonly values?: readonly number[];
}

const linspace = (a: number, b: number, n: number): number[] => Array.from({ length: n }, (_, i) => (n === 1 ? (a + b) / 2 : a + ((b - a) * i) / (n - 1)));

function axis(model: CompiledModel, o: GridAxisOptions, steps: number, pLow: number, pHigh: number, flag: string): { driver: CompiledDriver; settings: DriverSetting[]; labels: string[] } {
  const driver = model.drivers.find((d) => d.name === o.driver);
  if (driver === undefined) {
    const formula = model.formulas.some((f) => f.name === o.driver);
    throw InvalidInputError.at({ column: flag, value: o.driver, reason: formula ? "is a formula; a grid varies drivers" : `is not a driver (drivers: ${model.drivers.map((d) => d.name).join(", ")})` });
  }
  if (o.values !== undefined && o.values.length > 0) {
    return { driver, settings: o.values.map((value) => ({ kind: "value", value })), labels: o.values.map(String) };
  }
  if (driver.stochastic) {
    const ps = linspace(pLow, pHigh, steps);
    return { driver, settings: ps.map((p) => ({ kind: "percentile", p })), labels: ps.map((p) => `P${Number((p * 100).toFixed(1))}`) };
  }
  if (driver.range !== undefined) {
    const vs = linspace(driver.range[0], driver.range[1], steps);
    return { driver, settings: vs.map((value) => ({ kind: "value", value })), labels: vs.map((v) => String(Number(v.toPrecision(6)))) };
  }
  throw InvalidInputError.at({ column: flag, value: o.driver, reason: "is a constant without a range; give it range: [low, high] in the model or list values" });
}

/**
 * Two-way sensitivity: the target over a grid of two drivers, all others at base. Distributions step
 * through percentiles from P10 to P90 (each year's distribution at the same percentile); constants with a
 * range step from low to high; explicit values set the driver to that value in every year.
 *
 * @param model - the compiled model.
 * @param target - the output to report.
 * @param x - the column driver; y - the row driver.
 * @param options - steps per axis (default 5), pLow / pHigh (default 0.1 / 0.9).
 * @returns the grid, rows for y and columns for x.
 * @throws InvalidInputError when x or y is not a driver, is the same driver, or cannot vary.
 * @example runGrid(model, resolveTarget(model), { driver: "domestic_share" }, { driver: "accel_share" }).values
 */
export function runGrid(model: CompiledModel, target: SensitivityTarget, x: GridAxisOptions, y: GridAxisOptions, options: { steps?: number; pLow?: number; pHigh?: number } = {}): GridResult {
  const steps = options.steps ?? 5;
  if (!(Number.isInteger(steps) && steps >= 1 && steps <= 101)) throw InvalidInputError.at({ column: "--steps", value: String(steps), reason: "must be a whole number from 1 to 101" });
  if (x.driver === y.driver) throw InvalidInputError.at({ column: "--y", value: y.driver, reason: "is the same driver as --x" });
  const pLow = options.pLow ?? 0.1;
  const pHigh = options.pHigh ?? 0.9;
  const ax = axis(model, x, steps, pLow, pHigh, "--x");
  const ay = axis(model, y, steps, pLow, pHigh, "--y");
  const px = ax.settings.map((s) => driverValues(ax.driver, s));
  const py = ay.settings.map((s) => driverValues(ay.driver, s));
  const values = py.map((vy) => px.map((vx) => targetValue(evaluateNodes(model, new Map([[ax.driver.name, vx], [ay.driver.name, vy]])), target)));
  const toAxis = (a: typeof ax, p: Float64Array[]): GridAxis => ({ driver: a.driver.name, unit: a.driver.unitText, labels: a.labels, points: p.map((v) => Array.from(v)) });
  return { target, base: targetValue(evaluateNodes(model), target), x: toAxis(ax, px), y: toAxis(ay, py), values };
}
