import { InvalidInputError } from "../../errors.js";

/** Records of a delimited text file, each with the physical line it starts on. */
export interface CsvTable {
  /** `rows[i]` holds the fields of record i, untrimmed. */
  rows: string[][];
  /** `lines[i]` is the 1-based line number where record i starts, for error messages. */
  lines: Int32Array | number[];
  /** The delimiter used, given or sniffed. */
  delimiter: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const CANDIDATES = [",", "\t", ";", "|"] as const;

/**
 * Splits delimited text (CSV, TSV, …) into records and fields. Quoted fields may hold the delimiter, `""` for
 * a quote, and line breaks; LF and CRLF line ends are both read; empty lines are skipped.
 *
 * @param text - Decoded file contents (see `decodeText`).
 * @param opts - `delimiter` (one character) skips sniffing; `file` names the file in error messages.
 * @returns The records with their starting line numbers and the delimiter used.
 * @throws InvalidInputError when a quoted field is never closed, naming the line it opened on.
 * @example
 * tokenizeCsv('date,close\n2025-09-24,"1,234.5"\n');
 * // { rows: [["date", "close"], ["2025-09-24", "1,234.5"]], lines: Int32Array [1, 2], delimiter: "," }
 */
export function tokenizeCsv(text: string, opts: { delimiter?: string; file?: string } = {}): CsvTable {
  const file = opts.file ?? "input";
  const delimiter = opts.delimiter ?? sniffDelimiter(text);
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw InvalidInputError.at({ file, column: "delimiter", value: delimiter, reason: "must be one character other than a quote or line break" });
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  let nextQuote = text.indexOf('"');
  // A byte-order mark left in the text (decodeText strips it) must not become part of the first header.
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let width = 0;
  while (pos < n) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1) nl = n;
    if (nextQuote === -1 || nextQuote > nl) {
      // No quote on this line: split with indexOf, no per-character work.
      let end = nl;
      if (end > pos && text.charCodeAt(end - 1) === CR) end--;
      if (end > pos) {
        const fields = splitPlain(text, pos, end, delimiter, width);
        width = fields.length;
        rows.push(fields);
        lines.push(line);
      }
      pos = nl + 1;
      line++;
      continue;
    }
    const rec = readQuotedRecord(text, pos, delimiter, line, file);
    rows.push(rec.fields);
    lines.push(line);
    pos = rec.end;
    line = rec.line;
    if (nextQuote < pos) nextQuote = text.indexOf('"', pos);
  }
  return { rows, lines: Int32Array.from(lines), delimiter };
}

/** Fields of `text[start, end)`, which holds no quote and no line break. `width` presizes the array. */
function splitPlain(text: string, start: number, end: number, delimiter: string, width: number): string[] {
  const fields: string[] = width > 0 ? new Array<string>(width) : [];
  let k = 0;
  let s = start;
  for (;;) {
    const d = text.indexOf(delimiter, s);
    if (d === -1 || d >= end) {
      fields[k++] = text.slice(s, end);
      break;
    }
    fields[k++] = text.slice(s, d);
    s = d + 1;
  }
  if (k !== fields.length) fields.length = k;
  return fields;
}

/**
 * Reads one record that holds a quote somewhere, character by character, from `start` through its line break.
 * A quote opens a quoted field only at the start of a field; elsewhere it is literal (`5" pipe`).
 */
function readQuotedRecord(
  text: string, start: number, delimiter: string, startLine: number, file: string,
): { fields: string[]; end: number; line: number } {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  const fields: string[] = [];
  let line = startLine;
  let i = start;
  let nextNl = text.indexOf("\n", start);
  for (;;) {
    let value = "";
    if (text.charCodeAt(i) === QUOTE) {
      const openLine = line;
      let seg = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          throw InvalidInputError.at({ file, line: openLine, reason: 'has a quoted field that is never closed; add the closing " or escape quotes inside fields as ""' });
        }
        // Count the line breaks inside the quotes so that later records get the right line number.
        while (nextNl !== -1 && nextNl < q) {
          line++;
          nextNl = text.indexOf("\n", nextNl + 1);
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(seg, q + 1);
          i = seg = q + 2;
          continue;
        }
        value += text.slice(seg, q);
        i = q + 1;
        break;
      }
    }
    // Unquoted field, or text after a closing quote (kept as written, as most readers do).
    const s = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === delim || c === LF) break;
      i++;
    }
    let e = i;
    if ((i === n || text.charCodeAt(i) === LF) && e > s && text.charCodeAt(e - 1) === CR) e--;
    fields.push(e > s ? value + text.slice(s, e) : value);
    if (i < n && text.charCodeAt(i) === delim) {
      i++;
      continue;
    }
    if (i < n) line++;
    return { fields, end: i + 1, line };
  }
}

/**
 * The delimiter of the first non-empty line: the most frequent of `,` tab `;` `|` outside quotes; `,` when none
 * occurs or on a tie with `,`.
 */
function sniffDelimiter(text: string): string {
  const counts = [0, 0, 0, 0];
  const limit = Math.min(text.length, 65536);
  let inQuote = false;
  let seen = false;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuote = !inQuote;
    else if (!inQuote && c === LF) {
      if (seen) break;
    } else if (!inQuote) {
      if (c !== CR) seen = true;
      const k = CANDIDATES.indexOf(text[i] as (typeof CANDIDATES)[number]);
      if (k !== -1) counts[k] = (counts[k] ?? 0) + 1;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if ((counts[k] ?? 0) > (counts[best] ?? 0)) best = k;
  return CANDIDATES[best] ?? ",";
}
