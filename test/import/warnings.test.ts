import { describe, expect, it } from "vitest";
import { listQualityIssues } from "../../src/store/quality.js";
import type { Store } from "../../src/store/open.js";
import { countRows, CRAFTED, importIssues, runImport, snapshotStore, storedBar, type TempDir, useStoreAndTempDir } from "./_helpers.js";

describe("importFiles: warnings are imported, counted and listed", () => {
  let store: Store;
  let tmp: TempDir;
  useStoreAndTempDir((s, t) => ((store = s), (tmp = t)));

  it("importFiles(prices) imports a file with high < low, zero volume, a 20-day gap and a +80% move, and counts each", async () => {
    const file = tmp.write("9988.HK.csv", CRAFTED);
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.files[0]).toMatchObject({
      rowsRead: 8, rows: 7, skippedEmpty: 1,
      quality: { ohlc_inconsistent: 1, close_outside_range: 1, zero_volume: 1, long_gap: 1, big_move: 1 },
    });
    expect(s.added).toBe(7);
    const issues = await listQualityIssues(store);
    expect(issues.map(({ security, date, check, detail }) => ({ security, date, check, detail }))).toEqual([
      { security: "9988.HK", date: "2025-09-03", check: "close_outside_range", detail: "close 100 outside [100.5, 99.5]" },
      { security: "9988.HK", date: "2025-09-03", check: "ohlc_inconsistent", detail: "high 99.5 < low 100.5" },
      { security: "9988.HK", date: "2025-09-04", check: "zero_volume", detail: "volume 0" },
      { security: "9988.HK", date: "2025-09-24", check: "long_gap", detail: "20 calendar days since the previous session" },
      // 180 / 100 − 1 = +80%.
      { security: "9988.HK", date: "2025-09-25", check: "big_move", detail: "one-day move 80.0% with no split recorded" },
      { security: null, date: null, check: "empty_row", detail: "1 rows with all prices empty skipped" },
    ]);
    expect(issues.every((i) => i.source === file)).toBe(true);
    // The inconsistent bar is stored as written.
    expect(await storedBar(store, "9988.HK", "2025-09-03")).toMatchObject({ high: 99.5, low: 100.5, close: 100 });
  });

  it("importFiles(prices) judges gaps by the exchange: 9 days is a mainland holiday but not a Hong Kong one", async () => {
    // 2025-09-30 → 2025-10-09: National Day week.
    const body = "Date,Close\n2025-09-30,10\n2025-10-09,10.1\n";
    const sse = await runImport(store, { kind: "prices", files: [tmp.write("600519.SS.csv", body)] });
    const hk = await runImport(store, { kind: "prices", files: [tmp.write("0700.HK.csv", body)] });
    expect(sse.files[0]!.quality).toEqual({});
    expect(hk.files[0]!.quality).toEqual({ long_gap: 1 });
  });

  it("importFiles(prices, {strict}) refuses the same file, naming each finding's line, and writes nothing", async () => {
    const file = tmp.write("9988.HK.csv", CRAFTED);
    const { issues } = await importIssues(store, { kind: "prices", files: [file], strict: true });
    expect(issues).toEqual([
      { file, line: 4, column: "ohlc_inconsistent", value: "2025-09-03", reason: "9988.HK: high 99.5 < low 100.5 (--strict)" },
      { file, line: 4, column: "close_outside_range", value: "2025-09-03", reason: "9988.HK: close 100 outside [100.5, 99.5] (--strict)" },
      { file, line: 5, column: "zero_volume", value: "2025-09-04", reason: "9988.HK: volume 0 (--strict)" },
      { file, line: 6, column: "long_gap", value: "2025-09-24", reason: "9988.HK: 20 calendar days since the previous session (--strict)" },
      { file, line: 7, column: "big_move", value: "2025-09-25", reason: "9988.HK: one-day move 80.0% with no split recorded (--strict)" },
    ]);
    expect(Object.values(await countRows(store)).every((n) => n === 0)).toBe(true);
  });

  it("importFiles(prices, {strict}) refuses a non-positive open that is otherwise a warning", async () => {
    const file = tmp.write("9988.HK.csv", "Date,Open,Close\n2025-09-23,0,160\n2025-09-24,158.5,174\n");
    const s = await runImport(store, { kind: "prices", files: [file], dryRun: true });
    expect(s.files[0]!.warnings).toEqual([{ file, line: 2, column: "Open", value: "0", reason: "is not positive; stored as missing" }]);
    const { issues } = await importIssues(store, { kind: "prices", files: [file], strict: true });
    expect(issues).toEqual([{ file, line: 2, column: "Open", value: "0", reason: "is not positive; stored as missing (--strict)" }]);
    await runImport(store, { kind: "prices", files: [file] });
    expect(await storedBar(store, "9988.HK", "2025-09-23")).toMatchObject({ open: null, close: 160 });
  });

  it("importFiles(prices) skips and counts rows whose prices are all empty, including NaN and - markers", async () => {
    const file = tmp.write("9988.HK.csv", "Date,Open,High,Low,Close,Volume\n2025-09-22,160,163,158,162,100\n2025-09-23,NaN,NaN,NaN,NaN,0\n2025-09-24,-,-,-,-,-\n2025-09-25,170,175,168,172,100\n");
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.files[0]).toMatchObject({ rowsRead: 4, rows: 2, skippedEmpty: 2 });
    expect(await storedBar(store, "9988.HK", "2025-09-23")).toBeUndefined();
    expect((await countRows(store)).prices).toBe(2);
  });

  it("importFiles(prices) keeps an exact duplicate row once, with a warning", async () => {
    const file = tmp.write("9988.HK.csv", "Date,Close\n2025-09-23,160\n2025-09-24,174\n2025-09-23,160\n");
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.files[0]!.warnings).toEqual([{ file, line: 4, column: "Date", value: "2025-09-23", reason: "repeats line 2 with the same values; kept once" }]);
    expect(s.added).toBe(2);
  });

  it("importFiles(fx) keeps an exact duplicate record once, with a warning", async () => {
    const file = tmp.write("fx.csv", "base,quote,date,rate\nUSD,HKD,2025-09-24,7.7801\nUSD,HKD,2025-09-24,7.7801\n");
    const s = await runImport(store, { kind: "fx", files: [file] });
    expect(s.files[0]!.warnings).toEqual([{ file, line: 3, reason: "repeats line 2 with the same values; kept once" }]);
    expect(s.added).toBe(1);
  });

  it("importFiles(prices, {dryRun}) validates and reports without writing", async () => {
    const file = tmp.write("9988.HK.csv", CRAFTED);
    const before = await snapshotStore(store);
    const s = await runImport(store, { kind: "prices", files: [file], dryRun: true });
    // The real counts of the rehearsed write: 7 new bars, a new security; then rolled back.
    expect(s).toMatchObject({ dryRun: true, added: 7, updated: 0, unchanged: 0, newSecurities: ["9988.HK"] });
    expect(s.files[0]).toMatchObject({ rows: 7, skippedEmpty: 1, quality: { big_move: 1, long_gap: 1 } });
    expect(await snapshotStore(store)).toEqual(before);
  });

  it("importFiles(fundamentals, {dryRun}) writes nothing into a store that already holds rows", async () => {
    const file = tmp.write("f.csv", "entity,metric,fiscalPeriod,periodEnd,value,currency,knownFrom\nalibaba,revenue,FY2025,2025-03-31,996.347B,CNY,2025-05-15\n");
    await runImport(store, { kind: "prices", files: [tmp.write("9988.HK.csv", CRAFTED)] });
    const before = await snapshotStore(store);
    const s = await runImport(store, { kind: "fundamentals", files: [file], dryRun: true });
    expect(s).toMatchObject({ dryRun: true, added: 1, updated: 0 });
    expect(await snapshotStore(store)).toEqual(before);
  });

  it("importFiles(prices, {dryRun}) of a changed file reports the one update it would make and writes nothing", async () => {
    const first = tmp.write("9988.HK.csv", "Date,Close\n2025-09-23,160\n2025-09-24,174\n");
    await runImport(store, { kind: "prices", files: [first] });
    const before = await snapshotStore(store);
    const changed = tmp.write("9988.HK.csv", "Date,Close\n2025-09-23,160\n2025-09-24,175\n");
    const s = await runImport(store, { kind: "prices", files: [changed], dryRun: true });
    expect(s).toMatchObject({ dryRun: true, added: 0, updated: 1, unchanged: 1 });
    expect(await snapshotStore(store)).toEqual(before);
    // The rehearsal's counts are the real import's.
    const real = await runImport(store, { kind: "prices", files: [changed] });
    expect({ ...real, dryRun: true }).toEqual(s);
  });
});
