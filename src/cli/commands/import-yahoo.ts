import { formatIssue, InvalidInputError } from "../../errors.js";
import { t } from "../../i18n/index.js";
import { importYahooFiles } from "../../app/import/yahoo-files.js";
import type { CliContext } from "../context.js";
import { startProgress } from "../progress.js";
import { printImportTotals } from "../import-totals.js";

interface Opts { symbol?: string; fetchedAt?: string; dryRun?: boolean; strict?: boolean; map?: string; currency?: string; encoding?: string; dateOrder?: string; sheet?: string; allowSyntheticMix?: boolean; ignoreColumns?: string; dateOnly?: boolean; basis?: string; tickers?: string }

/** `rerate import yahoo <response.json…>`: saved chart, quoteSummary and fundamentals time-series responses. */
export async function run(ctx: CliContext, files: string[], o: Opts): Promise<void> {
  for (const [flag, v] of [["--map", o.map], ["--currency", o.currency], ["--encoding", o.encoding], ["--date-order", o.dateOrder], ["--sheet", o.sheet],
    ["--ignore-columns", o.ignoreColumns], ["--date-only", o.dateOnly ? "" : undefined], ["--basis", o.basis], ["--tickers", o.tickers]] as const) {
    if (v !== undefined) throw InvalidInputError.at({ column: flag, value: v, reason: "does not apply to saved Yahoo responses (they say their own columns, currency and dates)" });
  }
  const store = await ctx.store();
  const bar = startProgress("import", files.length, ctx.interactive);
  const summary = await importYahooFiles(store, {
    files,
    ...(o.symbol !== undefined ? { symbol: o.symbol } : {}),
    ...(o.fetchedAt !== undefined ? { fetchedAt: o.fetchedAt } : {}),
    dryRun: Boolean(o.dryRun),
    strict: Boolean(o.strict),
    ...(o.allowSyntheticMix ? { allowSyntheticMix: true } : {}),
    now: ctx.now().toISOString(),
    onProgress: (done, _total, file) => bar.update(done, file),
  }).finally(() => bar.stop());
  if (printImportTotals(ctx, "yahoo", summary)) return;
  for (const f of summary.files) ctx.out(t(ctx.lang, "importYahoo.file", { file: f.file, holds: f.holds, symbol: f.symbol, fetchedAt: f.fetchedAt, rows: f.rows }));
  for (const [table, c] of Object.entries(summary.tables)) {
    if (c.added + c.updated + c.unchanged > 0) ctx.out(t(ctx.lang, "importYahoo.table", { table, ...c }));
  }
  if (summary.newSecurities.length > 0) {
    const list = summary.newSecurities.length > 8 ? summary.newSecurities.slice(0, 8).join(", ") + ", …" : summary.newSecurities.join(", ");
    ctx.out(t(ctx.lang, "import.newSecurities", { n: summary.newSecurities.length, list }));
  }
  for (const n of summary.notes) ctx.err(n);
  const warnings = summary.files.flatMap((f) => f.warnings);
  if (warnings.length > 0) {
    ctx.err(t(ctx.lang, "import.warnings", { n: warnings.length }));
    for (const w of warnings.slice(0, 20)) ctx.err("  " + formatIssue(w));
    if (warnings.length > 20) ctx.err(`  … ${warnings.length - 20} more`);
  }
}
