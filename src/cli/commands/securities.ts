import { localized, t } from "../../i18n/index.js";
import { listSecurities } from "../../store/securities.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";

export async function run(ctx: CliContext): Promise<void> {
  const secs = await listSecurities(await ctx.store());
  if (ctx.json) {
    ctx.out(toJson(secs));
    return;
  }
  const L = ctx.lang;
  ctx.out(renderTable(
    [t(L, "col.security"), t(L, "col.name"), t(L, "col.exchange"), t(L, "col.currency"), t(L, "col.kind"), t(L, "col.issuer"), t(L, "col.ratio")],
    secs.map((s) => [s.id, localized(s.name, L), s.exchange, s.currency, s.kind, s.issuer ?? "", s.sharesPerListing]),
  ));
}
