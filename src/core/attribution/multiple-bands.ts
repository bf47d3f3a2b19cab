import { deviation } from "../stats/deviation.js";
import { mean } from "../stats/mean.js";

/** Where a multiple sits in its own history. */
export interface MultipleBands {
  /** Observations used (finite values). */
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** Levels of the bands: mean − 2 sd, mean − sd, mean, mean + sd, mean + 2 sd. */
  bands: { minus2: number; minus1: number; mean: number; plus1: number; plus2: number };
  min: number;
  max: number;
  /** The multiple compared (today's). */
  current: number;
  /** (current − mean) / sd; undefined when sd = 0. */
  zScore?: number;
  /** Share of the history below the current value, ties counted half (0–1, mid-rank). */
  percentile: number;
}

/**
 * Where today's multiple sits in its own history: mean and standard deviation of the history, bands at ±1 and ±2
 * sd, the z-score and the percentile (mid-rank: share of observations below, plus half of those equal).
 *
 * @param history - the multiple over time (x), e.g. daily trailing P/E; n.m. days as undefined or NaN are skipped.
 * @param current - the value to place; default the last finite value of `history`.
 * @returns the bands, z-score and percentile, or `undefined` with fewer than two finite observations or no
 *   finite current value.
 * @example multipleBands([10, 12, 14, 16, 18]) // mean 14, sd 3.1623, current 18: z 1.265, percentile 0.9
 * @see PRODUCT.md job 6: "where today's multiple sits in its own history"
 */
export function multipleBands(history: Iterable<number | null | undefined>, current?: number): MultipleBands | undefined {
  const xs: number[] = [];
  for (const v of history) if (typeof v === "number" && Number.isFinite(v)) xs.push(v);
  const now = current ?? xs[xs.length - 1];
  const m = mean(xs);
  const sd = deviation(xs);
  if (m === undefined || sd === undefined || now === undefined || !Number.isFinite(now)) return undefined;
  let below = 0;
  let equal = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < now) below++;
    else if (x === now) equal++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const out: MultipleBands = {
    n: xs.length, mean: m, sd,
    bands: { minus2: m - 2 * sd, minus1: m - sd, mean: m, plus1: m + sd, plus2: m + 2 * sd },
    min, max, current: now, percentile: (below + 0.5 * equal) / xs.length,
  };
  if (sd > 0) out.zScore = (now - m) / sd;
  return out;
}
