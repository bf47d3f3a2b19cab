/**
 * Long-format benchmark (not a test): the 503 HK files of ../shared/data/hk (1.38M rows) imported as they are,
 * against the same rows written as ONE long-format file (`Symbol,Date,Open,High,Low,Close,Volume`) built in a
 * temp dir. Each import runs in its own child process so that its peak RSS is its own. Prints wall time and
 * peak RSS of both and their ratios (issue 14's target: the single file within 1.5× of the per-file figures).
 *
 *   npx tsx bench/long-format.bench.ts              # all 503 files
 *   npx tsx bench/long-format.bench.ts --files 20   # a quick check of the script
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { importFiles } from "../src/app/import/import-files.js";
import { openStore } from "../src/store/open.js";

const NOW = "2026-12-01T00:00:00Z";

async function child(files: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rerate-bench-long-"));
  const store = await openStore(join(dir, "bench.duckdb"));
  const t0 = performance.now();
  const s = await importFiles(store, { kind: "prices", files, now: NOW });
  const ms = performance.now() - t0;
  store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ ms, rows: s.added, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/** yfinance's three header rows (Price / Ticker / Date) → long rows with the symbol first. */
function toLong(path: string, symbol: string): string[] {
  const rows = readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l !== "");
  const header = rows[0]!.split(",").slice(1); // Close,High,Low,Open,Volume
  const order = ["Open", "High", "Low", "Close", "Volume"].map((h) => header.indexOf(h) + 1);
  return rows.slice(3).map((l) => {
    const c = l.split(",");
    return [symbol, c[0], ...order.map((i) => c[i] ?? "")].join(",");
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") return child(JSON.parse(process.argv[3]!) as string[]);
  const dataDir = resolve(process.env.RERATE_SHARED_DATA ?? resolve(import.meta.dirname, "../../shared/data"), "hk");
  const n = process.argv.indexOf("--files") > 0 ? Number(process.argv[process.argv.indexOf("--files") + 1]) : Infinity;
  const files = readdirSync(dataDir).filter((f) => f.endsWith(".HK.csv")).sort().slice(0, n).map((f) => join(dataDir, f));
  const dir = mkdtempSync(join(tmpdir(), "rerate-bench-long-file-"));
  const long = join(dir, "hk-long.csv");
  const body = files.flatMap((f) => toLong(f, f.split("/").pop()!.replace(/\.csv$/, "")));
  writeFileSync(long, ["Symbol,Date,Open,High,Low,Close,Volume", ...body].join("\n") + "\n");
  const run = (list: string[]) => JSON.parse(execFileSync(process.execPath, [...process.execArgv, import.meta.filename, "--child", JSON.stringify(list)], { encoding: "utf8", maxBuffer: 1 << 24 }).trim().split("\n").pop()!) as { ms: number; rows: number; maxRssMb: number };
  const perFile = run(files);
  const single = run([long]);
  rmSync(dir, { recursive: true, force: true });
  console.log(`per-file: ${files.length} files, ${perFile.rows} rows, ${(perFile.ms / 1000).toFixed(1)} s, peak RSS ${perFile.maxRssMb.toFixed(0)} MB`);
  console.log(`one long file: ${body.length} rows, ${single.rows} stored, ${(single.ms / 1000).toFixed(1)} s, peak RSS ${single.maxRssMb.toFixed(0)} MB`);
  console.log(`ratio (long / per-file): time ${(single.ms / perFile.ms).toFixed(2)}×, memory ${(single.maxRssMb / perFile.maxRssMb).toFixed(2)}× (target ≤ 1.5×)`);
}

await main();
