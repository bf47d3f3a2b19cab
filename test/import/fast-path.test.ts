/**
 * The vectorised path (DuckDB's CSV reader + SQL checks) must store exactly what the general path (JS parser)
 * stores, report the same counts and the same data-quality findings, word for word; and hand every file its
 * checks cannot judge back to the general path.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFiles, type ImportOptions } from "../../src/app/import/import-files.js";
import { openStore, type Store } from "../../src/store/open.js";
import { SHARED_DATA, hasSharedData, tempDir } from "../helpers/paths.js";

const { dir, cleanup } = tempDir("rerate-fast-");
afterAll(cleanup);

function write(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.join("\n") + "\n");
  return p;
}

async function snapshot(store: Store) {
  const prices = await store.all("SELECT security, strftime(date, '%Y-%m-%d') AS d, open, high, low, close, adj_close, volume, currency FROM prices ORDER BY 1, 2");
  const quality = await store.all("SELECT q.security, strftime(q.date, '%Y-%m-%d') AS d, q.check_id, q.detail, s.location FROM quality_issues q JOIN sources s ON s.id = q.source_id ORDER BY 1, 2, 3, 4");
  const securities = await store.all("SELECT id, exchange, currency, kind FROM securities ORDER BY 1");
  const sources = await store.all("SELECT location, sha256, rows_read FROM sources ORDER BY 1");
  return { prices, quality, securities, sources };
}

async function both(files: string[], extra: Partial<ImportOptions> = {}) {
  const out = [];
  for (const generalPathOnly of [false, true]) {
    const store = await openStore(":memory:");
    const summary = await importFiles(store, { kind: "prices", files, now: "2026-01-01T00:00:00Z", generalPathOnly, ...extra });
    out.push({ summary, snap: await snapshot(store) });
    store.close();
  }
  return { fast: out[0]!, general: out[1]! };
}

describe("importFiles(prices): vectorised path = general path", () => {
  it("stores the same rows and findings for crafted files with every kind of finding", async () => {
    const a = write("AAA.HK.csv", [
      "Date,Open,High,Low,Close,Adj Close,Volume",
      "2025-01-02,10,11,9,10.5,10.5,100",
      "2025-01-03,10.5,10,11,10.7,10.7,0", // high < low, zero volume
      "2025-01-06,10.7,11,10.5,11.5,11.5,300", // close above high
      "2025-01-27,10.7,11,10.5,10.9,10.9,300", // 21-day gap on HKEX
      "2025-01-28,,,,,,", // placeholder row: skipped
      "2025-01-29,20,21,19,20.5,20.5,500", // +88% move
    ]);
    const b = write("BBB.csv", ["Date,Close", "2025-01-02,50", "2025-01-03,51", "2025-01-06,52"]);
    const { fast, general } = await both([a, b]);
    expect(fast.snap).toEqual(general.snap);
    expect(fast.summary).toEqual(general.summary);
    // 01-03: high 10 < low 11, close 10.7 above the high 10, volume 0; 01-06: close 11.5 > high 11;
    // 01-27: 21 days after 01-06; 01-29: 20.5 / 10.9 − 1 = +88%; 01-28: placeholder row.
    expect(fast.snap.quality.map((q) => (q as { check_id: string }).check_id).sort()).toEqual(
      ["big_move", "close_outside_range", "close_outside_range", "empty_row", "long_gap", "ohlc_inconsistent", "zero_volume"],
    );
    expect(fast.summary.files[0]).toMatchObject({ rowsRead: 6, rows: 5, skippedEmpty: 1 });
  });

  it("hands a file its SQL checks refuse (duplicate date, non-positive open, 1,234 numbers) to the general path", async () => {
    const dup = write("DUP.HK.csv", ["Date,Close", "2025-01-02,10", "2025-01-02,10", "2025-01-03,11"]);
    const zero = write("ZERO.HK.csv", ["Date,Open,High,Low,Close,Volume", "2025-01-02,0,11,9,10,5", "2025-01-03,10,11,9,10,5"]);
    const fmt = write("FMT.HK.csv", ["Date,Close,Volume", '2025-01-02,10,"1,234"', "2025-01-03,11,2000"]);
    const { fast, general } = await both([dup, zero, fmt]);
    expect(fast.snap).toEqual(general.snap);
    expect(fast.summary).toEqual(general.summary);
    expect(fast.summary.files.map((f) => f.warnings.length)).toEqual([1, 1, 0]);
  });

  it("refuses the whole import when a handed-back file has an error, leaving nothing behind", async () => {
    const good = write("GOOD.HK.csv", ["Date,Close", "2025-01-02,10", "2025-01-03,11"]);
    const bad = write("BAD.HK.csv", ["Date,Close", "2025-01-02,10", "2025-01-02,12"]);
    const store = await openStore(":memory:");
    await expect(importFiles(store, { kind: "prices", files: [good, bad], now: "2026-01-01T00:00:00Z" }))
      .rejects.toThrow(/BAD\.HK\.csv:3: Date "2025-01-02" .*duplicate date/);
    const n = await store.all<{ n: string }>("SELECT (SELECT count(*) FROM prices) + (SELECT count(*) FROM sources) + (SELECT count(*) FROM securities) AS n");
    expect(Number(n[0]!.n)).toBe(0);
    store.close();
  });

  it.runIf(hasSharedData)("agrees on 40 real HK files (yfinance layout, NaN placeholder rows, real OHLC rounding)", async () => {
    const hk = join(SHARED_DATA, "hk");
    const files = readdirSync(hk).filter((f) => f.endsWith(".HK.csv")).sort().filter((_, i) => i % 12 === 0).map((f) => join(hk, f));
    expect(files.length).toBeGreaterThanOrEqual(40);
    const { fast, general } = await both(files);
    expect(fast.snap.prices.length).toBeGreaterThan(50_000);
    expect(fast.snap).toEqual(general.snap);
    expect(fast.summary).toEqual(general.summary);
  }, 120_000);
});
