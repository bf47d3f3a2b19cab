import { median } from "../stats/median.js";
import type { AggregateSeries, PeerStatistic } from "./aggregate-series.js";
import { valuationGap } from "./gap.js";
import { percentileRank } from "./percentile-rank.js";

/** The gap on one date. Aggregates and gaps are absent where a group had no usable peer. */
export interface GapPoint {
  date: string;
  /** Group A's aggregate multiple (x). */
  a?: number;
  b?: number;
  nA: number;
  nB: number;
  /** a / b − 1 (negative = A at a discount). */
  discount?: number;
  /** 1/a − 1/b in percentage points. */
  yieldGapPts?: number;
}

/** The gap through time and where its latest value sits. */
export interface GapHistory {
  statistic: PeerStatistic;
  points: GapPoint[];
  /** Points with a gap. */
  n: number;
  /** The last point (normally the as-of date), when it has a gap. */
  current?: GapPoint;
  /**
   * Percentile of the current discount among all points' discounts (share ≤ current, in %): 0 = the widest
   * discount of the period, 100 = the narrowest (or the largest premium).
   */
  percentile?: number;
  /** The widest discount (lowest a/b − 1) and the narrowest, with their dates; the median discount. */
  widest?: GapPoint;
  narrowest?: GapPoint;
  medianDiscount?: number;
}

/**
 * The valuation gap of group A to group B on each date, from the groups' aggregate series, and the percentile of
 * the latest gap in that history.
 *
 * @param dates - ISO dates of the points (ascending); the last is "today".
 * @param a - group A's aggregate on each date (see `aggregateSeries`).
 * @param b - group B's, of the same statistic and length.
 * @returns one point per date (gap absent where either aggregate is missing), the current point, its percentile
 *   (`undefined` when the last point has no gap), and the widest and narrowest discounts.
 * @throws RangeError when lengths or statistics differ.
 * @example gapHistory(["2025-08-29", "2025-09-30"], aggMedianChina, aggMedianUs).percentile // 100 when today's gap is the narrowest
 * @see FORMULAS.md "Multiples": "Gap of group A to B on a metric: A/B − 1 (negative = discount); in yield terms: 1/A − 1/B"
 */
export function gapHistory(dates: readonly string[], a: AggregateSeries, b: AggregateSeries): GapHistory {
  if (a.values.length !== dates.length || b.values.length !== dates.length) throw new RangeError("aggregate series and dates differ in length");
  if (a.statistic !== b.statistic) throw new RangeError(`groups aggregated differently (${a.statistic} vs ${b.statistic})`);
  const points: GapPoint[] = dates.map((date, i) => {
    const va = a.values[i] as number;
    const vb = b.values[i] as number;
    const p: GapPoint = { date, nA: a.nUsed[i] as number, nB: b.nUsed[i] as number };
    if (Number.isFinite(va)) p.a = va;
    if (Number.isFinite(vb)) p.b = vb;
    const g = valuationGap(va, vb);
    if (g !== undefined) {
      p.discount = g.discount;
      p.yieldGapPts = g.yieldGapPts;
    }
    return p;
  });
  const withGap = points.filter((p) => p.discount !== undefined);
  const out: GapHistory = { statistic: a.statistic, points, n: withGap.length };
  const last = points[points.length - 1];
  if (last?.discount !== undefined) {
    out.current = last;
    const pct = percentileRank(withGap.map((p) => p.discount), last.discount);
    if (pct !== undefined) out.percentile = pct;
  }
  if (withGap.length > 0) {
    out.widest = withGap.reduce((x, p) => ((p.discount as number) < (x.discount as number) ? p : x));
    out.narrowest = withGap.reduce((x, p) => ((p.discount as number) > (x.discount as number) ? p : x));
    const m = median(withGap.map((p) => p.discount));
    if (m !== undefined) out.medianDiscount = m;
  }
  return out;
}
