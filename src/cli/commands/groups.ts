import { checkGroupId, checkSymbol, listAllPeerGroups } from "../../app/peer-groups.js";
import { InvalidInputError, NotFoundError } from "../../errors.js";
import { localized, t } from "../../i18n/index.js";
import { deletePeerGroup, savePeerGroup } from "../../store/peer-groups.js";
import { getSecurity } from "../../store/securities.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";

export interface SaveOptions {
  name?: string;
  nameZhHant?: string;
  nameZhHans?: string;
}

/** `rerate groups save NAME SYMBOLS…`: saves (or replaces) a peer group in the store. */
export async function save(ctx: CliContext, id: string, symbols: string[], o: SaveOptions): Promise<void> {
  checkGroupId(id);
  const securities = [...new Set(symbols.flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s.length > 0).map((s) => checkSymbol(s, "SYMBOLS")))];
  if (securities.length === 0) throw InvalidInputError.at({ column: "SYMBOLS", value: symbols.join(" "), reason: "names no security" });
  const store = await ctx.store();
  const name = {
    en: o.name ?? id,
    ...(o.nameZhHant !== undefined ? { "zh-Hant": o.nameZhHant } : {}),
    ...(o.nameZhHans !== undefined ? { "zh-Hans": o.nameZhHans } : {}),
  };
  const created = await savePeerGroup(store, { id, name, securities }, ctx.now().toISOString());
  const unknown: string[] = [];
  for (const s of securities) if ((await getSecurity(store, s)) === undefined) unknown.push(s);
  if (ctx.json) {
    ctx.out(toJson({ id, name, securities, created, unknown }));
    return;
  }
  ctx.out(t(ctx.lang, created ? "groups.saved" : "groups.replaced", { id, securities: securities.join(", ") }));
  if (unknown.length > 0) ctx.err(t(ctx.lang, "groups.unknownSymbols", { list: unknown.join(", ") }));
}

/** `rerate groups list`: saved and built-in groups. */
export async function list(ctx: CliContext): Promise<void> {
  const groups = await listAllPeerGroups(await ctx.store());
  if (ctx.json) {
    ctx.out(toJson(groups));
    return;
  }
  const L = ctx.lang;
  ctx.out(renderTable(
    [t(L, "comps.col.group"), t(L, "col.name"), t(L, "comps.col.securities"), t(L, "comps.col.origin")],
    groups.map((g) => [`@${g.id}`, localized(g.name, L), g.securities.join(", "), t(L, g.origin === "saved" ? "comps.origin.saved" : "comps.origin.builtin")]),
  ));
}

/** `rerate groups delete NAME`. */
export async function remove(ctx: CliContext, id: string): Promise<void> {
  checkGroupId(id);
  if (!(await deletePeerGroup(await ctx.store(), id))) throw new NotFoundError(`no saved peer group "${id}" (see rerate groups list)`);
  if (ctx.json) ctx.out(toJson({ id, deleted: true }));
  else ctx.out(t(ctx.lang, "groups.deleted", { id }));
}
