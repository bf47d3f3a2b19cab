import { afterEach, beforeEach } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { importFiles, type ImportOptions, type ImportSummary } from "../../src/app/import/import-files.js";
import { RerateError, type InputIssue } from "../../src/errors.js";
import { openStore, type Store } from "../../src/store/open.js";
import { REPO } from "../helpers/paths.js";

/** The repository root, and the real market data beside it (read in place, never copied; see ../helpers/paths). */
export { REPO as REPO_ROOT, SHARED_DATA } from "../helpers/paths.js";
/** Hand-made fixtures of this suite. */
export const FIXTURES = resolve(REPO, "test/fixtures/import");

// After the last bar of the shared data (2026-08): bars dated after the import's date + 1 day are refused.
export const NOW = "2026-12-01T08:00:00.000Z";

/** Every table an import may write. */
export const TABLES = ["sources", "securities", "prices", "fundamentals", "estimates", "fx_rates", "events", "quality_issues"] as const;

/** A temporary directory with helpers to write files into it; `cleanup` removes it. */
export interface TempDir {
  dir: string;
  /** Writes `content` (text as UTF-8, or raw bytes) to `name` and returns its absolute path. */
  write: (name: string, content: string | Uint8Array) => string;
  cleanup: () => void;
}

export function createTempDir(prefix = "rerate-import-"): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write: (name, content) => {
      const p = join(dir, name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Counts of every table and, for each, all rows in a stable order: equal snapshots mean an unchanged store. */
export async function snapshotStore(store: Store): Promise<Record<string, { count: number; rows: unknown[] }>> {
  const out: Record<string, { count: number; rows: unknown[] }> = {};
  for (const t of TABLES) {
    const rows = await store.all(`SELECT * FROM ${t} ORDER BY ALL`);
    out[t] = { count: rows.length, rows };
  }
  return out;
}

/** Row counts of every table. */
export async function countRows(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const rows = await store.all<{ n: number | string }>(`SELECT count(*) AS n FROM ${t}`);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

/** Runs an import that must be refused and returns its issues (fails the test when it is accepted). */
export async function importIssues(store: Store, opts: Omit<ImportOptions, "now">): Promise<{ message: string; issues: InputIssue[] }> {
  try {
    await importFiles(store, { now: NOW, ...opts });
  } catch (e) {
    if (e instanceof RerateError && e.code === "E_INVALID_INPUT") return { message: e.message, issues: e.issues };
    throw e;
  }
  throw new Error(`import of ${opts.files.join(", ")} was accepted but should have been refused`);
}

export function runImport(store: Store, opts: Omit<ImportOptions, "now"> & { now?: string }): Promise<ImportSummary> {
  return importFiles(store, { now: NOW, ...opts });
}

export const openMemoryStore = (): Promise<Store> => openStore(":memory:");

/** Good files of every kind, for a store that already holds data before a refused import. */
export const GOOD = {
  securities: [
    "id,name,exchange,currency,kind,fiscalYearEndMonth,sharesPerListing,issuer",
    "9988.HK,Alibaba Group,HKEX,HKD,equity,3,1,alibaba",
    "BABA,Alibaba Group ADS,NYSE,USD,adr,3,8,alibaba",
  ].join("\n") + "\n",
  prices: [
    "Date,Open,High,Low,Close,Adj Close,Volume",
    "2025-09-22,160.0,163.5,158.9,162.8,162.8,18000000",
    "2025-09-23,162.0,164.0,160.1,161.6,161.6,17000000",
    "2025-09-24,165.0,176.4,164.8,174.8,174.8,42000000",
  ].join("\n") + "\n",
  fundamentals: [
    "entity,metric,fiscalPeriod,periodEnd,value,currency,knownFrom,reference",
    "alibaba,revenue,FY2025,2025-03-31,996347000000,CNY,2025-05-15,Alibaba 20-F FY2025",
    "alibaba,netIncome,FY2025,2025-03-31,129470000000,CNY,2025-05-15,Alibaba 20-F FY2025",
  ].join("\n") + "\n",
  estimates: [
    "entity,metric,fiscalPeriod,periodEnd,value,currency,asOf,estimator",
    "alibaba,revenue,FY2026,2026-03-31,1.05T,CNY,2025-09-01,consensus",
  ].join("\n") + "\n",
  fx: ["base,quote,date,rate", "USD,HKD,2025-09-24,7.7801", "USD,CNY,2025-09-24,7.1180"].join("\n") + "\n",
  events: [
    "id,timestamp,title,tags,securities,expectedSign",
    "yunqi-2025,2025-09-24T10:00+08:00,Apsara (Yunqi) conference 2025,ai;cloud,9988.HK;BABA,1",
  ].join("\n") + "\n",
} as const;

/**
 * A Hong Kong listing with one of each finding (line numbers in comments):
 * 4: high 99.5 < low 100.5 (and so the close 100 is outside [100.5, 99.5]); 5: volume 0;
 * 6: 20 calendar days after 2025-09-04 (HKEX closes for at most 6); 7: close 100 → 180, +80%;
 * 9: every price empty (skipped, counted).
 */
export const CRAFTED = [
  "Date,Open,High,Low,Close,Volume",
  "2025-09-01,100,101,99,100,1000",
  "2025-09-02,100,101,99,100.5,1000",
  "2025-09-03,100,99.5,100.5,100,1000",
  "2025-09-04,100,101,99,100,0",
  "2025-09-24,100,101,99,100,1000",
  "2025-09-25,180,181,179,180,1000",
  "2025-09-26,180,181,179,180.5,1000",
  "2025-09-29,,,,,",
].join("\n") + "\n";

/** A store holding one good file of every kind (written under `tmp`). */
export async function openPreloadedStore(tmp: TempDir): Promise<Store> {
  const store = await openMemoryStore();
  await runImport(store, { kind: "securities", files: [tmp.write("good/securities.csv", GOOD.securities)] });
  await runImport(store, { kind: "prices", files: [tmp.write("good/9988.HK.csv", GOOD.prices)] });
  await runImport(store, { kind: "fundamentals", files: [tmp.write("good/fundamentals.csv", GOOD.fundamentals)] });
  await runImport(store, { kind: "estimates", files: [tmp.write("good/estimates.csv", GOOD.estimates)] });
  await runImport(store, { kind: "fx", files: [tmp.write("good/fx.csv", GOOD.fx)] });
  await runImport(store, { kind: "events", files: [tmp.write("good/events.csv", GOOD.events)] });
  return store;
}

/**
 * Rows of a CSV read independently of the importer (plain split: the shared files hold no quoted fields),
 * for spot checks against the source.
 */
export function readCsvPlain(path: string): string[][] {
  return readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "").map((l) => l.split(","));
}

/** The stored close of one security on one date. */
export async function storedBar(store: Store, security: string, date: string): Promise<Record<string, unknown> | undefined> {
  const rows = await store.all(
    `SELECT p.open, p.high, p.low, p.close, p.adj_close, p.volume, p.currency, s.location FROM prices p JOIN sources s ON s.id = p.source_id
     WHERE p.security = $sec AND p.date = CAST($d AS DATE)`,
    { sec: security, d: date },
  );
  return rows[0];
}

/**
 * A fresh in-memory store and temp directory for each test of the calling `describe` (handed to `set` before the
 * test), closed and removed after it.
 */
export function useStoreAndTempDir(set: (store: Store, tmp: TempDir) => void): void {
  let store: Store | undefined;
  let tmp: TempDir | undefined;
  beforeEach(async () => {
    store = await openMemoryStore();
    tmp = createTempDir();
    set(store, tmp);
  });
  afterEach(() => {
    store?.close();
    tmp?.cleanup();
  });
}
