import { closeSync, existsSync, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, resolve, sep } from "node:path";
import { InvalidInputError, NotFoundError, type InputIssue } from "../errors.js";

/** Largest thesis, scenario or group file read (4 MiB: the bundled ones are under 20 KiB). */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/** Deepest nesting of lists and maps a config may have (the bundled ones nest 6 levels). */
export const MAX_CONFIG_DEPTH = 64;
/** Aliases a YAML config may expand (beyond this it is an alias bomb: 9 aliases of 9 aliases … of a list). */
export const MAX_CONFIG_ALIASES = 100;

/**
 * Reads a config file (thesis, scenario model, peer groups) as UTF-8 text, refusing what is not a readable file.
 * @param what - what the file should be, for messages ("thesis file").
 * @param shown - the path as the user typed it, for the not-found message.
 * @throws NotFoundError when it does not exist; InvalidInputError naming the file when it is a folder, larger than
 *   {@link MAX_CONFIG_BYTES} or unreadable. Never quotes the file's content.
 */
export function readConfigFile(path: string, what: string, shown: string = path): string {
  if (!existsSync(path)) throw new NotFoundError(`${what} ${shown} does not exist`);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    throw InvalidInputError.at({ file: path, reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})` });
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw InvalidInputError.at({ file: path, reason: `is a folder, not a ${what}` });
    if (!st.isFile()) throw InvalidInputError.at({ file: path, reason: `is not a regular file (a ${what} must be one)` });
    if (st.size > MAX_CONFIG_BYTES) throw InvalidInputError.at({ file: path, reason: `is ${st.size} bytes, past the limit of ${MAX_CONFIG_BYTES} bytes for a ${what}` });
    const buf = Buffer.alloc(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, buf, at, st.size - at, at);
      if (n === 0) break;
      at += n;
    }
    const text = buf.subarray(0, at).toString("utf8");
    const deepAt = nestingTooDeepAt(text);
    if (deepAt !== undefined) throw InvalidInputError.at({ file: path, line: deepAt, reason: limitReason("Maximum call stack")! });
    return text;
  } finally {
    closeSync(fd);
  }
}

/** Deepest indentation a config line may have (4 columns a level at {@link MAX_CONFIG_DEPTH} levels). */
export const MAX_CONFIG_INDENT = 4 * MAX_CONFIG_DEPTH;

/**
 * Checks a YAML or JSON text's nesting before it is parsed, in one linear pass, so that a hostile file is refused
 * with its line instead of overflowing the parser's stack: flow brackets (`[`, `{`, outside quotes and comments)
 * may nest {@link MAX_CONFIG_DEPTH} deep, and a line may be indented (spaces and `- ` markers) {@link MAX_CONFIG_INDENT}
 * columns.
 * @returns the 1-based line where the limit is passed, or undefined when the text is within it.
 * @example nestingTooDeepAt("[".repeat(65) + "]".repeat(65)) // 1
 */
export function nestingTooDeepAt(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n") {
      line++;
      lineStart = true;
      indent = 0;
      // Outside brackets a quote does not run past its line (an apostrophe in a plain scalar such as Alibaba's opens none).
      if (depth === 0) quote = undefined;
      continue;
    }
    if (lineStart) {
      if (ch === " " || (ch === "-" && text[i + 1] === " ")) {
        indent += ch === "-" ? 2 : 1;
        if (ch === "-") i++;
        if (indent > MAX_CONFIG_INDENT) return line;
        continue;
      }
      lineStart = false;
    }
    if (quote !== undefined) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
    } else if (ch === "[" || ch === "{") {
      if (++depth > MAX_CONFIG_DEPTH) return line;
    } else if ((ch === "]" || ch === "}") && depth > 0) depth--;
  }
  return undefined;
}

/** The reason to give for a YAML parser failure that is a resource limit rather than a syntax error, if it is one. */
export function limitReason(message: string): string | undefined {
  if (/Maximum call stack|too much recursion/i.test(message)) return `nests deeper than the limit of ${MAX_CONFIG_DEPTH} levels for config files`;
  if (/alias count|resource exhaustion/i.test(message)) return `uses aliases that expand past the limit of ${MAX_CONFIG_ALIASES} for config files (an alias bomb?)`;
  return undefined;
}

/**
 * A path written inside a config file, resolved against the config's folder and confined to it: a thesis reads
 * files under its own folder only (symbolic links followed), so `events: {file: ../../../../etc/passwd}` cannot
 * pull another file into a report.
 * @param baseDir - the config file's folder.
 * @param written - the path as written in the file.
 * @param where - file, line and field of the path, for the message.
 * @returns the absolute path.
 * @throws InvalidInputError naming file, line and field when the path leaves the folder (the value is quoted, the
 *   target's content never is).
 * @example confinedPath("/work/theses", "events.csv", { file: "t.yaml", line: 3, column: "events.file" }) // "/work/theses/events.csv"
 */
export function confinedPath(baseDir: string, written: string, where: Omit<InputIssue, "reason" | "value">): string {
  const full = resolve(baseDir, written);
  const real = (p: string): string => {
    // The nearest existing ancestor's real path, plus the rest: a link anywhere on the way is followed.
    let head = p;
    const tail: string[] = [];
    while (!existsSync(head) && dirname(head) !== head) {
      tail.unshift(head.slice(dirname(head).length + 1));
      head = dirname(head);
    }
    return resolve(realpathSync(head), ...tail);
  };
  const base = real(resolve(baseDir));
  const target = real(full);
  if (target !== base && !target.startsWith(base.endsWith(sep) ? base : base + sep)) {
    throw InvalidInputError.at({
      ...where, value: written.slice(0, 80),
      reason: `${isAbsolute(written) ? "is" : "leads"} outside the folder of the file that names it (${base}): a thesis reads files under its own folder only; copy the file there`,
    });
  }
  return full;
}
