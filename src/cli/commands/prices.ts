import { NotFoundError } from "../../errors.js";
import { t } from "../../i18n/index.js";
import { IsoDate } from "../../models/common.js";
import { InvalidInputError } from "../../errors.js";
import { readPrices } from "../../store/prices.js";
import { readPriceBases } from "../../store/price-basis.js";
import { usesSyntheticData } from "../../store/provenance.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";

export async function run(ctx: CliContext, symbol: string, o: { from?: string; to?: string }): Promise<void> {
  for (const [name, v] of [["--from", o.from], ["--to", o.to]] as const) {
    if (v !== undefined && !IsoDate.safeParse(v).success) throw InvalidInputError.at({ column: name, value: v, reason: "is not a date (YYYY-MM-DD)" });
  }
  const store = await ctx.store();
  const p = await readPrices(store, symbol, { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) });
  if (p.dates.length === 0) throw new NotFoundError(`no prices for ${symbol}${o.from || o.to ? ` between ${o.from ?? "start"} and ${o.to ?? "end"}` : ""}: import them with \`rerate import prices FILE\``);
  const num = (x: number) => (Number.isNaN(x) ? null : x);
  const rows = p.dates.map((d, i) => ({ date: d, open: num(p.open[i]!), high: num(p.high[i]!), low: num(p.low[i]!), close: num(p.close[i]!), adjClose: num(p.adjClose[i]!), volume: num(p.volume[i]!) }));
  const basis = (await readPriceBases(store, [symbol])).get(symbol) ?? "raw";
  const synthetic = await usesSyntheticData(store, [{ id: symbol }]);
  if (ctx.json) {
    ctx.out(toJson({ security: symbol, currency: p.currency, basis, synthetic, bars: rows }));
    return;
  }
  ctx.err(t(ctx.lang, "prices.basis", { security: symbol, basis: t(ctx.lang, `basis.${basis}`), detail: t(ctx.lang, `basis.${basis}.detail`) }));
  const f = (x: number | null) => (x === null ? "" : x.toFixed(4));
  ctx.out(renderTable([t(ctx.lang, "col.date"), "Open", "High", "Low", "Close", "Adj Close", "Volume"],
    rows.map((r) => [r.date, f(r.open), f(r.high), f(r.low), f(r.close), f(r.adjClose), r.volume === null ? "" : String(r.volume)]),
    ["left", "right", "right", "right", "right", "right", "right"]));
}
