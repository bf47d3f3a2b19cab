import type { CompiledDriver } from "./compiled-model.js";
import { mapToFloat64 } from "../typed-arrays.js";

/** How to set a driver for a sensitivity run: at a percentile of its distribution, or to a constant. */
export type DriverSetting = { readonly kind: "percentile"; readonly p: number } | { readonly kind: "value"; readonly value: number } | { readonly kind: "base" };

/**
 * The values a driver takes under a setting, one per year for a per-year driver.
 * At a percentile, each year's distribution gives its exact quantile (constants stay); a constant setting
 * puts the same value in every year; "base" gives constants and each distribution's base value.
 *
 * @param driver - the compiled driver.
 * @param setting - percentile p in [0, 1], a value in the driver's unit, or base.
 * @returns the values, in the driver's unit.
 * @example driverValues(domesticShare, { kind: "percentile", p: 0.9 }) // [40, 48, 53] for a per-year driver
 */
export function driverValues(driver: CompiledDriver, setting: DriverSetting): Float64Array {
  if (setting.kind === "value") return new Float64Array(driver.values.length).fill(setting.value);
  return mapToFloat64(driver.values, (v) => (typeof v === "number" ? v : setting.kind === "base" ? v.base : v.quantile(setting.p)));
}
