import { normalizeHeader } from "./columns.js";

/** Where the header and the data of a price table are, and any symbol the extra header rows name. */
export interface PriceLayout {
  /** One header row (multi-row headers are folded into it). */
  header: string[];
  /** Index of the first data record. */
  dataStart: number;
  /** The symbol named by a header row, when the extra rows name exactly one (yfinance layouts). */
  symbolFromHeader?: string;
  /** All symbols named in header rows (long formats map bare codes through them). */
  headerSymbols: string[];
}

const isNumeric = (s: string) => s.trim() !== "" && !Number.isNaN(Number(s.replaceAll(",", "")));

/** A row under the header that is itself header: `Ticker,9988.HK,…`, `,9988.HK,…` or `Date,,,,`. */
function isSubHeader(row: readonly string[]): boolean {
  const first = normalizeHeader(row[0] ?? "");
  if (first !== "" && first !== "ticker" && first !== "date" && first !== "symbol") return false;
  const rest = row.slice(1).filter((c) => c.trim() !== "");
  if (first === "date" && rest.length === 0) return true;
  return rest.length > 0 && rest.every((c) => !isNumeric(c) && !/^\d{4}-\d{2}-\d{2}/.test(c));
}

/**
 * Recognises the price layouts found in real downloads: Yahoo's one header row; yfinance's multi-index
 * (`Price,Close,…` / `Ticker,9988.HK,…` / `Date,,,…`); its two-row variant with an empty first cell
 * (`Date,Close,…` / `,9988.HK,…`); and long formats with a ticker column and a symbol row.
 * @param rows the tokenized records of the file (at least the first few).
 */
export function detectPriceLayout(rows: readonly (readonly string[])[]): PriceLayout {
  const row0 = rows[0] ?? [];
  let header = [...row0];
  let dataStart = 1;
  if (normalizeHeader(row0[0] ?? "") === "price" && normalizeHeader(rows[1]?.[0] ?? "") === "ticker") {
    header = ["Date", ...row0.slice(1)];
  }
  const symbols: string[] = [];
  while (dataStart < rows.length && dataStart <= 3 && isSubHeader(rows[dataStart]!)) {
    const row = rows[dataStart]!;
    for (const c of row.slice(1)) if (c.trim() !== "") symbols.push(c.trim());
    // A long format puts the symbol row under the data columns; keep header names from row 0.
    dataStart++;
  }
  const distinct = [...new Set(symbols)];
  const layout: PriceLayout = { header, dataStart, headerSymbols: distinct };
  if (distinct.length === 1) layout.symbolFromHeader = distinct[0]!;
  return layout;
}
