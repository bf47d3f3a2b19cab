import type { InputIssue } from "../../errors.js";
import { resolveColumns } from "../../providers/csv/columns.js";
import { detectPriceLayout } from "../../providers/csv/price-layout.js";
import { PRICE_FIELDS } from "../../providers/csv/prices.js";
import { firstStoredDateAmong, storedPriceRange, type PriceBasis } from "../../store/price-basis.js";
import type { Store } from "../../store/open.js";
import { fromDayNumber } from "../../core/dates.js";
import type { InputTable } from "./read-table.js";

/**
 * The basis of a price file's closes, when `--basis` does not say:
 * - `adjusted` for a file with an adjusted close and no close (`Date,Adj Close`);
 * - `adjusted` for yfinance's own column order `Close,High,Low,Open,Volume` without `Adj Close`: what yfinance
 *   writes when it auto-adjusts (its default since 0.2.51), so `Close` is split- and dividend-adjusted;
 * - `raw` otherwise (Yahoo's `Date,Open,High,Low,Close,Adj Close,Volume`, or a plain `Date,Close`: pass
 *   `--basis adjusted` for a file of adjusted closes such as `us-adjclose`).
 * @param index resolved column positions of the file's header
 * @param given `--basis`, which wins (except that a file with only an adjusted close is always adjusted)
 * @example fileBasis({ date: 0, close: 1, high: 2, low: 3, open: 4, volume: 5 }, undefined) // "adjusted" (yfinance)
 */
export function fileBasis(index: Readonly<Record<string, number | undefined>>, given: PriceBasis | undefined): PriceBasis {
  if (index.close === undefined && index.adjClose !== undefined) return "adjusted";
  if (given !== undefined) return given;
  const { close, high, low, open, volume } = index;
  const yfinance = index.adjClose === undefined && close !== undefined && high !== undefined && low !== undefined && open !== undefined
    && volume !== undefined && close < high && high < low && low < open && open < volume;
  return yfinance ? "adjusted" : "raw";
}

/**
 * The basis of one price table (see {@link fileBasis}), or a located error when `--basis adjusted` is given for
 * a file that has both a close and an adjusted close (its close is then the raw close).
 */
export function basisOfTable(table: InputTable, given: PriceBasis | undefined, map?: Record<string, string>): { basis: PriceBasis; error?: InputIssue } {
  const layout = detectPriceLayout(table.rows);
  const { index } = resolveColumns(layout.header, PRICE_FIELDS, map);
  if (given === "adjusted" && index.close !== undefined && index.adjClose !== undefined) {
    return {
      basis: "adjusted",
      error: { file: table.file, line: Number(table.lines[0] ?? 1), column: "--basis", value: "adjusted", reason: `the file has both ${layout.header[index.close]} and ${layout.header[index.adjClose]}: its close is the raw close; drop --basis adjusted (the adjusted close is kept beside it)` },
    };
  }
  return { basis: fileBasis(index, given) };
}

/** One file's series with the basis they are on. */
export interface BasisCheckFile {
  file: string;
  basis: PriceBasis;
  series: readonly { security: string; days: ArrayLike<number>; lines: ArrayLike<number> }[];
}

/**
 * Refusals of series on another basis than the security's stored series, or than another file of the same
 * import: file, line of the first overlapping date (else of the first row), security, basis stored vs given.
 * @param stored the stored basis per security (securities without prices absent)
 */
export async function checkSeriesBases(store: Store, files: readonly BasisCheckFile[], stored: ReadonlyMap<string, PriceBasis>): Promise<InputIssue[]> {
  const issues: InputIssue[] = [];
  const firstFile = new Map<string, { file: string; basis: PriceBasis }>();
  for (const f of files) {
    for (const s of f.series) {
      const have = stored.get(s.security);
      if (have !== undefined && have !== f.basis) {
        const overlap = await firstStoredDateAmong(store, s.security, s.days);
        const range = await storedPriceRange(store, s.security);
        const at = overlap === undefined ? 0 : Math.max(0, Array.from(s.days).findIndex((d) => fromDayNumber(d) === overlap));
        issues.push({
          file: f.file, ...(s.lines.length > 0 ? { line: s.lines[at]! } : {}), column: "basis", value: f.basis,
          reason: `${s.security}'s stored prices${range ? ` (${range.first} to ${range.last})` : ""} are on the ${have} basis, this file's are ${f.basis}${overlap ? `; first overlapping date ${overlap}` : ""}: adjusted and raw closes are never mixed in one series (${hint(have)})`,
        });
        continue;
      }
      const other = firstFile.get(s.security);
      if (other !== undefined && other.basis !== f.basis) {
        issues.push({
          file: f.file, ...(s.lines.length > 0 ? { line: s.lines[0]! } : {}), column: "basis", value: f.basis,
          reason: `${s.security} is ${other.basis} in ${other.file} and ${f.basis} here: import one basis per security`,
        });
      } else if (other === undefined) firstFile.set(s.security, { file: f.file, basis: f.basis });
    }
  }
  return issues;
}

function hint(stored: PriceBasis): string {
  return stored === "raw"
    ? "import this file into another store, or import a file with raw closes (and an Adj Close column) instead"
    : "import this file into another store, or pass --basis adjusted if these closes are adjusted too";
}
