import { IMPORT_LIMITS } from "./import-limits.js";

/**
 * Units of each currency per 1 USD over 1995–2026, rounded outward (HKD's peg band, CNY from 8.7 to 6.0, JPY from
 * 75 to 162, …): the "known range" an imported FX rate is judged against, widened by IMPORT_LIMITS.fxRangeFactor.
 */
export const PER_USD_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  USD: [1, 1], HKD: [7.7, 7.85], CNY: [6.0, 8.7], CNH: [6.0, 7.4], EUR: [0.62, 1.21], GBP: [0.47, 0.97], JPY: [75, 162],
  TWD: [25, 35.2], KRW: [700, 1960], SGD: [1.2, 1.85], AUD: [0.92, 2.08], CAD: [0.91, 1.62], CHF: [0.72, 1.83], INR: [31, 90],
};

/**
 * The known range of a pair's rate (quote per 1 base), from {@link PER_USD_RANGE}, merged with the range stored
 * rates give (`stored`, quote per base as well).
 * @returns [low, high], or undefined when neither currency's range is known and nothing is stored.
 * @example knownFxRange("USD", "HKD") // [7.7, 7.85]
 */
export function knownFxRange(base: string, quote: string, stored?: readonly [number, number]): [number, number] | undefined {
  const b = PER_USD_RANGE[base];
  const q = PER_USD_RANGE[quote];
  let range: [number, number] | undefined = b && q ? [q[0] / b[1], q[1] / b[0]] : undefined;
  if (stored) range = range ? [Math.min(range[0], stored[0]), Math.max(range[1], stored[1])] : [stored[0], stored[1]];
  return range;
}

/**
 * Why a rate is off its pair's known range by more than IMPORT_LIMITS.fxRangeFactor (an inverted pair, a rate
 * in cents), or undefined.
 * @example fxRangeIssue(0.1285, [7.7, 7.85]) // "is off … (7.7 to 7.85) …" (HKD per USD written as USD per HKD)
 */
export function fxRangeIssue(rate: number, range: readonly [number, number] | undefined): string | undefined {
  if (range === undefined) return undefined;
  const f = IMPORT_LIMITS.fxRangeFactor;
  if (rate >= range[0] / f && rate <= range[1] * f) return undefined;
  return `is off the known range of this pair (${Number(range[0].toPrecision(4))} to ${Number(range[1].toPrecision(4))}) by more than a factor of ${f}: an inverted pair or a unit slip?`;
}
