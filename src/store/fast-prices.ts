import type { Store } from "./open.js";
import { integerList } from "./open.js";
import { quoteLiteral } from "./sql.js";

/**
 * One CSV file for the vectorised path: DuckDB's own reader loads it straight into `prices`.
 * Only plain files qualify (UTF-8, one header layout known in advance, ISO dates, plain numbers, one symbol):
 * the app layer decides, and any file the checks below reject goes back to the general path.
 */
export interface FastPriceFile {
  path: string;
  security: string;
  currency: string;
  sourceId: number;
  /** Header rows to skip. */
  skip: number;
  /** Number of columns of the file, and which column (0-based) holds each field. */
  width: number;
  columns: { date: number; close: number; open?: number; high?: number; low?: number; adjClose?: number; volume?: number };
  delimiter: string;
}

/** The same missing-value markers as the general path (parse-number's isMissingMarker), for DuckDB's reader. */
const NULL_STRINGS = ["", "-", "--", "—", "——", "–", "nan", "NaN", "NAN", "na", "NA", "n/a", "N/A", "n.a.", "N.A.", "null", "NULL", "Null", "none", "None", "NONE", "#N/A", "#n/a"];

export interface FastLoadResult {
  /** Rows stored per source id. */
  rows: Map<number, number>;
  /** Files that did not pass: their rows were removed; the caller runs them through the general path. */
  rejected: Map<number, string>;
}

/** SQL filter on source ids: a range when they are consecutive (the usual case), a list otherwise. */
function sourceFilter(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const lo = sorted[0]!, hi = sorted[sorted.length - 1]!;
  if (sorted.every((x) => Number.isInteger(x)) && hi - lo + 1 === sorted.length) return `source_id BETWEEN ${lo} AND ${hi}`;
  return `source_id IN (${sorted.map((x) => String(Math.trunc(x))).join(", ")})`;
}

function groupKey(f: FastPriceFile): string {
  return JSON.stringify([f.skip, f.width, f.columns, f.delimiter]);
}

/**
 * Loads plain price files with DuckDB's CSV reader directly into `prices` (inside the caller's transaction),
 * then checks what landed with the general path's rules: close present and > 0, open/high/low/adjusted close
 * > 0 where present, volume ≥ 0, finite numbers, no repeated date, no row DuckDB could not read. Files that
 * fail any rule are removed again and reported in `rejected`.
 * Precondition: none of the files' securities has rows in `prices` yet (so this is a pure insert).
 */
export async function loadFastPrices(store: Store, files: readonly FastPriceFile[]): Promise<FastLoadResult> {
  const rejected = new Map<number, string>();
  if (files.length === 0) return { rows: new Map(), rejected };
  await store.run("CREATE OR REPLACE TEMP TABLE fast_files (path VARCHAR, security VARCHAR, currency VARCHAR, source_id INTEGER)");
  const app = await store.conn.createAppender("fast_files", "main", "temp");
  for (const f of files) {
    app.appendVarchar(f.path);
    app.appendVarchar(f.security);
    app.appendVarchar(f.currency);
    app.appendInteger(f.sourceId);
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
  const groups = new Map<string, FastPriceFile[]>();
  for (const f of files) groups.set(groupKey(f), [...(groups.get(groupKey(f)) ?? []), f]);
  const nulls = `[${NULL_STRINGS.map(quoteLiteral).join(", ")}]`;
  let g = 0;
  for (const group of groups.values()) {
    const f0 = group[0]!;
    const names = Array.from({ length: f0.width }, (_, i) => `c${i}`);
    const col = (i: number | undefined) => (i === undefined ? "CAST(NULL AS DOUBLE)" : `c${i}`);
    const types = names.map((n, i) => `${quoteLiteral(n)}: ${i === f0.columns.date ? "'DATE'" : Object.values(f0.columns).includes(i) ? "'DOUBLE'" : "'VARCHAR'"}`);
    const list = `[${group.map((f) => quoteLiteral(f.path)).join(", ")}]`;
    const c = f0.columns;
    const anyPrice = [c.open, c.high, c.low, c.close, c.adjClose].filter((x) => x !== undefined).map((x) => `c${x} IS NOT NULL`).join(" OR ");
    // A missing close with other prices present becomes NaN here so the checks below send the file back.
    // Row order inside the table carries no meaning, so DuckDB may insert in parallel.
    await store.run("SET preserve_insertion_order = false");
    await store.run(`INSERT INTO prices
      SELECT f.security, r.c${c.date}, ${col(c.open)}, ${col(c.high)}, ${col(c.low)}, coalesce(${col(c.close)}, 'NaN'::DOUBLE),
             ${col(c.adjClose)}, ${col(c.volume)}, f.currency, f.source_id
      FROM read_csv(${list}, header = false, skip = ${f0.skip}, delim = ${quoteLiteral(f0.delimiter)}, quote = '"', escape = '"',
                    auto_detect = false, filename = true, nullstr = ${nulls}, columns = {${types.join(", ")}},
                    store_rejects = true, rejects_table = 'fast_rejects_${g}', rejects_scan = 'fast_scans_${g}') r
      JOIN fast_files f ON f.path = r.filename
      WHERE ${anyPrice}`).finally(() => store.run("RESET preserve_insertion_order"));
    const bad = await store.all<{ source_id: number }>(
      `SELECT DISTINCT f.source_id FROM fast_rejects_${g} e JOIN fast_scans_${g} s USING (scan_id, file_id) JOIN fast_files f ON f.path = s.file_path`,
    );
    for (const b of bad) rejected.set(Number(b.source_id), "DuckDB's reader could not read some rows");
    await store.run(`DROP TABLE IF EXISTS fast_rejects_${g}`);
    await store.run(`DROP TABLE IF EXISTS fast_scans_${g}`);
    g++;
  }
  const where = sourceFilter(files.map((f) => f.sourceId));
  const checks = await store.all<{ source_id: number; n: string; days: string; bad: string }>(
    `SELECT source_id, count(*) AS n, count(DISTINCT date) AS days, count(*) FILTER (WHERE NOT (close > 0) OR isnan(close) OR isinf(close)
        OR open <= 0 OR high <= 0 OR low <= 0 OR adj_close <= 0 OR volume < 0
        OR isnan(open) OR isnan(high) OR isnan(low) OR isnan(adj_close) OR isnan(volume)
        OR isinf(open) OR isinf(high) OR isinf(low) OR isinf(adj_close) OR isinf(volume)) AS bad
     FROM prices WHERE ${where} GROUP BY source_id`,
  );
  const rows = new Map<number, number>();
  for (const r of checks) {
    rows.set(Number(r.source_id), Number(r.n));
    if (Number(r.bad) > 0) rejected.set(Number(r.source_id), "a value the general path must judge (missing or non-positive price, negative volume, non-finite number)");
    // One security per file, so a repeated date shows as fewer distinct dates than rows.
    else if (Number(r.days) !== Number(r.n)) rejected.set(Number(r.source_id), "a repeated date");
  }
  if (rejected.size > 0) {
    const gone = integerList([...rejected.keys()]);
    await store.run("DELETE FROM prices WHERE source_id IN (SELECT unnest($ids))", { ids: gone.value }, { ids: gone.type });
    for (const id of rejected.keys()) rows.delete(id);
  }
  await store.run("DROP TABLE fast_files");
  return { rows, rejected };
}

/** A finding row computed in SQL, with the values its description needs. */
export interface FastFinding {
  sourceId: number;
  security: string;
  date: string;
  check: "ohlc_inconsistent" | "close_outside_range" | "zero_volume" | "long_gap" | "big_move";
  open: number;
  high: number;
  low: number;
  close: number;
  gapDays: number;
  move: number;
}

/**
 * The data-quality checks of core/quality/price-checks.ts, in SQL over the rows of the given sources:
 * OHLC inconsistencies, close outside [low, high], zero volume, gaps beyond the exchange's longest normal
 * break, and one-day moves beyond ±50% of the adjusted (else raw) close.
 * @param maxGapDays per source id.
 */
export async function findFastPriceIssues(store: Store, maxGapDays: ReadonlyMap<number, number>, bigMove: number, rangeTolerance: number): Promise<FastFinding[]> {
  if (maxGapDays.size === 0) return [];
  await store.run("CREATE OR REPLACE TEMP TABLE fast_gaps (source_id INTEGER, max_gap INTEGER)");
  const app = await store.conn.createAppender("fast_gaps", "main", "temp");
  for (const [id, d] of maxGapDays) {
    app.appendInteger(id);
    app.appendInteger(d);
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
  const move = Number(bigMove);
  const tol = Number(rangeTolerance);
  const rows = await store.all<Record<string, unknown>>(
    `WITH b AS (
       SELECT p.source_id, security, date, open, high, low, close, volume, g.max_gap,
              date - lag(date) OVER w AS gap, coalesce(adj_close, close) / lag(coalesce(adj_close, close)) OVER w - 1 AS move
       FROM prices p JOIN fast_gaps g USING (source_id) WHERE ${sourceFilter([...maxGapDays.keys()]).replaceAll("source_id", "p.source_id")}
       WINDOW w AS (PARTITION BY security ORDER BY date)),
     t AS (SELECT *, high * (1 + ${tol}) AS hi, low * (1 - ${tol}) AS lo FROM b),
     f AS (SELECT *, high < lo OR open > hi OR open < lo AS ohlc, close > hi OR close < lo AS outside,
                  volume = 0 AS zero, gap > max_gap AS long_gap, move > ${move} OR move < -${move} AS big
           FROM t WHERE high < lo OR open > hi OR open < lo OR close > hi OR close < lo OR volume = 0
                     OR gap > max_gap OR move > ${move} OR move < -${move})
     SELECT source_id, security, strftime(date, '%Y-%m-%d') AS date, open, high, low, close, gap, move, 'ohlc_inconsistent' AS "check" FROM f WHERE ohlc
     UNION ALL SELECT source_id, security, strftime(date, '%Y-%m-%d'), open, high, low, close, gap, move, 'close_outside_range' FROM f WHERE outside
     UNION ALL SELECT source_id, security, strftime(date, '%Y-%m-%d'), open, high, low, close, gap, move, 'zero_volume' FROM f WHERE zero
     UNION ALL SELECT source_id, security, strftime(date, '%Y-%m-%d'), open, high, low, close, gap, move, 'long_gap' FROM f WHERE long_gap
     UNION ALL SELECT source_id, security, strftime(date, '%Y-%m-%d'), open, high, low, close, gap, move, 'big_move' FROM f WHERE big`,
  );
  await store.run("DROP TABLE fast_gaps");
  const num = (x: unknown) => (x === null || x === undefined ? NaN : Number(x));
  return rows.map((r) => ({
    sourceId: Number(r.source_id), security: String(r.security), date: String(r.date), check: r.check as FastFinding["check"],
    open: num(r.open), high: num(r.high), low: num(r.low), close: num(r.close), gapDays: num(r.gap), move: num(r.move),
  }));
}
