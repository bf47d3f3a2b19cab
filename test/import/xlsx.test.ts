import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { importFiles } from "../../src/app/import/import-files.js";
import { readWorkbookTable } from "../../src/app/import/read-xlsx.js";
import { RerateError } from "../../src/errors.js";
import { openStore } from "../../src/store/open.js";
import { hasSharedData } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";
import { createTempDir, SHARED_DATA, snapshotStore } from "./_helpers.js";

const NOW = "2025-10-01T08:00:00.000Z";
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const t = createTempDir("rerate-xlsx-");
  cleanups.push(t.cleanup);
  const store = await openStore(join(t.dir, "s.duckdb"));
  cleanups.push(() => store.close());
  return { t, store };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A workbook made by exceljs, as a terminal export would be: sheets of rows (Date objects become date cells). */
async function workbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const refusal = async (p: Promise<unknown>): Promise<RerateError> => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(RerateError);
  return e as RerateError;
};

describe("importFiles of Excel workbooks (.xlsx)", () => {
  it("prices from a named sheet: a date cell, an Excel serial and a date as text; numbers as stored; a formula by its result", async () => {
    const { t, store } = await setup();
    const f = t.write("book.xlsx", await workbook({
      Notes: [["Exported from a terminal"], ["9988.HK daily"]],
      Prices: [
        ["Date", "Open", "High", "Low", "Close", "Volume"],
        [day("2025-09-22"), 149.1, 152, 148.3, 150.05, 1_000_000],
        [45923, 150, 153, 149, { formula: "150+1.2", result: 151.2 }, 2_000_000], // serial 45923: 45658 = 2025-01-01, + 265 days = 2025-09-23
        ["2025-09-24", 160, 178, 159.9, 177.5, 3_000_000],
      ],
    }));
    const s = await importFiles(store, { kind: "prices", files: [f], sheet: "Prices", symbol: "9988.HK", now: NOW });
    expect(s.added).toBe(3);
    expect(await store.all("SELECT security, strftime(date, '%Y-%m-%d') AS d, open, close, volume FROM prices ORDER BY d")).toEqual([
      { security: "9988.HK", d: "2025-09-22", open: 149.1, close: 150.05, volume: 1_000_000 },
      { security: "9988.HK", d: "2025-09-23", open: 150, close: 151.2, volume: 2_000_000 },
      { security: "9988.HK", d: "2025-09-24", open: 160, close: 177.5, volume: 3_000_000 },
    ]);
  });

  it("refuses a bad cell located as book.xlsx!Sheet:R{row}C{column}, the first sheet by default, and an unknown --sheet; store unchanged", async () => {
    const { t, store } = await setup();
    const before = await snapshotStore(store);
    const f = t.write("book.xlsx", await workbook({
      Notes: [["no table here"]],
      Prices: [["Date", "Open", "High", "Low", "Close"], [day("2025-09-22"), 1, 1, 1, 150], [day("2025-09-23"), 1, 1, 1, "abc"]],
    }));
    const bad = await refusal(importFiles(store, { kind: "prices", files: [f], sheet: "Prices", symbol: "9988.HK", now: NOW }));
    // row 3 of the sheet, Close is column E = 5
    expect(bad.issues).toEqual([expect.objectContaining({ file: `${f}!Prices:R3C5`, column: "Close", value: "abc" })]);
    expect(bad.message).toContain(`${f}!Prices:R3C5: Close "abc"`);
    expect(bad.message).toMatch(/1 problem in 1 file/);
    const first = await refusal(importFiles(store, { kind: "prices", files: [f], symbol: "9988.HK", now: NOW }));
    expect(first.issues[0]).toMatchObject({ file: `${f}!Notes:R1`, reason: expect.stringContaining("required column missing") });
    const none = await refusal(importFiles(store, { kind: "prices", files: [f], sheet: "Prix", now: NOW }));
    expect(none.issues).toEqual([{ file: f, column: "--sheet", value: "Prix", reason: "names no sheet of this workbook (sheets: Notes, Prices)" }]);
    const csv = t.write("9988.HK.csv", "Date,Close\n2025-09-22,150\n");
    const notBook = await refusal(importFiles(store, { kind: "prices", files: [csv], sheet: "Prices", now: NOW }));
    expect(notBook.issues).toEqual([{ column: "--sheet", value: "Prices", reason: "is for Excel workbooks (.xlsx): none of the files is one" }]);
    expect(await snapshotStore(store)).toEqual(before);
  });

  it("fundamentals, estimates and fx from hand-made sheets, through the same columns and rules as CSV", async () => {
    const { t, store } = await setup();
    // Alibaba's December 2023 quarter (fiscal 2024 Q3), announced 7 February 2024: diluted EPS RMB 5.68 per ADS = 0.71 per share (÷ 8).
    const fund = t.write("fund.xlsx", await workbook({ Sheet1: [
      ["entity", "metric", "fiscal_period", "period_end", "value", "currency", "known_from"],
      ["BABA", "epsDiluted", "2024Q3", day("2023-12-31"), 0.71, "CNY", "2024-02-07"],
    ] }));
    const est = t.write("est.xlsx", await workbook({ Sheet1: [
      ["entity", "metric", "fiscal_period", "value", "currency", "as_of"],
      ["BABA", "epsDiluted", "FY2026", 9.19, "CNY", 45925], // serial 45925 = 2025-09-25 (45924 = 2025-09-24)
    ] }));
    const fx = t.write("fx.xlsx", await workbook({ Sheet1: [["base", "quote", "date", "rate"], ["USD", "HKD", day("2025-09-24"), 7.7712]] }));
    await importFiles(store, { kind: "fundamentals", files: [fund], now: NOW });
    await importFiles(store, { kind: "estimates", files: [est], now: NOW });
    await importFiles(store, { kind: "fx", files: [fx], now: NOW });
    expect(await store.all("SELECT entity, metric, fiscal_period, strftime(period_end, '%Y-%m-%d') AS pe, value, currency, unit, strftime(known_from, '%Y-%m-%d') AS k FROM fundamentals")).toEqual([
      { entity: "BABA", metric: "epsDiluted", fiscal_period: "2024Q3", pe: "2023-12-31", value: 0.71, currency: "CNY", unit: "perShare", k: "2024-02-07" },
    ]);
    expect(await store.all("SELECT fiscal_period, value, strftime(as_of, '%Y-%m-%d') AS a FROM estimates")).toEqual([{ fiscal_period: "FY2026", value: 9.19, a: "2025-09-25" }]);
    expect(await store.all("SELECT base, quote, strftime(date, '%Y-%m-%d') AS d, rate FROM fx_rates")).toEqual([{ base: "USD", quote: "HKD", d: "2025-09-24", rate: 7.7712 }]);
    // the source names the workbook
    expect((await store.all<{ location: string }>("SELECT location FROM sources ORDER BY id")).map((r) => r.location)).toEqual([fund, est, fx]);
  });

  it("an FX sheet in yfinance's layout, named by its ticker row (CNY=X = USD→CNY)", async () => {
    const { t, store } = await setup();
    const f = t.write("fx.xlsx", await workbook({ Sheet1: [
      ["Price", "Close", "High", "Low", "Open", "Volume"], ["Ticker", "CNY=X", "CNY=X", "CNY=X", "CNY=X", "CNY=X"], ["Date"],
      [day("2025-06-30"), 7.172100067138672, 7.1721, 7.1721, 7.1721, 0],
    ] }));
    await importFiles(store, { kind: "fx", files: [f], now: NOW });
    expect(await store.all("SELECT base, quote, rate FROM fx_rates")).toEqual([{ base: "USD", quote: "CNY", rate: 7.172100067138672 }]);
  });

  it("rerate import fundamentals book.xlsx --sheet through the CLI", async () => {
    const { t } = await setup();
    const f = t.write("book.xlsx", await workbook({ Other: [["x"]], Figures: [
      ["entity", "metric", "fiscal_period", "period_end", "value", "currency", "known_from"],
      ["AAPL", "revenue", "FY2024", day("2024-09-28"), 391_035_000_000, "USD", day("2024-11-01")], // Apple 10-K FY2024 net sales, filed 1 Nov 2024
    ] }));
    const db = join(t.dir, "cli.duckdb");
    const r = await runCli(["--db", db, "import", "fundamentals", f, "--sheet", "Figures"]);
    expect(r.err).toBe("");
    expect(r.out).toContain("Imported fundamentals: 1 file(s), 1 rows read; 1 added");
  });
});

describe.runIf(hasSharedData)("the real workbook baba-eps/baba_analysis.xlsx", () => {
  const book = join(SHARED_DATA, "baba-eps/baba_analysis.xlsx");

  it("reads Sheet1 (date cells, EPS stored as text such as \"$2.16\"); Sheet2 and Sheet3 are empty", async () => {
    const t = await readWorkbookTable(book);
    expect(t.sheet).toBe("Sheet1");
    expect(t.rows).toHaveLength(28); // header + 27 quarters, 2015 → 2021
    expect(t.rows[0]).toEqual(["date", "estimated_eps", "eps"]);
    // row 2: the June 2021 quarter, reported 2021-08-03; Alibaba's non-GAAP diluted EPS was US$2.17 per ADS (the file rounds to 2.16)
    expect(t.rows[1]).toEqual(["2021-08-03", "$1.74", "$2.16"]);
    expect(t.rows[27]).toEqual(["2015-01-29", "$0.62", "$0.55"]);
    expect(t.lines[27]).toBe(28);
    expect((await readWorkbookTable(book, { sheet: "Sheet2" })).rows).toEqual([]);
  });

  it("holds no importable table as it is (no entity, metric or period columns): each kind is refused at Sheet1:R1, store unchanged", async () => {
    const { store } = await setup();
    const before = await snapshotStore(store);
    for (const kind of ["fundamentals", "estimates", "prices"] as const) {
      const e = await refusal(importFiles(store, { kind, files: [book], now: NOW }));
      expect(e.issues[0]).toMatchObject({ file: `${book}!Sheet1:R1`, reason: expect.stringContaining("required column missing") });
    }
    const empty = await refusal(importFiles(store, { kind: "prices", files: [book], sheet: "Sheet2", now: NOW }));
    expect(empty.issues[0]).toMatchObject({ file: `${book}!Sheet2`, reason: expect.stringContaining("is empty") });
    expect(await snapshotStore(store)).toEqual(before);
  });
});
