import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { computeComps } from "../../app/comps.js";
import { DEMO_GROUPS, loadDemo } from "../../app/demo.js";
import { compsSummaryToMarkdown, summarizeComps } from "../../app/report/comps-summary.js";
import { DEMO_THESIS_FILE, writeReport } from "../../app/report/write-report.js";
import { InvalidInputError } from "../../errors.js";
import { t } from "../../i18n/index.js";
import { IsoDate } from "../../models/common.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";

export async function run(ctx: CliContext, o: { asOf?: string; out: string; allowSyntheticMix?: boolean }): Promise<void> {
  if (o.asOf !== undefined && !IsoDate.safeParse(o.asOf).success) throw InvalidInputError.at({ column: "--as-of", value: o.asOf, reason: "is not a date (YYYY-MM-DD)" });
  const store = await ctx.store();
  if (!ctx.json) ctx.err(t(ctx.lang, "demo.loading", { db: ctx.dbPath }));
  const load = await loadDemo(store, ctx.now().toISOString(), { allowSyntheticMix: Boolean(o.allowSyntheticMix) });
  if (!ctx.json && !load.loaded) ctx.err(t(ctx.lang, "demo.loaded", { db: ctx.dbPath }));
  const comps = await computeComps(store, { groups: DEMO_GROUPS, ...(o.asOf ? { asOf: o.asOf } : {}) });
  const summary = summarizeComps(comps, ctx.lang);
  const outDir = resolve(o.out);
  mkdirSync(outDir, { recursive: true });
  const mdPath = join(outDir, `comps-summary.${ctx.lang}.md`);
  const jsonPath = join(outDir, "comps-summary.json");
  writeFileSync(mdPath, compsSummaryToMarkdown(summary));
  writeFileSync(jsonPath, toJson({ load, comps }));
  // The full report on the example thesis (the note in PRODUCT.md), as one standalone HTML file.
  const report = await writeReport(store, { thesis: DEMO_THESIS_FILE, lang: ctx.lang, out: join(outDir, `report.${ctx.lang}.html`), ...(o.asOf ? { asOf: o.asOf } : {}) });
  if (ctx.json) {
    ctx.out(toJson({ load, files: { markdown: mdPath, json: jsonPath, report: report.path }, comps }));
    return;
  }
  if (summary.banner) ctx.out(`\n*** ${summary.banner} ***\n`);
  ctx.out(summary.title + "\n");
  for (const tb of summary.tables.slice(0, -1)) ctx.out(`${tb.title}\n${renderTable(tb.head, tb.rows, tb.align)}\n`);
  for (const l of summary.lines) ctx.out(l);
  const last = summary.tables[summary.tables.length - 1];
  if (last && summary.tables.length > comps.groups.length) ctx.out(`\n${last.title}\n${renderTable(last.head, last.rows, last.align)}`);
  ctx.out("\n" + t(ctx.lang, "demo.written", { path: mdPath }) + `, ${jsonPath}`);
  ctx.out(t(ctx.lang, "report.written", { path: report.path }));
  ctx.err(t(ctx.lang, "demo.store", { path: ctx.dbPath }));
}
