import { t } from "../i18n/index.js";
import type { CliContext } from "./context.js";
import { toJson } from "./render.js";

/** What every import prints first: the summary as JSON (then nothing else: returns true), or its totals as a line. */
export function printImportTotals(
  ctx: CliContext, kind: string,
  summary: { dryRun: boolean; files: readonly { rowsRead: number }[]; added: number; updated: number; unchanged: number },
): boolean {
  if (ctx.json) {
    ctx.out(toJson(summary));
    return true;
  }
  const rows = summary.files.reduce((a, f) => a + f.rowsRead, 0);
  if (summary.dryRun) ctx.out(t(ctx.lang, "import.dryRun", { files: summary.files.length, added: summary.added, updated: summary.updated, unchanged: summary.unchanged }));
  else ctx.out(t(ctx.lang, "import.done", { kind, files: summary.files.length, rows, added: summary.added, updated: summary.updated, unchanged: summary.unchanged }));
  return false;
}
