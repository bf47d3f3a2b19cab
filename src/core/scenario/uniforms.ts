import type { Random } from "../demo/random.js";

/** Smallest uniform we hand to a quantile: 2⁻⁵⁴, so Φ⁻¹ never sees 0. */
const TINY = 2 ** -54;

/**
 * Independent uniforms on the open interval (0, 1).
 * @param random - the seeded stream (advanced by n draws).
 * @param out - receives the draws in out[0..n).
 * @param n - how many.
 * @example fillUniforms(createRandom(1), new Float64Array(4), 4)
 */
export function fillUniforms(random: Random, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = random.nextDouble() || TINY;
}

/**
 * n independent uniforms already in ascending order, in O(n) without sorting: the order statistics of n
 * uniforms have the law of the partial sums of n + 1 exponential spacings over their total.
 * @param random - the seeded stream (advanced by n + 1 draws).
 * @param out - receives the ascending draws.
 * @see Devroye, L. (1986), Non-Uniform Random Variate Generation, §V.2 (uniform spacings).
 * @example fillSortedUniforms(createRandom(1), new Float64Array(4), 4) // ascending values in (0, 1)
 */
export function fillSortedUniforms(random: Random, out: Float64Array, n: number): void {
  let total = 0;
  for (let i = 0; i < n; i++) {
    total -= Math.log(1 - random.nextDouble());
    out[i] = total;
  }
  total -= Math.log(1 - random.nextDouble());
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) / total || TINY;
}

/**
 * A uniformly random permutation of 0..n−1 (Fisher–Yates).
 * @param random - the seeded stream (advanced by n − 1 draws).
 * @param out - receives the permutation.
 * @example randomPermutation(createRandom(1), new Int32Array(5), 5)
 */
export function randomPermutation(random: Random, out: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.nextDouble() * (i + 1));
    const t = out[i] as number;
    out[i] = out[j] as number;
    out[j] = t;
  }
}

/**
 * Latin Hypercube uniforms for one driver: one draw in each of the n strata [k/n, (k+1)/n), in random
 * order. With `strata` given, row i takes stratum strata[i] (Iman–Conover passes its ranks).
 * @param random - the seeded stream.
 * @param out - receives the draws.
 * @param n - number of draws (and strata).
 * @param strata - optional stratum of each row (a permutation of 0..n−1); random when omitted.
 * @see McKay, Beckman & Conover (1979), Technometrics 21, 239–245; FORMULAS.md "Monte Carlo".
 * @example latinHypercube(createRandom(1), new Float64Array(10), 10) // one value in each tenth
 */
export function latinHypercube(random: Random, out: Float64Array, n: number, strata?: Int32Array): void {
  let order = strata;
  if (order === undefined) {
    order = new Int32Array(n);
    randomPermutation(random, order, n);
  }
  for (let i = 0; i < n; i++) out[i] = ((order[i] as number) + random.nextDouble()) / n || TINY;
}
