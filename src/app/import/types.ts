import type { InputIssue } from "../../errors.js";
import type { Currency } from "../../models/common.js";
import type { DateOrder } from "../../providers/csv/parse-date.js";
import type { InputTable } from "./read-table.js";
import type { PriceBasis } from "../../store/price-basis.js";

export const IMPORT_KINDS = ["securities", "prices", "fundamentals", "estimates", "fx", "events", "sec"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  kind: ImportKind;
  files: readonly string[];
  /** Field → header overrides (`--map date=交易日期,close=收盘`). */
  map?: Record<string, string>;
  symbol?: string;
  /** sec: SEC's company_tickers.json, to match each companyfacts document's CIK to a ticker. */
  tickers?: string;
  /** sec: the response cache holding a fetched ticker file (default .rerate/cache), or false for none. */
  cacheDir?: string | false;
  currency?: Currency;
  encoding?: string;
  dateOrder?: DateOrder;
  /** Headers to leave out (`--ignore-columns`); any other column the kind does not know is an error. */
  ignoreColumns?: readonly string[];
  /** Drop a time of day after a date (`--date-only`); otherwise only midnight is accepted on a daily value. */
  dateOnly?: boolean;
  dryRun?: boolean;
  /** Warnings become errors. */
  strict?: boolean;
  /** Import time (ISO); the CLI passes the clock in. */
  now: string;
  /** Price files: the basis of a `Date,Close` file's closes (default raw; a file with only Adj Close is adjusted). */
  basis?: PriceBasis;
  /** Import real data into a store that holds the synthetic demo (refused without it). */
  allowSyntheticMix?: boolean;
  /** Marks the sources as synthetic (demo data). */
  synthetic?: boolean;
  /** Excel workbooks: the sheet to read (default the first). */
  sheet?: string;
  /** Tables read before the per-file checks (Excel workbooks, read asynchronously), or why they could not be. */
  tables?: ReadonlyMap<string, InputTable | Error>;
  /** Price files only: never use DuckDB's reader (the vectorised path); for tests that compare both paths. */
  generalPathOnly?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface FileReport {
  file: string;
  rowsRead: number;
  rows: number;
  skippedEmpty: number;
  warnings: InputIssue[];
  quality: Record<string, number>;
}

export interface ImportSummary {
  kind: ImportKind;
  dryRun: boolean;
  files: FileReport[];
  added: number;
  updated: number;
  unchanged: number;
  newSecurities: string[];
}

export function emptyReport(file: string): FileReport {
  return { file, rowsRead: 0, rows: 0, skippedEmpty: 0, warnings: [], quality: {} };
}
