import type { InputIssue } from "../../errors.js";
import { normalizeHeader } from "../../providers/csv/columns.js";
import { checkHeader, rowWidthIssue } from "../../providers/csv/header-check.js";
import { detectDateOrder, findDateOrderConflict, parseDateCell, type DateOrder } from "../../providers/csv/parse-date.js";
import { IMPORT_LIMITS } from "../../core/quality/import-limits.js";
import { parseNumberCell } from "../../providers/csv/parse-number.js";
import { normalizeSymbol, symbolFromFileName } from "../../providers/csv/symbols.js";
import type { RecordKind } from "./record-kinds.js";
import type { InputTable } from "./read-table.js";

export interface ParsedRecords<T> {
  /** Valid records, one per key (exact repeats dropped). */
  records: T[];
  lines: number[];
  errors: InputIssue[];
  /** Exact repeats of a key (kept once). */
  warnings: InputIssue[];
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

function getPath(o: Record<string, unknown>, path: string): unknown {
  const dot = path.indexOf(".");
  if (dot < 0) return o[path];
  const inner = o[path.slice(0, dot)];
  return inner !== null && typeof inner === "object" ? (inner as Record<string, unknown>)[path.slice(dot + 1)] : undefined;
}

/** Column index of each field: `--map` entries first (so an alias of another field cannot take their column), then names and aliases. */
function resolveRecordColumns(norm: readonly string[], kind: RecordKind, map: Record<string, string>): { colOf: Map<string, number>; unmatched: string[] } {
  const colOf = new Map<string, number>();
  const taken = new Set<number>();
  const unmatched: string[] = [];
  for (const fs of kind.fields) {
    const mapped = map[fs.path];
    if (mapped === undefined) continue;
    const i = norm.findIndex((h, j) => h === normalizeHeader(mapped) && !taken.has(j));
    if (i < 0) unmatched.push(fs.path);
    else {
      colOf.set(fs.path, i);
      taken.add(i);
    }
  }
  for (const fs of kind.fields) {
    if (map[fs.path] !== undefined) continue;
    const names = [normalizeHeader(fs.path), normalizeHeader(fs.path.replace(".", " ")), ...fs.aliases];
    const i = norm.findIndex((h, j) => names.includes(h) && !taken.has(j));
    if (i >= 0) {
      colOf.set(fs.path, i);
      taken.add(i);
    }
  }
  return { colOf, unmatched };
}

/** How a record file is read: `--map`, `--ignore-columns`, `--date-order`, `--date-only` and the import's date. */
export interface RecordParseOptions {
  map?: Record<string, string>;
  ignoreColumns?: readonly string[];
  dateOrder?: DateOrder;
  dateOnly?: boolean;
  /** The import's clock date (YYYY-MM-DD): dates past it by more than a day are refused. Without it, not checked. */
  today?: string;
  maxErrors?: number;
}

/** All normalised spellings a column of this kind may have (paths, paths with spaces, aliases, `--map` headers). */
export function knownRecordHeaders(kind: RecordKind, map: Record<string, string> = {}): Set<string> {
  const known = new Set<string>();
  for (const fs of kind.fields) {
    known.add(normalizeHeader(fs.path));
    known.add(normalizeHeader(fs.path.replace(".", " ")));
    for (const a of fs.aliases) known.add(a);
  }
  for (const h of kind.informational ?? []) known.add(h);
  for (const h of Object.values(map)) known.add(normalizeHeader(h));
  return known;
}

/**
 * Maps each row of a record file (securities, fundamentals, estimates, fx, events) onto the kind's model
 * and validates it with the model's Zod schema; every problem is located by line, column and value.
 * A key repeated with different values is an error naming the differing column; an exact repeat is a
 * warning and the row is kept once.
 */
export function parseRecords<T>(table: InputTable, kind: RecordKind, opts: RecordParseOptions = {}): ParsedRecords<T> {
  const map = opts.map ?? {};
  const maxErrors = opts.maxErrors ?? 20;
  const file = table.file;
  const out: ParsedRecords<T> = { records: [], lines: [], errors: [], warnings: [], rowsRead: 0 };
  if (table.rows.length === 0) {
    out.errors.push({ file, reason: `is empty: a ${kind.kind} file needs a header row and at least one data row` });
    return out;
  }
  const header = table.rows[0] ?? [];
  // JSON has no header line: its "columns" are the records' fields.
  const headerAt: Pick<InputIssue, "line"> = table.format === "csv" ? { line: Number(table.lines[0] ?? 1) } : {};
  const found = `found columns: ${header.map((h) => JSON.stringify(h)).join(", ")}`;
  const { colOf, unmatched } = resolveRecordColumns(header.map(normalizeHeader), kind, map);
  if (unmatched.length > 0) {
    for (const path of unmatched) out.errors.push({ file, ...headerAt, column: "--map", value: `${path}=${map[path]}`, reason: `names no such column in this file (${found})` });
    return out;
  }
  // An FX file in price layout (Date,…,Close from Yahoo's USDHKD=X) gets its pair from the file name.
  const pairFromName = kind.kind === "fx" && !colOf.has("base") ? symbolFromFileName(file)?.match(/^([A-Z]{3})([A-Z]{3})=X$/) : undefined;
  const missing = kind.fields.filter((fs) => fs.required && !colOf.has(fs.path) && !(pairFromName && (fs.path === "base" || fs.path === "quote")));
  if (missing.length > 0) {
    out.errors.push({
      file, ...headerAt, column: missing.map((m) => m.path).join(", "),
      reason: `required column missing: this does not look like a ${kind.kind} file (${found}); use --map FIELD=HEADER if a column has another name`,
    });
    return out;
  }
  const ignored = new Set((opts.ignoreColumns ?? []).map(normalizeHeader));
  const headerIssues = checkHeader(header, {
    file, ...headerAt, kind: kind.kind, known: knownRecordHeaders(kind, map), suggest: kind.fields.flatMap((fs) => [fs.path, fs.path.replace(/[A-Z.]/g, (c) => (c === "." ? "_" : `_${c.toLowerCase()}`))]), ...(opts.ignoreColumns ? { ignore: opts.ignoreColumns } : {}),
  }, (i) => table.rows.every((row, r) => r === 0 || (row[i] ?? "").trim() === ""));
  if (headerIssues.length > 0) {
    out.errors.push(...headerIssues);
    return out;
  }
  // A column the user left out with --ignore-columns is never read, even when its name is a field's.
  for (const [path, ci] of colOf) if (ignored.has(normalizeHeader(header[ci] ?? ""))) colOf.delete(path);
  const pos = (r: number): number => Number(table.lines[r]);
  const where = (r: number): Pick<InputIssue, "line" | "record"> => (table.format === "json" ? { record: pos(r) } : { line: pos(r) });
  const noun = table.format === "json" ? "record" : "line";
  // One reading of a/b/yyyy dates per file: any date with a day above 12 in any date column settles it.
  const dateCols = kind.fields.filter((fs) => fs.type === "date" || fs.type === "timestamp").map((fs) => colOf.get(fs.path)).filter((c): c is number => c !== undefined);
  const order = opts.dateOrder ?? detectDateOrder(table.rows.slice(1).flatMap((row) => dateCols.map((c) => row[c] ?? "")));
  if (opts.dateOrder === undefined && order === undefined) {
    const cells = table.rows.slice(1).flatMap((row) => dateCols.map((c) => row[c] ?? ""));
    const conflict = findDateOrderConflict(cells);
    if (conflict !== undefined) {
      const r = 1 + Math.floor(conflict.dayFirst / dateCols.length);
      const rm = 1 + Math.floor(conflict.monthFirst / dateCols.length);
      out.errors.push({ file, ...where(r), value: cells[conflict.dayFirst]!, reason: `is day-first, but ${noun} ${pos(rm)} (${cells[conflict.monthFirst]}) is month-first: this file's date order is unknown; pass --date-order dmy or mdy` });
      return out;
    }
  }
  const dateOpts = opts.dateOnly ? { dateOnly: true } : {};
  const maxDate = opts.today !== undefined ? addDays(opts.today, IMPORT_LIMITS.maxDaysAhead) : undefined;
  const headerWidth = header.length;
  const seen = new Map<string, { r: number; record: Record<string, unknown> }>();
  for (let r = 1; r < table.rows.length && out.errors.length < maxErrors; r++) {
    const row = table.rows[r]!;
    if (row.every((c) => c.trim() === "")) continue;
    out.rowsRead++;
    if (table.format === "csv") {
      const w = rowWidthIssue(file, pos(r), row.length, headerWidth, Number(table.lines[0] ?? 1));
      if (w !== undefined) { out.errors.push(w); continue; }
    }
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
        const p = parseDateCell(raw, order, dateOpts);
        if (!p.ok) { out.errors.push({ file, ...where(r), column: col, value: raw, reason: p.reason }); bad = true; continue; }
        const range = p.value !== undefined && !fs.future ? dateRangeIssue(p.value, maxDate) : undefined;
        if (range !== undefined) { out.errors.push({ file, ...where(r), column: col, value: raw, reason: range }); bad = true; continue; }
        if (p.value !== undefined) setPath(o, fs.path, p.value);
      } else if (fs.type === "timestamp" && !raw.includes(":")) {
        // A date without a time, in any form a date column accepts (2025/9/24, 2025年9月24日, …).
        const p = parseDateCell(raw, order);
        if (!p.ok) { out.errors.push({ file, ...where(r), column: col, value: raw, reason: p.reason }); bad = true; continue; }
        if (p.value !== undefined) setPath(o, fs.path, p.value);
      } else if (fs.type === "list" || fs.type === "symbols") {
        const items = raw.split(/[;|,]/).map((s) => s.trim()).filter((s) => s !== "");
        setPath(o, fs.path, fs.type === "symbols" ? items.map(normalizeSymbol) : items);
      } else if (fs.type === "symbol") {
        setPath(o, fs.path, normalizeSymbol(raw));
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
        // The field the issue is about: its path, its list (securities.0 → securities), or the required
        // part of a missing object (name → name.en).
        const fs = kind.fields.find((f) => f.path === path) ?? kind.fields.find((f) => f.path === String(issue.path[0]))
          ?? kind.fields.find((f) => f.required && f.path.startsWith(`${path}.`));
        const ci = fs !== undefined ? colOf.get(fs.path) : undefined;
        const raw = ci !== undefined ? row[ci] : undefined;
        // Zod's words for a missing value and for a failed union say nothing to someone holding the file.
        const reason = getPath(o, path) === undefined && issue.code === "invalid_type"
          ? (ci !== undefined ? "is empty: a value is required" : "is missing: a value is required")
          : issue.code === "invalid_union" && fs?.hint !== undefined ? fs.hint : issue.message;
        out.errors.push({ file, ...where(r), column: ci !== undefined ? header[ci]! : path || "(row)", ...(raw !== undefined ? { value: raw } : {}), reason });
      }
      continue;
    }
    const record = res.data as Record<string, unknown>;
    const ruleIssues = kind.check?.(record) ?? [];
    if (ruleIssues.length > 0) {
      for (const ri of ruleIssues) {
        const ci = colOf.get(ri.path);
        out.errors.push({ file, ...where(r), column: ci !== undefined ? header[ci]! : ri.path, ...(ci !== undefined ? { value: (row[ci] ?? "").trim() } : {}), reason: ri.reason });
      }
      continue;
    }
    const key = JSON.stringify(kind.key.map((k) => getPath(record, k)));
    const prev = seen.get(key);
    if (prev !== undefined) {
      const differs = kind.fields.find((fs) => JSON.stringify(getPath(record, fs.path)) !== JSON.stringify(getPath(prev.record, fs.path)));
      if (differs === undefined && JSON.stringify(record) === JSON.stringify(prev.record)) {
        out.warnings.push({ file, ...where(r), reason: `repeats ${noun} ${pos(prev.r)} with the same values; kept once` });
        continue;
      }
      const ci = differs !== undefined ? colOf.get(differs.path) : undefined;
      const shown = (rr: number, rec: Record<string, unknown>) =>
        ci !== undefined ? (table.rows[rr]![ci] ?? "").trim() : String(differs !== undefined ? getPath(rec, differs.path) ?? "" : "");
      out.errors.push({
        file, ...where(r), column: ci !== undefined ? header[ci]! : differs?.path ?? kind.key.join(", "), value: shown(r, record),
        reason: `same key as ${noun} ${pos(prev.r)} (${kind.key.map((k) => String(getPath(record, k))).join(", ")}) with a different value (${shown(prev.r, prev.record)})`,
      });
      continue;
    }
    seen.set(key, { r, record });
    out.records.push(res.data as T);
    out.lines.push(pos(r));
  }
  if (out.errors.length === 0 && out.records.length === 0) out.errors.push({ file, reason: `has no ${kind.kind} rows` });
  return out;
}

/** YYYY-MM-DD plus `n` days. */
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Why a date is outside [1900-01-01, today + 1 day], or undefined. */
export function dateRangeIssue(date: string, maxDate: string | undefined): string | undefined {
  if (date < IMPORT_LIMITS.minDate) return `is before ${IMPORT_LIMITS.minDate}: not a date rerate accepts (a typo or a wrong date order?)`;
  if (maxDate !== undefined && date > maxDate) return `is in the future (after ${maxDate}, the import's date plus ${IMPORT_LIMITS.maxDaysAhead} day): a typo or a wrong date order?`;
  return undefined;
}
