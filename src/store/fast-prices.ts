import type { Store } from "./open.js";
import { integerList } from "./open.js";
import { quoteLiteral } from "./sql.js";
import { IMPORT_LIMITS } from "../core/quality/import-limits.js";

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
  columns: { date: number; close: number; open?: number; high?: number; low?: number; adjClose?: number; volume?: number; symbol?: number };
  delimiter: string;
  /**
   * A long-format file (a symbol column, `columns.symbol`): each symbol cell as DuckDB's reader gives it, with
   * the security and currency its rows are stored under. `security` and `currency` above are then unused.
   */
  symbols?: readonly { raw: string; security: string; currency: string }[];
}

/** The same missing-value markers as the general path (parse-number's isMissingMarker), for DuckDB's reader. */
const NULL_STRINGS = ["", "-", "--", "—", "——", "–", "nan", "NaN", "NAN", "na", "NA", "n/a", "N/A", "n.a.", "N.A.", "null", "NULL", "Null", "none", "None", "NONE", "#N/A", "#n/a"];

export interface FastLoadResult {
  /** Rows stored per source id. */
  rows: Map<number, number>;
  /** Files that did not pass: their rows were removed; the caller runs them through the general path. */
  rejected: Map<number, string>;
  /** Data-quality findings of the files kept. */
  findings: FastFinding[];
}

/** Parameters of the data-quality checks (core/quality/price-checks.ts). */
export interface FastChecks {
  /** Longest normal break between sessions, per security. */
  maxGapDays: ReadonlyMap<string, number>;
  bigMove: number;
  rangeTolerance: number;
  /** Last accepted date (YYYY-MM-DD): the import's date plus a day. */
  maxDate: string;
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
 * fail any rule are removed again and reported in `rejected`. The same pass finds the data-quality findings.
 * Precondition: none of the files' securities has rows in `prices` yet (so this is a pure insert).
 */
export function loadFastPrices(store: Store, files: readonly FastPriceFile[], checks: FastChecks): Promise<FastLoadResult> {
  return readFastFiles(store, files, checks, "prices");
}

/**
 * The same reader and checks for files of securities the store already has, into the temporary table
 * `fast_stage` (the columns of `prices`) instead of `prices`: the caller merges those rows like the general
 * path's staged rows (new keys inserted, changed ones replaced) with {@link stageFastRows}. Files that fail a
 * check are removed from `fast_stage` and reported in `rejected`.
 */
export async function stageFastPrices(store: Store, files: readonly FastPriceFile[], checks: FastChecks): Promise<FastLoadResult> {
  await store.run("CREATE OR REPLACE TEMP TABLE fast_stage AS SELECT * FROM prices LIMIT 0");
  return readFastFiles(store, files, checks, "fast_stage");
}

/**
 * Adds the rows of `fast_stage` to the general path's staging tables (created by stagePrices) under keys
 * `offset + source id`, so one mergeStagedPrices lands both; then drops `fast_stage`.
 */
export async function stageFastRows(store: Store, offset: number): Promise<void> {
  // One key per series (a long-format file holds several): offset + its rank among the staged (file, security) pairs.
  await store.run(`INSERT INTO stage_price_series SELECT ${Math.trunc(offset)} + row_number() OVER (ORDER BY source_id, security), security, currency, source_id, NULL
    FROM (SELECT DISTINCT source_id, security, currency FROM fast_stage)`);
  await store.run(`INSERT INTO stage_prices SELECT m.k, CAST(f.date - DATE '1970-01-01' AS INTEGER), f.open, f.high, f.low, f.close, f.adj_close, f.volume
    FROM fast_stage f JOIN stage_price_series m ON m.k > ${Math.trunc(offset)} AND m.source_id = f.source_id AND m.security = f.security`);
  await store.run("DROP TABLE fast_stage");
}

async function readFastFiles(store: Store, files: readonly FastPriceFile[], checks: FastChecks, table: "prices" | "fast_stage"): Promise<FastLoadResult> {
  const rejected = new Map<number, string>();
  if (files.length === 0) return { rows: new Map(), rejected, findings: [] };
  await store.run("CREATE OR REPLACE TEMP TABLE fast_files (path VARCHAR, raw VARCHAR, security VARCHAR, currency VARCHAR, source_id INTEGER)");
  const app = await store.conn.createAppender("fast_files", "main", "temp");
  for (const f of files) {
    for (const s of f.symbols ?? [{ raw: "", security: f.security, currency: f.currency }]) {
      app.appendVarchar(f.path);
      app.appendVarchar(s.raw);
      app.appendVarchar(s.security);
      app.appendVarchar(s.currency);
      app.appendInteger(f.sourceId);
      app.endRow();
    }
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
    // The date is read as text: DuckDB's DATE reader drops a time of day (2025-01-03 10:00), which must go to the
    // general path's rule instead; so must any date that is not plain YYYY-MM-DD.
    const c = f0.columns;
    const numeric = [c.open, c.high, c.low, c.close, c.adjClose, c.volume];
    const types = names.map((n, i) => `${quoteLiteral(n)}: ${numeric.includes(i) ? "'DOUBLE'" : "'VARCHAR'"}`);
    const list = `[${group.map((f) => quoteLiteral(f.path)).join(", ")}]`;
    const anyPrice = [c.open, c.high, c.low, c.close, c.adjClose].filter((x) => x !== undefined).map((x) => `c${x} IS NOT NULL`).join(" OR ");
    // A missing close with other prices present becomes NaN here so the checks below send the file back.
    // Row order inside the table carries no meaning, so DuckDB may insert in parallel.
    await store.run("SET preserve_insertion_order = false");
    await store.run(`INSERT INTO ${table}
      SELECT f.security, coalesce(try_cast(r.c${c.date} AS DATE), DATE '0001-01-01'), ${col(c.open)}, ${col(c.high)}, ${col(c.low)},
             CASE WHEN length(r.c${c.date}) = 10 THEN coalesce(${col(c.close)}, 'NaN'::DOUBLE) ELSE 'NaN'::DOUBLE END,
             ${col(c.adjClose)}, ${col(c.volume)}, f.currency, f.source_id
      FROM read_csv(${list}, header = false, skip = ${f0.skip}, delim = ${quoteLiteral(f0.delimiter)}, quote = '"', escape = '"',
                    auto_detect = false, filename = true, nullstr = ${nulls}, columns = {${types.join(", ")}},${c.symbol === undefined ? "" : ` force_not_null = ['c${c.symbol}'],`}
                    store_rejects = true, rejects_table = 'fast_rejects_${g}', rejects_scan = 'fast_scans_${g}') r
      JOIN fast_files f ON f.path = r.filename${c.symbol === undefined ? "" : ` AND f.raw = r.c${c.symbol}`}
      WHERE ${anyPrice}`).finally(() => store.run("RESET preserve_insertion_order"));
    const bad = await store.all<{ source_id: number }>(
      `SELECT DISTINCT f.source_id FROM fast_rejects_${g} e JOIN fast_scans_${g} s USING (scan_id, file_id) JOIN fast_files f ON f.path = s.file_path`,
    );
    for (const b of bad) rejected.set(Number(b.source_id), "DuckDB's reader could not read some rows");
    await store.run(`DROP TABLE IF EXISTS fast_rejects_${g}`);
    await store.run(`DROP TABLE IF EXISTS fast_scans_${g}`);
    g++;
  }
  const { rows, findings } = await checkFastPrices(store, files, checks, table);
  for (const [id, c] of rows) {
    if (c.bad > 0) rejected.set(id, "a value the general path must judge (missing or non-positive price, negative volume, non-finite number)");
    else if (c.repeated > 0) rejected.set(id, "a repeated date");
  }
  if (rejected.size > 0) {
    const gone = integerList([...rejected.keys()]);
    await store.run(`DELETE FROM ${table} WHERE source_id IN (SELECT unnest($ids))`, { ids: gone.value }, { ids: gone.type });
  }
  await store.run("DROP TABLE fast_files");
  const kept = new Map([...rows].filter(([id]) => !rejected.has(id)).map(([id, c]) => [id, c.n]));
  return { rows: kept, rejected, findings: findings.filter((f) => !rejected.has(f.sourceId)) };
}

/**
 * A row the general path must judge: close missing, not positive, not finite or outside the price bounds
 * (IMPORT_LIMITS); open, high, low or adjusted close present but likewise; volume present but negative, not
 * finite or above the bound; a date before 1900 or after `maxDate` (a date that was not plain YYYY-MM-DD was
 * stored as 0001-01-01 with a NaN close). Written with two comparisons per column (DuckDB orders NaN above
 * +Infinity, so `x >= lo AND x <= hi` is false for NaN, ±Infinity, 0 and negatives), which costs far less over a
 * million rows than isnan()/isinf() calls.
 */
const inBounds = (x: string) => `(${x} >= ${IMPORT_LIMITS.minPrice} AND ${x} <= ${IMPORT_LIMITS.maxPrice})`;
const badRow = (maxDate: string) => [
  `NOT ${inBounds("close")}`,
  ...["open", "high", "low", "adj_close"].map((x) => `(${x} IS NOT NULL AND NOT ${inBounds(x)})`),
  `(volume IS NOT NULL AND NOT (volume >= 0 AND volume <= ${IMPORT_LIMITS.maxVolume}))`,
  `date < DATE ${quoteLiteral(IMPORT_LIMITS.minDate)} OR date > DATE ${quoteLiteral(maxDate)}`,
].join(" OR ");

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
 * One pass over the loaded rows (sorted per security by a window): per source, the row count, rows that break
 * a hard rule and repeated dates (a zero-day gap); and the data-quality checks of core/quality/price-checks.ts:
 * OHLC inconsistencies, close outside [low, high] (relative tolerance), zero volume, gaps beyond the
 * exchange's longest normal break, one-day moves beyond ±bigMove of the adjusted (else raw) close.
 */
async function checkFastPrices(store: Store, files: readonly FastPriceFile[], checks: FastChecks, table: "prices" | "fast_stage"): Promise<{ rows: Map<number, { n: number; bad: number; repeated: number }>; findings: FastFinding[] }> {
  await store.run("CREATE OR REPLACE TEMP TABLE fast_gaps (security VARCHAR, max_gap INTEGER)");
  const app = await store.conn.createAppender("fast_gaps", "main", "temp");
  for (const f of files) {
    for (const s of f.symbols ?? [f]) {
      app.appendVarchar(s.security);
      app.appendInteger(checks.maxGapDays.get(s.security) ?? 12);
      app.endRow();
    }
  }
  app.flushSync();
  app.closeSync();
  const move = Number(checks.bigMove);
  const tol = Number(checks.rangeTolerance);
  const where = sourceFilter(files.map((f) => f.sourceId)).replaceAll("source_id", "p.source_id");
  const finding = (check: string, flag: string) =>
    `SELECT 'finding' AS kind, source_id, security, strftime(date, '%Y-%m-%d') AS date, open, high, low, close, gap, move, '${check}' AS "check", 0 AS n, 0 AS bad, 0 AS repeated FROM f WHERE ${flag}`;
  const out = await store.all<Record<string, unknown>>(
    `WITH b AS MATERIALIZED (
       SELECT p.source_id, security, date, open, high, low, close, adj_close, volume, g.max_gap,
              date - lag(date) OVER w AS gap, coalesce(adj_close, close) / lag(coalesce(adj_close, close)) OVER w - 1 AS move
       FROM ${table} p JOIN fast_gaps g USING (security) WHERE ${where}
       WINDOW w AS (PARTITION BY security ORDER BY date)),
     f AS (SELECT *, high < low * (1 - ${tol}) OR open > high * (1 + ${tol}) OR open < low * (1 - ${tol}) AS ohlc,
                  close > high * (1 + ${tol}) OR close < low * (1 - ${tol}) AS outside,
                  volume = 0 AS zero, gap > max_gap AS long_gap, move > ${move} OR move < -${move} AS big
           FROM b WHERE high < low * (1 - ${tol}) OR open > high * (1 + ${tol}) OR open < low * (1 - ${tol})
                     OR close > high * (1 + ${tol}) OR close < low * (1 - ${tol}) OR volume = 0
                     OR gap > max_gap OR move > ${move} OR move < -${move})
     SELECT 'source' AS kind, source_id, NULL AS security, NULL AS date, NULL AS open, NULL AS high, NULL AS low, NULL AS close,
            NULL AS gap, NULL AS move, NULL AS "check", count(*) AS n,
            count(*) FILTER (WHERE ${badRow(checks.maxDate)}) AS bad,
            count(*) FILTER (WHERE gap = 0) AS repeated
     FROM b GROUP BY source_id
     UNION ALL ${finding("ohlc_inconsistent", "ohlc")}
     UNION ALL ${finding("close_outside_range", "outside")}
     UNION ALL ${finding("zero_volume", "zero")}
     UNION ALL ${finding("long_gap", "long_gap")}
     UNION ALL ${finding("big_move", "big")}`,
  );
  await store.run("DROP TABLE fast_gaps");
  const num = (x: unknown) => (x === null || x === undefined ? NaN : Number(x));
  const rows = new Map<number, { n: number; bad: number; repeated: number }>();
  const findings: FastFinding[] = [];
  for (const r of out) {
    if (r.kind === "source") {
      rows.set(Number(r.source_id), { n: Number(r.n), bad: Number(r.bad), repeated: Number(r.repeated) });
      continue;
    }
    findings.push({
      sourceId: Number(r.source_id), security: String(r.security), date: String(r.date), check: r.check as FastFinding["check"],
      open: num(r.open), high: num(r.high), low: num(r.low), close: num(r.close), gapDays: num(r.gap), move: num(r.move),
    });
  }
  return { rows, findings };
}

/**
 * The symbol cells of a long-format file (rows with any price present), each once, in order of first appearance,
 * read by DuckDB's reader with the options {@link loadFastPrices} uses. Undefined when the reader cannot read
 * the file as planned (a row of another width, an open quote): the general path then reads it with located errors.
 */
export async function longFileSymbols(store: Store, f: Omit<FastPriceFile, "sourceId">): Promise<string[] | undefined> {
  const sym = f.columns.symbol;
  if (sym === undefined) return [];
  const c = f.columns;
  const nulls = `[${NULL_STRINGS.map(quoteLiteral).join(", ")}]`;
  const types = Array.from({ length: f.width }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const anyPrice = [c.open, c.high, c.low, c.close, c.adjClose].filter((x) => x !== undefined).map((x) => `c${x} IS NOT NULL`).join(" OR ");
  try {
    const rows = await store.all<{ s: string }>(
      `SELECT s FROM (SELECT c${sym} AS s, row_number() OVER () AS i
         FROM read_csv(${quoteLiteral(f.path)}, header = false, skip = ${f.skip}, delim = ${quoteLiteral(f.delimiter)}, quote = '"', escape = '"',
                       auto_detect = false, nullstr = ${nulls}, columns = {${types}}, force_not_null = ['c${sym}'])
         WHERE ${anyPrice})
       GROUP BY s ORDER BY min(i)`,
    );
    return rows.map((r) => String(r.s));
  } catch {
    return undefined;
  }
}
