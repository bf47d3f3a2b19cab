import { harmonicMean } from "../stats/harmonic-mean.js";
import { max } from "../stats/max.js";
import { mean } from "../stats/mean.js";
import { median } from "../stats/median.js";
import { min } from "../stats/min.js";
import { sum } from "../stats/sum.js";

/**
 * One peer's multiple for aggregation. A {@link MultipleResult} spread with an id fits: `{ id, ...result }`.
 * `marketCap` and `earnings` (same currency across all rows) feed the cap-weighted aggregate; when `earnings` is
 * absent it is taken as marketCap / value.
 */
export interface AggregateRow {
  id: string;
  value?: number | null;
  nm?: string;
  message?: string;
  marketCap?: number | null;
  earnings?: number | null;
}

/** A peer left out of the aggregates, and why (its n.m. code, `missing_value` or `non_positive`). */
export interface DroppedRow {
  id: string;
  reason: string;
  message?: string;
}

/** Peer aggregates of one multiple; statistics are `undefined` when no peer is usable. */
export interface MultipleAggregate {
  median?: number;
  harmonicMean?: number;
  /** Σ market cap / Σ earnings over used peers that have a market cap (see `nCapWeighted`). */
  capWeighted?: number;
  mean?: number;
  min?: number;
  max?: number;
  nUsed: number;
  nDropped: number;
  /** Used peers that entered the cap-weighted aggregate (those with a positive market cap). */
  nCapWeighted: number;
  dropped: DroppedRow[];
}

const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * Peer aggregates of one multiple: median, harmonic mean (n / Σ 1/m = 1 / mean earnings yield), cap-weighted
 * (Σ market cap / Σ earnings), mean, min and max. n.m. rows, rows without a value and rows with a value ≤ 0 are
 * dropped and listed with their reason, never silently averaged.
 *
 * @param rows - one per peer: id, value (x) or nm, optional marketCap and earnings (one currency for all rows).
 * @returns the aggregates (each `undefined` when no peer is usable) with nUsed, nDropped and the dropped rows.
 * @example aggregateMultiples([{ id: "BABA", value: 15, marketCap: 300 }, { id: "AMZN", value: 30, marketCap: 2400 }, { id: "X", nm: "negative_earnings" }])
 *   // median 22.5, harmonicMean 20 (2 / (1/15 + 1/30)), capWeighted 27 (2700 / (20 + 80)), nUsed 2, nDropped 1
 * @see FORMULAS.md "Multiples": "Peer aggregates: median; harmonic mean …; aggregate = Σ market cap / Σ earnings"
 */
export function aggregateMultiples(rows: readonly AggregateRow[]): MultipleAggregate {
  const used: AggregateRow[] = [];
  const dropped: DroppedRow[] = [];
  for (const row of rows) {
    const drop = (reason: string, message?: string) =>
      dropped.push(message !== undefined ? { id: row.id, reason, message } : { id: row.id, reason });
    if (row.nm !== undefined) drop(row.nm, row.message);
    else if (!isFiniteNumber(row.value)) drop("missing_value", `value is missing (${row.value})`);
    else if (row.value <= 0) drop("non_positive", `value ${row.value} ≤ 0 cannot be aggregated; mark it n.m.`);
    else used.push(row);
  }
  const values = used.map((r) => r.value as number);
  const caps: number[] = [];
  const earnings: number[] = [];
  for (const r of used) {
    if (!isFiniteNumber(r.marketCap) || r.marketCap <= 0) continue;
    caps.push(r.marketCap);
    earnings.push(isFiniteNumber(r.earnings) ? r.earnings : r.marketCap / (r.value as number));
  }
  const totalEarnings = sum(earnings);
  const result: MultipleAggregate = {
    nUsed: used.length,
    nDropped: dropped.length,
    nCapWeighted: caps.length,
    dropped,
  };
  const put = <K extends keyof MultipleAggregate>(k: K, v: MultipleAggregate[K] | undefined) => {
    if (v !== undefined) result[k] = v;
  };
  put("median", median(values));
  put("harmonicMean", harmonicMean(values));
  put("capWeighted", caps.length > 0 && totalEarnings > 0 ? sum(caps) / totalEarnings : undefined);
  put("mean", mean(values));
  put("min", min(values));
  put("max", max(values));
  return result;
}
