import type { InputIssue } from "../../errors.js";
import { CURRENCIES } from "../../models/common.js";
import { isoToDayNumber, toDayNumber } from "../../core/dates.js";
import { FIELD_ALIASES, normalizeHeader, resolveColumns } from "./columns.js";
import { checkHeader, rowWidthIssue } from "./header-check.js";
import { IMPORT_LIMITS, isPriceInBounds, PRICE_BOUNDS_REASON } from "../../core/quality/import-limits.js";
import { detectPriceLayout } from "./price-layout.js";
import { parseDateCell, detectDateOrder, findDateOrderConflict, type DateOrder } from "./parse-date.js";
import { parseNumberCell, readNumber } from "./parse-number.js";
import { normalizeSymbol, symbolFromFileName } from "./symbols.js";

export const PRICE_FIELDS = ["date", "open", "high", "low", "close", "adjClose", "volume", "security", "currency"] as const;

export interface PriceParseOptions {
  file: string;
  /** Field → header overrides (`--map`). */
  map?: Record<string, string>;
  /** Symbol for files that carry none (overrides the file name). */
  symbol?: string;
  dateOrder?: DateOrder;
  /** Stop collecting errors after this many (the file is refused anyway). */
  maxErrors?: number;
  /** Headers to leave out (`--ignore-columns`); any other unknown column is an error. */
  ignoreColumns?: readonly string[];
  /** Drop a time of day after a date; otherwise only midnight is accepted. */
  dateOnly?: boolean;
  /** Last accepted date (YYYY-MM-DD), the import's date plus a day; without it only the 1900 floor is checked. */
  maxDate?: string;
  /** Records are CSV rows: each must have as many cells as the header. */
  checkWidth?: boolean;
}

/** Normalised header spellings a price file may use (every field's aliases and `--map` headers). */
export function knownPriceHeaders(map: Record<string, string> = {}): Set<string> {
  const known = new Set<string>();
  for (const f of PRICE_FIELDS) {
    known.add(f.toLowerCase());
    for (const a of FIELD_ALIASES[f] ?? []) known.add(a);
  }
  for (const h of Object.values(map)) known.add(normalizeHeader(h));
  return known;
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
  /** The date column's header as the file writes it (for messages about dates). */
  dateColumn: string;
  /** The currency column's header, when the file has one. */
  currencyColumn?: string;
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
  const out: ParsedPriceFile = { file, dateColumn: "date", series: [], errors: [], warnings: [], rowsRead: 0, skippedEmpty: 0 };
  if (rows.length === 0) {
    out.errors.push({ file, reason: "is empty: a prices file needs a header row and at least one data row" });
    return out;
  }
  const layout = detectPriceLayout(rows);
  const headerLine = Number(lines[0] ?? 1);
  const found = `found columns: ${layout.header.map((h) => JSON.stringify(h)).join(", ")}`;
  const { index, unmatched } = resolveColumns(layout.header, PRICE_FIELDS, opts.map);
  if (unmatched.length > 0) {
    for (const f of unmatched) {
      out.errors.push({ file, line: headerLine, column: "--map", value: `${f}=${opts.map![f]}`, reason: `names no such column in this file (${found})` });
    }
    return out;
  }
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
      line: headerLine,
      column: missing.join(", "),
      reason: `required column missing: this does not look like a prices file (${found}); use --map ${missing[0]}=HEADER if the column has another name`,
    });
    return out;
  }
  if (index.security === undefined && layout.headerSymbols.length > 1) {
    // yfinance's multi-ticker download puts one column per ticker and field: taking the first Close would
    // file one ticker's prices under another's name.
    out.errors.push({
      file, line: Number(lines[1] ?? headerLine), column: "Ticker", value: layout.headerSymbols.join(", "),
      reason: "names several symbols in columns (a multi-ticker download): save one file per ticker, or a long file with a symbol column",
    });
    return out;
  }
  const headerIssues = checkHeader(layout.header, {
    file, line: headerLine, kind: "prices", known: knownPriceHeaders(opts.map), suggest: ["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume", "Symbol", "Currency"],
    ...(opts.ignoreColumns ? { ignore: opts.ignoreColumns } : {}),
  }, (i) => rows.every((row, r) => r < layout.dataStart || (row[i] ?? "").trim() === ""));
  if (headerIssues.length > 0) {
    out.errors.push(...headerIssues);
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
  out.dateColumn = layout.header[di] ?? "date";
  if (index.currency !== undefined) out.currencyColumn = layout.header[index.currency] ?? "currency";
  // One reading of a/b/yyyy dates per file: the first rows usually settle it; if not, any date of the file with a day above 12 does.
  const order = opts.dateOrder ?? detectDateOrder(rows.slice(layout.dataStart, layout.dataStart + 200).map((r) => r[di] ?? ""))
    ?? detectDateOrder(rows.slice(layout.dataStart).map((r) => r[di] ?? ""));
  if (opts.dateOrder === undefined && order === undefined) {
    const conflict = findDateOrderConflict(rows.slice(layout.dataStart).map((r) => r[di] ?? ""));
    if (conflict !== undefined) {
      const at = (k: number) => ({ line: Number(lines[layout.dataStart + k]), value: rows[layout.dataStart + k]?.[di] ?? "" });
      const m = at(conflict.monthFirst);
      out.errors.push({ file, line: at(conflict.dayFirst).line, column: layout.header[di] ?? "date", value: at(conflict.dayFirst).value,
        reason: `is day-first, but line ${m.line} (${m.value}) is month-first: this file's date order is unknown; pass --date-order dmy or mdy` });
      return out;
    }
  }
  const dateOpts = opts.dateOnly ? { dateOnly: true } : {};
  const minDay = isoToDayNumber(IMPORT_LIMITS.minDate);
  const maxDay = opts.maxDate !== undefined ? isoToDayNumber(opts.maxDate) : Infinity;
  const width = layout.header.length;
  // Present prices must lie within the documented bounds (a 1e-320 or 1e300 close is a corrupted cell).
  const outOfBounds = (v: number): boolean => v === v && v > 0 && !isPriceInBounds(v);
  // A non-positive open/high/low/adjusted close is a placeholder in real downloads: warn and store as missing.
  const nonPositive = (v: number, ci: number, field: string, row: readonly string[], line: number): number => {
    if (v > 0 || v !== v) return v;
    out.warnings.push({ file, line, column: layout.header[ci] ?? field, value: row[ci] ?? "", reason: "is not positive; stored as missing" });
    return NaN;
  };
  const fail = (issue: InputIssue) => {
    if (out.errors.length < maxErrors) out.errors.push(issue);
    else if (out.errors.length === maxErrors) out.errors.push({ file, reason: "… more errors not shown" });
  };
  // Column indices as plain numbers (-1 = absent) so the loop below stays monomorphic and allocation-free.
  const cOpen = index.open ?? -1, cHigh = index.high ?? -1, cLow = index.low ?? -1, cClose = index.close!;
  const cAdj = index.adjClose ?? -1, cVol = index.volume ?? -1, cSec = index.security ?? -1, cCcy = index.currency ?? -1;
  const colName = (ci: number, fallback: string) => layout.header[ci] ?? fallback;
  const num = (row: readonly string[], ci: number, line: number, field: string): number | undefined => {
    if (ci < 0) return NaN;
    const raw = row[ci] ?? "";
    const v = readNumber(raw);
    if (v === undefined) {
      const p = parseNumberCell(raw);
      fail({ file, line, column: colName(ci, field), value: raw, reason: p.ok ? "is not a number" : p.reason });
    }
    return v;
  };
  let current: ParsedSeries | undefined;
  for (let r = layout.dataStart; r < rows.length; r++) {
    const row = rows[r]!;
    const line = lines[r] as number;
    out.rowsRead++;
    if (opts.checkWidth && row.length !== width) {
      // A row of empty cells is a placeholder whatever its width; any other row must match the header.
      if (row.every((c) => c.trim() === "")) { out.skippedEmpty++; continue; }
      fail(rowWidthIssue(file, line, row.length, width, headerLine)!);
      continue;
    }
    const open = num(row, cOpen, line, "open");
    const high = num(row, cHigh, line, "high");
    const low = num(row, cLow, line, "low");
    const close = num(row, cClose, line, "close");
    const adj = num(row, cAdj, line, "adjClose");
    const vol = num(row, cVol, line, "volume");
    if (open === undefined || high === undefined || low === undefined || close === undefined || adj === undefined || vol === undefined) continue;
    if (open !== open && high !== high && low !== low && close !== close && adj !== adj) {
      out.skippedEmpty++;
      continue;
    }
    const rawDate = row[di] ?? "";
    let day = isoToDayNumber(rawDate);
    if (day !== day) {
      const d = parseDateCell(rawDate, order, dateOpts);
      if (!d.ok || d.value === undefined) {
        fail({ file, line, column: colName(di, "date"), value: rawDate, reason: d.ok ? "is missing" : d.reason });
        continue;
      }
      day = toDayNumber(d.value);
    }
    if (day < minDay || day > maxDay) {
      fail({ file, line, column: colName(di, "date"), value: rawDate, reason: day < minDay ? `is before ${IMPORT_LIMITS.minDate}: not a date rerate accepts` : `is in the future (after ${opts.maxDate}, the import's date plus ${IMPORT_LIMITS.maxDaysAhead} day)` });
      continue;
    }
    if (close !== close) {
      fail({ file, line, column: colName(cClose, "close"), value: "", reason: "is missing while other prices are present" });
      continue;
    }
    const far = outOfBounds(close) ? cClose : outOfBounds(open) ? cOpen : outOfBounds(high) ? cHigh : outOfBounds(low) ? cLow : outOfBounds(adj) ? cAdj : -1;
    if (far >= 0) {
      fail({ file, line, column: colName(far, "close"), value: row[far] ?? "", reason: PRICE_BOUNDS_REASON });
      continue;
    }
    if (vol > IMPORT_LIMITS.maxVolume) {
      fail({ file, line, column: colName(cVol, "volume"), value: row[cVol] ?? "", reason: `is beyond the accepted volume (≤ ${IMPORT_LIMITS.maxVolume} a day)` });
      continue;
    }
    if (close <= 0) {
      fail({ file, line, column: colName(cClose, "close"), value: row[cClose] ?? "", reason: "is not positive: a close must be > 0" });
      continue;
    }
    if (vol < 0) {
      fail({ file, line, column: colName(cVol, "volume"), value: row[cVol] ?? "", reason: "is negative" });
      continue;
    }
    let symbol = fileSymbol;
    if (cSec >= 0) {
      // A file with a symbol column names the security on every row: an empty cell is not the file's symbol.
      const raw = (row[cSec] ?? "").trim();
      if (raw === "") {
        fail({ file, line, column: colName(cSec, "symbol"), value: row[cSec] ?? "", reason: "is empty: every row of a file with a symbol column needs its symbol" });
        continue;
      }
      symbol = headerSymbolOf(raw);
    }
    if (symbol === undefined) {
      fail({ file, line, column: "symbol", value: "", reason: "is empty" });
      continue;
    }
    let currency: string | undefined;
    if (cCcy >= 0) {
      const raw = (row[cCcy] ?? "").trim().toUpperCase();
      if (raw !== "") {
        if (!(CURRENCIES as readonly string[]).includes(raw)) {
          fail({ file, line, column: colName(cCcy, "currency"), value: row[cCcy] ?? "", reason: `is not a known currency (${CURRENCIES.join(", ")})` });
          continue;
        }
        currency = raw;
      }
    }
    let s = current !== undefined && current.security === symbol ? current : bySymbol.get(symbol);
    if (!s) {
      s = newSeries(symbol);
      bySymbol.set(symbol, s);
    }
    current = s;
    if (currency !== undefined) {
      if (s.currency !== undefined && s.currency !== currency) {
        fail({ file, line, column: colName(cCcy, "currency"), value: currency, reason: `differs from ${s.currency} on earlier rows of ${symbol}` });
        continue;
      }
      s.currency = currency;
    }
    s.days.push(day);
    s.lines.push(line);
    s.open.push(nonPositive(open, cOpen, "open", row, line));
    s.high.push(nonPositive(high, cHigh, "high", row, line));
    s.low.push(nonPositive(low, cLow, "low", row, line));
    s.close.push(close);
    s.adjClose.push(nonPositive(adj, cAdj, "adjClose", row, line));
    s.volume.push(vol);
  }
  out.series = [...bySymbol.values()];
  if (out.errors.length === 0 && out.series.length === 0) {
    out.errors.push({ file, reason: `has no price rows (${out.rowsRead} rows read, ${out.skippedEmpty} with all prices empty)` });
  }
  return out;
}
