import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/open.js";
import { readPriceBases } from "../../src/store/price-basis.js";
import { createTempDir, importIssues, openMemoryStore, runImport, snapshotStore, type TempDir } from "./_helpers.js";

let store: Store;
let tmp: TempDir;
beforeEach(async () => {
  store = await openMemoryStore();
  tmp = createTempDir("rerate-basis-");
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const RAW = ["Date,Close", "2025-09-22,100", "2025-09-23,101", "2025-09-24,102"].join("\n") + "\n";
// The same dates as adjusted closes (lower by a later dividend): a second basis for the same security.
const ADJ = ["Date,Close", "2025-09-23,99.5", "2025-09-24,100.4", "2025-09-25,101"].join("\n") + "\n";

describe("price basis: one basis per series, never mixed (issue 13)", () => {
  it("importFiles(prices) records raw for Date,Close and adjusted for --basis adjusted or a Date,Adj Close file", async () => {
    await runImport(store, { kind: "prices", files: [tmp.write("AAA.csv", RAW)] });
    await runImport(store, { kind: "prices", files: [tmp.write("BBB.csv", ADJ)], basis: "adjusted" });
    await runImport(store, { kind: "prices", files: [tmp.write("CCC.csv", "Date,Adj Close\n2025-09-22,50\n2025-09-23,51\n")] });
    await runImport(store, { kind: "prices", files: [tmp.write("DDD.csv", "Date,Close,Adj Close\n2025-09-22,50,49\n2025-09-23,51,50\n")] });
    const bases = await readPriceBases(store, ["AAA", "BBB", "CCC", "DDD"]);
    expect(Object.fromEntries(bases)).toEqual({ AAA: "raw", BBB: "adjusted", CCC: "adjusted", DDD: "raw" });
  });

  it("importFiles(prices) takes yfinance's auto-adjusted column order (Close,High,Low,Open,Volume, no Adj Close) as adjusted; --basis raw overrides", async () => {
    // yfinance writes its columns in this order when it auto-adjusts (its default); Yahoo's own CSV is Open,High,Low,Close,Adj Close.
    const yf = ["Price,Close,High,Low,Open,Volume", "Ticker,EEE,EEE,EEE,EEE,EEE", "Date,,,,,", "2025-09-22,10,11,9,10,100", "2025-09-23,10.5,11,9,10,100"].join("\n") + "\n";
    await runImport(store, { kind: "prices", files: [tmp.write("EEE.csv", yf)] });
    await runImport(store, { kind: "prices", files: [tmp.write("FFF.csv", yf.replaceAll("EEE", "FFF"))], basis: "raw" });
    await runImport(store, { kind: "prices", files: [tmp.write("GGG.csv", "Date,Open,High,Low,Close,Volume\n2025-09-22,10,11,9,10,100\n")] });
    expect(Object.fromEntries(await readPriceBases(store, ["EEE", "FFF", "GGG"]))).toEqual({ EEE: "adjusted", FFF: "raw", GGG: "raw" });
  });

  it("importFiles(prices) refuses adjusted closes for a raw series: file, line of the first overlapping date, security, both bases; store unchanged", async () => {
    await runImport(store, { kind: "prices", files: [tmp.write("AAA.csv", RAW)] });
    const before = await snapshotStore(store);
    const file = tmp.write("AAA-adj.csv", ADJ);
    const { message, issues } = await importIssues(store, { kind: "prices", files: [file], symbol: "AAA", basis: "adjusted" });
    expect(issues).toHaveLength(1);
    // 2025-09-23 is the first date of the file that the store also holds; it is on line 2 (line 1 is the header).
    expect(issues[0]).toMatchObject({ file, line: 2, column: "basis", value: "adjusted" });
    expect(issues[0]!.reason).toContain("AAA's stored prices (2025-09-22 to 2025-09-24) are on the raw basis, this file's are adjusted; first overlapping date 2025-09-23");
    expect(message).toContain("nothing was written");
    expect(await snapshotStore(store)).toEqual(before);
  });

  it("importFiles(prices) refuses a raw file for an adjusted series (a Date,Adj Close file), also through the vectorised path of several files", async () => {
    await runImport(store, { kind: "prices", files: [tmp.write("AAA.csv", "Date,Adj Close\n2025-09-22,99\n2025-09-23,100\n")] });
    const before = await snapshotStore(store);
    const a = tmp.write("raw/AAA.csv", "Date,Close\n2025-09-24,101\n2025-09-25,102\n");
    const b = tmp.write("raw/BBB.csv", "Date,Close\n2025-09-24,10\n2025-09-25,11\n");
    const { issues } = await importIssues(store, { kind: "prices", files: [a, b] });
    expect(issues).toHaveLength(1);
    // No overlapping date: the series keeps its basis all the same; the first row is named.
    expect(issues[0]).toMatchObject({ file: a, line: 2, column: "basis", value: "raw" });
    expect(issues[0]!.reason).toMatch(/^AAA's stored prices \(2025-09-22 to 2025-09-23\) are on the adjusted basis, this file's are raw: adjusted and raw closes are never mixed/);
    expect(await snapshotStore(store)).toEqual(before);
  });

  it("importFiles(prices) refuses two files of one import on different bases for one security", async () => {
    const a = tmp.write("a/AAA.csv", RAW);
    const b = tmp.write("b/AAA.csv", "Date,Adj Close\n2025-09-25,99\n");
    const { issues } = await importIssues(store, { kind: "prices", files: [a, b] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: b, line: 2, column: "basis", value: "adjusted" });
    expect(issues[0]!.reason).toBe(`AAA is raw in ${a} and adjusted here: import one basis per security`);
  });

  it("importFiles(prices) refuses --basis adjusted for a file with both Close and Adj Close (its Close is the raw close)", async () => {
    const file = tmp.write("AAA.csv", "Date,Close,Adj Close\n2025-09-22,50,49\n");
    const { issues } = await importIssues(store, { kind: "prices", files: [file], basis: "adjusted" });
    expect(issues[0]).toMatchObject({ file, line: 1, column: "--basis", value: "adjusted" });
    expect(issues[0]!.reason).toContain("the file has both Close and Adj Close");
  });

  it("importFiles(prices) accepts a re-import on the same basis (a daily update), general and vectorised paths alike", async () => {
    await runImport(store, { kind: "prices", files: [tmp.write("AAA.csv", ADJ), tmp.write("BBB.csv", ADJ)], basis: "adjusted" });
    const more = ["Date,Close", "2025-09-25,101", "2025-09-26,103"].join("\n") + "\n";
    const s = await runImport(store, { kind: "prices", files: [tmp.write("new/AAA.csv", more), tmp.write("new/BBB.csv", more)], basis: "adjusted" });
    // Each file: 2025-09-25 unchanged (101 both times), 2025-09-26 added.
    expect({ added: s.added, unchanged: s.unchanged }).toEqual({ added: 2, unchanged: 2 });
  });

  it("importFiles(fx) refuses --basis (it applies to prices only)", async () => {
    const { issues } = await importIssues(store, { kind: "fx", files: [tmp.write("fx.csv", "base,quote,date,rate\nUSD,HKD,2025-09-24,7.78\n")], basis: "raw" });
    expect(issues[0]).toMatchObject({ column: "--basis", value: "raw" });
  });
});
