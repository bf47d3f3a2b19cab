import type { Currency } from "../../models/common.js";
import { createStream } from "./random.js";
import type { DemoFxSpec } from "./spec.js";

/** Decimals of a demo FX rate (rows and price bars carry the same rounded value). */
export const FX_DECIMALS = 4;

const PHI = 0.9985;
const Z_SHOCK = 0.05;

/**
 * A USD-based rate that never leaves its band: rate = mid + halfWidth · tanh(z), z an AR(1)
 * (φ = 0.9985) bridged so the first and last rates are `firstRate` and `lastRate`.
 * @param count number of fixings (FX sessions)
 * @returns rates rounded to {@link FX_DECIMALS}
 */
export function createFxPath(spec: DemoFxSpec, count: number, seed: number): Float64Array {
  const toZ = (rate: number, what: string): number => {
    const u = (rate - spec.mid) / spec.halfWidth;
    if (!(Math.abs(u) < 1)) throw new RangeError(`${spec.id}: ${what} (${rate}) must lie strictly inside ${spec.mid} ± ${spec.halfWidth}`);
    return Math.atanh(u);
  };
  const z0 = toZ(spec.firstRate, "firstRate");
  const zT = toZ(spec.lastRate, "lastRate");
  const random = createStream(seed, `fx:${spec.id}`);
  const z = new Float64Array(count);
  for (let t = 1; t < count; t++) z[t] = PHI * (z[t - 1] ?? 0) + Z_SHOCK * random.nextNormal();
  const endGap = zT - (z[count - 1] ?? 0) - z0;
  const scale = 10 ** FX_DECIMALS;
  return z.map((zt, t) => {
    const bridged = zt + z0 + (count > 1 ? (t / (count - 1)) * endGap : 0);
    return Math.round((spec.mid + spec.halfWidth * Math.tanh(bridged)) * scale) / scale;
  });
}

/** USD-based rates by quote currency, for conversions. */
export interface FxTable {
  /** Units of `currency` per USD on `date` (the last fixing on or before it; the first one before the series). */
  usdRate(currency: Currency, date: string): number;
  /** `amount` of `from` in `to` at the cross of the two USD rates on `date`. */
  convert(amount: number, from: Currency, to: Currency, date: string): number;
}

/** One USD-based rate series. */
export interface FxSeries {
  quote: Currency;
  dates: readonly string[];
  rates: Float64Array;
}

/**
 * Builds the conversion table of the demo from its USD-based series.
 * @throws RangeError when a conversion needs a currency that has no series
 */
export function createFxTable(series: readonly FxSeries[]): FxTable {
  const byQuote = new Map(series.map((s) => [s.quote, s] as const));
  const usdRate = (currency: Currency, date: string): number => {
    if (currency === "USD") return 1;
    const s = byQuote.get(currency);
    if (s === undefined || s.dates.length === 0) throw new RangeError(`no demo FX series for USD/${currency}; add an fx spec for it`);
    let lo = 0;
    let hi = s.dates.length - 1;
    if ((s.dates[0] ?? "") > date) return s.rates[0] ?? NaN;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((s.dates[mid] ?? "") <= date) lo = mid;
      else hi = mid - 1;
    }
    return s.rates[lo] ?? NaN;
  };
  return {
    usdRate,
    convert: (amount, from, to, date) => (from === to ? amount : (amount * usdRate(to, date)) / usdRate(from, date)),
  };
}
