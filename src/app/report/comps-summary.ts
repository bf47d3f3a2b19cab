import { localized, t } from "../../i18n/index.js";
import { formatMultiple, formatPercent, formatPoints, formatPrice } from "../../i18n/format.js";
import type { Lang } from "../../models/common.js";
import type { CompsMetric, CompsResult } from "../comps.js";
import { historyLines, leftOutNotes } from "../comps-display.js";

/** A table as header + rows of display strings; renderers (markdown, terminal) lay it out. */
export interface DisplayTable {
  title: string;
  head: string[];
  rows: string[][];
  align: ("left" | "right")[];
}

export interface CompsSummary {
  title: string;
  banner?: string;
  tables: DisplayTable[];
  lines: string[];
}

const val = (r: { value?: number } | object): number | undefined => ("value" in r ? (r as { value: number }).value : undefined);

/** The comps / valuation-wall summary as display text in one language (pure: the same result gives the same text). */
export function summarizeComps(c: CompsResult, lang: Lang): CompsSummary {
  const [ga, gb] = [c.groups[0]!, c.groups[1]!];
  const tables: DisplayTable[] = c.groups.map((g) => ({
    title: localized(g.name, lang),
    head: [t(lang, "col.security"), t(lang, "col.name"), t(lang, "col.price"), t(lang, "col.mcapUsd"), t(lang, "col.peTrailing"), t(lang, "col.peNtm")],
    align: ["left", "left", "right", "right", "right", "right"],
    rows: c.rows.filter((r) => r.group === g.id).map((r) => {
      const m = r.multiples;
      const price = m.trailingPE.inputs.price;
      const cap = val(m.marketCapUsd);
      return [
        r.security.id, localized(r.security.name, lang),
        price ? formatPrice(price.close, price.currency, lang) : "n.m.",
        cap !== undefined ? (cap / 1e9).toFixed(1) : "n.m.",
        formatMultiple(val(m.trailingPE), lang), formatMultiple(val(m.forwardPENtm), lang),
      ];
    }),
  }));
  const lines: string[] = [];
  const metricName = (m: CompsMetric) => t(lang, m === "forwardPENtm" ? "metric.peNtm" : "metric.peTrailing");
  for (const m of ["trailingPE", "forwardPENtm"] as const) {
    const aa = c.aggregates[ga.id]![m];
    const ab = c.aggregates[gb.id]![m];
    const g = c.gap[m].median;
    if (!g) continue;
    const gapText = g.discount < 0 ? t(lang, "word.discount", { x: formatPercent(-g.discount) }) : t(lang, "word.premium", { x: formatPercent(g.discount) });
    lines.push(t(lang, "comps.gap", {
      a: localized(ga.name, lang), b: localized(gb.name, lang), metric: metricName(m), gap: gapText,
      ma: formatMultiple(aa.median, lang), mb: formatMultiple(ab.median, lang), ha: formatMultiple(aa.harmonicMean, lang), hb: formatMultiple(ab.harmonicMean, lang),
      pts: formatPoints(g.yieldGapPts, lang), na: aa.nUsed, nb: ab.nUsed,
    }));
    for (const [gid, agg] of [[ga.id, aa], [gb.id, ab]] as const) {
      for (const d of agg.dropped) lines.push(`  ${gid}: ${d.id} ${metricName(m)} n.m. (${d.message ?? d.reason})`);
    }
  }
  for (const miss of c.missing) lines.push(`  ${miss.group}: ${miss.security}: ${miss.reason}`);
  lines.push(...leftOutNotes(c.leftOut, lang).map((l) => `  ${l}`));
  if (c.history !== undefined) {
    lines.push(t(lang, "wall.historyOf", { metric: t(lang, "metric.peTrailing"), stat: lang === "en" ? "median" : t(lang, "comps.stat.median") }));
    lines.push(...historyLines(c.history, lang).map((l) => `  ${l}`));
  }
  if (c.closing.length > 0) {
    const fr = c.closing[0]!.scenarios.map((s) => s.fraction);
    tables.push({
      title: t(lang, "comps.closing", { a: localized(ga.name, lang), x: fr.map((f) => formatPercent(f, { digits: 0 })).join(" / ") }) + ` (${metricName(c.closing[0]!.metric)} → ${formatMultiple(c.aggregates[gb.id]![c.closing[0]!.metric].median, lang)})`,
      head: [t(lang, "col.security"), t(lang, "col.price"), t(lang, "col.peNtm"), ...fr.flatMap((f) => [`${t(lang, "col.implied")} ${formatPercent(f, { digits: 0 })}`, t(lang, "col.upside")])],
      align: ["left", "right", "right", ...fr.flatMap(() => ["right", "right"] as const)],
      rows: c.closing.map((x) => [x.security, formatPrice(x.price, x.currency, lang), formatMultiple(x.multiple, lang),
        ...x.scenarios.flatMap((s) => [formatPrice(s.price, x.currency, lang), formatPercent(s.upside, { sign: true })])]),
    });
  }
  return {
    title: t(lang, "comps.title", { asOf: c.asOf }),
    ...(c.synthetic ? { banner: t(lang, "synthetic.banner") } : {}),
    tables,
    lines,
  };
}

/** The summary as Markdown. */
export function compsSummaryToMarkdown(s: CompsSummary): string {
  const out: string[] = [`# ${s.title}`, ""];
  if (s.banner) out.push(`> **${s.banner}**`, "");
  const md = (tb: DisplayTable) => [
    `## ${tb.title}`, "",
    `| ${tb.head.join(" | ")} |`,
    `| ${tb.align.map((a) => (a === "right" ? "---:" : ":---")).join(" | ")} |`,
    ...tb.rows.map((r) => `| ${r.join(" | ")} |`), "",
  ];
  s.tables.slice(0, -1).forEach((tb) => out.push(...md(tb)));
  out.push(...s.lines.map((l) => (l.startsWith("  ") ? `- ${l.trim()}` : l + "\n")), "");
  if (s.tables.length > 0) out.push(...md(s.tables[s.tables.length - 1]!));
  return out.join("\n");
}
