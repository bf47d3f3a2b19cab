/**
 * Real data: every *.HK.csv of ../shared/data/hk (503 Hang Seng Composite stocks, yfinance's three-row header
 * layout; see its PROVENANCE.md) imported into a fresh store. Expected figures come from INVENTORY.tsv and from
 * reading the files directly here, never from rerate's own output.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles, type ImportSummary } from "../../src/app/import/import-files.js";
import { openStore, type Store } from "../../src/store/open.js";
import { readPrices } from "../../src/store/prices.js";
import { SHARED_DATA, hasSharedData, tempDir } from "../helpers/paths.js";

const HK = join(SHARED_DATA, "hk");

interface InventoryRow { file: string; first: string; last: string; rows: number; blank: number }

function inventory(): InventoryRow[] {
  const lines = readFileSync(join(SHARED_DATA, "INVENTORY.tsv"), "utf8").trim().split("\n").slice(1);
  return lines
    .map((l) => l.split("\t"))
    .filter((c) => c[0]!.startsWith("hk/") && c[0]!.endsWith(".HK.csv"))
    .map((c) => ({ file: c[0]!.slice(3), first: c[2]!, last: c[3]!, rows: Number(c[4]), blank: Number(c[6]) }));
}

/** The row of a yfinance file for a date, read with plain string splitting: [close, high, low, open, volume]. */
function rowOf(file: string, date: string): number[] {
  const line = readFileSync(join(HK, file), "utf8").split("\n").find((l) => l.startsWith(date + ","));
  if (!line) throw new Error(`${file} has no ${date}`);
  return line.trim().split(",").slice(1).map(Number);
}

describe.runIf(hasSharedData)("real data: ../shared/data/hk", () => {
  let store: Store;
  let summary: ImportSummary;
  let cleanup: () => void;
  const files = hasSharedData ? readdirSync(HK).filter((f) => f.endsWith(".HK.csv")).sort() : [];

  beforeAll(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    store = await openStore(join(t.dir, "hk.duckdb"));
    summary = await importFiles(store, { kind: "prices", files: files.map((f) => join(HK, f)), now: "2026-01-01T00:00:00Z" });
  }, 300_000);

  afterAll(() => {
    store?.close();
    cleanup?.();
  });

  it("importFiles(prices) reads all 503 files and stores every non-empty row once", async () => {
    const inv = inventory();
    expect(files.length).toBe(503);
    expect(inv.length).toBe(503);
    const rows = inv.reduce((a, r) => a + r.rows, 0);
    const blank = inv.reduce((a, r) => a + r.blank, 0);
    expect(rows).toBe(1_378_672); // PROVENANCE.md
    expect(summary.added).toBe(rows - blank);
    expect(summary.files.reduce((a, f) => a + f.skippedEmpty, 0)).toBe(blank);
    const n = await store.all<{ n: string; d: string }>("SELECT count(*) AS n, count(DISTINCT (security, date)) AS d FROM prices");
    expect(Number(n[0]!.n)).toBe(rows - blank);
    expect(Number(n[0]!.d)).toBe(rows - blank);
  });

  it("stores each security's first and last date as INVENTORY.tsv lists them", async () => {
    const got = await store.all<{ security: string; first: string; last: string }>(
      "SELECT security, strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last FROM prices GROUP BY security",
    );
    const bySec = new Map(got.map((g) => [g.security, g]));
    let checked = 0;
    for (const r of inventory()) {
      const g = bySec.get(r.file.replace(/\.csv$/, ""));
      expect(g, r.file).toBeDefined();
      // A file whose first/last rows are blank placeholders starts/ends later/earlier in the store.
      if (r.blank === 0) {
        expect(g!.first, r.file).toBe(r.first);
        expect(g!.last, r.file).toBe(r.last);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("keeps spot values exactly as written in the files (9988.HK, 0700.HK, 0981.HK)", async () => {
    for (const [file, date] of [["9988.HK.csv", "2025-09-24"], ["0700.HK.csv", "2025-10-30"], ["0981.HK.csv", "2025-08-22"], ["9988.HK.csv", "2019-11-26"]] as const) {
      const [close, high, low, open, volume] = rowOf(file, date);
      const p = await readPrices(store, file.replace(".csv", ""), { from: date, to: date });
      expect(p.dates).toEqual([date]);
      expect(p.close[0]).toBe(close);
      expect(p.high[0]).toBe(high);
      expect(p.low[0]).toBe(low);
      expect(p.open[0]).toBe(open);
      expect(p.volume[0]).toBe(volume);
      expect(p.currency).toBe("HKD");
    }
  });

  it("reports the files' OHLC inconsistencies as the issue counts them (654 high < low, 1,599 close outside [low, high]) and as DuckDB's read_csv counts them", async () => {
    const inst = await DuckDBInstance.create(":memory:");
    const conn = await inst.connect();
    const glob = join(HK, "*.HK.csv").replaceAll("'", "''");
    const reader = await conn.runAndReadAll(`SELECT
        count(*) FILTER (WHERE high < low * (1 - 1e-9)) AS high_below_low,
        count(*) FILTER (WHERE close > high * (1 + 1e-9) OR close < low * (1 - 1e-9)) AS close_outside,
        count(*) FILTER (WHERE volume = 0 AND close IS NOT NULL) AS zero_volume
      FROM read_csv('${glob}', skip = 3, header = false, nullstr = ['', 'nan', 'NaN'],
        columns = {'date': 'DATE', 'close': 'DOUBLE', 'high': 'DOUBLE', 'low': 'DOUBLE', 'open': 'DOUBLE', 'volume': 'DOUBLE'})`);
    const ref = reader.getRowObjectsJS()[0]!;
    conn.closeSync();
    inst.closeSync();
    const q = await store.all<{ check_id: string; n: string }>("SELECT check_id, count(*) AS n FROM quality_issues GROUP BY 1");
    const count = (id: string) => Number(q.find((r) => r.check_id === id)?.n ?? 0);
    const highBelowLow = await store.all<{ n: string }>("SELECT count(*) AS n FROM quality_issues WHERE check_id = 'ohlc_inconsistent' AND detail LIKE 'high %'");
    expect(Number(highBelowLow[0]!.n)).toBe(Number(ref.high_below_low));
    expect(count("close_outside_range")).toBe(Number(ref.close_outside));
    expect(count("zero_volume")).toBe(Number(ref.zero_volume));
    // The figures the foundation issue quotes for this data set (adjustment rounding, not bad bars).
    expect(Number(highBelowLow[0]!.n)).toBe(654);
    expect(count("close_outside_range")).toBe(1_599);
  });

  it("importFiles(prices) a second time adds and updates nothing and records no new source", async () => {
    const before = await store.all<{ n: string }>("SELECT count(*) AS n FROM sources");
    const again = await importFiles(store, { kind: "prices", files: files.slice(0, 25).map((f) => join(HK, f)), now: "2026-01-02T00:00:00Z" });
    expect(again.added).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.unchanged).toBeGreaterThan(0);
    const after = await store.all<{ n: string }>("SELECT count(*) AS n FROM sources");
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
