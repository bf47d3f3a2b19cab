import { metricShortName, type MultipleKind } from "../core/valuation/index.js";
import { localized } from "../i18n/index.js";
import type { Lang } from "../models/common.js";
import type { PeerComps } from "./comps-table.js";
import type { Wall } from "./wall.js";

/** A CSV cell: text, a number (written as is), or empty. */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
 * gets a leading apostrophe (OWASP's advice against CSV injection); numbers are written as numbers, so negative
 * values stay numeric. Fields with commas, quotes, line breaks or edge spaces are quoted.
 *
 * @example csvField("=HYPERLINK(\"x\")") // "'=HYPERLINK(\"\"x\"\")" quoted
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text (CRLF line ends, as RFC 4180 and Excel expect). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** The comps table as CSV rows: one per security, each metric's value and, when n.m., its reason. */
export function compsCsvRows(c: PeerComps, lang: Lang = "en", extra?: (row: PeerComps["rows"][number]) => CsvCell[], extraHead: string[] = []): CsvCell[][] {
  const head = [
    "as_of", "group", "security", "name", "currency", "price", "price_date", `market_cap_${c.currency.toLowerCase()}`,
    ...c.metrics.flatMap((m: MultipleKind) => [metricShortName(m), `${metricShortName(m)}_nm`]), ...extraHead,
  ];
  const rows = c.rows.map((r) => {
    const price = r.multiples.marketCap.inputs.price ?? r.multiples.trailingPE.inputs.price;
    return [
      c.asOf, r.group, r.security.id, localized(r.security.name, lang), price?.currency ?? r.security.currency, price?.close, price?.date, r.marketCap.value,
      ...c.metrics.flatMap((m) => {
        const res = r.multiples[m];
        return [res.value, res.value === undefined ? `${res.nm}: ${res.message}` : undefined];
      }),
      ...(extra?.(r) ?? []),
    ];
  });
  return [head, ...rows];
}

/** The wall as CSV rows: the comps rows of both groups plus, for group A, implied prices and upsides. */
export function wallCsvRows(w: Wall, lang: Lang = "en"): CsvCell[][] {
  const byId = new Map(w.closing.map((r) => [r.id, r]));
  const head = w.close.flatMap((x) => [`implied_price_${x}`, `upside_${x}`]);
  return compsCsvRows(w.comps, lang, (r) => {
    const c = r.group === w.a.id ? byId.get(r.security.id) : undefined;
    return w.close.flatMap((_, k) => {
      const s = c?.scenarios?.[k];
      return [s?.price, s?.upside];
    });
  }, head);
}
