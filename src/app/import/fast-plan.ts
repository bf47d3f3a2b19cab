import { closeSync, openSync, readSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import type { Currency } from "../../models/common.js";
import type { Security } from "../../models/security.js";
import { resolveColumns } from "../../providers/csv/columns.js";
import { detectPriceLayout } from "../../providers/csv/price-layout.js";
import { knownPriceHeaders, PRICE_FIELDS } from "../../providers/csv/prices.js";
import { checkHeader } from "../../providers/csv/header-check.js";
import { inferListing, normalizeSymbol, symbolFromFileName } from "../../providers/csv/symbols.js";
import { tokenizeCsv } from "../../providers/csv/tokenize.js";
import type { FastPriceFile } from "../../store/fast-prices.js";
import type { PriceImportOptions } from "./prices.js";
import { fileBasis } from "./price-basis.js";
import type { PriceBasis } from "../../store/price-basis.js";

/** A price file DuckDB's reader can load as is, before it has a source id. */
export interface FastCandidate extends Omit<FastPriceFile, "sourceId"> {
  exchange: string;
  /** The security to create when the store does not know the symbol yet. */
  newSecurity?: Security;
  /** The file's price basis (see price-basis.ts). */
  basis: PriceBasis;
  /** A long-format file's symbols (filled in by {@link resolveLongSymbols}); `security` is then "". */
  symbols?: LongSymbol[];
}

/** One symbol of a long-format file: its cell as read, and the security its rows go to. */
export interface LongSymbol {
  raw: string;
  security: string;
  currency: string;
  exchange: string;
  newSecurity?: Security;
}

/** The securities a plan loads: its one security, or a long-format file's. */
export function planSecurities(p: FastCandidate): string[] {
  return p.symbols ? p.symbols.map((s) => s.security) : [p.security];
}

const HEAD_BYTES = 16 * 1024;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function readHead(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buf = Buffer.allocUnsafe(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Decides from its first 16 KB (a header and a few hundred rows) whether a price file can take the vectorised path (DuckDB's CSV reader): a
 * `.csv` in UTF-8 without BOM, comma-separated, a price layout the general parser recognises, no symbol or
 * currency column, one symbol (from the file's name, header or --symbol) or a symbol column (a long-format file,
 * whose symbols {@link resolveLongSymbols} then settles), a known currency and ISO dates. Anything else — and any file the loader's
 * checks later refuse — goes through the general path, which gives the same result with located errors.
 * @returns the plan, or undefined for the general path.
 */
export function planFastPriceFile(
  path: string,
  known: ReadonlyMap<string, Pick<Security, "currency" | "exchange">>,
  opts: PriceImportOptions & { encoding?: string; basis?: PriceBasis },
): FastCandidate | undefined {
  if (!path.toLowerCase().endsWith(".csv") || opts.dateOrder !== undefined || opts.ignoreColumns !== undefined) return undefined;
  if (opts.encoding !== undefined && !/^utf-?8$/i.test(opts.encoding)) return undefined;
  const head = readHead(path);
  if (!head || head.length === 0 || (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)) return undefined;
  const cut = head.lastIndexOf(10);
  if (cut < 0) return undefined;
  const text = head.subarray(0, cut + 1);
  if (!isUtf8(text)) return undefined;
  let table: ReturnType<typeof tokenizeCsv>;
  try {
    table = tokenizeCsv(text.toString("utf8"));
  } catch {
    return undefined; // e.g. a quote still open at the end of the head: the general path reads the whole file
  }
  if (table.delimiter !== "," || table.rows.length < 2) return undefined;
  const layout = detectPriceLayout(table.rows);
  const { index, unmatched } = resolveColumns(layout.header, PRICE_FIELDS, opts.map);
  // A --map header the file lacks, or several tickers in columns: the general path refuses these with a located error.
  if (unmatched.length > 0 || layout.headerSymbols.length > 1) return undefined;
  // Both a close and an adjusted close under --basis adjusted: the general path refuses it with its line.
  if (opts.basis === "adjusted" && index.close !== undefined && index.adjClose !== undefined) return undefined;
  const basis = fileBasis(index, opts.basis);
  if (index.close === undefined && index.adjClose !== undefined) {
    index.close = index.adjClose;
    delete index.adjClose;
  }
  if (index.date === undefined || index.close === undefined || index.currency !== undefined) return undefined;
  // A symbol column next to symbols in the header (yfinance's layout): the general path maps codes to them.
  if (index.security !== undefined && layout.headerSymbols.length > 0) return undefined;
  // An unknown, unnamed or repeated column: the general path refuses it with the header's line.
  if (checkHeader(layout.header, { file: path, kind: "prices", known: knownPriceHeaders(opts.map), suggest: [] }).length > 0) return undefined;
  const width = layout.header.length;
  const data = table.rows.slice(layout.dataStart, layout.dataStart + 200);
  if (data.length === 0 || data.some((r) => r.length !== width || !ISO.test(r[index.date!] ?? ""))) return undefined;
  const line = Number(table.lines[layout.dataStart]);
  const cols: FastPriceFile["columns"] = { date: index.date, close: index.close };
  for (const f of ["open", "high", "low", "adjClose", "volume"] as const) if (index[f] !== undefined) cols[f] = index[f];
  if (index.security !== undefined) {
    cols.symbol = index.security;
    return { path, security: "", currency: "", exchange: "", skip: line - 1, width, columns: cols, delimiter: ",", basis };
  }
  const symbol = opts.symbol ?? layout.symbolFromHeader ?? symbolFromFileName(path);
  if (symbol === undefined) return undefined;
  const sec = known.get(symbol);
  const inferred = inferListing(symbol);
  if (sec && opts.currency !== undefined && opts.currency !== sec.currency) return undefined;
  const currency = opts.currency ?? sec?.currency ?? inferred.currency;
  if (currency === undefined) return undefined;
  const plan: FastCandidate = {
    path, security: symbol, currency, exchange: sec?.exchange ?? inferred.exchange, skip: line - 1, width, columns: cols, delimiter: ",", basis,
  };
  if (!sec) {
    plan.newSecurity = {
      id: symbol, name: { en: symbol }, exchange: inferred.exchange, currency: currency as Currency, kind: inferred.kind, sharesPerListing: 1,
    };
  }
  return plan;
}

/**
 * Settles a long-format plan's symbols as the general path would: each cell trimmed and normalised
 * (normalizeSymbol: upper case, bare A-share codes get .SS/.SZ/.BJ), the currency from --currency, the store or
 * the symbol's suffix, a new security for a symbol the store lacks.
 * @param raws the symbol cells in order of first appearance (longFileSymbols).
 * @returns undefined when the general path must judge the file: an empty symbol, an unknown currency, a
 *   --currency that differs from a stored listing's, or two cells that name one security.
 */
export function resolveLongSymbols(
  raws: readonly string[], known: ReadonlyMap<string, Pick<Security, "currency" | "exchange">>, opts: { currency?: string },
): LongSymbol[] | undefined {
  const out: LongSymbol[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    if (raw.trim() === "") return undefined;
    const security = normalizeSymbol(raw);
    // " 9988.hk" and "9988.HK" are one series to the general path: left to it (it keeps file order across them).
    if (seen.has(security)) return undefined;
    seen.add(security);
    const sec = known.get(security);
    const inferred = inferListing(security);
    if (sec && opts.currency !== undefined && opts.currency !== sec.currency) return undefined;
    const currency = opts.currency ?? sec?.currency ?? inferred.currency;
    if (currency === undefined) return undefined;
    const s: LongSymbol = { raw, security, currency, exchange: sec?.exchange ?? inferred.exchange };
    if (!sec) s.newSecurity = { id: security, name: { en: security }, exchange: inferred.exchange, currency: currency as Currency, kind: inferred.kind, sharesPerListing: 1 };
    out.push(s);
  }
  return out.length > 0 ? out : undefined;
}

/**
 * Records in a file after its header: non-empty lines from `skip` on (what the general parser counts as rows read).
 * @param bytes the whole file.
 */
export function countDataRows(bytes: Uint8Array, skip: number): number {
  let line = 0;
  let rows = 0;
  let start = 0;
  const n = bytes.length;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (start < n) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = n;
    line++;
    if (line > skip) {
      let e = end;
      if (e > start && buf[e - 1] === 13) e--;
      if (e > start) rows++;
    }
    start = end + 1;
  }
  return rows;
}
