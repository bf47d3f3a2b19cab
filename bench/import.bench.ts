/**
 * Import benchmark (not a test): rerate's validated import of every *.HK.csv under ../shared/data/hk
 * (503 files, 1.38M rows) into a fresh store, against DuckDB's own read_csv of the same files into a bare
 * table, in one run on the same machine. Prints rows/s for both and the ratio (goal: ≤ 2.0).
 *
 *   npm run bench:import            # default: 3 rounds, best of each
 *   npm run bench:import -- --rounds 1
 */
import { readdirSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
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

const best = { rerate: Infinity, duck: Infinity, re: Infinity };
let rows = { rerate: 0, duck: 0 };
for (let r = 0; r < rounds; r++) {
  const a = await runRerate();
  const b = await runDuckDb();
  best.rerate = Math.min(best.rerate, a.ms);
  best.duck = Math.min(best.duck, b.ms);
  best.re = Math.min(best.re, a.reMs);
  rows = { rerate: a.rows, duck: b.rows };
  process.stderr.write(`round ${r + 1}: rerate ${a.ms.toFixed(0)} ms (re-import ${a.reMs.toFixed(0)} ms, ${a.reRows} unchanged), duckdb read_csv ${b.ms.toFixed(0)} ms\n`);
}
const rps = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en-US");
console.log(`files: ${files.length}`);
console.log(`rerate import (parse + validate + quality checks + transactional upsert): ${rows.rerate.toLocaleString("en-US")} rows in ${best.rerate.toFixed(0)} ms = ${rps(rows.rerate, best.rerate)} rows/s`);
console.log(`duckdb read_csv into a bare table:                                   ${rows.duck.toLocaleString("en-US")} rows in ${best.duck.toFixed(0)} ms = ${rps(rows.duck, best.duck)} rows/s`);
console.log(`ratio (rerate time / duckdb time, best of ${rounds}): ${(best.rerate / best.duck).toFixed(2)}  (goal ≤ 2.0)`);
console.log(`re-import of the same files into the filled store (each row compared, none changed): ${best.re.toFixed(0)} ms = ${(best.re / best.duck).toFixed(2)}× duckdb's read_csv`);
