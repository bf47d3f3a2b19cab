import { formatMultiple, formatPercent, formatPrice } from "../../i18n/format.js";
import { localized, t } from "../../i18n/index.js";
import type { Lang } from "../../models/common.js";
import { stableSvg } from "../charts/_stable-svg.js";
import { renderWaterfallSvg } from "../charts/waterfall.js";
import { wallChartSvg } from "../comps-chart.js";
import { summarizeWall } from "../comps-display.js";
import { eventStudyChartSvg } from "../event-study.js";
import type { ClaimResult } from "../thesis/evaluate-claims.js";
import type { ReportModel, ScenarioPart } from "./build-report.js";
import type { ReportBlock, ReportDocument, ReportSection } from "./report-document.js";
import { renderHistogramSvg, renderTornadoSvg } from "./scenario-charts.js";
import { formatCondition, formatCount, formatFigure, formatP, formatStat, formatUnitAmount, textOf, verdictLabel } from "./report-format.js";

const failed = (error: string, lang: Lang): ReportBlock => ({ kind: "error", text: t(lang, "report.failed", { error }) });

function claimFigureFormat(c: ClaimResult): { format: "percent" | "multiple" | "probability" | "amount"; unit?: string } {
  if (c.figure !== undefined) return { format: c.figure.format, ...(c.figure.unit !== undefined ? { unit: c.figure.unit } : {}) };
  const k = c.claim.kind;
  return { format: k === "multiple" ? "multiple" : k === "scenario" ? (c.claim.statistic === "probAbove" ? "probability" : "amount") : "percent" };
}

function testText(c: ClaimResult, lang: Lang): string {
  const claim = c.claim;
  const f = claimFigureFormat(c);
  switch (claim.kind) {
    case "event": return `CAR ${claim.window[0]}…+${claim.window[1]} ${formatCondition(claim.car, "percent", undefined, lang)}, p < ${claim.pBelow}`;
    case "multiple": return `${formatMultiple(claim.claim, lang)} ± ${formatPercent(claim.tolerance, { digits: 0 })}`;
    default: return formatCondition(claim.holdsIf, f.format, f.unit, lang);
  }
}

function summarySection(m: ReportModel, lang: Lang): ReportSection {
  const count = (v: string) => m.claims.filter((c) => c.verdict === v).length;
  const blocks: ReportBlock[] = [];
  if (m.thesis.summary !== undefined) blocks.push({ kind: "p", text: textOf(m.thesis.summary, lang) });
  blocks.push({ kind: "p", text: t(lang, "report.verdicts", { n: m.claims.length, holds: count("holds"), fails: count("fails"), insufficient: count("insufficient") }) });
  blocks.push({
    kind: "claims",
    head: { claim: t(lang, "report.col.claim"), verdict: t(lang, "report.col.verdict"), figure: t(lang, "report.col.figure"), test: t(lang, "report.col.test"), wrongIf: t(lang, "report.col.wrongIf") },
    rows: m.claims.map((c) => ({
      id: c.claim.id, text: textOf(c.claim.text, lang), verdict: c.verdict, verdictText: verdictLabel(c.verdict, lang),
      figure: formatFigure(c.figure, lang, c.claim.kind === "event") + (c.p !== undefined ? `, p ${c.p < 0.001 ? "" : "= "}${formatP(c.p)}` : ""),
      test: testText(c, lang), wrongIf: textOf(c.claim.wrongIf, lang),
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
    })),
  });
  return { id: "summary", title: t(lang, "report.s.summary"), blocks };
}

function wallSection(m: ReportModel, lang: Lang): ReportSection {
  const title = t(lang, "report.s.wall");
  if (m.wall.error !== undefined) return { id: "wall", title, blocks: [failed(m.wall.error, lang)] };
  const w = m.wall.value;
  const s = summarizeWall(w, lang);
  const blocks: ReportBlock[] = [{ kind: "p", text: s.title }];
  blocks.push(...s.tables.map((table): ReportBlock => ({ kind: "table", table })));
  blocks.push({ kind: "list", items: s.lines.map((l) => l.trim()) });
  if (w.history !== undefined) blocks.push({ kind: "chart", title: t(lang, "report.historyChart"), svg: stableSvg(wallChartSvg(w, lang)) });
  return { id: "wall", title, blocks };
}

function headlineSection(m: ReportModel, lang: Lang): ReportSection {
  const blocks: ReportBlock[] = [];
  for (const h of m.headline) {
    if (h.error !== undefined) {
      blocks.push(failed(h.error, lang));
      continue;
    }
    const r = h.value;
    blocks.push({ kind: "p", text: t(lang, "report.headline", {
      security: r.security, claim: formatMultiple(r.claim, lang), defs: r.reproducedBy.length > 0 ? r.reproducedBy.join(", ") : t(lang, "report.headlineNone"),
      tol: formatPercent(r.tolerance, { digits: 0 }), from: r.from, to: r.to, closest: formatMultiple(r.closest?.value, lang), def: r.closest?.definition ?? "", date: r.closest?.date ?? "",
    }) });
    blocks.push({ kind: "table", table: {
      title: `${r.security} ${t(lang, "report.col.pe")} (${r.currency})`,
      head: [t(lang, "report.col.definition"), t(lang, "report.col.atDate", { date: r.around }), t(lang, "report.col.range"), t(lang, "report.col.closest"), t(lang, "report.col.matches")],
      align: ["left", "right", "right", "right", "right"],
      rows: r.definitions.map((d) => [
        d.definition.id, formatMultiple(d.atAround.value, lang),
        d.min !== undefined ? `${formatMultiple(d.min, lang)} – ${formatMultiple(d.max, lang)}` : t(lang, "word.nm"),
        d.closest !== undefined ? `${formatMultiple(d.closest.value, lang)} (${d.closest.date})` : t(lang, "word.nm"),
        String(d.matches.length),
      ]),
    } });
  }
  return { id: "headline", title: t(lang, "report.s.headline"), blocks };
}

function impliedSection(m: ReportModel, lang: Lang): ReportSection {
  const title = t(lang, "report.s.implied");
  if (m.premium.error !== undefined) return { id: "implied", title, blocks: [failed(m.premium.error, lang)] };
  const r = m.premium.value;
  const [a, b] = r.groups;
  const blocks: ReportBlock[] = [{ kind: "p", text: t(lang, "report.impliedMethod") }];
  if (r.premium !== undefined) {
    blocks.push({ kind: "p", text: t(lang, "report.premium", {
      a: localized(a.name, lang), b: localized(b.name, lang), ea: formatPercent(r.premium.medianA, { digits: 2 }), eb: formatPercent(r.premium.medianB, { digits: 2 }),
      gap: formatPercent(r.premium.gap, { digits: 2, sign: true }), explained: formatPercent(r.premium.explained, { digits: 2 }), unexplained: formatPercent(r.premium.unexplained, { digits: 2, sign: true }),
    }) });
  }
  blocks.push({ kind: "table", table: {
    title: t(lang, "report.s.implied"),
    head: [t(lang, "report.col.group"), t(lang, "col.security"), t(lang, "col.price"), t(lang, "report.col.pe"), t(lang, "report.col.coe"), t(lang, "report.col.rf"), t(lang, "report.col.erp"), t(lang, "report.col.atWall")],
    align: ["left", "left", "right", "right", "right", "right", "right", "right"],
    rows: r.rows.map((x) => [
      localized((x.group === a.id ? a : b).name, lang), x.security, x.price !== undefined && x.currency !== undefined ? formatPrice(x.price, x.currency, lang) : t(lang, "word.nm"),
      formatMultiple(x.multiple, lang), formatPercent(x.impliedCostOfEquity, { digits: 2 }), formatPercent(x.riskFreeRate, { digits: 2 }), formatPercent(x.impliedErp, { digits: 2 }),
      x.atWall !== undefined && x.currency !== undefined ? `${formatPrice(x.atWall.value, x.currency, lang)} (${formatPercent(x.atWall.upside, { sign: true })})` : x.error ?? "",
    ]),
  } });
  if (r.notes.length > 0) blocks.push({ kind: "list", items: r.notes });
  return { id: "implied", title, blocks };
}

async function eventsSection(m: ReportModel, lang: Lang): Promise<ReportSection> {
  const title = t(lang, "report.s.events");
  if (m.events.error !== undefined) return { id: "events", title, blocks: [failed(m.events.error, lang)] };
  const r = m.events.value;
  const ok = r.observations.filter((o) => o.status === "ok");
  const range = (f: number, to: number) => `${f > 0 ? "+" : ""}${f}…${to > 0 ? "+" : ""}${to}`;
  const blocks: ReportBlock[] = [
    { kind: "p", text: t(lang, "report.eventsMethod", { model: r.model, est: range(r.estimation.from, r.estimation.to), n: ok.length, skipped: r.observations.length - ok.length }) },
    { kind: "chart", title: t(lang, "report.carChart"), svg: stableSvg(await eventStudyChartSvg(r, t(lang, "report.carChart"))) },
  ];
  const tests = ["csectT", "patellZ", "bmpT", "kpT", "corradoZ", "signZ", "genSignZ"] as const;
  blocks.push({ kind: "table", table: {
    title: t(lang, "report.aggregateTests"),
    head: [t(lang, "report.col.window"), "N", t(lang, "events.test.caar"), ...tests.map((k) => t(lang, `events.test.${k}`))],
    align: ["left", "right", "right", ...tests.map(() => "right" as const)],
    rows: r.aggregates.map((a) => [range(a.from, a.to), String(a.n), formatPercent(a.caar ?? undefined, { sign: true, digits: 2 }), ...tests.map((k) => `${formatStat(a.tests[k])} (${formatP(a.p[k])})`)]),
  } });
  blocks.push({ kind: "table", table: {
    title: t(lang, "report.perEvent"),
    head: [t(lang, "col.security"), t(lang, "events.col.event"), t(lang, "events.col.day0"), ...r.windows.map((w) => `${t(lang, "report.col.car")} ${range(w.from, w.to)} (p)`)],
    align: ["left", "left", "left", ...r.windows.map(() => "right" as const)],
    rows: ok.map((o) => [o.security, o.event, o.day0 ?? "", ...o.windows.map((w) => `${formatPercent(w.car ?? undefined, { sign: true, digits: 2 })} (${formatP(w.p)})`)]),
  } });
  const skipped = r.observations.filter((o) => o.status !== "ok").map((o) => `${o.security} / ${o.event}: ${o.reason ?? ""}`);
  if (skipped.length > 0 || r.warnings.length > 0) blocks.push({ kind: "list", items: [...skipped, ...r.warnings] });
  return { id: "events", title, blocks };
}

function scenarioBlocks(s: ScenarioPart, lang: Lang, output: string | undefined): ReportBlock[] {
  const mc = s.monteCarlo;
  const blocks: ReportBlock[] = [{ kind: "p", text: t(lang, "report.scenarioRun", { title: localized(s.title, lang), scenario: mc.scenario, draws: formatCount(mc.draws, lang), seed: mc.seed }) }];
  const pct = [0.05, 0.5, 0.95];
  blocks.push({ kind: "table", table: {
    title: localized(s.title, lang),
    head: [t(lang, "scenario.col.output"), t(lang, "scenario.col.mean"), t(lang, "scenario.col.sd"), "P5", "P50", "P95", t(lang, "scenario.col.probAbove")],
    align: ["left", "right", "right", "right", "right", "right", "right"],
    rows: mc.series.map((x) => [
      x.label, formatUnitAmount(x.stats.mean, x.unit, lang), formatUnitAmount(x.stats.sd, x.unit, lang),
      ...pct.map((p) => formatUnitAmount(x.stats.percentiles.find((q) => Math.abs(q.p - p) < 1e-9)?.value, x.unit, lang)),
      x.stats.probAbove !== undefined ? `${formatPercent(x.stats.probAbove)} (> ${formatUnitAmount(x.threshold, x.unit, lang)})` : "",
    ]),
  } });
  const main = mc.series.filter((x) => x.name === (output ?? mc.series[0]?.name)).at(-1);
  if (main?.stats.histogram !== undefined) {
    const title = t(lang, "report.histogram", { output: main.label });
    blocks.push({ kind: "chart", title, svg: renderHistogramSvg(main.stats.histogram, { title, unit: main.unit, ...(main.threshold !== undefined ? { threshold: main.threshold } : {}) }) });
  }
  const tor = s.tornado;
  const ttitle = t(lang, "report.tornadoChart", { output: tor.target.label });
  blocks.push({ kind: "chart", title: ttitle, svg: renderTornadoSvg(tor, { title: ttitle, format: (x) => formatUnitAmount(x, tor.target.unit, lang) }) });
  blocks.push({ kind: "table", table: {
    title: ttitle,
    head: [t(lang, "scenario.col.driver"), t(lang, "scenario.col.atLow"), t(lang, "scenario.col.atHigh"), t(lang, "scenario.col.swing")],
    align: ["left", "right", "right", "right"],
    rows: tor.bars.map((b) => [b.driver, formatUnitAmount(b.outputLow, tor.target.unit, lang), formatUnitAmount(b.outputHigh, tor.target.unit, lang), formatUnitAmount(b.swing, tor.target.unit, lang)]),
  } });
  blocks.push({ kind: "table", table: {
    title: t(lang, "report.assumptions"),
    head: [t(lang, "scenario.col.driver"), t(lang, "scenario.col.unit"), t(lang, "report.col.basis"), t(lang, "col.source")],
    align: ["left", "left", "left", "left"],
    rows: s.assumptions.map((a) => [a.name, a.unit, a.basis ?? "", a.source ?? ""]),
  } });
  return blocks;
}

function attributionSection(m: ReportModel, lang: Lang): ReportSection {
  const blocks: ReportBlock[] = [];
  const parts = ["earnings", "multiple", "fx", "dividends"] as const;
  for (const p of m.attribution) {
    if (p.error !== undefined) {
      blocks.push(failed(p.error, lang));
      continue;
    }
    const r = p.value;
    const name = r.group !== undefined ? localized(r.group.name, lang) : r.rows.map((x) => x.security).join(", ");
    const agg = r.aggregate;
    blocks.push({ kind: "p", text: t(lang, "report.attributionOf", { group: name, from: r.from, to: r.to, basis: t(lang, `report.basis.${r.basis}`), currency: r.currency, total: formatPercent(agg?.simpleReturn, { sign: true }) }) });
    if (agg !== undefined) {
      blocks.push({ kind: "chart", title: name, svg: renderWaterfallSvg({
        title: name, subtitle: `${r.from} – ${r.to}`, totalLabel: t(lang, "report.col.total"),
        steps: parts.map((k) => ({ label: t(lang, `report.col.${k}`), value: agg.simple[k] })),
      }) });
    }
    blocks.push({ kind: "table", table: {
      title: name,
      head: [t(lang, "col.security"), ...parts.map((k) => t(lang, `report.col.${k}`)), t(lang, "report.col.total"), t(lang, "report.col.peFrom"), t(lang, "report.col.peTo")],
      align: ["left", "right", "right", "right", "right", "right", "right", "right"],
      rows: r.rows.map((x) => {
        const res = x.result;
        if (res.nm !== undefined) return [x.security, t(lang, "word.nm"), "", "", "", res.message, "", ""];
        return [x.security, ...parts.map((k) => formatPercent(res.simple[k], { sign: true })), formatPercent(res.simpleReturn, { sign: true }), formatMultiple(res.peFrom, lang), formatMultiple(res.peTo, lang)];
      }),
    } });
    if (r.notes.length > 0) blocks.push({ kind: "list", items: r.notes });
  }
  return { id: "attribution", title: t(lang, "report.s.attribution"), blocks };
}

function sourcesSection(m: ReportModel, lang: Lang): ReportSection {
  const yes = (b: boolean) => t(lang, b ? "report.yes" : "report.no");
  const blocks: ReportBlock[] = [
    { kind: "p", text: t(lang, "report.sourcesNote") },
    { kind: "table", table: {
      title: t(lang, "report.s.sources"),
      head: [t(lang, "report.col.kind"), t(lang, "report.col.location"), t(lang, "report.col.synthetic"), t(lang, "report.col.rows")],
      align: ["left", "left", "left", "right"],
      rows: m.sources.map((s) => [s.kind, s.location.replace(/^.*[\\/](?=[^\\/]+$)/, ""), yes(s.synthetic), formatCount(s.rows, lang)]),
    } },
    { kind: "table", table: {
      title: t(lang, "report.col.lastPrice"),
      head: [t(lang, "col.security"), t(lang, "report.col.lastPrice")],
      align: ["left", "left"],
      rows: m.priceDates.map((d) => [d.security, d.last]),
    } },
  ];
  if (m.thesis.source !== undefined) blocks.push({ kind: "p", text: m.thesis.source });
  return { id: "sources", title: t(lang, "report.s.sources"), blocks };
}

/**
 * Lays a report's data out in one language: section titles, sentences, tables of formatted numbers and charts as SVG.
 * Deterministic: the same model and language give the same document (no clock, stable chart ids).
 *
 * @param m - the report's data (see buildReport).
 * @param lang - en, zh-Hant or zh-Hans.
 * @returns the document the HTML and Markdown renderers print.
 * @example renderReportMarkdown(await composeReport(model, "zh-Hant"))
 */
export async function composeReport(m: ReportModel, lang: Lang): Promise<ReportDocument> {
  const scenarioBlocksAll = m.scenarios.flatMap((p, i) => (p.error !== undefined ? [failed(p.error, lang)] : scenarioBlocks(p.value, lang, Object.values(m.thesis.scenarios)[i]?.output)));
  return {
    lang,
    title: textOf(m.thesis.title, lang),
    subtitle: t(lang, "report.asOf", { asOf: m.asOf, file: m.file.replace(/^.*[\\/](?=[^\\/]+$)/, "") }),
    ...(m.synthetic ? { banner: t(lang, "synthetic.banner") } : {}),
    sections: [
      summarySection(m, lang),
      wallSection(m, lang),
      headlineSection(m, lang),
      impliedSection(m, lang),
      await eventsSection(m, lang),
      { id: "scenarios", title: t(lang, "report.s.scenarios"), blocks: scenarioBlocksAll },
      attributionSection(m, lang),
      sourcesSection(m, lang),
      { id: "risks", title: t(lang, "report.s.risks"), blocks: [{ kind: "list", items: m.thesis.risks.map((r) => textOf(r, lang)) }, { kind: "p", text: t(lang, "report.disclaimer") }] },
    ],
  };
}
