import { join, resolve } from "node:path";
import { REPORT_FORMATS, writeReport, type ReportFormat } from "../../app/report/write-report.js";
import { InvalidInputError } from "../../errors.js";
import { t } from "../../i18n/index.js";
import { IsoDate } from "../../models/common.js";
import type { CliContext } from "../context.js";
import { cliPath } from "../example-path.js";
import { toJson } from "../render.js";

/** `rerate report THESIS`: checks the thesis' claims and writes the report (HTML, Markdown or Excel). */
export async function run(ctx: CliContext, thesis: string, o: { asOf?: string; out?: string; format?: string }): Promise<void> {
  if (o.asOf !== undefined && !IsoDate.safeParse(o.asOf).success) throw InvalidInputError.at({ column: "--as-of", value: o.asOf, reason: "is not a date (YYYY-MM-DD)" });
  if (o.format !== undefined && !(REPORT_FORMATS as readonly string[]).includes(o.format)) throw InvalidInputError.at({ column: "--format", value: o.format, reason: `must be one of ${REPORT_FORMATS.join(", ")}` });
  const format = o.format as ReportFormat | undefined;
  const out = resolve(o.out ?? join(".rerate", "out", `report.${ctx.lang}.${format ?? "html"}`));
  const store = await ctx.store();
  const r = await writeReport(store, { thesis: cliPath(ctx, thesis), lang: ctx.lang, out, ...(format !== undefined ? { format } : {}), ...(o.asOf !== undefined ? { asOf: o.asOf } : {}) });
  if (ctx.json) {
    ctx.out(toJson({
      file: r.path, format: r.format, asOf: r.model.asOf, synthetic: r.model.synthetic,
      claims: r.model.claims.map((c) => ({ id: c.claim.id, kind: c.claim.kind, verdict: c.verdict, ...(c.figure ? { figure: c.figure } : {}), ...(c.p !== undefined ? { p: c.p } : {}), ...(c.reason ? { reason: c.reason } : {}), detail: c.detail })),
    }));
    return;
  }
  for (const c of r.model.claims) ctx.out(`${c.verdict === "holds" ? "✔" : c.verdict === "fails" ? "✘" : "?"} ${c.claim.id}: ${t(ctx.lang, `report.verdict.${c.verdict}`)}`);
  ctx.out(t(ctx.lang, "report.written", { path: r.path }));
}
