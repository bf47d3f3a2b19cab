import type { DuckDBDoubleVector, DuckDBIntegerVector } from "@duckdb/node-api";
import { varcharList, type Store } from "./open.js";

/** One security's closing prices between two dates, columnar. */
export interface StoredCloses {
  /** Day numbers since 1970-01-01, ascending. */
  days: Int32Array;
  /** Adjusted closes and closes on those days (NaN = none). */
  adjClose: Float64Array;
  close: Float64Array;
  /** The security's first and last price date overall (ISO), whatever the range. */
  first: string;
  last: string;
}

/**
 * Closing prices of many securities between two dates (inclusive) in two queries and no per-value
 * conversion: a per-security summary, then the values in (security, date) order read straight from
 * DuckDB's vectors into typed arrays (a whole market, ~250,000 rows, in tens of milliseconds).
 * @param ids securities; those without any price are absent from the result
 * @param range ISO dates
 * @example const m = await readClosesBetween(store, ["0700.HK", "^HSI"], { from: "2023-11-01", to: "2025-10-31" })
 */
export async function readClosesBetween(store: Store, ids: readonly string[], range: { from: string; to: string }): Promise<Map<string, StoredCloses>> {
  const list = varcharList([...new Set(ids)]);
  const params = { ids: list.value, from: range.from, to: range.to };
  const types = { ids: list.type };
  const wanted = "security IN (SELECT unnest($ids))";
  const inRange = "date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)";
  const summary = await store.all<{ security: string; n: number | bigint; first: string; last: string }>(
    `SELECT security, count(*) FILTER (WHERE ${inRange}) AS n, strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last
     FROM prices WHERE ${wanted} GROUP BY security ORDER BY security`,
    params, types,
  );
  const total = summary.reduce((s, r) => s + Number(r.n), 0);
  const days = new Int32Array(total);
  const adj = new Float64Array(total);
  const close = new Float64Array(total);
  const result = await store.conn.run(
    `SELECT CAST(date - DATE '1970-01-01' AS INTEGER) AS d, adj_close, close FROM prices WHERE ${wanted} AND ${inRange} ORDER BY security, date`,
    params, types,
  );
  let at = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const n = chunk.rowCount;
    if (at + n > total) throw new Error("prices changed between the two reads of readClosesBetween");
    const dv = chunk.getColumnVector(0) as DuckDBIntegerVector;
    const av = chunk.getColumnVector(1) as DuckDBDoubleVector;
    const cv = chunk.getColumnVector(2) as DuckDBDoubleVector;
    for (let i = 0; i < n; i++, at++) {
      days[at] = dv.getItem(i)!;
      adj[at] = av.getItem(i) ?? NaN;
      close[at] = cv.getItem(i) ?? NaN;
    }
  }
  if (at !== total) throw new Error("prices changed between the two reads of readClosesBetween");
  const out = new Map<string, StoredCloses>();
  let start = 0;
  for (const r of summary) {
    const end = start + Number(r.n);
    out.set(r.security, { days: days.subarray(start, end), adjClose: adj.subarray(start, end), close: close.subarray(start, end), first: r.first, last: r.last });
    start = end;
  }
  return out;
}
