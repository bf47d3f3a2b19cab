import type { InputIssue } from "../../errors.js";
import { resolveColumns } from "../../providers/csv/columns.js";
import { detectPriceLayout } from "../../providers/csv/price-layout.js";
import { symbolFromFileName } from "../../providers/csv/symbols.js";
import { yahooFxPair } from "../../providers/yahoo/fx-rates.js";
import type { InputTable } from "./read-table.js";

/**
 * An FX file in a price layout, as Yahoo and yfinance save an FX symbol's history (`Date,Open,High,Low,Close,…`, or
 * yfinance's `Price,Close,…` / `Ticker,CNY=X,…` / `Date,,…`), as the fx kind's table: base, quote, date and the close
 * as the rate (the adjusted close when there is no close). The pair is Yahoo's symbol in the header, else the file
 * name (`CNY=X.csv`, `EURUSD_X.csv`), read the way Yahoo names pairs ({@link yahooFxPair}). Rows without a rate
 * (holidays yfinance pads) are left out and counted in a warning. Any other table (one with base/quote/pair
 * columns, or no date and close) is returned as it is.
 * @example fxTableOf(readInputTable("CNY=X.csv")).table.rows[1] // ["USD", "CNY", "2001-06-25", "8.276800155639648"]
 */
export function fxTableOf(table: InputTable): { table: InputTable; errors: InputIssue[]; warnings: InputIssue[] } {
  const same = { table, errors: [], warnings: [] };
  if (table.format !== "csv" || table.rows.length === 0) return same;
  const layout = detectPriceLayout(table.rows);
  const { index } = resolveColumns(layout.header, ["base", "quote", "pair", "rate", "date", "close", "adjClose"]);
  if (index.base !== undefined || index.quote !== undefined || index.pair !== undefined || index.rate !== undefined) return same;
  const rateCol = index.close ?? index.adjClose;
  if (index.date === undefined || rateCol === undefined) return same;
  const file = table.file;
  const headerLine = Number(table.lines[0] ?? 1);
  if (layout.headerSymbols.length > 1) {
    return { ...same, errors: [{ file, line: headerLine, column: "Ticker", value: layout.headerSymbols.join(", "), reason: "names several symbols in columns: save one file per FX pair" }] };
  }
  const symbol = layout.symbolFromHeader ?? symbolFromFileName(file);
  if (symbol === undefined) return same;
  const pair = yahooFxPair(symbol);
  if (pair === undefined) {
    return {
      ...same,
      errors: [{ file, line: headerLine, column: "symbol", value: symbol, reason: "is not a Yahoo FX symbol (CNY=X is USD→CNY, EURUSD=X is EUR→USD): add base and quote columns, or name the file after its pair" }],
    };
  }
  const di = index.date;
  const rows: string[][] = [["base", "quote", layout.header[di] ?? "Date", layout.header[rateCol] ?? "Close"]];
  const lines: number[] = [headerLine];
  let skipped = 0;
  for (let r = layout.dataStart; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.every((c) => c.trim() === "")) continue;
    if ((row[rateCol] ?? "").trim() === "") {
      skipped++;
      continue;
    }
    rows.push([pair.base, pair.quote, row[di] ?? "", row[rateCol] ?? ""]);
    lines.push(Number(table.lines[r]));
  }
  const warnings: InputIssue[] = skipped > 0 ? [{ file, reason: `${skipped} rows without a rate (${layout.header[rateCol] ?? "Close"} empty) left out` }] : [];
  return { table: { ...table, rows, lines }, errors: [], warnings };
}
