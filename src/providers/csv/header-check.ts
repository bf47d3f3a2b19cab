import type { InputIssue } from "../../errors.js";
import { normalizeHeader } from "./columns.js";

/**
 * Columns that real downloads carry beside the prices and that rerate does not store: accepted by rule and
 * left out, so a Yahoo or eastmoney file imports as downloaded. Any other unknown column is an error.
 * (Normalised spellings: lower case, `_`/`-` as spaces.)
 */
export const INFORMATIONAL_COLUMNS: readonly string[] = [
  "dividends", "stock splits", "capital gains", "repaired?", "name", "名称", "名稱", "股票名称", "股票名稱",
  "成交额", "成交額", "成交金额", "成交金額", "amount", "turnover", "涨跌幅", "漲跌幅", "涨跌额", "漲跌額", "振幅", "换手率", "換手率",
  "pct chg", "change", "change %", "pre close", "昨收", "前收盘", "前收盤",
];

/** Edit distance between two short strings (header names), a swap of neighbours counting as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name nearest to `name` (edit distance on normalised spellings, at most a third of its length,
 * at least 1), for "did you mean …?".
 * @returns the known spelling, or undefined when nothing is near.
 * @example nearestName("shares_per_lisitng", ["shares_per_listing", "id"]) // "shares_per_listing"
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const n = normalizeHeader(name).slice(0, 64);
  let best: string | undefined;
  let bestD = Math.max(1, Math.floor(n.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(n, normalizeHeader(k));
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

/** What a header row must be checked against. */
export interface HeaderRules {
  file: string;
  /** Line of the header row (CSV); omitted for JSON records. */
  line?: number;
  /** Normalised spellings a column of this kind may have. */
  known: ReadonlySet<string>;
  /** Spellings shown in "did you mean" (the canonical field names). */
  suggest: readonly string[];
  /** Headers the user chose to leave out (`--ignore-columns`), as written. */
  ignore?: readonly string[];
  kind: string;
}

/**
 * Checks a header row: a column named twice (after normalisation: `Close` and `close `) is an error, and so is
 * a column this kind does not know, unless it is one of {@link INFORMATIONAL_COLUMNS} or passed in
 * `--ignore-columns`. An unnamed column is accepted only when the caller says its cells are all empty.
 * @returns located issues (none when the header is fine).
 */
export function checkHeader(header: readonly string[], rules: HeaderRules, columnIsEmpty: (i: number) => boolean = () => false): InputIssue[] {
  const out: InputIssue[] = [];
  const at = { file: rules.file, ...(rules.line !== undefined ? { line: rules.line } : {}) };
  const ignore = new Set((rules.ignore ?? []).map(normalizeHeader));
  const firstAt = new Map<string, number>();
  header.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n === "") {
      if (!columnIsEmpty(i) && !ignore.has("")) {
        out.push({ ...at, column: `column ${i + 1}`, reason: "has no name but holds values: name it, or leave it out with --ignore-columns \"\"" });
      }
      return;
    }
    const prev = firstAt.get(n);
    if (prev !== undefined) {
      out.push({ ...at, column: h, reason: `is named twice (columns ${prev + 1} and ${i + 1}): which one holds the data is a guess; rename or remove one` });
      return;
    }
    firstAt.set(n, i);
    if (ignore.has(n) || rules.known.has(n) || INFORMATIONAL_COLUMNS.includes(n)) return;
    const near = nearestName(h, rules.suggest);
    out.push({
      ...at, column: h,
      reason: `is not a column of a ${rules.kind} file${near !== undefined ? `: did you mean \`${near}\`?` : ""} (leave it out with --ignore-columns "${h.length > 40 ? h.slice(0, 40) + "…" : h}")`,
    });
  });
  return out;
}

/**
 * A data row's width against its header's: more cells (often an unquoted thousands separator, `1,234.5`)
 * or fewer shift values into the wrong fields, so either is an error naming both counts.
 * @returns the issue, or undefined when the widths match.
 */
export function rowWidthIssue(file: string, line: number, cells: number, headerCells: number, headerLine: number): InputIssue | undefined {
  if (cells === headerCells) return undefined;
  const hint = cells > headerCells ? ": an unquoted thousands separator (1,234.5) splits a number in two; quote such numbers or drop the separators" : "";
  return { file, line, reason: `has ${cells} cells but the header (line ${headerLine}) has ${headerCells}${hint}` };
}
