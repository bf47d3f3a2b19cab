import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { InvalidInputError, type InputIssue } from "../errors.js";
import { MAX_CONFIG_ALIASES, MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH } from "./config-file.js";

/**
 * Limits on a YAML or JSON config (thesis, scenario model, peer groups): past them the file is refused with
 * E_INVALID_INPUT naming the limit, never a crash. Documented in README ("Reliability").
 */
export const CONFIG_LIMITS = {
  /** Largest config file (a thesis is a few KB). */
  maxBytes: MAX_CONFIG_BYTES,
  /** Deepest nesting of maps and lists. */
  maxDepth: MAX_CONFIG_DEPTH,
  /** Most alias references resolved (an alias bomb expands exponentially). */
  maxAliasCount: MAX_CONFIG_ALIASES,
} as const;

/** Depth of the deepest collection, walked without recursion; stops counting past `limit`. */
function depthOf(root: unknown, limit: number): { depth: number; node?: YamlNode } {
  const stack: { n: unknown; d: number }[] = [{ n: root, d: 0 }];
  let max = 0;
  while (stack.length > 0) {
    const { n, d } = stack.pop()!;
    if (isMap(n) || isSeq(n)) {
      if (d + 1 > max) max = d + 1;
      if (max > limit) return { depth: max, node: n as YamlNode };
      for (const it of n.items) {
        if (isScalar(it) || isAlias(it)) continue;
        if (it !== null && typeof it === "object" && "key" in it) stack.push({ n: (it as unknown as { value: unknown }).value, d: d + 1 });
        else stack.push({ n: it, d: d + 1 });
      }
    }
  }
  return { depth: max };
}

/** A key written twice in one map, found with one Set per map (the yaml library's own check is quadratic). */
function duplicateKeys(root: unknown, file: string, lines: LineCounter): InputIssue[] {
  const out: InputIssue[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && out.length < 20) {
    const n = stack.pop();
    if (isMap(n)) {
      const seen = new Set<string>();
      for (const p of n.items) {
        if (isScalar(p.key)) {
          const k = String(p.key.value);
          if (seen.has(k)) {
            const at = p.key.range?.[0];
            out.push({ file, line: at !== undefined ? lines.linePos(at).line : 1, reason: `is not valid YAML: map keys must be unique (\`${k.length > 40 ? k.slice(0, 40) + "…" : k}\` is written twice in one map)` });
          }
          seen.add(k);
        }
        stack.push(p.value);
      }
    } else if (isSeq(n)) for (const it of n.items) stack.push(it);
  }
  return out;
}

function refuse(issues: InputIssue[]): never {
  throw new InvalidInputError(issues.map((i) => `${i.file}:${i.line ?? 1}: ${i.column !== undefined ? `${i.column} ` : ""}${i.reason}`).join("\n"), issues);
}

/**
 * Parses YAML (or JSON) config text in linear time within {@link CONFIG_LIMITS}: syntax errors, keys written
 * twice, nesting past the depth limit, aliases past the alias limit and text past the size limit are located
 * InvalidInputErrors, never a stack overflow or an internal error.
 * @returns the document (for line lookups), its line counter and its plain value.
 * @example parseYamlSafely("a: 1\nb: [2, 3]\n", "x.yaml").raw // { a: 1, b: [2, 3] }
 */
export function parseYamlSafely(text: string, file: string): { doc: ReturnType<typeof parseDocument>; lines: LineCounter; raw: unknown } {
  if (text.length > CONFIG_LIMITS.maxBytes) refuse([{ file, line: 1, reason: `is ${text.length} characters, past the limit of ${CONFIG_LIMITS.maxBytes} for a config file` }]);
  const lines = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter: lines, uniqueKeys: false, prettyErrors: true });
  } catch (e) {
    if (e instanceof RangeError) refuse([{ file, line: 1, reason: `is nested too deeply to read (limit ${CONFIG_LIMITS.maxDepth} levels)` }]);
    throw e;
  }
  if (doc.errors.length > 0) {
    refuse(doc.errors.map((e) => ({
      file, line: e.linePos?.[0]?.line ?? 1,
      reason: /call stack/i.test(e.message) ? `is nested too deeply to read (limit ${CONFIG_LIMITS.maxDepth} levels)`
        : `is not valid YAML: ${(e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
    })));
  }
  const deep = depthOf(doc.contents, CONFIG_LIMITS.maxDepth);
  if (deep.node !== undefined) {
    const at = deep.node.range?.[0];
    refuse([{ file, line: at !== undefined ? lines.linePos(at).line : 1, reason: `nests maps and lists deeper than the limit of ${CONFIG_LIMITS.maxDepth} levels` }]);
  }
  const dups = duplicateKeys(doc.contents, file, lines);
  if (dups.length > 0) refuse(dups);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: CONFIG_LIMITS.maxAliasCount });
  } catch (e) {
    if (e instanceof ReferenceError || e instanceof RangeError) {
      refuse([{ file, line: 1, reason: `uses aliases that expand past the limit of ${CONFIG_LIMITS.maxAliasCount} (${e.message.split("\n")[0]})` }]);
    }
    throw e;
  }
  return { doc, lines, raw };
}

/**
 * Where JSON text nests deeper than `limit` (arrays and objects, outside strings), in one pass: checked before
 * JSON.parse so that a 100,000-deep `[[[…]]]` is a located refusal, not a stack overflow later on.
 * @returns the 1-based line where the limit is crossed, or undefined.
 */
export function jsonDepthExceeded(text: string, limit: number): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return line;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

/** JSON.parse within {@link CONFIG_LIMITS}: too deep or not JSON is an InvalidInputError naming the file. */
export function parseJsonSafely(text: string, file: string, maxDepth: number = CONFIG_LIMITS.maxDepth): unknown {
  const deep = jsonDepthExceeded(text, maxDepth);
  if (deep !== undefined) throw InvalidInputError.at({ file, line: deep, reason: `nests arrays and objects deeper than the limit of ${maxDepth} levels` });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw InvalidInputError.at({ file, reason: `is not valid JSON (${(e as Error).message.split("\n")[0]})` });
  }
}
