import { resolveInputPath } from "../app/example-files.js";
import { t } from "../i18n/index.js";
import type { CliContext } from "./context.js";

/**
 * An input file the user named, through the one resolver (`resolveInputPath`): a missing `examples/…` path becomes
 * the package's own example, said in one line on stderr.
 */
export function cliPath(ctx: CliContext, path: string): string {
  const r = resolveInputPath(path);
  if (r.example) ctx.err(t(ctx.lang, "examples.resolved", { given: path, path: r.path }));
  return r.path;
}
