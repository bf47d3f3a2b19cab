import { closeSync, openSync, readSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import type { Currency } from "../../models/common.js";
import type { Security } from "../../models/security.js";
import { resolveColumns } from "../../providers/csv/columns.js";
import { detectPriceLayout } from "../../providers/csv/price-layout.js";
import { knownPriceHeaders, PRICE_FIELDS } from "../../providers/csv/prices.js";
import { checkHeader } from "../../providers/csv/header-check.js";
import { inferListing, symbolFromFileName } from "../../providers/csv/symbols.js";
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
 * currency column, one symbol, a known currency and ISO dates. Anything else — and any file the loader's
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
  if (index.date === undefined || index.close === undefined || index.security !== undefined || index.currency !== undefined) return undefined;
  // An unknown, unnamed or repeated column: the general path refuses it with the header's line.
  if (checkHeader(layout.header, { file: path, kind: "prices", known: knownPriceHeaders(opts.map), suggest: [] }).length > 0) return undefined;
  const width = layout.header.length;
  const data = table.rows.slice(layout.dataStart, layout.dataStart + 200);
  if (data.length === 0 || data.some((r) => r.length !== width || !ISO.test(r[index.date!] ?? ""))) return undefined;
  const symbol = opts.symbol ?? layout.symbolFromHeader ?? symbolFromFileName(path);
  if (symbol === undefined) return undefined;
  const sec = known.get(symbol);
  const inferred = inferListing(symbol);
  if (sec && opts.currency !== undefined && opts.currency !== sec.currency) return undefined;
  const currency = opts.currency ?? sec?.currency ?? inferred.currency;
  if (currency === undefined) return undefined;
  const line = Number(table.lines[layout.dataStart]);
  const cols: FastPriceFile["columns"] = { date: index.date, close: index.close };
  for (const f of ["open", "high", "low", "adjClose", "volume"] as const) if (index[f] !== undefined) cols[f] = index[f];
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
