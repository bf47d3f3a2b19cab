import { explainMultiple, MULTIPLE_UNITS, type LeftOutListing, type MultipleAggregate, type MultipleKind, type MultipleResult, type PeerStatistic } from "../core/valuation/index.js";
import { formatMultiple, formatPercent, formatPoints, formatPrice } from "../i18n/format.js";
import { localized, t, type MessageKey } from "../i18n/index.js";
import type { Lang } from "../models/common.js";
import type { PeerComps } from "./comps-table.js";
import type { DisplayTable } from "./report/comps-summary.js";
import type { GapHistoryResult } from "./gap-history.js";
import type { Wall } from "./wall.js";

/** The short column label of a metric ("P/E NTM"). */
export function metricLabel(kind: MultipleKind, lang: Lang): string {
  return t(lang, `metric.short.${kind}` as MessageKey);
}

/** A result as display text: 15.2x, 2.35%, 407.8 (bn), or n.m. */
export function formatResult(r: MultipleResult, lang: Lang): string {
  if (r.value === undefined) return t(lang, "word.nm");
  if (r.unit === "x") return formatMultiple(r.value, lang);
  if (r.unit === "ratio") return formatPercent(r.value, { digits: 2 });
  return (r.value / 1e9).toFixed(1);
}

const STAT_ROWS: readonly (keyof MultipleAggregate & PeerStatistic | "min" | "max")[] = ["median", "harmonicMean", "capWeighted", "mean", "min", "max"];

/** One table per group: each security's price, market cap and metrics, then the peer aggregates. */
export function compsTables(c: PeerComps, lang: Lang): DisplayTable[] {
  return c.groups.map((g) => {
    const rows = c.rows.filter((r) => r.group === g.id);
    const body = rows.map((r) => {
      const price = r.multiples.marketCap.inputs.price ?? r.multiples.trailingPE.inputs.price;
      return [
        r.security.id, localized(r.security.name, lang),
        price !== undefined ? formatPrice(price.close, price.currency, lang) : t(lang, "word.nm"),
        formatResult(r.marketCap, lang),
        ...c.metrics.map((m) => formatResult(r.multiples[m], lang)),
      ];
    });
    const aggs = c.aggregates[g.id] ?? {};
    const statRows = STAT_ROWS.map((s) => ["", t(lang, `comps.stat.${s}` as MessageKey), "", "", ...c.metrics.map((m) => (MULTIPLE_UNITS[m] === "x" ? formatMultiple(aggs[m]?.[s], lang) : ""))]);
    const nRow = ["", t(lang, "comps.stat.n"), "", "", ...c.metrics.map((m) => {
      const a = aggs[m];
      return a !== undefined ? `${a.nUsed} / ${a.nDropped}` : "";
    })];
    return {
      title: localized(g.name, lang),
      head: [t(lang, "col.security"), t(lang, "col.name"), t(lang, "col.price"), t(lang, "comps.col.mcap", { ccy: c.currency }), ...c.metrics.map((m) => metricLabel(m, lang))],
      align: ["left", "left", "right", "right", ...c.metrics.map(() => "right" as const)],
      rows: [...body, ...statRows, nRow],
    };
  });
}

/** Lines naming every n.m. value with its reason and every security that could not be valued. */
export function compsNotes(c: PeerComps, lang: Lang): string[] {
  const out: string[] = [];
  for (const r of c.rows) {
    for (const m of c.metrics) {
      const res = r.multiples[m];
      if (res.value === undefined) out.push(t(lang, "comps.nm", { group: r.group, security: r.security.id, metric: metricLabel(m, lang), reason: `${res.nm}: ${res.message}` }));
    }
  }
  for (const m of c.missing) out.push(t(lang, "comps.missing", { group: m.group, security: m.security, reason: m.reason }));
  out.push(...leftOutNotes(c.leftOut, lang));
  return out;
}

/** One line per listing left out of its group's aggregates (one issuer, one vote), naming the listing that votes. */
export function leftOutNotes(leftOut: readonly LeftOutListing[] | undefined, lang: Lang): string[] {
  return (leftOut ?? []).map((l) => t(lang, "votes.leftOut", {
    group: l.group, security: l.security, issuer: l.issuer, kept: l.kept,
    rule: l.rule === "first" || l.rule === "primary" ? t(lang, `votes.rule.${l.rule}`) : t(lang, "votes.rule.exchange", { exchange: l.rule }),
  }));
}

/** The inputs behind each value (`--explain`): formula, price, figures with periods and sources, FX, arithmetic. */
export function compsExplain(c: PeerComps): string[] {
  const out: string[] = [];
  for (const r of c.rows) {
    for (const m of c.metrics) out.push(...explainMultiple(r.multiples[m]).map((l, i) => (i === 0 ? `${r.security.id} ${l}` : `  ${l}`)));
  }
  return out;
}

const BARS = "▁▂▃▄▅▆▇█";

/**
 * A one-line chart of a series: eight bar heights between its min and max, a space where a value is missing;
 * series longer than `width` are sampled evenly (the last point always kept).
 */
export function sparkline(values: readonly (number | undefined)[], width = 72): string {
  const n = values.length;
  const idx = n <= width ? values.map((_, i) => i) : Array.from({ length: width }, (_, k) => Math.round((k * (n - 1)) / (width - 1)));
  const xs = idx.map((i) => values[i]);
  const finite = xs.filter((x): x is number => x !== undefined && Number.isFinite(x));
  if (finite.length === 0) return "";
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return xs.map((x) => (x === undefined || !Number.isFinite(x) ? " " : BARS[hi === lo ? 3 : Math.round(((x - lo) / (hi - lo)) * 7)])).join("");
}

/** The history as text: where today's gap sits in it (percentile), its extremes and a one-line chart. */
export function historyLines(h: GapHistoryResult, lang: Lang): string[] {
  const lines: string[] = [];
  const every = t(lang, `wall.every.${h.every}` as MessageKey);
  const first = h.points.find((p) => p.discount !== undefined)?.date ?? h.from;
  if (h.current !== undefined && h.percentile !== undefined) {
    lines.push(t(lang, "wall.history", {
      every, from: first, to: h.to, n: h.n, gap: formatPercent(h.current.discount, { sign: true }), pct: h.percentile.toFixed(0),
      widest: formatPercent(h.widest?.discount, { sign: true }), widestDate: h.widest?.date ?? "", narrowest: formatPercent(h.narrowest?.discount, { sign: true }),
      narrowestDate: h.narrowest?.date ?? "", median: formatPercent(h.medianDiscount, { sign: true }),
    }));
  } else lines.push(t(lang, "wall.historyNone", { every, from: h.from, to: h.to, n: h.n }));
  const from = h.points.findIndex((p) => p.discount !== undefined);
  const spark = sparkline(h.points.slice(Math.max(0, from)).map((p) => p.discount));
  if (spark !== "") lines.push(`${t(lang, "wall.chart")} ${first} ${spark} ${h.to}`);
  return lines;
}

const gapText = (d: number | undefined, lang: Lang) =>
  d === undefined ? t(lang, "word.nm") : d < 0 ? t(lang, "word.discount", { x: formatPercent(-d) }) : t(lang, "word.premium", { x: formatPercent(d) });

/** The wall as display text: title, banner, comps tables, gap lines, closing table and history. */
export function summarizeWall(w: Wall, lang: Lang): { title: string; banner?: string; tables: DisplayTable[]; lines: string[] } {
  const an = localized(w.a.name, lang);
  const bn = localized(w.b.name, lang);
  const statText = t(lang, `comps.stat.${w.statistic}` as MessageKey);
  const stat = lang === "en" ? statText.toLowerCase() : statText;
  const tables = compsTables(w.comps, lang);
  const lines: string[] = [];
  const aggA = w.comps.aggregates[w.a.id] ?? {};
  const aggB = w.comps.aggregates[w.b.id] ?? {};
  const main = aggA[w.metric];
  const mainB = aggB[w.metric];
  const g = w.gaps[w.metric];
  lines.push(t(lang, "comps.gap", {
    a: an, b: bn, metric: metricLabel(w.metric, lang), gap: gapText(g?.[w.statistic]?.discount, lang),
    ma: formatMultiple(main?.median, lang), mb: formatMultiple(mainB?.median, lang), ha: formatMultiple(main?.harmonicMean, lang), hb: formatMultiple(mainB?.harmonicMean, lang),
    pts: formatPoints(g?.[w.statistic]?.yieldGapPts, lang), na: main?.nUsed ?? 0, nb: mainB?.nUsed ?? 0,
  }));
  for (const m of w.comps.metrics) {
    if (m === w.metric || MULTIPLE_UNITS[m] !== "x") continue;
    lines.push(`  ${t(lang, "wall.gapOther", {
      metric: metricLabel(m, lang), gap: gapText(w.gaps[m]?.median?.discount, lang), hgap: gapText(w.gaps[m]?.harmonicMean?.discount, lang),
      ma: formatMultiple(aggA[m]?.median, lang), mb: formatMultiple(aggB[m]?.median, lang),
    })}`);
  }
  lines.push(...compsNotes(w.comps, lang).map((l) => `  ${l}`));
  const withScenarios = w.closing.filter((r) => r.scenarios !== undefined);
  if (withScenarios.length > 0) {
    tables.push({
      title: t(lang, "wall.closingTitle", {
        a: an, b: bn, stat, metric: metricLabel(w.metric, lang), target: formatMultiple(withScenarios[0]?.target, lang),
        x: w.close.map((f) => formatPercent(f, { digits: 0 })).join(" / "),
      }),
      head: [t(lang, "col.security"), t(lang, "col.price"), metricLabel(w.metric, lang), ...w.close.flatMap((f) => [`${t(lang, "col.implied")} ${formatPercent(f, { digits: 0 })}`, t(lang, "col.upside")])],
      align: ["left", "right", "right", ...w.close.flatMap(() => ["right", "right"] as const)],
      rows: w.closing.map((r) => [
        r.id, formatPrice(r.price, r.currency, lang), formatMultiple(r.multiple, lang),
        ...w.close.flatMap((_, k) => {
          const s = r.scenarios?.[k];
          return s !== undefined ? [formatPrice(s.price, r.currency, lang), formatPercent(s.upside, { sign: true })] : [t(lang, "word.nm"), ""];
        }),
      ]),
    });
  }
  if (w.history !== undefined) lines.push(...historyLines(w.history, lang));
  return {
    title: t(lang, "wall.title", { asOf: w.asOf, a: an, b: bn, metric: metricLabel(w.metric, lang), stat }),
    ...(w.synthetic ? { banner: t(lang, "synthetic.banner") } : {}),
    tables,
    lines,
  };
}
