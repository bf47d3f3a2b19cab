import { computeAttribution, type AttributionReport, type AttributionRequest } from "../../app/attribution.js";
import { renderWaterfallSvg } from "../../app/charts/waterfall.js";
import { resolveGroupSpec } from "../../app/peer-groups.js";
import type { ReturnComponents } from "../../core/attribution/index.js";
import { InvalidInputError } from "../../errors.js";
import { formatMultiple, formatPercent } from "../../i18n/format.js";
import { localized, t } from "../../i18n/index.js";
import type { Lang } from "../../models/common.js";
import { Currency } from "../../models/common.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson, writeChartIfAsked } from "../render.js";
import { parseChoice, parseDate } from "./implied.js";

export interface AttributionFlags {
  group?: string;
  from?: string;
  to?: string;
  currency?: string;
  basis?: string;
  fxBasis?: string;
  weights?: string;
  svg?: string;
}

const PARTS = ["earnings", "multiple", "fx", "dividends"] as const;
const partLabel = (lang: Lang, p: (typeof PARTS)[number] | "total") => t(lang, `attribution.part.${p}`);

/** The waterfall of simple-return contributions of the report's headline (the group, or the one security). */
export function attributionWaterfall(r: AttributionReport, lang: Lang): string | undefined {
  const first = r.rows[0]?.result;
  const simple: ReturnComponents | undefined = r.aggregate?.simple ?? (first !== undefined && first.nm === undefined ? first.simple : undefined);
  if (simple === undefined) return undefined;
  const who = r.group ? localized(r.group.name, lang) : r.rows.map((x) => x.security).join(", ");
  return renderWaterfallSvg({
    title: `${who}: ${r.from} → ${r.to} (${r.currency})`,
    subtitle: t(lang, "attribution.title", { from: r.from, to: r.to, currency: r.currency, basis: r.basis }) + (r.synthetic ? " · synthetic demo data" : ""),
    steps: PARTS.map((p) => ({ label: partLabel(lang, p), value: simple[p] })),
    totalLabel: partLabel(lang, "total"),
  });
}

export async function run(ctx: CliContext, symbol: string | undefined, o: AttributionFlags): Promise<void> {
  const from = parseDate("--from", o.from);
  const to = parseDate("--to", o.to);
  if (from === undefined || to === undefined) throw InvalidInputError.at({ column: from === undefined ? "--from" : "--to", reason: "is required (YYYY-MM-DD)" });
  if (symbol === undefined && o.group === undefined) throw InvalidInputError.at({ column: "SYMBOL", reason: "or --group is required" });
  const req: AttributionRequest = { from, to };
  if (symbol !== undefined) req.securities = symbol.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (o.group !== undefined) req.group = await resolveGroupSpec(await ctx.store(), o.group, "--group");
  if (o.currency !== undefined) {
    const c = Currency.safeParse(o.currency.toUpperCase());
    if (!c.success) throw InvalidInputError.at({ column: "--currency", value: o.currency, reason: "is not a currency rerate knows" });
    req.currency = c.data;
  }
  const basis = parseChoice("--basis", o.basis, ["trailing", "forward"] as const);
  if (basis) req.basis = basis;
  const fxBasis = parseChoice("--fx-basis", o.fxBasis, ["listing", "reporting"] as const);
  if (fxBasis) req.fxBasis = fxBasis;
  const weights = parseChoice("--weights", o.weights, ["equal", "cap"] as const);
  if (weights) req.weights = weights;

  const r = await computeAttribution(await ctx.store(), req);
  const svgPath = writeChartIfAsked(o.svg, () => attributionWaterfall(r, ctx.lang), "nothing to chart: no security could be attributed");
  if (ctx.json) {
    ctx.out(toJson({ ...r, ...(svgPath ? { svg: svgPath } : {}) }));
    return;
  }
  const lang = ctx.lang;
  const pc = (x: number | undefined) => formatPercent(x, { sign: true });
  if (r.synthetic) ctx.out(`\n*** ${t(lang, "synthetic.banner")} ***\n`);
  ctx.out(t(lang, "attribution.title", { from: r.from, to: r.to, currency: r.currency, basis: r.basis }));
  const head = [t(lang, "col.security"), t(lang, "implied.col.peFromTo"), ...PARTS.map((p) => partLabel(lang, p)), partLabel(lang, "total")];
  const rows = r.rows.map((x) => x.result.nm !== undefined
    ? [x.security, "n.m.", x.result.message, "", "", "", ""]
    : [x.security, `${formatMultiple(x.result.peFrom, lang)} → ${formatMultiple(x.result.peTo, lang)}`, ...PARTS.map((p) => pc((x.result as { simple: ReturnComponents }).simple[p])), pc(x.result.simpleReturn)]);
  if (r.aggregate) {
    const g = r.aggregate;
    rows.push([t(lang, "attribution.group", { group: r.group ? localized(r.group.name, lang) : "Σ", weights: r.weights }), "", ...PARTS.map((p) => pc(g.simple[p])), pc(g.simpleReturn)]);
    rows.push([`  (${t(lang, "implied.col.log")})`, "", ...PARTS.map((p) => pc(g.log[p])), pc(g.logReturn)]);
  }
  ctx.out(renderTable(head, rows, ["left", "right", "right", "right", "right", "right", "right"]));
  for (const n of r.notes) ctx.out(`  * ${n}`);
  if (svgPath) ctx.out(t(lang, "implied.chartWritten", { path: svgPath }));
}
