import type { CompiledModel } from "./compiled-model.js";
import { driverValues, type DriverSetting } from "./driver-setting.js";
import { evaluateNodes } from "./evaluate-nodes.js";
import { targetValue, type SensitivityTarget } from "./target.js";

/** One bar of a tornado chart. */
export interface TornadoBar {
  readonly driver: string;
  readonly unit: string;
  /** The driver's values at its low and high setting (one per year for per-year drivers). */
  readonly inputLow: readonly number[];
  readonly inputHigh: readonly number[];
  /** The target with the driver low / high and every other driver at base. */
  readonly outputLow: number;
  readonly outputHigh: number;
  /** |outputHigh − outputLow|. */
  readonly swing: number;
}

export interface TornadoResult {
  readonly target: SensitivityTarget;
  readonly base: number;
  /** Percentiles used for distributions. */
  readonly pLow: number;
  readonly pHigh: number;
  /** Bars, widest swing first. */
  readonly bars: readonly TornadoBar[];
}

/**
 * One-way sensitivity: each uncertain driver at its P10 and P90 (each year's distribution at that
 * percentile), each constant driver with a `range` at its low and high, all others at base.
 *
 * @param model - the compiled model.
 * @param target - the output to report (see resolveTarget).
 * @param options - pLow, pHigh: percentiles for distributions (default 0.1 and 0.9).
 * @returns the base value and the bars sorted by swing, widest first (ties in model order).
 * @example runTornado(model, resolveTarget(model)).bars[0].driver
 */
export function runTornado(model: CompiledModel, target: SensitivityTarget, options: { pLow?: number; pHigh?: number } = {}): TornadoResult {
  const pLow = options.pLow ?? 0.1;
  const pHigh = options.pHigh ?? 0.9;
  const base = targetValue(evaluateNodes(model), target);
  const bars: TornadoBar[] = [];
  for (const d of model.drivers) {
    let low: DriverSetting;
    let high: DriverSetting;
    if (d.stochastic) {
      low = { kind: "percentile", p: pLow };
      high = { kind: "percentile", p: pHigh };
    } else if (d.range !== undefined) {
      low = { kind: "value", value: d.range[0] };
      high = { kind: "value", value: d.range[1] };
    } else continue;
    const inputLow = driverValues(d, low);
    const inputHigh = driverValues(d, high);
    const outputLow = targetValue(evaluateNodes(model, new Map([[d.name, inputLow]])), target);
    const outputHigh = targetValue(evaluateNodes(model, new Map([[d.name, inputHigh]])), target);
    bars.push({ driver: d.name, unit: d.unitText, inputLow: Array.from(inputLow), inputHigh: Array.from(inputHigh), outputLow, outputHigh, swing: Math.abs(outputHigh - outputLow) });
  }
  // Stable sort: equal swings keep the model's order.
  bars.sort((a, b) => b.swing - a.swing);
  return { target, base, pLow, pHigh, bars };
}
