import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { InvalidInputError } from "../errors.js";

/** The package's own example files (the repository's `examples/`, shipped beside `dist/`). */
export const PACKAGE_EXAMPLES_DIR = fileURLToPath(new URL("../../examples/", import.meta.url));

/** A path the user typed, resolved; `example` is true when it was found among the package's examples. */
export interface ResolvedInputPath {
  path: string;
  example: boolean;
}

/**
 * The one resolver for every input file the CLI and app take (events files, thesis and scenario YAML, group files,
 * import files): a path that exists (relative to `cwd`) is used as given; a path under `examples/` that does not
 * exist there resolves to the package's own example of that name, so the README's tour works from any directory.
 * Anything else is returned resolved against `cwd` (the caller reports it missing).
 *
 * @param path - what the user typed, e.g. `examples/catalysts-2025.csv` (a `#group` suffix is the caller's).
 * @param cwd - the working directory (default the process's).
 * @param examplesDir - where the package's examples are (default {@link PACKAGE_EXAMPLES_DIR}; tests pass another).
 * @returns the absolute path and whether it is the package's example.
 * @example resolveInputPath("examples/china-ai-capex.yaml", "/tmp") // { path: "<package>/examples/china-ai-capex.yaml", example: true }
 */
export function resolveInputPath(path: string, cwd: string = process.cwd(), examplesDir: string = PACKAGE_EXAMPLES_DIR): ResolvedInputPath {
  const asGiven = resolve(cwd, path);
  if (existsSync(asGiven) || isAbsolute(path)) return { path: asGiven, example: false };
  const parts = path.split(/[\\/]+/).filter((p) => p !== "" && p !== ".");
  if (parts[0] !== "examples" || parts.length < 2 || parts.includes("..")) return { path: asGiven, example: false };
  const candidate = join(examplesDir, ...parts.slice(1));
  return existsSync(candidate) ? { path: candidate, example: true } : { path: asGiven, example: false };
}

/** One of the package's example files. */
export interface ExampleFile {
  /** Path inside examples/, with forward slashes (`catalysts-2025.csv`). */
  name: string;
  path: string;
  bytes: number;
  /** What the file is, from its extension and name. */
  kind: "securities" | "events" | "thesis" | "scenario" | "other";
}

const kindOf = (name: string): ExampleFile["kind"] =>
  name.includes("securities") ? "securities"
    : name.endsWith(".csv") || name.endsWith(".json") ? "events"
    : name.includes("rerating") || name.includes("thesis") ? "thesis"
      : name.endsWith(".yaml") || name.endsWith(".yml") ? "scenario" : "other";

/** The package's example files, sorted by name. */
export function listExamples(examplesDir: string = PACKAGE_EXAMPLES_DIR): ExampleFile[] {
  const out: ExampleFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) {
        const name = relative(examplesDir, p).split(sep).join("/");
        out.push({ name, path: p, bytes: statSync(p).size, kind: kindOf(name) });
      }
    }
  };
  if (existsSync(examplesDir)) walk(examplesDir);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Copies the package's examples into `dir/examples/` (made if missing), so the README's `examples/…` paths work
 * there and can be edited. Existing files are left alone unless `overwrite`.
 *
 * @returns the files written and the ones skipped because they existed.
 * @throws InvalidInputError when `dir` exists and is not a folder.
 */
export function copyExamples(dir: string, opts: { overwrite?: boolean; examplesDir?: string } = {}): { dir: string; written: string[]; skipped: string[] } {
  const root = resolve(dir);
  if (existsSync(root) && !statSync(root).isDirectory()) throw InvalidInputError.at({ file: root, reason: "is not a folder; give a folder to copy the examples into" });
  const target = join(root, "examples");
  const written: string[] = [];
  const skipped: string[] = [];
  for (const f of listExamples(opts.examplesDir)) {
    const to = join(target, ...f.name.split("/"));
    if (existsSync(to) && !opts.overwrite) {
      skipped.push(to);
      continue;
    }
    mkdirSync(join(to, ".."), { recursive: true });
    copyFileSync(f.path, to);
    written.push(to);
  }
  return { dir: target, written, skipped };
}
