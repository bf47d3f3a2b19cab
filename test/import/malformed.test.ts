import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportKind, ImportOptions } from "../../src/app/import/import-files.js";
import { formatIssue, type InputIssue } from "../../src/errors.js";
import {
  countRows, createTempDir, FIXTURES, GOOD, importIssues, openMemoryStore, openPreloadedStore, snapshotStore, TABLES, type TempDir,
} from "./_helpers.js";

/**
 * One refused import: the files to write (the first is the bad one unless `bad` says otherwise), and the
 * exact location and reason of the first issue reported.
 */
interface BadCase {
  title: string;
  kind: ImportKind;
  /** File name → content, written to a fresh directory. */
  files?: Record<string, string | Uint8Array>;
  /** A checked-in fixture (path under test/fixtures/import) instead of `files`. */
  fixture?: string;
  /** Paths (relative to the case's directory) passed to the import; default: every file written. */
  args?: string[];
  /** The file the first issue names; default: the first of `args`. */
  bad?: string;
  opts?: Partial<Pick<ImportOptions, "map" | "symbol" | "currency" | "encoding" | "dateOrder" | "strict" | "ignoreColumns" | "dateOnly">>;
  /** Only meaningful against the pre-loaded store (e.g. a currency that contradicts a known security). */
  needsPreload?: boolean;
  issue: Omit<InputIssue, "file" | "reason"> & { reason: string };
}

const PX = "Date,Open,High,Low,Close,Adj Close,Volume";
const R1 = "2025-09-22,160.0,163.5,158.9,162.8,162.8,18000000";
const R2 = "2025-09-23,162.0,164.0,160.1,161.6,161.6,17000000";
const csv = (...lines: string[]) => lines.join("\n") + "\n";
/** A Yahoo 7-column file: header, R1, then `rows` (so the first of `rows` is on line 3). */
const px = (...rows: string[]) => csv(PX, R1, ...rows);

const SEC_H = "id,name,exchange,currency,kind,fiscalYearEndMonth";
const FUN_H = "entity,metric,fiscalPeriod,periodEnd,value,currency,knownFrom";
const EST_H = "entity,metric,fiscalPeriod,periodEnd,value,currency,asOf,estimator";
const EVT_H = "id,timestamp,title,tags,securities,expectedSign";

const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
const PDF = new TextEncoder().encode("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");

const CASES: BadCase[] = [
  // ── prices: values ──────────────────────────────────────────────────────────────────────────────
  { title: "importFiles(prices) refuses a close that is not a number", kind: "prices",
    files: { "9988.HK.csv": px("2025-09-23,162.0,164.0,160.1,abc,161.6,17000000") },
    issue: { line: 3, column: "Close", value: "abc", reason: "is not a number" } },
  { title: "importFiles(prices) refuses a close of 0 and writes nothing", kind: "prices",
    files: { "9988.HK.csv": px("2025-09-23,162.0,164.0,160.1,0,161.6,17000000") },
    issue: { line: 3, column: "Close", value: "0", reason: "is not positive" } },
  { title: "importFiles(prices) refuses a negative close", kind: "prices",
    files: { "9988.HK.csv": px(R2, "2025-09-24,165.0,176.4,164.8,-3.1,174.8,42000000") },
    issue: { line: 4, column: "Close", value: "-3.1", reason: "is not positive" } },
  { title: "importFiles(prices) refuses an accounting-negative close (1.5)", kind: "prices",
    files: { "9988.HK.csv": px("2025-09-23,162.0,164.0,160.1,(1.5),161.6,17000000") },
    issue: { line: 3, column: "Close", value: "(1.5)", reason: "is not positive" } },
  { title: "importFiles(prices) refuses an open that is not a number", kind: "prices",
    files: { "9988.HK.csv": px("2025-09-23,n.m.x,164.0,160.1,161.6,161.6,17000000") },
    issue: { line: 3, column: "Open", value: "n.m.x", reason: "is not a number" } },
  { title: "importFiles(prices) refuses thousands separators in the wrong places", kind: "prices",
    files: { "9988.HK.csv": px('2025-09-23,162.0,"1,64.0",160.1,161.6,161.6,17000000') },
    issue: { line: 3, column: "High", value: "1,64.0", reason: "digits are grouped in threes" } },
  { title: "importFiles(prices) refuses a volume that is not a number", kind: "prices",
    files: { "9988.HK.csv": px("2025-09-23,162.0,164.0,160.1,161.6,161.6,12abc") },
    issue: { line: 3, column: "Volume", value: "12abc", reason: "is not a number" } },
  { title: "importFiles(prices) refuses a negative volume", kind: "prices",
    files: { "9988.HK.csv": px("2025-09-23,162.0,164.0,160.1,161.6,161.6,-500") },
    issue: { line: 3, column: "Volume", value: "-500", reason: "is negative" } },
  { title: "importFiles(prices) refuses a missing close when other prices are present", kind: "prices",
    files: { "9988.HK.csv": px("2025-09-23,162.0,164.0,160.1,,161.6,17000000") },
    issue: { line: 3, column: "Close", value: "", reason: "is missing while other prices are present" } },
  { title: "importFiles(prices) refuses an adjusted-close-only file with a close of 0", kind: "prices",
    files: { "BABA.csv": csv("Date,Adj Close", "2025-09-22,162.8", "2025-09-23,0") },
    issue: { line: 3, column: "Adj Close", value: "0", reason: "is not positive" } },
  { title: "importFiles(prices) counts physical lines across blank lines", kind: "prices",
    files: { "9988.HK.csv": "Date,Close\n\n2025-09-22,162.8\n\n\n2025-09-23,abc\n" },
    issue: { line: 6, column: "Close", value: "abc", reason: "is not a number" } },
  { title: "importFiles(prices) counts physical lines across a quoted line break", kind: "prices",
    files: { "9988.HK.csv": 'Date,Close,Note\n2025-09-22,162.8,"two\nlines"\n2025-09-23,abc,x\n' }, opts: { ignoreColumns: ["Note"] },
    issue: { line: 4, column: "Close", value: "abc", reason: "is not a number" } },
  { title: "importFiles(prices) counts lines of a CRLF file", kind: "prices",
    files: { "9988.HK.csv": "Date,Close\r\n2025-09-22,162.8\r\n2025-09-23,-0.5\r\n" },
    issue: { line: 3, column: "Close", value: "-0.5", reason: "is not positive" } },
  // ── prices: dates ───────────────────────────────────────────────────────────────────────────────
  { title: "importFiles(prices) refuses a date that is not a date", kind: "prices",
    files: { "9988.HK.csv": px("next tuesday,162.0,164.0,160.1,161.6,161.6,17000000") },
    issue: { line: 3, column: "Date", value: "next tuesday", reason: "is not a date" } },
  { title: "importFiles(prices) refuses month 13", kind: "prices",
    files: { "9988.HK.csv": px("2025-13-01,162.0,164.0,160.1,161.6,161.6,17000000") },
    issue: { line: 3, column: "Date", value: "2025-13-01", reason: "is not a valid date" } },
  { title: "importFiles(prices) refuses 30 February", kind: "prices",
    files: { "9988.HK.csv": px("2025/2/30,162.0,164.0,160.1,161.6,161.6,17000000") },
    issue: { line: 3, column: "Date", value: "2025/2/30", reason: "is not a valid date" } },
  { title: "importFiles(prices) refuses an empty date on a row with prices", kind: "prices",
    files: { "9988.HK.csv": px(",162.0,164.0,160.1,161.6,161.6,17000000") },
    issue: { line: 3, column: "Date", value: "", reason: "is missing" } },
  { title: "importFiles(prices) refuses a number outside the Excel serial range as a date", kind: "prices",
    files: { "9988.HK.csv": csv("Date,Close", "45922,162.8", "12345,161.6") },
    issue: { line: 3, column: "Date", value: "12345", reason: "is not a date" } },
  { title: "importFiles(prices, {dateOrder: mdy}) refuses a day-first date", kind: "prices", opts: { dateOrder: "mdy" },
    files: { "9988.HK.csv": csv("Date,Close", "9/22/2025,162.8", "24/09/2025,161.6") },
    issue: { line: 3, column: "Date", value: "24/09/2025", reason: "is day-first" } },
  { title: "importFiles(prices) refuses a duplicate date with different values", kind: "prices",
    files: { "9988.HK.csv": px(R2, "2025-09-22,160.0,163.5,158.9,163.0,163.0,18000000") },
    issue: { line: 4, column: "Date", value: "2025-09-22", reason: "duplicate date for 9988.HK with different values than line 2" } },
  // ── prices: currency and symbol ─────────────────────────────────────────────────────────────────
  { title: "importFiles(prices) refuses an unknown currency", kind: "prices",
    files: { "9988.HK.csv": csv("Date,Close,Currency", "2025-09-22,162.8,HKD", "2025-09-23,161.6,HKG") },
    issue: { line: 3, column: "Currency", value: "HKG", reason: "is not a known currency" } },
  { title: "importFiles(prices) refuses mixing currencies in one series", kind: "prices",
    files: { "9988.HK.csv": csv("Date,Close,Currency", "2025-09-22,162.8,HKD", "2025-09-23,20.8,USD") },
    issue: { line: 3, column: "Currency", value: "USD", reason: "differs from HKD on earlier rows of 9988.HK" } },
  { title: "importFiles(prices) refuses a symbol whose currency cannot be told", kind: "prices",
    files: { "BTC-USD.csv": csv("Date,Close", "2025-09-22,112000", "2025-09-23,113100") },
    issue: { column: "currency", value: "BTC-USD", reason: "currency of this symbol is unknown" } },
  { title: "importFiles(prices, {currency}) refuses a currency that contradicts the security master", kind: "prices",
    needsPreload: true, opts: { currency: "USD" },
    files: { "9988.HK.csv": csv("Date,Close", "2025-09-25,170.1") },
    issue: { column: "--currency", value: "USD", reason: "differs from 9988.HK's listing currency HKD" } },
  { title: "importFiles(prices) refuses prices in a currency other than the stored listing's", kind: "prices", needsPreload: true,
    files: { "BABA.csv": csv("Date,Close,Currency", "2025-09-24,1352,HKD") },
    issue: { line: 2, column: "Currency", value: "HKD", reason: "differs from BABA's listing currency USD" } },
  { title: "importFiles(prices) refuses one series in two currencies across the files of one import", kind: "prices",
    files: { "a/9988.HK.csv": csv("Date,Close", "2025-09-22,162.8"), "b.csv": csv("symbol,date,close,currency", "9988.HK,2025-09-23,20.5,USD") },
    bad: "b.csv",
    issue: { line: 2, column: "currency", value: "USD", reason: "differs from 9988.HK's listing currency HKD" } },
  { title: "importFiles(prices) refuses yfinance's multi-ticker layout (one Close column per ticker)", kind: "prices",
    files: { "AAPL.csv": csv("Price,Close,Close,High,High", "Ticker,AAPL,MSFT,AAPL,MSFT", "Date,,,,", "2025-09-24,252.3,510.1,255.0,512.0") },
    issue: { line: 2, column: "Ticker", value: "AAPL, MSFT", reason: "names several symbols in columns" } },
  { title: "importFiles(prices) refuses a file whose name is no symbol and that has no symbol column", kind: "prices",
    files: { "daily prices (export).csv": px(R2) },
    issue: { reason: "no symbol" } },
  { title: "importFiles(prices) refuses a generic file name (prices.csv) as a symbol", kind: "prices",
    files: { "prices.csv": csv("Date,Close", "2025-09-22,162.8") },
    issue: { reason: "no symbol" } },
  { title: "importFiles(prices) refuses an empty ticker in a long-format file", kind: "prices",
    files: { "LONG.csv": csv("Ticker,Date,Close", "BABA,2025-09-22,162.8", ",2025-09-23,161.6") },
    issue: { line: 3, column: "Ticker", value: "", reason: "is empty" } },
  // ── prices: shape ───────────────────────────────────────────────────────────────────────────────
  { title: "importFiles(prices) refuses a file without a close column", kind: "prices",
    files: { "9988.HK.csv": csv("Date,Open,Volume", "2025-09-22,160.0,18000000") },
    issue: { line: 1, column: "close", reason: "required column missing" } },
  { title: "importFiles(prices) refuses a file without a date column", kind: "prices",
    files: { "9988.HK.csv": csv("Close,Volume", "162.8,18000000") },
    issue: { line: 1, column: "date", reason: "required column missing" } },
  { title: "importFiles(prices) refuses a fundamentals file passed as prices", kind: "prices",
    files: { "9988.HK.csv": GOOD.fundamentals },
    issue: { line: 1, column: "date, close", reason: "this does not look like a prices file" } },
  { title: "importFiles(prices) refuses a securities file passed as prices", kind: "prices",
    files: { "securities.csv": GOOD.securities },
    issue: { line: 1, column: "date, close", reason: "this does not look like a prices file" } },
  { title: "importFiles(prices, {map}) refuses a --map header the file does not have", kind: "prices",
    opts: { map: { close: "收盘价" } },
    files: { "600519.SS.csv": csv("日期,开盘,收盘", "2025-09-22,1430,1436.8") },
    issue: { line: 1, column: "--map", value: "close=收盘价", reason: "no such column" } },
  { title: "importFiles(prices, {map}) refuses a --map of an optional field to a header the file does not have", kind: "prices",
    opts: { map: { volume: "成交额" } },
    files: { "600519.SS.csv": csv("日期,开盘,收盘,成交量", "2025-09-22,1430,1436.8,25000") },
    issue: { line: 1, column: "--map", value: "volume=成交额", reason: "no such column" } },
  { title: "importFiles(prices) refuses an empty file", kind: "prices",
    files: { "9988.HK.csv": "" },
    issue: { reason: "is empty" } },
  { title: "importFiles(prices) refuses a header without rows", kind: "prices",
    files: { "9988.HK.csv": csv(PX) },
    issue: { reason: "has no price rows" } },
  { title: "importFiles(prices) refuses a file whose rows all lack prices", kind: "prices",
    files: { "9988.HK.csv": csv(PX, "2025-09-22,,,,,,0", "2025-09-23,,,,,,") },
    issue: { reason: "has no price rows (2 rows read, 2 with all prices empty)" } },
  { title: "importFiles(prices) refuses a quoted field that is never closed", kind: "prices",
    files: { "9988.HK.csv": px(R2, '2025-09-24,"165.0,176.4,164.8,174.8,174.8,42000000', "2025-09-25,1,1,1,1,1,1") },
    issue: { line: 4, reason: "never closed" } },
  { title: "importFiles(prices) refuses a truncated .xlsx workbook (a ZIP header only)", kind: "prices",
    files: { "9988.HK.xlsx": ZIP },
    issue: { reason: "is not a readable .xlsx workbook" } },
  { title: "importFiles(prices) refuses a ZIP archive named .csv", kind: "prices",
    files: { "9988.HK.csv": ZIP },
    issue: { reason: "is not a text file: it is a ZIP archive or an Excel .xlsx workbook" } },
  { title: "importFiles(prices) refuses a PDF", kind: "prices",
    files: { "9988.HK.csv": PDF },
    issue: { reason: "is not a text file: it is a PDF document" } },
  { title: "importFiles(prices) refuses a gzip-compressed CSV", kind: "prices",
    files: { "9988.HK.csv.gz": gzipSync(Buffer.from(px(R2))) },
    issue: { reason: "gzip-compressed" } },
  { title: "importFiles(prices) refuses binary content", kind: "prices",
    files: { "9988.HK.csv": Uint8Array.from([...new TextEncoder().encode("Date,Close\n"), 0x00, 0x01, 0x02, 0x41]) },
    issue: { reason: "is not a text file (control byte 0x00 at offset 11)" } },
  { title: "importFiles(prices, {encoding}) refuses an unknown encoding name", kind: "prices", opts: { encoding: "latin9" },
    files: { "9988.HK.csv": px(R2) },
    issue: { column: "encoding", value: "latin9", reason: "is not supported" } },
  { title: "importFiles(prices, {encoding: utf-8}) refuses a GBK file read as UTF-8", kind: "prices", opts: { encoding: "utf-8" },
    fixture: "gbk/600519.SS.csv",
    issue: { reason: "is not valid UTF-8" } },
  { title: "importFiles(prices) refuses 停牌 as a close in a GBK file", kind: "prices",
    fixture: "gbk-bad/600519.SS.csv",
    issue: { line: 3, column: "收盘", value: "停牌", reason: "is not a number" } },
  { title: "importFiles(prices) refuses 2025年2月30日 in a Big5 file", kind: "prices",
    fixture: "big5-bad/2330.TW.csv",
    issue: { line: 4, column: "日期", value: "2025年2月30日", reason: "is not a valid date" } },
  { title: "importFiles(prices) refuses a JSON file that is not an array", kind: "prices",
    files: { "9988.HK.json": '{"symbol": "9988.HK", "close": 162.8}' },
    issue: { reason: "is JSON but holds no array of records" } },
  { title: "importFiles(prices) refuses an empty JSON array", kind: "prices",
    files: { "9988.HK.json": "[]" },
    issue: { reason: "holds no records" } },
  { title: "importFiles(prices) refuses invalid JSON", kind: "prices",
    files: { "9988.HK.json": '[{"date": "2025-09-22", "close": 162.8}, {"date": ' },
    issue: { reason: "is not valid JSON" } },
  { title: "importFiles(prices) refuses a JSON array holding a non-object", kind: "prices",
    files: { "9988.HK.json": '[{"date": "2025-09-22", "close": 162.8}, 42]' },
    issue: { record: 2, reason: "is not a JSON object" } },
  { title: "importFiles(prices) refuses a bad close in a JSON record, located by record", kind: "prices",
    files: { "9988.HK.json": JSON.stringify([{ date: "2025-09-22", close: 162.8 }, { date: "2025-09-23", close: "n.m.x" }]) },
    issue: { record: 2, column: "close", value: "n.m.x", reason: "is not a number" } },
  { title: "importFiles(prices) refuses a JSON file without a close field", kind: "prices",
    files: { "9988.HK.json": JSON.stringify([{ date: "2025-09-22", last_trade: 162.8 }]) },
    issue: { column: "close", reason: "required column missing" } },
  { title: "importFiles(prices) refuses a bad JSON Lines line", kind: "prices",
    files: { "9988.HK.jsonl": '{"date": "2025-09-22", "close": 162.8}\n{"date": "2025-09-23", close: 161.6}\n' },
    issue: { line: 2, reason: "is not a JSON object" } },
  { title: "importFiles(prices) refuses a JSON Lines line holding an array", kind: "prices",
    files: { "9988.HK.jsonl": '{"date": "2025-09-22", "close": 162.8}\n\n["2025-09-23", 161.6]\n' },
    issue: { line: 3, reason: "is not a JSON object (not an object)" } },
  { title: "importFiles(prices) refuses a JSON Lines record with a bad date, located by line", kind: "prices",
    files: { "9988.HK.jsonl": '{"date": "2025-09-22", "close": 162.8}\n{"date": "2025-09-31", "close": 161.6}\n' },
    issue: { line: 2, column: "date", value: "2025-09-31", reason: "is not a valid date" } },
  { title: "importFiles(prices) refuses a file that does not exist", kind: "prices",
    files: { "other.csv": px(R2) }, args: ["missing/9988.HK.csv", "other.csv"],
    issue: { reason: "does not exist" } },
  { title: "importFiles(prices) refuses a directory", kind: "prices",
    files: { "dir/9988.HK.csv/keep.txt": "x" }, args: ["dir/9988.HK.csv"],
    issue: { reason: "is a directory" } },
  { title: "importFiles(prices) refuses the whole import when one of several files is bad", kind: "prices",
    files: {
      "0700.HK.csv": csv("Date,Close", "2025-09-22,640.5"),
      "9988.HK.csv": px(R2),
      "BABA.csv": csv("Date,Close", "2025-09-22,20.8", "2025-09-23,-1"),
      "9618.HK.csv": csv("Date,Close", "2025-09-22,150.2"),
    },
    bad: "BABA.csv",
    issue: { line: 3, column: "Close", value: "-1", reason: "is not positive" } },
  { title: "importFiles(prices, {strict}) refuses a file with an exact duplicate row", kind: "prices", opts: { strict: true },
    files: { "9988.HK.csv": px(R2, R1) },
    issue: { line: 4, column: "Date", value: "2025-09-22", reason: "repeats line 2 with the same values; kept once (--strict)" } },

  // ── securities ──────────────────────────────────────────────────────────────────────────────────
  { title: "importFiles(securities) refuses an unknown exchange", kind: "securities",
    files: { "securities.csv": csv(SEC_H, "9988.HK,Alibaba,HKEX,HKD,equity,3", "0700.HK,Tencent,HKSE,HKD,equity,12") },
    issue: { line: 3, column: "exchange", value: "HKSE", reason: 'Invalid option: expected one of "HKEX"' } },
  { title: "importFiles(securities) refuses an unknown currency", kind: "securities",
    files: { "securities.csv": csv(SEC_H, "9988.HK,Alibaba,HKEX,HKG,equity,3") },
    issue: { line: 2, column: "currency", value: "HKG", reason: "Invalid option" } },
  { title: "importFiles(securities) refuses a fiscal year-end month that is not an integer", kind: "securities",
    files: { "securities.csv": csv(SEC_H, "9988.HK,Alibaba,HKEX,HKD,equity,3.5") },
    issue: { line: 2, column: "fiscalYearEndMonth", value: "3.5", reason: "expected int" } },
  { title: "importFiles(securities) refuses fiscal year-end month 13", kind: "securities",
    files: { "securities.csv": csv(SEC_H, "9988.HK,Alibaba,HKEX,HKD,equity,13") },
    issue: { line: 2, column: "fiscalYearEndMonth", value: "13", reason: "Too big" } },
  { title: "importFiles(securities) refuses a file without an id column", kind: "securities",
    files: { "securities.csv": csv("name,exchange,currency,kind", "Alibaba,HKEX,HKD,equity") },
    issue: { line: 1, column: "id", reason: "required column missing: this does not look like a securities file" } },
  { title: "importFiles(securities) refuses an unknown kind", kind: "securities",
    files: { "securities.csv": csv(SEC_H, "9988.HK,Alibaba,HKEX,HKD,stock,3") },
    issue: { line: 2, column: "kind", value: "stock", reason: "Invalid option" } },
  { title: "importFiles(securities) refuses a symbol with a space", kind: "securities",
    files: { "securities.csv": csv(SEC_H, "9988 HK,Alibaba,HKEX,HKD,equity,3") },
    issue: { line: 2, column: "id", value: "9988 HK", reason: "symbol may hold only" } },
  { title: "importFiles(securities) refuses an empty name", kind: "securities",
    files: { "securities.csv": csv(SEC_H, "9988.HK,,HKEX,HKD,equity,3") },
    issue: { line: 2, column: "name", value: "", reason: "is empty: a value is required" } },
  { title: "importFiles(securities) refuses the same id twice with different values", kind: "securities",
    files: { "securities.csv": csv(SEC_H, "9988.HK,Alibaba,HKEX,HKD,equity,3", "0700.HK,Tencent,HKEX,HKD,equity,12", "9988.HK,Alibaba,HKEX,HKD,equity,12") },
    issue: { line: 4, column: "fiscalYearEndMonth", value: "12", reason: "same key as line 2 (9988.HK) with a different value (3)" } },
  { title: "importFiles(securities) refuses a JSON record with a non-positive ADS ratio", kind: "securities",
    files: { "securities.json": JSON.stringify([{ id: "BABA", name: { en: "Alibaba ADS" }, exchange: "NYSE", currency: "USD", kind: "adr", sharesPerListing: 0 }]) },
    issue: { record: 1, column: "sharesPerListing", value: "0", reason: "Too small" } },
  { title: "importFiles(securities) refuses a prices file", kind: "securities",
    files: { "9988.HK.csv": GOOD.prices },
    issue: { line: 1, column: "id, name.en, exchange, currency, kind", reason: "this does not look like a securities file" } },
  { title: "importFiles(securities) refuses a header without rows", kind: "securities",
    files: { "securities.csv": csv(SEC_H) },
    issue: { reason: "has no securities rows" } },
  { title: "importFiles(securities, {map}) refuses a --map header the file does not have", kind: "securities", opts: { map: { "name.en": "英文名称" } },
    files: { "securities.csv": csv("代码,名称,exchange,currency,kind", "9988.HK,阿里巴巴,HKEX,HKD,equity") },
    issue: { line: 1, column: "--map", value: "name.en=英文名称", reason: "names no such column in this file" } },
  { title: "importFiles(securities, {strict}) refuses an exact repeat of a row", kind: "securities", opts: { strict: true },
    files: { "securities.csv": csv(SEC_H, "9988.HK,Alibaba,HKEX,HKD,equity,3", "9988.HK,Alibaba,HKEX,HKD,equity,3") },
    issue: { line: 3, reason: "repeats line 2 with the same values; kept once (--strict)" } },
  { title: "importFiles(securities) refuses an empty file", kind: "securities",
    files: { "securities.csv": "" },
    issue: { reason: "is empty" } },

  // ── fundamentals ────────────────────────────────────────────────────────────────────────────────
  { title: "importFiles(fundamentals) refuses an unknown metric", kind: "fundamentals",
    files: { "fundamentals.csv": csv(FUN_H, "alibaba,revenu,FY2025,2025-03-31,996347000000,CNY,2025-05-15") },
    issue: { line: 2, column: "metric", value: "revenu", reason: "Invalid option" } },
  { title: "importFiles(fundamentals) refuses a bad fiscal period", kind: "fundamentals",
    files: { "fundamentals.csv": csv(FUN_H, "alibaba,revenue,2025FY,2025-03-31,996347000000,CNY,2025-05-15") },
    issue: { line: 2, column: "fiscalPeriod", value: "2025FY", reason: "fiscal period must look like FY2025" } },
  { title: "importFiles(fundamentals) refuses a value that is not a number", kind: "fundamentals",
    files: { "fundamentals.csv": csv(FUN_H, "alibaba,revenue,FY2025,2025-03-31,996.3 bil,CNY,2025-05-15") },
    issue: { line: 2, column: "value", value: "996.3 bil", reason: "is not a number" } },
  { title: "importFiles(fundamentals) refuses a file without knownFrom", kind: "fundamentals",
    files: { "fundamentals.csv": csv("entity,metric,fiscalPeriod,periodEnd,value,currency", "alibaba,revenue,FY2025,2025-03-31,996347000000,CNY") },
    issue: { line: 1, column: "knownFrom", reason: "required column missing" } },
  { title: "importFiles(fundamentals) refuses an empty knownFrom", kind: "fundamentals",
    files: { "fundamentals.csv": csv(FUN_H, "alibaba,revenue,FY2025,2025-03-31,996347000000,CNY,") },
    issue: { line: 2, column: "knownFrom", value: "", reason: "is empty: a value is required" } },
  { title: "importFiles(fundamentals) refuses a duplicate key with different values", kind: "fundamentals",
    files: { "fundamentals.csv": csv(FUN_H, "alibaba,revenue,FY2025,2025-03-31,996347000000,CNY,2025-05-15", "alibaba,revenue,FY2025,2025-03-31,996000000000,CNY,2025-05-15") },
    issue: { line: 3, column: "value", value: "996000000000", reason: "same key as line 2 (alibaba, revenue, FY2025, 2025-05-15) with a different value (996347000000)" } },
  { title: "importFiles(fundamentals) refuses a period end that is not in the calendar", kind: "fundamentals",
    files: { "fundamentals.csv": csv(FUN_H, "alibaba,revenue,FY2025,2025-03-32,996347000000,CNY,2025-05-15") },
    issue: { line: 2, column: "periodEnd", value: "2025-03-32", reason: "is not a valid date" } },
  { title: "importFiles(fundamentals) refuses RMB (not an ISO currency code)", kind: "fundamentals",
    files: { "fundamentals.csv": csv(FUN_H, "alibaba,revenue,FY2025,2025-03-31,996347000000,RMB,2025-05-15") },
    issue: { line: 2, column: "currency", value: "RMB", reason: "Invalid option" } },
  { title: "importFiles(fundamentals) refuses an unknown unit", kind: "fundamentals",
    files: { "fundamentals.csv": csv(`${FUN_H},unit`, "alibaba,revenue,FY2025,2025-03-31,996347000000,CNY,2025-05-15,dollars") },
    issue: { line: 2, column: "unit", value: "dollars", reason: "Invalid option" } },
  { title: "importFiles(fundamentals) refuses a bad metric on a JSON Lines line", kind: "fundamentals",
    files: { "fundamentals.jsonl": [
      JSON.stringify({ entity: "alibaba", metric: "revenue", fiscalPeriod: "FY2025", periodEnd: "2025-03-31", value: 996347000000, currency: "CNY", knownFrom: "2025-05-15" }),
      JSON.stringify({ entity: "alibaba", metric: "EPS", fiscalPeriod: "FY2025", periodEnd: "2025-03-31", value: 6.9, currency: "CNY", knownFrom: "2025-05-15" }),
    ].join("\n") },
    issue: { line: 2, column: "metric", value: "EPS", reason: "Invalid option" } },
  { title: "importFiles(fundamentals) refuses the whole import when one of several files is bad", kind: "fundamentals",
    files: {
      "a.csv": GOOD.fundamentals,
      "b.jsonl": JSON.stringify({ entity: "tencent", metric: "revenue", fiscalPeriod: "FY2024", periodEnd: "2024-12-31", value: "660.3B", currency: "CNY", knownFrom: "2025-03-19" }) + "\n",
      "c.csv": csv(FUN_H, "smic,revenue,FY2024,2024-12-31,8.03B,USD,2025-02-30"),
    },
    bad: "c.csv",
    issue: { line: 2, column: "knownFrom", value: "2025-02-30", reason: "is not a valid date" } },
  { title: "importFiles(fundamentals) refuses a prices file", kind: "fundamentals",
    files: { "9988.HK.csv": GOOD.prices },
    issue: { line: 1, column: "entity, metric, fiscalPeriod, periodEnd, value, knownFrom", reason: "this does not look like a fundamentals file" } },

  // ── estimates ───────────────────────────────────────────────────────────────────────────────────
  { title: "importFiles(estimates) refuses an as-of date not in the calendar", kind: "estimates",
    files: { "estimates.csv": csv(EST_H, "alibaba,revenue,FY2026,2026-03-31,1.05T,CNY,2025-09-31,consensus") },
    issue: { line: 2, column: "asOf", value: "2025-09-31", reason: "is not a valid date" } },
  { title: "importFiles(estimates) refuses a file without a value column", kind: "estimates",
    files: { "estimates.csv": csv("entity,metric,fiscalPeriod,asOf", "alibaba,revenue,FY2026,2025-09-01") },
    issue: { line: 1, column: "value", reason: "required column missing" } },
  { title: "importFiles(estimates) refuses a bad fiscal period in a JSON record", kind: "estimates",
    files: { "estimates.json": JSON.stringify({ data: [
      { entity: "alibaba", metric: "revenue", fiscalPeriod: "FY2026", value: 1.05e12, currency: "CNY", asOf: "2025-09-01" },
      { entity: "alibaba", metric: "revenue", fiscalPeriod: "FY26", value: 1.05e12, currency: "CNY", asOf: "2025-09-01" },
    ] }) },
    issue: { record: 2, column: "fiscalPeriod", value: "FY26", reason: "fiscal period must look like FY2025" } },
  { title: "importFiles(estimates) refuses a duplicate key with different values", kind: "estimates",
    files: { "estimates.csv": csv(EST_H, "alibaba,revenue,FY2026,2026-03-31,1.05T,CNY,2025-09-01,consensus", "alibaba,revenue,FY2026,2026-03-31,1.06T,CNY,2025-09-01,consensus") },
    issue: { line: 3, column: "value", value: "1.06T", reason: "same key as line 2 (alibaba, revenue, FY2026, 2025-09-01, consensus) with a different value (1.05T)" } },
  { title: "importFiles(estimates) refuses 亿 written after a percent sign", kind: "estimates",
    files: { "estimates.csv": csv(EST_H, "alibaba,revenue,FY2026,2026-03-31,10500%亿,CNY,2025-09-01,consensus") },
    issue: { line: 2, column: "value", value: "10500%亿", reason: "is not a number" } },

  // ── fx ──────────────────────────────────────────────────────────────────────────────────────────
  { title: "importFiles(fx) refuses a rate of 0", kind: "fx",
    files: { "fx.csv": csv("base,quote,date,rate", "USD,HKD,2025-09-24,7.7801", "USD,HKD,2025-09-25,0") },
    issue: { line: 3, column: "rate", value: "0", reason: "Too small: expected number to be >0" } },
  { title: "importFiles(fx) refuses a negative rate", kind: "fx",
    files: { "fx.csv": csv("base,quote,date,rate", "USD,CNY,2025-09-24,-7.118") },
    issue: { line: 2, column: "rate", value: "-7.118", reason: "Too small" } },
  { title: "importFiles(fx) refuses an unknown base currency", kind: "fx",
    files: { "fx.csv": csv("base,quote,date,rate", "XXX,HKD,2025-09-24,7.7801") },
    issue: { line: 2, column: "base", value: "XXX", reason: "Invalid option" } },
  { title: "importFiles(fx) refuses an unknown quote currency", kind: "fx",
    files: { "fx.csv": csv("from,to,date,rate", "USD,RMB,2025-09-24,7.118") },
    issue: { line: 2, column: "to", value: "RMB", reason: "Invalid option" } },
  { title: "importFiles(fx) refuses a date not in the calendar", kind: "fx",
    files: { "fx.csv": csv("base,quote,date,rate", "USD,HKD,2025-09-31,7.7801") },
    issue: { line: 2, column: "date", value: "2025-09-31", reason: "is not a valid date" } },
  { title: "importFiles(fx) refuses a bad close in a Yahoo-layout USDHKD=X file", kind: "fx",
    files: { "USDHKD_X.csv": csv("Date,Open,High,Low,Close,Adj Close,Volume", "2025-09-24,7.78,7.79,7.77,7.7801,7.7801,0", "2025-09-25,7.78,7.79,7.77,N/A?,7.78,0") },
    issue: { line: 3, column: "Close", value: "N/A?", reason: "is not a number" } },
  { title: "importFiles(fx) refuses the same pair and date twice with different rates", kind: "fx",
    files: { "fx.csv": csv("base,quote,date,rate", "USD,HKD,2025-09-24,7.7801", "USD,HKD,2025-09-24,7.7810") },
    issue: { line: 3, column: "rate", value: "7.7810", reason: "same key as line 2 (USD, HKD, 2025-09-24) with a different value (7.7801)" } },

  // ── events ──────────────────────────────────────────────────────────────────────────────────────
  { title: "importFiles(events) refuses a timestamp without an offset", kind: "events",
    files: { "events.csv": csv(EVT_H, "yunqi-2025,2025-09-24T10:00,Apsara conference,ai,BABA,1") },
    issue: { line: 2, column: "timestamp", value: "2025-09-24T10:00", reason: "with an offset such as +08:00" } },
  { title: "importFiles(events) refuses an expected sign of 2", kind: "events",
    files: { "events.csv": csv(EVT_H, "yunqi-2025,2025-09-24,Apsara conference,ai,BABA,2") },
    issue: { line: 2, column: "expectedSign", value: "2", reason: "must be 1, -1 or 0" } },
  { title: "importFiles(events) refuses an expected sign written as a word", kind: "events",
    files: { "events.csv": csv(EVT_H, "yunqi-2025,2025-09-24,Apsara conference,ai,BABA,up") },
    issue: { line: 2, column: "expectedSign", value: "up", reason: "is not a number" } },
  { title: "importFiles(events) refuses an id that is not a slug", kind: "events",
    files: { "events.csv": csv(EVT_H, "Yunqi 2025,2025-09-24,Apsara conference,ai,BABA,1") },
    issue: { line: 2, column: "id", value: "Yunqi 2025", reason: "lower-case slug" } },
  { title: "importFiles(events) refuses a bad symbol in a JSON Lines record", kind: "events",
    files: { "events.jsonl": JSON.stringify({ id: "yunqi-2025", timestamp: "2025-09-24", title: { en: "Apsara conference" }, securities: ["9988 HK"] }) + "\n" },
    issue: { line: 1, column: "securities", value: "9988 HK", reason: "symbol may hold only" } },
  { title: "importFiles(events) refuses a date-only timestamp that is not in the calendar", kind: "events",
    files: { "events.csv": csv(EVT_H, "yunqi-2025,2025年9月31日,Apsara conference,ai,BABA,1") },
    issue: { line: 2, column: "timestamp", value: "2025年9月31日", reason: "is not a valid date" } },
  { title: "importFiles(events) refuses a file without titles", kind: "events",
    files: { "events.csv": csv("id,timestamp", "yunqi-2025,2025-09-24") },
    issue: { line: 1, column: "title.en", reason: "required column missing" } },
];

describe("importFiles: malformed files are refused whole and write nothing", () => {
  let tmp: TempDir;
  let reference: Awaited<ReturnType<typeof snapshotStore>>;

  beforeAll(async () => {
    tmp = createTempDir();
    const store = await openPreloadedStore(tmp);
    reference = await snapshotStore(store);
    store.close();
  });
  afterAll(() => tmp.cleanup());

  it("has at least 40 distinct malformed files covering every kind", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.title)).size).toBe(CASES.length);
    expect(new Set(CASES.map((c) => c.kind))).toEqual(new Set(["prices", "securities", "fundamentals", "estimates", "fx", "events"]));
  });

  it("the pre-loaded store holds rows of every table", () => {
    for (const t of TABLES) if (t !== "quality_issues") expect(reference[t]!.count, t).toBeGreaterThan(0);
  });

  CASES.forEach((c, i) => {
    it(c.title, async () => {
      const dir = join(tmp.dir, `case-${i}`);
      mkdirSync(dir, { recursive: true });
      for (const [name, content] of Object.entries(c.files ?? {})) tmp.write(`case-${i}/${name}`, content);
      const files = c.fixture !== undefined ? [resolve(FIXTURES, c.fixture)] : (c.args ?? Object.keys(c.files ?? {})).map((n) => join(dir, n));
      const badFile = c.bad !== undefined ? join(dir, c.bad) : files[0]!;
      const { reason, ...where } = c.issue;
      const expected = { file: badFile, ...where, reason: expect.stringContaining(reason) as unknown };

      // Each case gets its own stores, so that one wrongly accepted file cannot spoil the next case.
      for (const preload of c.needsPreload ? [true] : [false, true]) {
        const store = preload ? await openPreloadedStore(tmp) : await openMemoryStore();
        try {
          const before = await snapshotStore(store);
          const { message, issues } = await importIssues(store, { kind: c.kind, files, ...c.opts });
          expect(issues[0]).toEqual(expected);
          // The location is in the issue's fields; the reason does not repeat the file.
          expect(issues[0]!.reason).not.toContain(badFile);
          // The message lists the issue the way every rerate message reads (file:line: column "value" reason).
          expect(message).toMatch(/^import refused, nothing was written/);
          expect(message).toContain(formatIssue(issues[0]!));
          expect(await snapshotStore(store)).toEqual(before);
          if (preload) expect(before).toEqual(reference);
          else expect(Object.values(await countRows(store)).every((n) => n === 0)).toBe(true);
        } finally {
          store.close();
        }
      }
    });
  });
});
