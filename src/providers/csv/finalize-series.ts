import type { InputIssue } from "../../errors.js";
import { fromDayNumber } from "../../core/dates.js";
import type { ParsedSeries } from "./prices.js";

/** A security's bars sorted by date with one bar per date, in typed arrays (NaN = missing). */
export interface PriceSeries {
  security: string;
  currency?: string;
  days: Int32Array;
  lines: Int32Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  adjClose: Float64Array;
  volume: Float64Array;
}

const FIELDS = ["open", "high", "low", "close", "adjClose", "volume"] as const;

function sameBar(s: ParsedSeries, i: number, j: number): boolean {
  for (const f of FIELDS) {
    const a = s[f][i]!;
    const b = s[f][j]!;
    if (a !== b && !(a !== a && b !== b)) return false;
  }
  return true;
}

/**
 * Sorts a parsed series by date and removes exact duplicate dates (a warning); a date repeated with
 * different values is an error naming both lines.
 * @param dateColumn the date column's header as the file writes it, for the messages.
 */
export function finalizeSeries(s: ParsedSeries, file: string, dateColumn = "date"): { series: PriceSeries; errors: InputIssue[]; warnings: InputIssue[] } {
  const n = s.days.length;
  let sorted = true;
  for (let i = 1; i < n; i++) if (s.days[i]! <= s.days[i - 1]!) { sorted = false; break; }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!sorted) order.sort((a, b) => s.days[a]! - s.days[b]! || a - b);
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const keep: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const prev = keep.length > 0 ? keep[keep.length - 1]! : -1;
    if (prev >= 0 && s.days[prev] === s.days[i]) {
      const date = fromDayNumber(s.days[i]!);
      if (sameBar(s, prev, i)) {
        warnings.push({ file, line: s.lines[i]!, column: dateColumn, value: date, reason: `repeats line ${s.lines[prev]} with the same values; kept once` });
      } else {
        errors.push({ file, line: s.lines[i]!, column: dateColumn, value: date, reason: `duplicate date for ${s.security} with different values than line ${s.lines[prev]}` });
      }
      continue;
    }
    keep.push(i);
  }
  const m = keep.length;
  const out: PriceSeries = {
    security: s.security,
    days: new Int32Array(m),
    lines: new Int32Array(m),
    open: new Float64Array(m),
    high: new Float64Array(m),
    low: new Float64Array(m),
    close: new Float64Array(m),
    adjClose: new Float64Array(m),
    volume: new Float64Array(m),
  };
  if (s.currency !== undefined) out.currency = s.currency;
  for (let k = 0; k < m; k++) {
    const i = keep[k]!;
    out.days[k] = s.days[i]!;
    out.lines[k] = s.lines[i]!;
    for (const f of FIELDS) out[f][k] = s[f][i]!;
  }
  return { series: out, errors, warnings };
}
