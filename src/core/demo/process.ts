import { closesInUsHalf } from "./timeline.js";
import { FACTOR_VOL_ANNUAL, IDIO_HOME_SHARE, WEEKDAYS_PER_YEAR, type FactorIncrements } from "./factors.js";
import { createStream } from "./random.js";
import type { DemoFactorSpec } from "./spec.js";

/**
 * Idiosyncratic annual variance left once the factors have taken theirs:
 * vol² − β_g² σ_g² − β_r² σ_r².
 * @throws RangeError when the betas explain more than 95% of the target variance
 */
export function idiosyncraticVarianceAnnual(spec: DemoFactorSpec): number {
  const regionVol = FACTOR_VOL_ANNUAL[spec.region];
  const systematic = (spec.betaGlobal * FACTOR_VOL_ANNUAL.global) ** 2 + (spec.betaRegion * regionVol) ** 2;
  const idio = spec.volAnnual ** 2 - systematic;
  if (idio < 0.05 * spec.volAnnual ** 2) {
    throw new RangeError(
      `${spec.id}: betas (global ${spec.betaGlobal}, ${spec.region} ${spec.betaRegion}) explain ${Math.sqrt(systematic).toFixed(3)} of volatility, leaving too little of volAnnual (${spec.volAnnual}); lower the betas or raise the vol`,
    );
  }
  return idio;
}

/**
 * Log-return increments of one price process per half-step:
 * β_g · global + β_r · region + idiosyncratic (80% of it in the home market's half-step).
 * @param spec the listing whose process this is (its calendar sets the home half-step)
 * @param factors common factor increments of the timeline
 * @param seed market seed; the idiosyncratic stream is named after the listing
 */
export function createProcessIncrements(spec: DemoFactorSpec, factors: FactorIncrements, seed: number): Float64Array {
  const n = factors.global.length;
  const region = factors[spec.region];
  const idioDaily = Math.sqrt(idiosyncraticVarianceAnnual(spec) / WEEKDAYS_PER_YEAR);
  const homeHalf = closesInUsHalf(spec.calendar) ? 1 : 0;
  const sdHome = idioDaily * Math.sqrt(IDIO_HOME_SHARE);
  const sdAway = idioDaily * Math.sqrt(1 - IDIO_HOME_SHARE);
  const random = createStream(seed, `idio:${spec.id}`);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const idio = (k % 2 === homeHalf ? sdHome : sdAway) * random.nextNormal();
    out[k] = spec.betaGlobal * (factors.global[k] ?? 0) + spec.betaRegion * (region[k] ?? 0) + idio;
  }
  return out;
}
