import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { InvalidInputError, type InputIssue } from "../../errors.js";
import { normalizeHeader } from "../../providers/csv/columns.js";
import type { InputTable } from "./read-table.js";

/** Whether a file is an Excel workbook by its name (`.xlsx`, `.xlsm`); `.xls` is refused with its own reason. */
export const isWorkbook = (file: string): boolean => /\.(xlsx|xlsm|xls)$/i.test(file);

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * One cell as the text the CSV rules read: a date cell as `YYYY-MM-DD` (with ` HH:MM:SS` when it has a time), a
 * number as stored (its shortest exact decimal), a formula by its cached result, rich text and links by their text.
 * Excel serials in a general-format cell stay numbers: the date parser reads serials 20000–80000 as dates.
 * @example cellText(new Date("2025-09-24T00:00:00Z")) // "2025-09-24"; cellText({ formula: "1+1", result: 2 }) // "2"
 */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    const d = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const t = v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds();
    return t === 0 ? d : `${d} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
  }
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) return "result" in v && v.result !== undefined ? cellText(v.result as ExcelJS.CellValue) : "";
  if ("error" in v) return String(v.error);
  if ("text" in v) return typeof v.text === "string" ? v.text : cellText(v.text as ExcelJS.CellValue);
  return "";
}

/**
 * Reads one sheet of an Excel workbook as the table the CSV reader produces (header row first, each record with its
 * sheet row number as its line), so that every import kind applies the same rules to it.
 * @param opts.sheet - the sheet's name (default the first sheet).
 * @throws InvalidInputError naming the file (and the sheet) when it cannot be read or the sheet does not exist.
 * @example const t = await readWorkbookTable("book.xlsx", { sheet: "Prices" }); t.rows[0] // ["Date", "Close"]
 */
export async function readWorkbookTable(file: string, opts: { sheet?: string } = {}): Promise<InputTable> {
  if (/\.xls$/i.test(file)) throw InvalidInputError.at({ file, reason: "is an Excel 97–2003 workbook (.xls): save it as .xlsx (or CSV) and import that" });
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw InvalidInputError.at({ file, reason: code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a directory, not a file" : `cannot be read (${code})` });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw InvalidInputError.at({ file, reason: `is not a readable .xlsx workbook (${(e as Error).message.split("\n")[0]})` });
  }
  const sheets = wb.worksheets;
  const ws = opts.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === opts.sheet) ?? sheets.find((s) => s.name.toLowerCase() === opts.sheet!.toLowerCase());
  if (ws === undefined) {
    throw InvalidInputError.at({
      file, column: "--sheet", ...(opts.sheet !== undefined ? { value: opts.sheet } : {}),
      reason: sheets.length === 0 ? "the workbook has no sheets" : `names no sheet of this workbook (sheets: ${sheets.map((s) => s.name).join(", ")})`,
    });
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    // row.values is 1-based (index 0 unused): column A is index 0 of the table, so C3 is table column 2.
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v));
    if (values.every((c) => c.trim() === "")) return;
    width = Math.max(width, values.length);
    rows.push(values);
    lines.push(n);
  });
  for (const r of rows) while (r.length < width) r.push("");
  return {
    file, sheet: ws.name, format: "csv", rows, lines, sha256: createHash("sha256").update(bytes).digest("hex"), encoding: "xlsx", bytes: bytes.length,
  };
}

/**
 * Reads the workbooks among an import's files (before the synchronous per-file checks); a workbook that cannot be
 * read is kept as its error, reported with the other files' problems.
 * @example const tables = await readWorkbooks(["book.xlsx", "prices.csv"], "Prices"); // only book.xlsx is read
 */
export async function readWorkbooks(files: readonly string[], sheet: string | undefined): Promise<Map<string, InputTable | InvalidInputError>> {
  const out = new Map<string, InputTable | InvalidInputError>();
  for (const f of files.filter(isWorkbook)) {
    try {
      out.set(f, await readWorkbookTable(f, sheet !== undefined ? { sheet } : {}));
    } catch (e) {
      if (e instanceof InvalidInputError) out.set(f, e);
      else throw e;
    }
  }
  return out;
}

/**
 * An issue of a sheet located the spreadsheet way, `book.xlsx!Sheet1:R12C3`: the row is the issue's line, the column
 * the header cell that names the issue's column (left out when the issue names none, or a field rather than a header).
 * @example locateInSheet(table, { file, line: 12, column: "Close", reason: "…" }).file // "book.xlsx!Sheet1:R12C5"
 */
export function locateInSheet(table: Pick<InputTable, "file" | "sheet" | "rows" | "lines">, issue: InputIssue): InputIssue {
  if (table.sheet === undefined || issue.file !== table.file) return issue;
  const { line, ...rest } = issue;
  let cell = "";
  if (line !== undefined && line > 0) {
    cell = `:R${line}`;
    if (issue.column !== undefined) {
      const header = table.rows[0] ?? [];
      let c = header.indexOf(issue.column);
      if (c < 0) c = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(issue.column!));
      if (c >= 0) cell += `C${c + 1}`;
    }
  }
  return { ...rest, file: `${table.file}!${table.sheet}${cell}` };
}
