import type { InputIssue } from "../../errors.js";
import type { Currency } from "../../models/common.js";
import type { Security } from "../../models/security.js";
import { fromDayNumber } from "../../core/dates.js";
import { checkPriceBars, DEFAULT_MAX_GAP_DAYS, MAX_NORMAL_GAP_DAYS } from "../../core/quality/price-checks.js";
import { finalizeSeries, type PriceSeries } from "../../providers/csv/finalize-series.js";
import { parsePriceTable } from "../../providers/csv/prices.js";
import type { DateOrder } from "../../providers/csv/parse-date.js";
import { inferListing } from "../../providers/csv/symbols.js";
import type { InputTable } from "./read-table.js";
import { IMPORT_LIMITS } from "../../core/quality/import-limits.js";
import { addDays } from "./records.js";

export interface PreparedPriceFile {
  series: PriceSeries[];
  errors: InputIssue[];
  warnings: InputIssue[];
  /** Data-quality findings; `line` is the file line (JSON: record number) of the bar (the stored detail does not repeat it). */
  findings: { security: string; date: string; check: string; detail: string; line: number }[];
  rowsRead: number;
  skippedEmpty: number;
  /** Securities the store does not know yet, inferred from their symbols. */
  newSecurities: Security[];
}

export interface PriceImportOptions {
  map?: Record<string, string>;
  ignoreColumns?: readonly string[];
  dateOnly?: boolean;
  /** The import's clock date (YYYY-MM-DD); bars dated past it by more than a day are refused. */
  today?: string;
  symbol?: string;
  currency?: Currency;
  dateOrder?: DateOrder;
}

/**
 * Parses, de-duplicates, checks and resolves currencies of one price file; pure apart from the lookup of
 * known securities. Errors refuse the file; warnings and findings do not.
 */
export function preparePriceFile(
  table: InputTable,
  known: ReadonlyMap<string, Pick<Security, "currency" | "exchange">>,
  opts: PriceImportOptions,
): PreparedPriceFile {
  const file = table.file;
  const parsed = parsePriceTable(table.rows, table.lines, {
    file,
    ...(opts.map ? { map: opts.map } : {}),
    ...(opts.symbol !== undefined ? { symbol: opts.symbol } : {}),
    ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
    ...(opts.ignoreColumns ? { ignoreColumns: opts.ignoreColumns } : {}),
    ...(opts.dateOnly ? { dateOnly: true } : {}),
    ...(opts.today !== undefined ? { maxDate: addDays(opts.today, IMPORT_LIMITS.maxDaysAhead) } : {}),
    checkWidth: table.format === "csv",
  });
  const out: PreparedPriceFile = {
    series: [], errors: parsed.errors, warnings: parsed.warnings, findings: [], rowsRead: parsed.rowsRead,
    skippedEmpty: parsed.skippedEmpty, newSecurities: [],
  };
  for (const s of parsed.series) {
    const fin = finalizeSeries(s, file, parsed.dateColumn);
    out.errors.push(...fin.errors);
    out.warnings.push(...fin.warnings);
    const series = fin.series;
    const sec = known.get(series.security);
    const inferred = inferListing(series.security);
    const currency = series.currency ?? opts.currency ?? sec?.currency ?? inferred.currency;
    if (currency === undefined) {
      out.errors.push({ file, column: "currency", value: series.security, reason: "currency of this symbol is unknown: import a security master first or pass --currency" });
      continue;
    }
    if (sec && series.currency !== undefined && series.currency !== sec.currency) {
      // One series, one currency: the file's rows must not join stored rows of another currency.
      out.errors.push({ file, line: series.lines[0]!, column: parsed.currencyColumn ?? "currency", value: series.currency, reason: `differs from ${series.security}'s listing currency ${sec.currency}` });
      continue;
    }
    if (sec && series.currency === undefined && opts.currency !== undefined && opts.currency !== sec.currency) {
      out.errors.push({ file, column: "--currency", value: opts.currency, reason: `differs from ${series.security}'s listing currency ${sec.currency}` });
      continue;
    }
    series.currency = currency;
    if (!sec) {
      out.newSecurities.push({
        id: series.security, name: { en: series.security }, exchange: inferred.exchange, currency: currency as Currency,
        kind: inferred.kind, sharesPerListing: 1,
      });
    }
    const exchange = sec?.exchange ?? inferred.exchange;
    for (const f of checkPriceBars(series, MAX_NORMAL_GAP_DAYS[exchange] ?? DEFAULT_MAX_GAP_DAYS)) {
      const line = series.lines[f.index]!;
      out.findings.push({ security: series.security, date: fromDayNumber(series.days[f.index]!), check: f.check, detail: f.detail, line });
    }
    out.series.push(series);
  }
  const format = table.format;
  if (format !== "csv") {
    out.errors = out.errors.map((i) => locateJsonIssue(i, format));
    out.warnings = out.warnings.map((i) => locateJsonIssue(i, format));
  }
  return out;
}

/**
 * The price parser counts "lines" through `table.lines`: for a JSON array those are record numbers, and the
 * header that JSON files do not have is "line 0". Say `record N` for JSON, and drop the header's line.
 */
function locateJsonIssue(issue: InputIssue, format: "json" | "jsonl"): InputIssue {
  if (issue.line === undefined) return issue;
  const { line, ...rest } = issue;
  if (line === 0) return rest;
  return format === "json" ? { ...rest, record: line } : issue;
}
