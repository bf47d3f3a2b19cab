import type { InputIssue } from "../../errors.js";
import { normalizeHeader } from "../../providers/csv/columns.js";
import { parseDateCell } from "../../providers/csv/parse-date.js";
import { parseNumberCell } from "../../providers/csv/parse-number.js";
import { symbolFromFileName } from "../../providers/csv/symbols.js";
import type { RecordKind } from "./record-kinds.js";
import type { InputTable } from "./read-table.js";

export interface ParsedRecords<T> {
  records: T[];
  lines: number[];
  errors: InputIssue[];
  rowsRead: number;
}

function setPath(o: Record<string, unknown>, path: string, v: unknown): void {
  const dot = path.indexOf(".");
  if (dot < 0) {
    o[path] = v;
    return;
  }
  const head = path.slice(0, dot);
  const inner = (o[head] ??= {}) as Record<string, unknown>;
  inner[path.slice(dot + 1)] = v;
}

/**
 * Maps each row of a record file (securities, fundamentals, estimates, fx, events) onto the kind's model
 * and validates it with the model's Zod schema; every problem is located by line, column and value.
 */
export function parseRecords<T>(table: InputTable, kind: RecordKind, map: Record<string, string> = {}, maxErrors = 20): ParsedRecords<T> {
  const file = table.file;
  const out: ParsedRecords<T> = { records: [], lines: [], errors: [], rowsRead: 0 };
  const header = table.rows[0] ?? [];
  const norm = header.map(normalizeHeader);
  const colOf = new Map<string, number>();
  for (const fs of kind.fields) {
    const mapped = map[fs.path];
    const names = mapped !== undefined ? [normalizeHeader(mapped)] : [normalizeHeader(fs.path), normalizeHeader(fs.path.replace(".", " ")), ...fs.aliases];
    const i = norm.findIndex((h, j) => names.includes(h) && ![...colOf.values()].includes(j));
    if (i >= 0) colOf.set(fs.path, i);
  }
  // An FX file in price layout (Date,…,Close from Yahoo's USDHKD=X) gets its pair from the file name.
  const pairFromName = kind.kind === "fx" && !colOf.has("base") ? symbolFromFileName(file)?.match(/^([A-Z]{3})([A-Z]{3})=X$/) : undefined;
  const missing = kind.fields.filter((fs) => fs.required && !colOf.has(fs.path) && !(pairFromName && (fs.path === "base" || fs.path === "quote")));
  if (missing.length > 0) {
    out.errors.push({
      file, line: 1, column: missing.map((m) => m.path).join(", "),
      reason: `required column missing: this does not look like a ${kind.kind} file (found columns: ${header.map((h) => JSON.stringify(h)).join(", ")}); use --map FIELD=HEADER if a column has another name`,
    });
    return out;
  }
  const where = (r: number): Pick<InputIssue, "line" | "record"> =>
    table.format === "json" ? { record: Number(table.lines[r]) } : { line: Number(table.lines[r]) };
  for (let r = 1; r < table.rows.length && out.errors.length < maxErrors; r++) {
    const row = table.rows[r]!;
    if (row.every((c) => c.trim() === "")) continue;
    out.rowsRead++;
    const o: Record<string, unknown> = {};
    let bad = false;
    for (const fs of kind.fields) {
      const ci = colOf.get(fs.path);
      if (ci === undefined) continue;
      const raw = (row[ci] ?? "").trim();
      if (raw === "") continue;
      const col = header[ci] ?? fs.path;
      if (fs.type === "number" || fs.type === "int") {
        const p = parseNumberCell(raw);
        if (!p.ok) { out.errors.push({ file, ...where(r), column: col, value: raw, reason: p.reason }); bad = true; continue; }
        if (p.value !== undefined) setPath(o, fs.path, p.value);
      } else if (fs.type === "date") {
        const p = parseDateCell(raw);
        if (!p.ok) { out.errors.push({ file, ...where(r), column: col, value: raw, reason: p.reason }); bad = true; continue; }
        if (p.value !== undefined) setPath(o, fs.path, p.value);
      } else if (fs.type === "list") {
        setPath(o, fs.path, raw.split(/[;|]/).map((s) => s.trim()).filter((s) => s !== ""));
      } else {
        setPath(o, fs.path, fs.type === "upper" ? raw.toUpperCase() : raw);
      }
    }
    if (bad) continue;
    if (pairFromName) {
      o.base = pairFromName[1];
      o.quote = pairFromName[2];
    }
    kind.complete?.(o);
    const res = kind.schema.safeParse(o);
    if (!res.success) {
      for (const issue of res.error.issues) {
        const path = issue.path.join(".");
        const ci = colOf.get(path) ?? colOf.get(String(issue.path[0]));
        const raw = ci !== undefined ? row[ci] : undefined;
        out.errors.push({ file, ...where(r), column: ci !== undefined ? header[ci]! : path || "(row)", ...(raw !== undefined ? { value: raw } : {}), reason: issue.message });
      }
      continue;
    }
    out.records.push(res.data as T);
    out.lines.push(Number(table.lines[r]));
  }
  if (out.errors.length === 0 && out.records.length === 0) out.errors.push({ file, reason: `has no ${kind.kind} rows` });
  return out;
}
