import type { InputIssue } from "../../errors.js";
import { CURRENCIES } from "../../models/common.js";
import { toDayNumber } from "../../core/dates.js";
import { resolveColumns } from "./columns.js";
import { detectPriceLayout } from "./price-layout.js";
import { parseDateCell, detectDateOrder, type DateOrder } from "./parse-date.js";
import { parseNumberCell } from "./parse-number.js";
import { normalizeSymbol, symbolFromFileName } from "./symbols.js";

export const PRICE_FIELDS = ["date", "open", "high", "low", "close", "adjClose", "volume", "security", "currency"] as const;
const VALUE_FIELDS = ["open", "high", "low", "close", "adjClose", "volume"] as const;
type ValueField = (typeof VALUE_FIELDS)[number];

export interface PriceParseOptions {
  file: string;
  /** Field → header overrides (`--map`). */
  map?: Record<string, string>;
  /** Symbol for files that carry none (overrides the file name). */
  symbol?: string;
  dateOrder?: DateOrder;
  /** Stop collecting errors after this many (the file is refused anyway). */
  maxErrors?: number;
}

/** One security's bars from one file, in file order; NaN marks a missing value. */
export interface ParsedSeries {
  security: string;
  currency?: string;
  days: number[];
  lines: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  adjClose: number[];
  volume: number[];
}

export interface ParsedPriceFile {
  file: string;
  series: ParsedSeries[];
  errors: InputIssue[];
  warnings: InputIssue[];
  rowsRead: number;
  /** Rows whose price fields were all empty (placeholder days), skipped. */
  skippedEmpty: number;
}

function newSeries(security: string): ParsedSeries {
  return { security, days: [], lines: [], open: [], high: [], low: [], close: [], adjClose: [], volume: [] };
}

/**
 * Parses the records of a price file into per-security series, collecting every located error.
 * Does not sort or de-duplicate: see {@link finalizeSeries}.
 */
export function parsePriceTable(rows: readonly (readonly string[])[], lines: ArrayLike<number>, opts: PriceParseOptions): ParsedPriceFile {
  const { file } = opts;
  const maxErrors = opts.maxErrors ?? 20;
  const out: ParsedPriceFile = { file, series: [], errors: [], warnings: [], rowsRead: 0, skippedEmpty: 0 };
  if (rows.length === 0) {
    out.errors.push({ file, reason: "is empty: a prices file needs a header row and at least one data row" });
    return out;
  }
  const layout = detectPriceLayout(rows);
  const { index } = resolveColumns(layout.header, PRICE_FIELDS, opts.map);
  const missing = (["date", "close"] as const).filter((f) => index[f] === undefined);
  if (index.close === undefined && index.adjClose !== undefined) {
    // A file with only an adjusted close (Yahoo's "Date,Adj Close") still gives a close series.
    index.close = index.adjClose;
    delete index.adjClose;
    missing.splice(missing.indexOf("close"), 1);
  }
  if (missing.length > 0) {
    out.errors.push({
      file,
      line: Number(lines[0] ?? 1),
      column: missing.join(", "),
      reason: `required column missing: this does not look like a prices file (found columns: ${layout.header.map((h) => JSON.stringify(h)).join(", ")}); use --map ${missing[0]}=HEADER if the column has another name`,
    });
    return out;
  }
  const fileSymbol = opts.symbol ?? layout.symbolFromHeader ?? symbolFromFileName(file);
  if (index.security === undefined && fileSymbol === undefined) {
    out.errors.push({ file, reason: "no symbol: the file has no symbol/ticker column and its name is not a symbol; pass --symbol" });
    return out;
  }
  const bySymbol = new Map<string, ParsedSeries>();
  const headerSymbolOf = (code: string): string => {
    const hit = layout.headerSymbols.find((s) => s.toUpperCase().startsWith(code.toUpperCase() + "."));
    return normalizeSymbol(hit ?? code);
  };
  const di = index.date!;
  const order = opts.dateOrder ?? detectDateOrder(rows.slice(layout.dataStart, layout.dataStart + 200).map((r) => r[di] ?? ""));
  const cols = VALUE_FIELDS.map((f) => index[f]);
  const fail = (issue: InputIssue) => {
    if (out.errors.length < maxErrors) out.errors.push(issue);
    else if (out.errors.length === maxErrors) out.errors.push({ file, reason: "… more errors not shown" });
  };
  const values = new Array<number>(VALUE_FIELDS.length);
  for (let r = layout.dataStart; r < rows.length; r++) {
    const row = rows[r]!;
    const line = Number(lines[r]);
    out.rowsRead++;
    let anyPrice = false;
    let bad = false;
    for (let k = 0; k < VALUE_FIELDS.length; k++) {
      const ci = cols[k];
      const raw = ci === undefined ? "" : (row[ci] ?? "");
      const parsed = parseNumberCell(raw);
      if (!parsed.ok) {
        fail({ file, line, column: layout.header[ci!] ?? VALUE_FIELDS[k], value: raw, reason: parsed.reason });
        bad = true;
        values[k] = NaN;
        continue;
      }
      const v = parsed.value ?? NaN;
      values[k] = v;
      if (k < 5 && v === v) anyPrice = true;
    }
    if (bad) continue;
    if (!anyPrice) {
      out.skippedEmpty++;
      continue;
    }
    const rawDate = row[di] ?? "";
    const d = parseDateCell(rawDate, order);
    if (!d.ok || d.value === undefined) {
      fail({ file, line, column: layout.header[di] ?? "date", value: rawDate, reason: d.ok ? "is missing" : d.reason });
      continue;
    }
    const close = values[3]!;
    if (!(close === close)) {
      fail({ file, line, column: layout.header[index.close!] ?? "close", value: "", reason: "is missing while other prices are present" });
      continue;
    }
    if (close <= 0) {
      fail({ file, line, column: layout.header[index.close!] ?? "close", value: row[index.close!] ?? "", reason: "is not positive: a close must be > 0" });
      continue;
    }
    for (const k of [0, 1, 2, 4] as const) {
      if (values[k]! <= 0) {
        out.warnings.push({ file, line, column: VALUE_FIELDS[k], value: row[cols[k]!] ?? "", reason: "is not positive; stored as missing" });
        values[k] = NaN;
      }
    }
    if (values[5]! < 0) {
      fail({ file, line, column: layout.header[index.volume!] ?? "volume", value: row[index.volume!] ?? "", reason: "is negative" });
      continue;
    }
    let symbol = fileSymbol;
    if (index.security !== undefined) {
      const raw = (row[index.security] ?? "").trim();
      if (raw !== "") symbol = headerSymbolOf(raw);
    }
    if (symbol === undefined) {
      fail({ file, line, column: layout.header[index.security!] ?? "symbol", value: "", reason: "is empty" });
      continue;
    }
    let currency: string | undefined;
    if (index.currency !== undefined) {
      const raw = (row[index.currency] ?? "").trim().toUpperCase();
      if (raw !== "") {
        if (!(CURRENCIES as readonly string[]).includes(raw)) {
          fail({ file, line, column: layout.header[index.currency] ?? "currency", value: row[index.currency] ?? "", reason: `is not a known currency (${CURRENCIES.join(", ")})` });
          continue;
        }
        currency = raw;
      }
    }
    let s = bySymbol.get(symbol);
    if (!s) {
      s = newSeries(symbol);
      bySymbol.set(symbol, s);
    }
    if (currency !== undefined) {
      if (s.currency !== undefined && s.currency !== currency) {
        fail({ file, line, column: layout.header[index.currency!] ?? "currency", value: currency, reason: `differs from ${s.currency} on earlier rows of ${symbol}` });
        continue;
      }
      s.currency = currency;
    }
    s.days.push(toDayNumber(d.value));
    s.lines.push(line);
    const target: Record<ValueField, number[]> = s;
    for (let k = 0; k < VALUE_FIELDS.length; k++) target[VALUE_FIELDS[k]!].push(values[k]!);
  }
  out.series = [...bySymbol.values()];
  if (out.errors.length === 0 && out.series.length === 0) {
    out.errors.push({ file, reason: `has no price rows (${out.rowsRead} rows read, ${out.skippedEmpty} with all prices empty)` });
  }
  return out;
}
