import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportKind } from "../../src/app/import/import-files.js";
import type { Store } from "../../src/store/open.js";
import { countRows, GOOD, runImport, SHARED_DATA, snapshotStore, storedBar, type TempDir, useStoreAndTempDir } from "./_helpers.js";

describe("importFiles is idempotent and keeps the newer value with its source", () => {
  let store: Store;
  let tmp: TempDir;
  useStoreAndTempDir((s, t) => ((store = s), (tmp = t)));

  it("importFiles(prices) twice on hk/0700.HK.csv: added=N, then unchanged=N and the store (sources included) does not change", async () => {
    const file = join(SHARED_DATA, "hk/0700.HK.csv");
    const first = await runImport(store, { kind: "prices", files: [file] });
    expect(first).toMatchObject({ added: 4149, updated: 0, unchanged: 0 });
    const after1 = await snapshotStore(store);
    const second = await runImport(store, { kind: "prices", files: [file], now: "2026-12-02T08:00:00.000Z" });
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 4149, newSecurities: [] });
    expect(await snapshotStore(store)).toEqual(after1);
    expect(after1.sources!.count).toBe(1);
  });

  it("importFiles(prices) of the same file twice in one call stores each bar once", async () => {
    const file = join(SHARED_DATA, "cn-csi300/688256.csv");
    const s = await runImport(store, { kind: "prices", files: [file, file] });
    expect(s.added).toBe(241);
    const counts = await countRows(store);
    expect(counts).toMatchObject({ prices: 241, securities: 1, sources: 1 });
    const dup = await store.all("SELECT security, date, count(*) AS n FROM prices GROUP BY ALL HAVING count(*) > 1");
    expect(dup).toEqual([]);
  });

  it("importFiles(prices) of a file with one changed close updates exactly that row, whose source becomes the new file", async () => {
    const original = readFileSync(join(SHARED_DATA, "mixed-ohlcv/9988.HK.csv"), "utf8");
    const v1 = tmp.write("v1/9988.HK.csv", original);
    // Line 1127: 2025-09-24,174.0,… → close 173.0 (still inside that day's low–high range, so no new finding).
    const changed = original.replace("\n2025-09-24,174.0,", "\n2025-09-24,173.0,");
    expect(changed).not.toBe(original);
    const v2 = tmp.write("v2/9988.HK.csv", changed);
    await runImport(store, { kind: "prices", files: [v1] });
    const qualityBefore = await store.all("SELECT security, date, check_id, detail FROM quality_issues ORDER BY ALL");
    const s = await runImport(store, { kind: "prices", files: [v2] });
    expect(s).toMatchObject({ added: 0, updated: 1, unchanged: 1227 });
    expect(await storedBar(store, "9988.HK", "2025-09-24")).toMatchObject({ close: 173, location: v2 });
    expect(await storedBar(store, "9988.HK", "2025-09-23")).toMatchObject({ close: 159.39999389648438, location: v1 });
    const bySource = await store.all<{ location: string; n: number }>(
      "SELECT s.location, count(*)::INTEGER AS n FROM prices p JOIN sources s ON s.id = p.source_id GROUP BY ALL ORDER BY ALL",
    );
    expect(bySource).toEqual([{ location: v1, n: 1227 }, { location: v2, n: 1 }]);
    expect((await countRows(store)).sources).toBe(2);
    // The findings still describe the stored data: none lost, none doubled.
    expect(await store.all("SELECT security, date, check_id, detail FROM quality_issues ORDER BY ALL")).toEqual(qualityBefore);
  });

  it("importFiles(prices) re-importing a changed file keeps one empty_row finding per file", async () => {
    const body = "Date,Close,Volume\n2025-09-22,160,1000\n2025-09-23,,0\n2025-09-24,174,2000\n";
    const file = tmp.write("9988.HK.csv", body);
    await runImport(store, { kind: "prices", files: [file] });
    tmp.write("9988.HK.csv", body.replace("2025-09-24,174,", "2025-09-24,175,"));
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s).toMatchObject({ updated: 1, unchanged: 1 });
    const empty = await store.all("SELECT check_id, detail FROM quality_issues WHERE check_id = 'empty_row'");
    expect(empty).toEqual([{ check_id: "empty_row", detail: "1 rows with all prices empty skipped" }]);
  });

  it("importFiles(prices) of the same path rewritten records the new content's hash", async () => {
    const file = tmp.write("9988.HK.csv", "Date,Close\n2025-09-23,160\n2025-09-24,174\n");
    await runImport(store, { kind: "prices", files: [file] });
    tmp.write("9988.HK.csv", "Date,Close\n2025-09-23,160\n2025-09-24,174.5\n");
    await runImport(store, { kind: "prices", files: [file] });
    const rows = await store.all<{ sha256: string; n: number }>(
      "SELECT s.sha256, count(*)::INTEGER AS n FROM prices p JOIN sources s ON s.id = p.source_id GROUP BY ALL ORDER BY n DESC",
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.n)).toEqual([1, 1]);
    expect(rows[0]!.sha256).not.toBe(rows[1]!.sha256);
  });

  /** One good file per record kind, and the same file with one value changed (table and column of the change). */
  const RECORDS: { kind: Exclude<ImportKind, "prices">; table: string; body: string; from: string; to: string; where: string; column: string; expected: unknown }[] = [
    { kind: "securities", table: "securities", body: GOOD.securities, from: "Alibaba Group ADS,NYSE", to: "Alibaba Group Holding ADS,NYSE", where: "t.id = 'BABA'", column: "name_en", expected: "Alibaba Group Holding ADS" },
    { kind: "fundamentals", table: "fundamentals", body: GOOD.fundamentals, from: "996347000000", to: "996350000000", where: "t.metric = 'revenue'", column: "value", expected: 996350000000 },
    { kind: "estimates", table: "estimates", body: GOOD.estimates, from: "1.05T", to: "1.07T", where: "t.metric = 'revenue'", column: "value", expected: 1.07e12 },
    { kind: "fx", table: "fx_rates", body: GOOD.fx, from: "7.7801", to: "7.7805", where: "t.quote = 'HKD'", column: "rate", expected: 7.7805 },
    { kind: "events", table: "events", body: GOOD.events, from: "Apsara (Yunqi) conference 2025", to: "Apsara Conference 2025", where: "t.id = 'yunqi-2025'", column: "title_en", expected: "Apsara Conference 2025" },
  ];

  for (const r of RECORDS) {
    it(`importFiles(${r.kind}) twice: unchanged=N the second time; one changed value updates one row with the new source`, async () => {
      const v1 = tmp.write(`v1/${r.kind}.csv`, r.body);
      const n = r.body.trim().split("\n").length - 1;
      expect(await runImport(store, { kind: r.kind, files: [v1] })).toMatchObject({ added: n, updated: 0, unchanged: 0 });
      const after1 = await snapshotStore(store);
      expect(await runImport(store, { kind: r.kind, files: [v1] })).toMatchObject({ added: 0, updated: 0, unchanged: n });
      expect(await snapshotStore(store)).toEqual(after1);

      expect(r.body).toContain(r.from);
      const v2 = tmp.write(`v2/${r.kind}.csv`, r.body.replace(r.from, r.to));
      expect(await runImport(store, { kind: r.kind, files: [v2] })).toMatchObject({ added: 0, updated: 1, unchanged: n - 1 });
      const rows = await store.all<Record<string, unknown>>(
        `SELECT t.${r.column} AS v, s.location FROM ${r.table} t JOIN sources s ON s.id = t.source_id WHERE ${r.where}`,
      );
      expect(rows).toEqual([{ v: r.expected, location: v2 }]);
      expect((await countRows(store))[r.table]).toBe(n);
      expect((await countRows(store)).sources).toBe(2);
    });
  }

  it("importFiles(fundamentals) keeps a restatement (a later knownFrom) beside the original", async () => {
    const v1 = tmp.write("f1.csv", GOOD.fundamentals);
    const v2 = tmp.write("f2.csv", "entity,metric,fiscalPeriod,periodEnd,value,currency,knownFrom\nalibaba,revenue,FY2025,2025-03-31,996000000000,CNY,2025-07-01\n");
    await runImport(store, { kind: "fundamentals", files: [v1] });
    expect(await runImport(store, { kind: "fundamentals", files: [v2] })).toMatchObject({ added: 1, updated: 0 });
    expect(await store.all("SELECT value, strftime(known_from, '%Y-%m-%d') AS k FROM fundamentals WHERE metric = 'revenue' ORDER BY k")).toEqual([
      { value: 996347000000, k: "2025-05-15" },
      { value: 996000000000, k: "2025-07-01" },
    ]);
  });
});
