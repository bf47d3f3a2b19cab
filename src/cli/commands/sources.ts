import { listSources } from "../../store/sources.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";

export async function run(ctx: CliContext): Promise<void> {
  const rows = await listSources(await ctx.store());
  if (ctx.json) {
    ctx.out(toJson(rows));
    return;
  }
  ctx.out(renderTable(["id", "kind", "location", "imported", "rows", "synthetic"],
    rows.map((r) => [r.id, r.kind, r.location, r.importedAt, r.rowsRead, r.synthetic ? "yes" : ""])));
}
