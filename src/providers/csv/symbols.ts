import { basename } from "node:path";
import type { Currency, Exchange } from "../../models/common.js";

/** Names that download tools and spreadsheets give files: words, not tickers (a file named so needs --symbol). */
const GENERIC_FILE_NAMES = new Set([
  "prices", "price", "data", "export", "download", "history", "historical", "quotes", "quote", "daily", "table", "sheet1",
  "book1", "book", "workbook", "file", "output", "result", "results", "ohlc", "ohlcv", "stock", "stocks", "bars", "candles", "chart",
]);

/**
 * The symbol a file name carries, Yahoo-style: `9988.HK.csv` → `9988.HK`, `USDHKD_X.csv` → `USDHKD=X`.
 * @returns undefined when the name holds no plausible symbol, or is a generic word such as `prices.csv`.
 */
export function symbolFromFileName(path: string): string | undefined {
  const name = basename(path).replace(/\.(csv|tsv|txt|json|jsonl|ndjson|xlsx|xlsm)$/i, "");
  if (GENERIC_FILE_NAMES.has(name.toLowerCase())) return undefined;
  const sym = name.replace(/_X$/i, "=X");
  return /^[A-Za-z0-9^][A-Za-z0-9.^=_-]{0,31}$/.test(sym) ? normalizeSymbol(sym) : undefined;
}

/**
 * Canonical form of a symbol as files write it: upper-case, and bare six-digit mainland A-share codes get
 * Yahoo's exchange suffix (6xxxxx/9xxxxx → .SS Shanghai, 0/2/3xxxxx → .SZ Shenzhen, 4/8xxxxx → .BJ Beijing).
 */
export function normalizeSymbol(raw: string): string {
  const s = raw.trim().toUpperCase();
  if (/^\d{6}$/.test(s)) {
    const c = s[0]!;
    if (c === "6" || c === "9") return `${s}.SS`;
    if (c === "0" || c === "2" || c === "3") return `${s}.SZ`;
    return `${s}.BJ`;
  }
  if (/^\d{6}\.SH$/.test(s)) return s.replace(/\.SH$/, ".SS");
  return s;
}

const INDEX_CURRENCY: Record<string, Currency> = {
  "^HSI": "HKD", "^HSCE": "HKD", "^HSTECH": "HKD", "^GSPC": "USD", "^SPX": "USD", "^NDX": "USD", "^IXIC": "USD",
  "^DJI": "USD", "^RUT": "USD", "^SOX": "USD", "^VIX": "USD", "^N225": "JPY", "^FTSE": "GBP", "^GDAXI": "EUR",
  "000300.SS": "CNY", "000001.SS": "CNY", "399001.SZ": "CNY",
};

export interface InferredListing {
  exchange: Exchange;
  currency: Currency | undefined;
  kind: "equity" | "index" | "fx" | "etf";
}

/** What a bare symbol says about its listing (suffix conventions); currency undefined when it cannot tell. */
export function inferListing(symbol: string): InferredListing {
  const s = symbol.toUpperCase();
  const idx = INDEX_CURRENCY[s];
  if (idx !== undefined) return { exchange: "INDEX", currency: idx, kind: "index" };
  if (s.startsWith("^")) return { exchange: "INDEX", currency: undefined, kind: "index" };
  if (s.endsWith("=X")) {
    const pair = s.slice(0, -2);
    const quote = (pair.length === 6 ? pair.slice(3) : pair.slice(0, 3)) as Currency;
    return { exchange: "FX", currency: quote, kind: "fx" };
  }
  if (s.endsWith(".HK")) return { exchange: "HKEX", currency: "HKD", kind: "equity" };
  if (s.endsWith(".SS")) return { exchange: "SSE", currency: "CNY", kind: "equity" };
  if (s.endsWith(".SZ")) return { exchange: "SZSE", currency: "CNY", kind: "equity" };
  if (s.endsWith(".BJ")) return { exchange: "BSE", currency: "CNY", kind: "equity" };
  if (s.endsWith(".TW")) return { exchange: "TWSE", currency: "TWD", kind: "equity" };
  if (/^[A-Z][A-Z.-]{0,5}$/.test(s)) return { exchange: "OTHER", currency: "USD", kind: "equity" };
  return { exchange: "OTHER", currency: undefined, kind: "equity" };
}
