import { computeBands, type BandsResult } from "../../app/bands.js";
import { renderBandChartSvg } from "../../app/charts/band-chart.js";
import { formatMultiple, formatPercent } from "../../i18n/format.js";
import { t } from "../../i18n/index.js";
import type { Lang } from "../../models/common.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson, writeChartIfAsked } from "../render.js";
import { parseChoice, parseDate } from "./implied.js";
import { parseFreshnessOptions } from "../../app/freshness-options.js";

const metricName = (lang: Lang, basis: "trailing" | "forward") => t(lang, basis === "trailing" ? "metric.peTrailing" : "metric.peNtm");

/** The band chart of one basis, or undefined when its history is too short. */
export function bandsChart(r: BandsResult, basis: "trailing" | "forward", lang: Lang): string | undefined {
  const s = r[basis];
  if (s.bands === undefined) return undefined;
  return renderBandChartSvg({
    title: `${r.security}: ${metricName(lang, basis)}`,
    subtitle: `${r.dates[0]} → ${r.dates[r.dates.length - 1]}${r.synthetic ? " · synthetic demo data" : ""}`,
    dates: r.dates, values: s.values, mean: s.bands.mean, sd: s.bands.sd, seriesName: metricName(lang, basis),
  });
}

export async function run(ctx: CliContext, symbol: string, o: { from?: string; to?: string; basis?: string; svg?: string } & Record<string, unknown>): Promise<void> {
  const from = parseDate("--from", o.from);
  const to = parseDate("--to", o.to);
  const basis = parseChoice("--basis", o.basis, ["trailing", "forward"] as const) ?? "trailing";
  const freshness = parseFreshnessOptions(o, "cli");
  const r = await computeBands(await ctx.store(), {
    security: symbol, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(Object.keys(freshness).length > 0 ? { options: freshness } : {}),
  });
  const svgPath = writeChartIfAsked(o.svg, () => bandsChart(r, basis, ctx.lang), `nothing to chart: fewer than two meaningful ${basis} P/E values for ${symbol}`);
  if (ctx.json) {
    ctx.out(toJson({ ...r, ...(svgPath ? { svg: svgPath } : {}) }));
    return;
  }
  const lang = ctx.lang;
  if (r.synthetic) ctx.out(`\n*** ${t(lang, "synthetic.banner")} ***\n`);
  ctx.out(t(lang, "bands.title", { security: r.security, from: r.dates[0] ?? "", to: r.dates[r.dates.length - 1] ?? "" }));
  const x = (v: number | undefined) => formatMultiple(v, lang);
  ctx.out(renderTable(
    ["", t(lang, "implied.col.current"), t(lang, "implied.col.percentile"), "z", "−2 sd", "−1 sd", t(lang, "implied.col.mean"), "+1 sd", "+2 sd", "n", t(lang, "implied.col.nmDays")],
    (["trailing", "forward"] as const).map((b) => {
      const s = r[b];
      const nm = Object.values(s.nmDays).reduce((p, q) => p + (q ?? 0), 0);
      if (!s.bands) return [metricName(lang, b), "n.m.", "", "", "", "", "", "", "", "0", String(nm)];
      const k = s.bands;
      return [metricName(lang, b), x(k.current), formatPercent(k.percentile, { digits: 0 }), k.zScore !== undefined ? k.zScore.toFixed(2) : "n.m.",
        x(k.bands.minus2), x(k.bands.minus1), x(k.mean), x(k.bands.plus1), x(k.bands.plus2), String(k.n), String(nm)];
    }),
    ["left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
  ));
  if (svgPath) ctx.out(t(lang, "implied.chartWritten", { path: svgPath }));
}
