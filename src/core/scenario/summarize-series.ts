import { quantileSorted } from "../stats/quantile-sorted.js";
import { histogramSorted, type Histogram } from "./histogram.js";
import { sortOrder } from "./sort-order.js";

/** Percentiles reported by default: P5, P10, P25, P50, P75, P90, P95. */
export const DEFAULT_PERCENTILES: readonly number[] = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/** Statistics of one simulated output series. */
export interface SeriesStats {
  /** Finite draws used. */
  readonly n: number;
  /** Draws that gave ±Infinity or NaN (e.g. a division by zero), left out. */
  readonly nonFinite: number;
  readonly mean?: number;
  /** Sample standard deviation (n − 1). */
  readonly sd?: number;
  readonly min?: number;
  readonly max?: number;
  /** Type 7 percentiles (numpy's default). */
  readonly percentiles: readonly { readonly p: number; readonly value: number }[];
  readonly threshold?: number;
  /** Share of finite draws strictly above the threshold. */
  readonly probAbove?: number;
  /** Over [P0.5, P99.5]; the draws outside are counted in below / above. */
  readonly histogram?: Histogram;
}

/**
 * Summarises a series of draws: mean, sd, min, max, percentiles, P(> threshold) and a histogram.
 *
 * @param values - the draws (not modified); non-finite draws are counted and left out.
 * @param options - percentiles (default P5…P95), threshold, bins (default 30).
 * @returns the statistics, the finite draws (`finite`, in draw order) and their sort order (for ranks).
 * @example summarizeSeries(Float64Array.of(1, 2, 3, 4), { threshold: 2.5 }).stats.probAbove // 0.5
 * @see FORMULAS.md "Monte Carlo".
 */
export function summarizeSeries(
  values: Float64Array,
  options: { percentiles?: readonly number[]; threshold?: number; bins?: number } = {},
): { stats: SeriesStats; finite: Float64Array; sorting: { order: Uint32Array; sorted: Float64Array } } {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i] as number)) count++;
  let finite = values;
  if (count < values.length) {
    finite = new Float64Array(count);
    for (let i = 0, k = 0; i < values.length; i++) if (Number.isFinite(values[i] as number)) finite[k++] = values[i] as number;
  }
  const sorting = sortOrder(finite);
  const sorted = sorting.sorted;
  const n = sorted.length;
  const nonFinite = values.length - n;
  const t = options.threshold !== undefined ? { threshold: options.threshold } : {};
  if (n === 0) return { stats: { n, nonFinite, percentiles: [], ...t }, finite, sorting };

  // Mean by Neumaier summation; variance by a second pass about it.
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    const u = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - u + v : v - u + s;
    s = u;
  }
  const mean = (s + c) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((sorted[i] as number) - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : undefined;

  const percentiles = (options.percentiles ?? DEFAULT_PERCENTILES).map((p) => ({ p, value: quantileSorted(sorted, p) as number }));
  let probAbove: number | undefined;
  if (options.threshold !== undefined) {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) <= options.threshold) lo = mid + 1;
      else hi = mid;
    }
    probAbove = (n - lo) / n;
  }
  const histogram = histogramSorted(sorted, quantileSorted(sorted, 0.005) as number, quantileSorted(sorted, 0.995) as number, options.bins ?? 30);
  return {
    stats: {
      n, nonFinite, mean, ...(sd !== undefined ? { sd } : {}), min: sorted[0] as number, max: sorted[n - 1] as number, percentiles,
      ...t, ...(probAbove !== undefined ? { probAbove } : {}), histogram,
    },
    finite,
    sorting,
  };
}
