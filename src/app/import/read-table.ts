import { readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { InvalidInputError } from "../../errors.js";
import { decodeText } from "../../providers/csv/decode.js";
import { tokenizeCsv } from "../../providers/csv/tokenize.js";
import { CONFIG_LIMITS, jsonDepthExceeded } from "../yaml-safe.js";

/** Largest import file read whole (CSV, JSON): past it the file is refused naming the limit. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

/** A file read as a table of strings (header row first), with where each record starts. */
export interface InputTable {
  file: string;
  /** Excel imports: the sheet read (the table is then line-based like CSV, its lines the sheet's rows). */
  sheet?: string;
  format: "csv" | "json" | "jsonl";
  rows: string[][];
  /** 1-based line of each record (JSON arrays: record number). */
  lines: ArrayLike<number>;
  /** For JSON input: the parsed records, for kinds that accept the model's own shape. */
  records?: Record<string, unknown>[];
  sha256: string;
  encoding: string;
  bytes: number;
}

function refuseSize(file: string, size: number): never {
  throw InvalidInputError.at({ file, reason: `is ${size} bytes, past the limit of ${MAX_IMPORT_BYTES} bytes for one import file: split it` });
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join(";");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Flattens JSON records into a header row plus string rows (nested `name: {en}` → `name.en`). */
function recordsToRows(records: Record<string, unknown>[]): string[][] {
  const cols: string[] = [];
  const seen = new Set<string>();
  const flat = records.map((r) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      if (v !== null && typeof v === "object" && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) o[`${k}.${k2}`] = v2;
      else o[k] = v;
    }
    for (const k of Object.keys(o)) if (!seen.has(k)) { seen.add(k); cols.push(k); }
    return o;
  });
  return [cols, ...flat.map((o) => cols.map((c) => cellText(o[c])))];
}

/**
 * Reads a CSV/TSV, JSON (array, or object with a `data`/`rows` array) or JSON Lines file as a table.
 * @throws InvalidInputError naming the file when it cannot be read, decoded or parsed.
 */
export function readInputTable(file: string, opts: { encoding?: string } = {}): InputTable {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_IMPORT_BYTES) return refuseSize(file, size);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InvalidInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw InvalidInputError.at({ file, reason: code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a directory, not a file" : `cannot be read (${code})` });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const decoded = decodeText(bytes, { file, ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}) });
  const text = decoded.text;
  const base = { file, sha256, encoding: decoded.encoding, bytes: bytes.length };
  const lower = file.toLowerCase();
  const first = text.trimStart()[0];
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
    const records: Record<string, unknown>[] = [];
    const lines: number[] = [];
    text.split(/\r?\n/).forEach((l, i) => {
      if (l.trim() === "") return;
      try {
        if (jsonDepthExceeded(l, CONFIG_LIMITS.maxDepth) !== undefined) throw new Error(`nested deeper than the limit of ${CONFIG_LIMITS.maxDepth} levels`);
        const v = JSON.parse(l) as unknown;
        if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error("not an object");
        records.push(v as Record<string, unknown>);
        lines.push(i + 1);
      } catch (e) {
        throw InvalidInputError.at({ file, line: i + 1, reason: `is not a JSON object (${(e as Error).message})` });
      }
    });
    if (records.length === 0) throw InvalidInputError.at({ file, reason: "holds no records: a JSON Lines file needs one JSON object per line" });
    return { ...base, format: "jsonl", rows: recordsToRows(records), lines: [0, ...lines], records };
  }
  if (lower.endsWith(".json") || first === "[" || first === "{") {
    let v: unknown;
    const deep = jsonDepthExceeded(text, CONFIG_LIMITS.maxDepth);
    if (deep !== undefined) throw InvalidInputError.at({ file, line: deep, reason: `nests arrays and objects deeper than the limit of ${CONFIG_LIMITS.maxDepth} levels` });
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw InvalidInputError.at({ file, reason: `is not valid JSON (${(e as Error).message})` });
    }
    const arr = Array.isArray(v) ? v : v && typeof v === "object" ? ((v as Record<string, unknown>).data ?? (v as Record<string, unknown>).rows) : undefined;
    if (!Array.isArray(arr)) throw InvalidInputError.at({ file, reason: "is JSON but holds no array of records (expected [...] or {\"data\": [...]})" });
    arr.forEach((r, i) => {
      if (r === null || typeof r !== "object" || Array.isArray(r)) throw InvalidInputError.at({ file, record: i + 1, reason: "is not a JSON object" });
    });
    const records = arr as Record<string, unknown>[];
    if (records.length === 0) throw InvalidInputError.at({ file, reason: "holds no records: the array is empty" });
    return { ...base, format: "json", rows: recordsToRows(records), lines: [0, ...records.map((_, i) => i + 1)], records };
  }
  const t = tokenizeCsv(text, { file });
  return { ...base, format: "csv", rows: t.rows, lines: t.lines };
}
