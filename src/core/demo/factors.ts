import { createStream } from "./random.js";

/** Calendar weekdays a year: daily variances are annual variance / 261, so holiday gaps carry their share. */
export const WEEKDAYS_PER_YEAR = 261;

/** Annualised volatility of the three common factors. */
export const FACTOR_VOL_ANNUAL = { global: 0.2, china: 0.22, us: 0.14 } as const;

/** Share of each factor's daily variance that falls in the Asian half-step (the rest: the US half-step). */
export const ASIAN_HALF_SHARE = { global: 0.5, china: 0.7, us: 0.1 } as const;

/** Share of a security's idiosyncratic variance in the half-step its home market trades in. */
export const IDIO_HOME_SHARE = 0.8;

export type FactorName = keyof typeof FACTOR_VOL_ANNUAL;

/** Log-return increments of each factor per half-step. */
export type FactorIncrements = Record<FactorName, Float64Array>;

/**
 * Draws the common factors: independent normals scaled so that a whole weekday has variance
 * vol² / 261, split between the two half-steps by {@link ASIAN_HALF_SHARE}.
 * @param seed the market seed; each factor has its own stream
 * @param halfSteps number of half-steps on the timeline
 */
export function createFactorIncrements(seed: number, halfSteps: number): FactorIncrements {
  const draw = (name: FactorName): Float64Array => {
    const random = createStream(seed, `factor:${name}`);
    const daily = FACTOR_VOL_ANNUAL[name] / Math.sqrt(WEEKDAYS_PER_YEAR);
    const sdAsian = daily * Math.sqrt(ASIAN_HALF_SHARE[name]);
    const sdUs = daily * Math.sqrt(1 - ASIAN_HALF_SHARE[name]);
    const out = new Float64Array(halfSteps);
    for (let k = 0; k < halfSteps; k++) out[k] = (k % 2 === 0 ? sdAsian : sdUs) * random.nextNormal();
    return out;
  };
  return { global: draw("global"), china: draw("china"), us: draw("us") };
}
