/**
 * Import benchmark (not a test): rerate's validated import of every *.HK.csv under ../shared/data/hk
 * (503 files, 1.38M rows) into a fresh store, against DuckDB's own read_csv of the same files into a bare
 * table, and against nodejs-polars' readCSV of each file concatenated into one DataFrame (with the symbol), in one
 * run on the same machine. Neither peer validates anything (no dates checked, no OHLC sanity, no store, no
 * transaction): they are context for what validation costs. Prints rows/s for each and rerate's ratio to the fastest
 * (goal: ≤ 2.0 against read_csv). The three row counts (non-empty closes) must agree, or the bench fails.
 *
 *   npm run bench:import            # default: 3 rounds, best of each
 *   npm run bench:import -- --rounds 1
 */
import { readdirSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import pl from "nodejs-polars";
import { importFiles } from "../src/app/import/import-files.js";
import { openStore } from "../src/store/open.js";

const dataDir = resolve(process.env.RERATE_SHARED_DATA ?? resolve(import.meta.dirname, "../../shared/data"), "hk");
const files = readdirSync(dataDir).filter((f) => f.endsWith(".HK.csv")).sort().map((f) => join(dataDir, f));
const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;

async function runRerate(): Promise<{ ms: number; rows: number; reMs: number; reRows: number }> {
  const dir = mkdtempSync(join(tmpdir(), "rerate-bench-"));
  const store = await openStore(join(dir, "bench.duckdb"));
  const t0 = performance.now();
  const s = await importFiles(store, { kind: "prices", files, now: "2026-01-01T00:00:00Z" });
  const ms = performance.now() - t0;
  // The daily case: the same files again (every row compared with the stored one, nothing changes).
  const t1 = performance.now();
  const again = await importFiles(store, { kind: "prices", files, now: "2026-01-02T00:00:00Z" });
  const reMs = performance.now() - t1;
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return { ms, rows: s.added, reMs, reRows: again.unchanged };
}

async function runDuckDb(): Promise<{ ms: number; rows: number }> {
  const dir = mkdtempSync(join(tmpdir(), "rerate-bench-"));
  const inst = await DuckDBInstance.create(join(dir, "raw.duckdb"));
  const conn = await inst.connect();
  const t0 = performance.now();
  await conn.run(`CREATE TABLE raw AS SELECT * FROM read_csv(${JSON.stringify(join(dataDir, "*.HK.csv")).replaceAll('"', "'")},
    skip = 3, header = false, filename = true, nullstr = ['', 'nan', 'NaN'],
    columns = {'date': 'DATE', 'close': 'DOUBLE', 'high': 'DOUBLE', 'low': 'DOUBLE', 'open': 'DOUBLE', 'volume': 'DOUBLE'})`);
  await conn.run("CHECKPOINT");
  const ms = performance.now() - t0;
  const n = Number((await conn.runAndReadAll("SELECT count(*) AS n FROM raw WHERE close IS NOT NULL")).getRowObjectsJS()[0]!.n);
  conn.closeSync();
  inst.closeSync();
  rmSync(dir, { recursive: true, force: true });
  return { ms, rows: n };
}

/** nodejs-polars: readCSV of each file (the same three header lines skipped, the same null strings), a symbol column
 * from the file name, one concat; in memory only (no store written). */
function runPolars(): { ms: number; rows: number } {
  const t0 = performance.now();
  const frames = files.map((f) => pl.readCSV(f, {
    hasHeader: false, skipRows: 3, nullValues: ["", "nan", "NaN"],
    dtypes: { column_1: pl.Date, column_2: pl.Float64, column_3: pl.Float64, column_4: pl.Float64, column_5: pl.Float64, column_6: pl.Float64 },
  }).rename({ column_1: "date", column_2: "close", column_3: "high", column_4: "low", column_5: "open", column_6: "volume" })
    .withColumn(pl.lit(f.slice(f.lastIndexOf("/") + 1, -".csv".length)).alias("symbol")));
  const all = pl.concat(frames, { how: "vertical", rechunk: true });
  const ms = performance.now() - t0;
  return { ms, rows: all.height - all.getColumn("close").nullCount() };
}

const best = { rerate: Infinity, duck: Infinity, polars: Infinity, re: Infinity };
let rows = { rerate: 0, duck: 0, polars: 0 };
for (let r = 0; r < rounds; r++) {
  const a = await runRerate();
  const b = await runDuckDb();
  const c = runPolars();
  best.rerate = Math.min(best.rerate, a.ms);
  best.duck = Math.min(best.duck, b.ms);
  best.polars = Math.min(best.polars, c.ms);
  best.re = Math.min(best.re, a.reMs);
  rows = { rerate: a.rows, duck: b.rows, polars: c.rows };
  process.stderr.write(`round ${r + 1}: rerate ${a.ms.toFixed(0)} ms (re-import ${a.reMs.toFixed(0)} ms, ${a.reRows} unchanged), duckdb read_csv ${b.ms.toFixed(0)} ms, polars readCSV ${c.ms.toFixed(0)} ms\n`);
}
// The answer compared: every peer must have read the same number of rows with a close.
if (rows.rerate !== rows.duck || rows.rerate !== rows.polars) {
  console.error(`MISMATCH: rows with a close: rerate ${rows.rerate}, duckdb ${rows.duck}, polars ${rows.polars}`);
  process.exitCode = 1;
}
const rps = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en-US");
console.log(`files: ${files.length}`);
console.log(`rerate import (parse + validate + quality checks + transactional upsert): ${rows.rerate.toLocaleString("en-US")} rows in ${best.rerate.toFixed(0)} ms = ${rps(rows.rerate, best.rerate)} rows/s`);
console.log(`duckdb read_csv into a bare table:                                   ${rows.duck.toLocaleString("en-US")} rows in ${best.duck.toFixed(0)} ms = ${rps(rows.duck, best.duck)} rows/s`);
console.log(`polars ${pl.version ?? ""} readCSV + concat, in memory (no store):          ${rows.polars.toLocaleString("en-US")} rows in ${best.polars.toFixed(0)} ms = ${rps(rows.polars, best.polars)} rows/s`);
console.log(`ratio (rerate time / duckdb time, best of ${rounds}): ${(best.rerate / best.duck).toFixed(2)}  (goal ≤ 2.0); rerate / polars: ${(best.rerate / best.polars).toFixed(2)}; rerate / fastest peer: ${(best.rerate / Math.min(best.duck, best.polars)).toFixed(2)}`);
console.log(`agreement: rows with a close — rerate ${rows.rerate.toLocaleString("en-US")}, duckdb ${rows.duck.toLocaleString("en-US")}, polars ${rows.polars.toLocaleString("en-US")}${rows.rerate === rows.duck && rows.rerate === rows.polars ? " (equal)" : " MISMATCH"}`);
console.log(`re-import of the same files into the filled store (each row compared, none changed): ${best.re.toFixed(0)} ms = ${(best.re / best.duck).toFixed(2)}× duckdb's read_csv`);
