import { harmonicMean } from "../stats/harmonic-mean.js";
import { mean } from "../stats/mean.js";
import { median } from "../stats/median.js";
import { sum } from "../stats/sum.js";

/** Which peer aggregate a history tracks (see `aggregateMultiples`). */
export type PeerStatistic = "median" | "harmonicMean" | "capWeighted" | "mean";
export const PEER_STATISTICS = ["median", "harmonicMean", "capWeighted", "mean"] as const satisfies readonly PeerStatistic[];

/** A group's aggregate on each date: `values[i]` is NaN when no peer is usable on date i. */
export interface AggregateSeries {
  statistic: PeerStatistic;
  values: Float64Array;
  /** Peers used on each date (value finite and > 0; for capWeighted, also a positive market cap). */
  nUsed: Int32Array;
  /** Peers dropped on each date (n.m. or no value). */
  nDropped: Int32Array;
}

const usable = (x: number) => Number.isFinite(x) && x > 0;

/**
 * A peer group's aggregate multiple on each date, with `aggregateMultiples`' rules: n.m. (NaN), missing and
 * non-positive values are dropped and counted; median, harmonic mean n / Σ 1/m, mean, or cap-weighted
 * Σ market cap / Σ (market cap / m) over the peers that have a positive market cap.
 *
 * @param series - one value array per peer (x; NaN = n.m.), all of the same length.
 * @param statistic - the aggregate.
 * @param marketCaps - one market-cap array per peer, in one currency (needed for "capWeighted").
 * @returns the aggregate per date (NaN where no peer is usable) with the counts used and dropped.
 * @throws RangeError when arrays differ in length or capWeighted has no market caps.
 * @example aggregateSeries([[15, 16], [30, NaN]], "harmonicMean").values // [20, 16]  (2 / (1/15 + 1/30) = 20)
 * @see FORMULAS.md "Multiples": "Peer aggregates: median; harmonic mean = n / Σ (1/multiple_i) …; aggregate = Σ market cap / Σ earnings"
 */
export function aggregateSeries(series: readonly ArrayLike<number>[], statistic: PeerStatistic, marketCaps?: readonly ArrayLike<number>[]): AggregateSeries {
  const n = series[0]?.length ?? 0;
  if (series.some((s) => s.length !== n)) throw new RangeError("every peer series must have the same length");
  if (statistic === "capWeighted" && (marketCaps === undefined || marketCaps.length !== series.length || marketCaps.some((c) => c.length !== n))) {
    throw new RangeError("capWeighted needs one market-cap series per peer, of the same length");
  }
  const values = new Float64Array(n).fill(Number.NaN);
  const nUsed = new Int32Array(n);
  const nDropped = new Int32Array(n);
  const buf = new Float64Array(series.length);
  const caps: number[] = [];
  const earnings: number[] = [];
  for (let i = 0; i < n; i++) {
    let k = 0;
    caps.length = 0;
    earnings.length = 0;
    for (let j = 0; j < series.length; j++) {
      const v = (series[j] as ArrayLike<number>)[i] as number;
      if (!usable(v)) continue;
      buf[k++] = v;
      if (statistic === "capWeighted") {
        const c = ((marketCaps as ArrayLike<number>[])[j] as ArrayLike<number>)[i] as number;
        if (usable(c)) {
          caps.push(c);
          earnings.push(c / v);
        }
      }
    }
    nDropped[i] = series.length - k;
    const used = buf.subarray(0, k);
    let v: number | undefined;
    if (statistic === "median") v = median(used);
    else if (statistic === "harmonicMean") v = harmonicMean(used);
    else if (statistic === "mean") v = mean(used);
    else {
      const totalEarnings = sum(earnings);
      v = caps.length > 0 && totalEarnings > 0 ? sum(caps) / totalEarnings : undefined;
    }
    nUsed[i] = statistic === "capWeighted" ? caps.length : k;
    if (v !== undefined) values[i] = v;
  }
  return { statistic, values, nUsed, nDropped };
}
