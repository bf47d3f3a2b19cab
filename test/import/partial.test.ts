import { describe, expect, it } from "vitest";
import type { Store } from "../../src/store/open.js";
import { importIssues, runImport, snapshotStore, storedBar, useStoreAndTempDir, type TempDir } from "./_helpers.js";

// Five full bars of 9988.HK, closes 100 … 104, each with low = close − 5 and high = close + 5.
const FULL = [
  "Date,Open,High,Low,Close,Volume",
  "2025-09-22,100,105,95,100,1000",
  "2025-09-23,101,106,96,101,1100",
  "2025-09-24,102,107,97,102,1200",
  "2025-09-25,103,108,98,103,1300",
  "2025-09-26,104,109,99,104,1400",
].join("\n") + "\n";

describe("importFiles(prices): a partial file never wipes stored fields", () => {
  let store: Store;
  let tmp: TempDir;
  useStoreAndTempDir((s, t) => { store = s; tmp = t; });

  it("importFiles(prices) with Date,Close updates a stored close inside the stored [low, high] and keeps open/high/low/volume", async () => {
    await runImport(store, { kind: "prices", files: [tmp.write("full/9988.HK.csv", FULL)] });
    // 102 → 104.5: inside the stored [97, 107] of 2025-09-24.
    const s = await runImport(store, { kind: "prices", files: [tmp.write("close/9988.HK.csv", "Date,Close\n2025-09-24,104.5\n")] });
    expect(s).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(await storedBar(store, "9988.HK", "2025-09-24")).toMatchObject({ open: 102, high: 107, low: 97, close: 104.5, volume: 1200 });
  });

  it("importFiles(prices) refuses a Date,Close value outside the stored bar's [low, high], naming line and values, and writes nothing", async () => {
    await runImport(store, { kind: "prices", files: [tmp.write("full/9988.HK.csv", FULL)] });
    const before = await snapshotStore(store);
    // 120 > stored high 107 of 2025-09-24.
    const file = tmp.write("close/9988.HK.csv", "Date,Close\n2025-09-23,101\n2025-09-24,120\n");
    const { issues } = await importIssues(store, { kind: "prices", files: [file] });
    expect(issues[0]).toMatchObject({ file, line: 3, column: "close", value: "120" });
    expect(issues[0]!.reason).toMatch(/2025-09-24.*high 107, low 97.*import the whole bar/);
    expect(await snapshotStore(store)).toEqual(before);
  });

  it("importFiles(prices) warns with both values when a changed close becomes a big move against its neighbours; --strict refuses it", async () => {
    await runImport(store, { kind: "prices", files: [tmp.write("full/9988.HK.csv", FULL)] });
    // 2025-09-24 restated alone as close 160 (a full bar, so nothing is kept): 160 / 101 − 1 = +58% > 50% (BIG_MOVE);
    // the old 102 / 101 − 1 = +1% was not. (A one-row file has no neighbours of its own to flag it.)
    const file = tmp.write("restated/9988.HK.csv", "Date,Open,High,Low,Close,Volume\n2025-09-24,150,165,150,160,1200\n");
    const before = await snapshotStore(store);
    const { issues } = await importIssues(store, { kind: "prices", files: [file], strict: true });
    expect(issues.find((i) => i.reason.includes("changes the stored close"))).toMatchObject({ file, line: 2, column: "close", value: "160" });
    expect(issues.find((i) => i.reason.includes("changes the stored close"))!.reason).toMatch(/102 to 160.*101 before, 103 after.*--strict/);
    expect(await snapshotStore(store)).toEqual(before);
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.files[0]!.warnings.some((w) => /changes the stored close 102 to 160/.test(w.reason))).toBe(true);
    expect(await storedBar(store, "9988.HK", "2025-09-24")).toMatchObject({ close: 160 });
  });

  it("importFiles(prices) does not flag a whole history restated by one factor (a split adjustment)", async () => {
    await runImport(store, { kind: "prices", files: [tmp.write("full/9988.HK.csv", FULL)] });
    // Every price halved: each close moves −50% against its stored value, but not against its restated neighbours.
    const halved = FULL.split("\n").map((l, i) => (i === 0 || l === "" ? l : l.split(",").map((c, j) => (j >= 1 && j <= 4 ? String(Number(c) / 2) : c)).join(","))).join("\n");
    const s = await runImport(store, { kind: "prices", files: [tmp.write("halved/9988.HK.csv", halved)] });
    expect(s.updated).toBe(5);
    expect(s.files[0]!.warnings).toEqual([]);
  });
});
