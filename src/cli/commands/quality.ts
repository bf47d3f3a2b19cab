import { t } from "../../i18n/index.js";
import { listQualityIssues } from "../../store/quality.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";

export async function run(ctx: CliContext, symbol?: string): Promise<void> {
  const rows = await listQualityIssues(await ctx.store(), symbol);
  if (ctx.json) {
    ctx.out(toJson(rows));
    return;
  }
  const L = ctx.lang;
  if (rows.length === 0) {
    ctx.out(t(L, "quality.none"));
    return;
  }
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.check, (counts.get(r.check) ?? 0) + 1);
  ctx.out([...counts].map(([k, v]) => `${k}: ${v}`).join("  "));
  ctx.out(renderTable([t(L, "col.security"), t(L, "col.date"), t(L, "col.check"), t(L, "col.detail")],
    rows.slice(0, 200).map((r) => [r.security, r.date, r.check, r.detail])));
  if (rows.length > 200) ctx.out(`… ${rows.length - 200} more (use --json for all)`);
}
