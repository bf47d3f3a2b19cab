import { dirname, resolve } from "node:path";
import type { z } from "zod";
import { InvalidInputError, type InputIssue } from "../../errors.js";
import { confinedPath, readConfigFile } from "../config-file.js";
import { Thesis } from "../../models/thesis.js";
import { createLineLocator, valueAt } from "../yaml-locate.js";
import { resolveInputPath } from "../example-files.js";
import { parseYamlSafely } from "../yaml-safe.js";

/** A thesis read from its file, with the line of every field for messages. */
export interface LoadedThesis {
  readonly file: string;
  /** Directory that relative paths in the thesis (events file, scenario models) resolve against. */
  readonly dir: string;
  readonly thesis: Thesis;
  /** 1-based line of the field at a path (the deepest node the path reaches). */
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined;
}

const show = (v: unknown): string | undefined => (v === undefined ? undefined : typeof v === "object" ? JSON.stringify(v) : String(v));

/** Zod issues as located input issues: the field path, the value found there and why it is wrong. */
function zodIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, file: string, lineOf: LoadedThesis["lineOf"]): InputIssue[] {
  return issues.map((issue) => {
    let path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    let reason = issue.message.replace(/^Invalid input: /, "").replace(/^Invalid option: /, "").replace(/^Invalid discriminator value\. Expected /, "must be one of ");
    if (issue.code === "unrecognized_keys") {
      const key = issue.keys[0]!;
      path = [...path, key];
      reason = `is not a field here (known fields are listed in src/models/thesis.ts)`;
      return { file, line: lineOf(path) ?? 1, column: path.join("."), reason };
    }
    const here = valueAt(raw, path);
    if (issue.code === "invalid_type" && here === undefined) reason = "is missing";
    const value = show(here);
    return { file, line: lineOf(path) ?? 1, column: path.join(".") || "(top level)", ...(value !== undefined && value.length < 80 ? { value } : {}), reason };
  });
}

/** Cross-references a schema cannot see: groups, scenarios and claim ids that must exist or be unique. */
function referenceIssues(t: Thesis, file: string, lineOf: LoadedThesis["lineOf"]): InputIssue[] {
  const out: InputIssue[] = [];
  const groups = Object.keys(t.groups);
  const needGroup = (id: string | undefined, path: (string | number)[]) => {
    if (id !== undefined && !groups.includes(id)) out.push({ file, line: lineOf(path) ?? 1, column: path.join("."), value: id, reason: `names no group of groups: (${groups.join(", ")})` });
  };
  needGroup(t.wall.a, ["wall", "a"]);
  needGroup(t.wall.b, ["wall", "b"]);
  if (t.wall.a === t.wall.b) out.push({ file, line: lineOf(["wall", "b"]) ?? 1, column: "wall.b", value: t.wall.b, reason: "must differ from wall.a" });
  t.attribution?.groups.forEach((g, i) => needGroup(g, ["attribution", "groups", i]));
  const seen = new Set<string>();
  t.claims.forEach((c, i) => {
    if (seen.has(c.id)) out.push({ file, line: lineOf(["claims", i, "id"]) ?? 1, column: `claims.${i}.id`, value: c.id, reason: "is used by an earlier claim; claim ids must be unique" });
    seen.add(c.id);
    if (c.kind === "discount" || c.kind === "premium") {
      needGroup(c.a, ["claims", i, "a"]);
      needGroup(c.b, ["claims", i, "b"]);
    }
    if (c.kind === "attribution") {
      needGroup(c.group, ["claims", i, "group"]);
      if ((c.group === undefined) === (c.security === undefined)) out.push({ file, line: lineOf(["claims", i]) ?? 1, column: `claims.${i}`, reason: "needs exactly one of group: or security:" });
    }
    if (c.kind === "scenario" && !(c.scenario in t.scenarios)) {
      out.push({ file, line: lineOf(["claims", i, "scenario"]) ?? 1, column: `claims.${i}.scenario`, value: c.scenario, reason: `names no model of scenarios: (${Object.keys(t.scenarios).join(", ") || "none"})` });
    }
    if (c.kind === "event" && c.window[0] > c.window[1]) out.push({ file, line: lineOf(["claims", i, "window"]) ?? 1, column: `claims.${i}.window`, value: JSON.stringify(c.window), reason: "must run from an earlier day to a later one, e.g. [0, 1]" });
  });
  return out;
}

function fail(issues: InputIssue[]): never {
  const fmt = (i: InputIssue) => `${i.file}:${i.line}: ${i.column ?? ""}${i.value !== undefined ? ` ${JSON.stringify(i.value)}` : ""} ${i.reason}`.replace(/: {2}/, ": ");
  throw new InvalidInputError(issues.map(fmt).join("\n"), issues);
}

/**
 * Reads a thesis from YAML (or JSON) text: syntax errors, schema problems and dangling references are reported with
 * the file, line and field.
 *
 * @param text - the file's contents.
 * @param file - the file's path (relative paths inside the thesis resolve against its directory).
 * @returns the validated thesis and its line lookup.
 * @throws InvalidInputError listing every problem as `file:line: field "value" reason`.
 * @example parseThesis(readFileSync("examples/china-tech-rerating.yaml", "utf8"), "examples/china-tech-rerating.yaml").thesis.claims.length
 */
export function parseThesis(text: string, file: string): LoadedThesis {
  const { doc, lines, raw } = parseYamlSafely(text, file);
  const lineOf = createLineLocator(doc, lines);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    fail([{ file, line: 1, reason: "is not a thesis (expected id:, title:, groups:, wall:, claims: …)" }]);
  }
  const parsed = Thesis.safeParse(raw);
  if (!parsed.success) fail(zodIssues(parsed.error.issues, raw, file, lineOf));
  const refs = referenceIssues(parsed.data, file, lineOf);
  if (refs.length > 0) fail(refs);
  return { file, dir: dirname(resolve(file)), thesis: parsed.data, lineOf };
}

/**
 * Reads and validates a thesis file.
 * @throws NotFoundError when the file does not exist; InvalidInputError for anything malformed.
 */
export function loadThesis(given: string): LoadedThesis {
  const found = resolveInputPath(given);
  const file = found.example ? found.path : given; // errors name the file as the user typed it
  const loaded = parseThesis(readConfigFile(file, "thesis file", given), file);
  checkThesisPaths(loaded);
  return loaded;
}

/**
 * The files a thesis names (events file, scenario models) must lie under its own folder: checked when it is loaded,
 * so a bad path stops `rerate report` before any work, with every such path located.
 * @throws InvalidInputError naming file, line, field and path (never the content of the file it points to).
 */
export function checkThesisPaths(loaded: LoadedThesis): void {
  const issues: InputIssue[] = [];
  const check = (written: string | undefined, path: (string | number)[]) => {
    if (written === undefined) return;
    try {
      confinedPath(loaded.dir, written, { file: loaded.file, line: loaded.lineOf(path) ?? 1, column: path.join(".") });
    } catch (e) {
      issues.push(...((e as InvalidInputError).issues ?? []));
    }
  };
  check(loaded.thesis.events?.file, ["events", "file"]);
  for (const [id, spec] of Object.entries(loaded.thesis.scenarios)) check(spec.file, ["scenarios", id, "file"]);
  if (issues.length > 0) fail(issues);
}
