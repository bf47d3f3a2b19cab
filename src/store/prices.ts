import { DOUBLE, DuckDBDataChunk, INTEGER } from "@duckdb/node-api";
import type { DuckDBDoubleVector, DuckDBIntegerVector } from "@duckdb/node-api";
import type { PriceColumns } from "../models/price-bar.js";
import { varcharList, type Store } from "./open.js";
import { mapToFloat64 } from "../core/typed-arrays.js";
import { InvalidInputError } from "../errors.js";
import type { PriceBasis } from "./price-basis.js";

/** Columns of one security's bars ready for the store: day numbers since 1970-01-01, NaN = missing. */
export interface PriceBatch {
  security: string;
  currency: string;
  sourceId: number;
  days: ArrayLike<number>;
  open: ArrayLike<number>;
  high: ArrayLike<number>;
  low: ArrayLike<number>;
  close: ArrayLike<number>;
  adjClose: ArrayLike<number>;
  volume: ArrayLike<number>;
  /** Basis of the series (default raw); a security's stored series keeps one basis. */
  basis?: PriceBasis;
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

const VALUE_COLS = ["open", "high", "low", "close", "adjClose", "volume"] as const;
const CHUNK = 2048;

/**
 * Stages price batches in temporary tables (outside any transaction: temp tables never reach the store
 * file) through DuckDB data chunks written column by column; call {@link mergeStagedPrices} to land them.
 */
export async function stagePrices(store: Store, batches: readonly PriceBatch[]): Promise<void> {
  await store.run("CREATE OR REPLACE TEMP TABLE stage_price_series (k INTEGER, security VARCHAR, currency VARCHAR, source_id INTEGER, basis VARCHAR)");
  await store.run(
    "CREATE OR REPLACE TEMP TABLE stage_prices (k INTEGER, d INTEGER, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, adj_close DOUBLE, volume DOUBLE)",
  );
  const meta = await store.conn.createAppender("stage_price_series", "main", "temp");
  const app = await store.conn.createAppender("stage_prices", "main", "temp");
  const types = [INTEGER, INTEGER, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE];
  try {
    for (let k = 0; k < batches.length; k++) {
      const b = batches[k]!;
      meta.appendInteger(k);
      meta.appendVarchar(b.security);
      meta.appendVarchar(b.currency);
      meta.appendInteger(b.sourceId);
      meta.appendVarchar(b.basis ?? "raw");
      meta.endRow();
      const n = b.days.length;
      for (let start = 0; start < n; start += CHUNK) {
        const m = Math.min(CHUNK, n - start);
        const chunk = DuckDBDataChunk.create(types, m);
        const kv = chunk.getColumnVector(0) as DuckDBIntegerVector;
        const dv = chunk.getColumnVector(1) as DuckDBIntegerVector;
        for (let i = 0; i < m; i++) {
          kv.setItem(i, k);
          dv.setItem(i, b.days[start + i]!);
        }
        kv.flush();
        dv.flush();
        for (let c = 0; c < VALUE_COLS.length; c++) {
          const src = b[VALUE_COLS[c]!];
          const v = chunk.getColumnVector(2 + c) as DuckDBDoubleVector;
          for (let i = 0; i < m; i++) {
            const x = src[start + i]!;
            v.setItem(i, x === x ? x : null);
          }
          v.flush();
        }
        app.appendDataChunk(chunk);
      }
    }
    meta.flushSync();
    app.flushSync();
  } finally {
    meta.closeSync();
    app.closeSync();
  }
}

/** A stored bar that a staged one would change in a way the import must refuse or warn about. */
export interface MergeFinding {
  security: string;
  date: string;
  sourceId: number;
  /** `kept_fields_disagree`: the staged bar lacks fields the stored bar has, and its close (or open) lies outside them. */
  kind: "kept_fields_disagree" | "big_change";
  open: number;
  high: number;
  low: number;
  close: number;
  oldClose: number;
  prevClose: number;
  nextClose: number;
}

/** Checks of {@link mergeStagedPrices} (core/quality/price-checks.ts's constants). */
export interface MergeChecks {
  rangeTolerance: number;
  bigMove: number;
}

/**
 * Lands staged prices: new (security, date) keys are inserted, keys whose values differ are replaced (the
 * newer value wins and carries its source), identical rows are left alone. A field the staged bar lacks keeps
 * its stored value (a `Date,Close` file never nulls open/high/low/volume). Run inside a transaction.
 * With `checks`, also returns `findings`: stored bars whose kept fields disagree with the new close or open
 * (outside [low, high] by more than the tolerance) and changed closes that became a move beyond ±bigMove
 * against the neighbouring closes when the old close was not; the caller refuses or warns (and rolls back).
 */
export async function mergeStagedPrices(store: Store, checks?: MergeChecks): Promise<MergeCounts & { changedSecurities: string[]; findings: MergeFinding[] }> {
  // Each staged series has distinct dates (both paths refuse or drop repeated ones), so keys can only repeat
  // when two series share a security; when none does (the usual import: one file per symbol), the window that
  // picks the last file's value and the count of distinct keys are not needed.
  const shape = (await store.all<{ series: bigint; securities: bigint; rows: bigint }>(
    "SELECT (SELECT count(*) FROM stage_price_series) AS series, (SELECT count(DISTINCT security) FROM stage_price_series) AS securities, (SELECT count(*) FROM stage_prices) AS rows",
  ))[0]!;
  const distinctSecurities = Number(shape.series) === Number(shape.securities);
  // One series, one basis: staged rows on another basis than the stored series (or than another staged file
  // of the same security) are refused, never merged row by row. NULL = the stored basis (vectorised re-imports).
  const clash = await store.all<{ security: string; given: string; stored: string }>(
    `SELECT m.security, m.basis AS given, coalesce(ps.basis, o.basis) AS stored FROM stage_price_series m
     LEFT JOIN price_series ps USING (security)
     LEFT JOIN stage_price_series o ON o.security = m.security AND o.k < m.k AND o.basis IS NOT NULL AND o.basis <> m.basis
     WHERE m.basis IS NOT NULL AND ((ps.basis IS NOT NULL AND ps.basis <> m.basis) OR o.k IS NOT NULL) ORDER BY m.k LIMIT 1`,
  );
  if (clash.length > 0) {
    const c = clash[0]!;
    throw InvalidInputError.at({ column: "basis", value: c.given, reason: `${c.security}'s price series is on the ${c.stored} basis: adjusted and raw closes are never mixed in one series` });
  }
  const kept = (f: string) => `coalesce(s.${f}, p.${f})`;
  await store.run(`CREATE OR REPLACE TEMP TABLE stage_price_changes AS
    SELECT s.security, DATE '1970-01-01' + s.d AS date, ${kept("open")} AS open, ${kept("high")} AS high, ${kept("low")} AS low, s.close,
           ${kept("adj_close")} AS adj_close, ${kept("volume")} AS volume, s.currency, s.source_id, p.security IS NULL AS is_new, p.close AS old_close,
           (s.open IS NULL AND p.open IS NOT NULL) OR (s.high IS NULL AND p.high IS NOT NULL) OR (s.low IS NULL AND p.low IS NOT NULL) AS kept_fields
    FROM (SELECT s.*, m.security, m.currency, m.source_id FROM stage_prices s JOIN stage_price_series m USING (k)
          -- the same key from several files of one import: the last file wins
          ${distinctSecurities ? "" : `QUALIFY count(*) OVER (PARTITION BY m.security, s.d) = 1
               OR row_number() OVER (PARTITION BY m.security, s.d ORDER BY s.k DESC) = 1`}) s
    LEFT JOIN prices p ON p.security = s.security AND p.date = DATE '1970-01-01' + s.d
    WHERE p.security IS NULL
       OR p.open IS DISTINCT FROM ${kept("open")} OR p.high IS DISTINCT FROM ${kept("high")} OR p.low IS DISTINCT FROM ${kept("low")}
       OR p.close IS DISTINCT FROM s.close OR p.adj_close IS DISTINCT FROM ${kept("adj_close")}
       OR p.volume IS DISTINCT FROM ${kept("volume")} OR p.currency IS DISTINCT FROM s.currency`);
  const total = distinctSecurities ? String(Number(shape.rows)) : "(SELECT count(*) FROM (SELECT DISTINCT k2.security, s2.d FROM stage_prices s2 JOIN stage_price_series k2 USING (k)))";
  const counts = await store.all<{ total: bigint; added: bigint; changed: bigint }>(
    `SELECT ${total} AS total, count(*) FILTER (WHERE is_new) AS added, count(*) FILTER (WHERE NOT is_new) AS changed FROM stage_price_changes`,
  );
  const c = counts[0]!;
  const findings: MergeFinding[] = [];
  if (checks !== undefined && Number(c.changed) > 0) {
    const tol = Number(checks.rangeTolerance);
    findings.push(...await findingsOf(store, `SELECT security, date, source_id, open, high, low, close, old_close, NULL AS prev, NULL AS next, 'kept_fields_disagree' AS kind
      FROM stage_price_changes WHERE NOT is_new AND kept_fields AND (high < low * (1 - ${tol}) OR close > high * (1 + ${tol}) OR close < low * (1 - ${tol})
        OR open > high * (1 + ${tol}) OR open < low * (1 - ${tol}))`));
  }
  if (Number(c.changed) > 0) {
    await store.run(`DELETE FROM prices p USING stage_price_changes c
      WHERE NOT c.is_new AND p.security = c.security AND p.date = c.date`);
  }
  await store.run(`INSERT INTO prices SELECT security, date, open, high, low, close, adj_close, volume, currency, source_id
    FROM stage_price_changes`);
  await store.run(`INSERT INTO price_series SELECT security, any_value(basis) FROM stage_price_series
    WHERE basis IS NOT NULL AND security NOT IN (SELECT security FROM price_series) AND security IN (SELECT security FROM stage_price_changes)
    GROUP BY security`);
  if (checks !== undefined && Number(c.changed) > 0) {
    // A changed close judged against the closes around it as they now stand: a consistent restatement of a whole
    // history (a split adjustment) moves its neighbours too and is not flagged; one corrupted value is.
    const m = Number(checks.bigMove);
    const big = (x: string) => `(${x} > 1 + ${m} OR ${x} < 1 - ${m})`;
    findings.push(...await findingsOf(store, `WITH w AS (
        SELECT security, date, lag(close) OVER v AS prev, lead(close) OVER v AS next FROM prices
        WHERE security IN (SELECT DISTINCT security FROM stage_price_changes WHERE NOT is_new AND old_close <> close)
        WINDOW v AS (PARTITION BY security ORDER BY date))
      SELECT c.security, c.date, c.source_id, c.open, c.high, c.low, c.close, c.old_close, w.prev, w.next, 'big_change' AS kind
      FROM stage_price_changes c JOIN w USING (security, date)
      WHERE NOT c.is_new AND c.old_close <> c.close
        AND ((w.prev IS NOT NULL AND ${big("c.close / w.prev")} AND NOT ${big("c.old_close / w.prev")})
          OR (w.next IS NOT NULL AND ${big("w.next / c.close")} AND NOT ${big("w.next / c.old_close")}))`));
  }
  const changed = await store.all<{ security: string }>("SELECT DISTINCT security FROM stage_price_changes ORDER BY security");
  await store.run("DROP TABLE stage_price_changes");
  return {
    added: Number(c.added), updated: Number(c.changed), unchanged: Number(c.total) - Number(c.added) - Number(c.changed),
    changedSecurities: changed.map((r) => r.security), findings,
  };
}

async function findingsOf(store: Store, sql: string): Promise<MergeFinding[]> {
  const num = (x: unknown) => (x === null || x === undefined ? NaN : Number(x));
  const rows = await store.all<Record<string, unknown>>(`SELECT * REPLACE (strftime(date, '%Y-%m-%d') AS date) FROM (${sql}) ORDER BY security, date LIMIT 50`);
  return rows.map((r) => ({
    security: String(r.security), date: String(r.date), sourceId: Number(r.source_id), kind: r.kind as MergeFinding["kind"],
    open: num(r.open), high: num(r.high), low: num(r.low), close: num(r.close), oldClose: num(r.old_close), prevClose: num(r.prev), nextClose: num(r.next),
  }));
}

/** Drops the staging tables. */
export async function clearStagedPrices(store: Store): Promise<void> {
  await store.run("DROP TABLE IF EXISTS stage_prices");
  await store.run("DROP TABLE IF EXISTS stage_price_series");
}

/** Stored bars of one security, columnar (the shape core computes on). */
export type StoredPrices = PriceColumns;

const toF64 = (xs: unknown[]) => mapToFloat64(xs, (x) => (x === null || x === undefined ? NaN : Number(x)));

/** Bars of one security between two dates (inclusive), sorted by date, columnar. */
export async function readPrices(store: Store, security: string, range: { from?: string; to?: string } = {}): Promise<StoredPrices> {
  const cols = await store.columns(
    `SELECT strftime(date, '%Y-%m-%d') AS date, open, high, low, close, adj_close, volume, currency FROM prices
     WHERE security = $s AND date >= CAST(coalesce($from, '0001-01-01') AS DATE) AND date <= CAST(coalesce($to, '9999-12-31') AS DATE)
     ORDER BY date`,
    { s: security, from: range.from ?? null, to: range.to ?? null },
  );
  return {
    security,
    currency: String(cols.currency?.[0] ?? ""),
    dates: (cols.date ?? []) as string[],
    open: toF64(cols.open ?? []),
    high: toF64(cols.high ?? []),
    low: toF64(cols.low ?? []),
    close: toF64(cols.close ?? []),
    adjClose: toF64(cols.adj_close ?? []),
    volume: toF64(cols.volume ?? []),
  };
}

/** The last bar on or before a date. */
export async function readCloseOnOrBefore(store: Store, security: string, date: string): Promise<{ date: string; close: number; currency: string } | undefined> {
  return (await readClosesOnOrBefore(store, [security], date)).get(security);
}

/** The last bar on or before a date of several securities, in one query (securities without one are absent). */
export async function readClosesOnOrBefore(store: Store, ids: readonly string[], date: string): Promise<Map<string, { date: string; close: number; currency: string }>> {
  if (ids.length === 0) return new Map();
  const list = varcharList([...new Set(ids)]);
  const rows = await store.all<{ security: string; date: string; close: number; currency: string }>(
    `SELECT security, strftime(max(date), '%Y-%m-%d') AS date, arg_max(close, date) AS close, arg_max(currency, date) AS currency
     FROM prices WHERE security IN (SELECT unnest($ids)) AND date <= CAST($d AS DATE) GROUP BY security`,
    { ids: list.value, d: date }, { ids: list.type },
  );
  return new Map(rows.map((r) => [r.security, { date: r.date, close: Number(r.close), currency: r.currency }]));
}

/** Per security: number of bars and first/last date. */
export async function summarizePrices(store: Store): Promise<{ security: string; bars: number; first: string; last: string }[]> {
  const rows = await store.all<{ security: string; bars: bigint; first: string; last: string }>(
    `SELECT security, count(*) AS bars, strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last
     FROM prices GROUP BY security ORDER BY security`,
  );
  return rows.map((r) => ({ security: r.security, bars: Number(r.bars), first: r.first, last: r.last }));
}
