import ExcelJS from "exceljs";
import { localized, t } from "../../i18n/index.js";
import type { Lang } from "../../models/common.js";
import { columnLetter, wallWorkbook } from "../export-xlsx.js";
import type { ReportModel } from "./build-report.js";
import { textOf } from "./report-format.js";

const PCT = "0.0%";
const OPS = { ">": ">", ">=": ">=", "<": "<", "<=": "<=" } as const;

function header(ws: ExcelJS.Worksheet, row: number, cells: string[]): void {
  const r = ws.getRow(row);
  cells.forEach((c, k) => (r.getCell(k + 1).value = c));
  r.font = { bold: true };
}

/** Row 1: the sheet's title; row 2: the synthetic-data banner when it applies. Returns the next free row. */
function titleRows(ws: ExcelJS.Worksheet, title: string, m: ReportModel, lang: Lang): number {
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  if (!m.synthetic) return 3;
  ws.getCell(2, 1).value = t(lang, "synthetic.banner");
  ws.getCell(2, 1).font = { bold: true, color: { argb: "FF9C5700" } };
  return 4;
}

function claimsSheet(wb: ExcelJS.Workbook, m: ReportModel, lang: Lang): void {
  const ws = wb.addWorksheet("Claims", { properties: { tabColor: { argb: "FF1565C0" } } });
  ws.views = [{ state: "frozen", ySplit: 0 }];
  let row = titleRows(ws, `${textOf(m.thesis.title, lang)} · ${m.asOf}`, m, lang);
  header(ws, row++, ["id", t(lang, "report.col.claim"), "kind", t(lang, "report.col.verdict"), t(lang, "report.col.figure"), "op", "threshold", t(lang, "report.col.test"), "p", t(lang, "report.col.wrongIf")]);
  for (const c of m.claims) {
    const r = ws.getRow(row);
    r.getCell(1).value = c.claim.id;
    r.getCell(2).value = textOf(c.claim.text, lang);
    r.getCell(3).value = c.claim.kind;
    r.getCell(4).value = t(lang, `report.verdict.${c.verdict}`);
    if (c.figure !== undefined) {
      r.getCell(5).value = c.figure.value;
      r.getCell(5).numFmt = c.figure.format === "multiple" ? '0.0"x"' : c.figure.format === "amount" ? "#,##0.0" : PCT;
    }
    const cond = "holdsIf" in c.claim ? c.claim.holdsIf : c.claim.kind === "event" ? c.claim.car : undefined;
    if (cond !== undefined) {
      r.getCell(6).value = cond.op;
      r.getCell(7).value = cond.value;
      r.getCell(7).numFmt = r.getCell(5).numFmt ?? PCT;
      if (c.figure !== undefined) {
        // The check as a live formula: edit the threshold and the verdict follows.
        const e = `E${row}`;
        const test = `${e}${OPS[cond.op]}G${row}`;
        const full = c.claim.kind === "event" ? `AND(${test},I${row}<${c.claim.pBelow})` : test;
        r.getCell(8).value = { formula: `IF(ISNUMBER(${e}),IF(${full},"holds","fails"),"not enough data")`, result: c.verdict === "insufficient" ? "not enough data" : c.verdict };
      }
    }
    if (c.p !== undefined) r.getCell(9).value = c.p;
    r.getCell(10).value = textOf(c.claim.wrongIf, lang) + (c.reason ? ` (${c.reason})` : "");
    row++;
  }
  ws.getColumn(2).width = 70;
  ws.getColumn(10).width = 50;
}

function attributionSheet(wb: ExcelJS.Workbook, m: ReportModel, lang: Lang): void {
  const ws = wb.addWorksheet("Attribution");
  let row = titleRows(ws, t(lang, "report.s.attribution"), m, lang);
  const parts = ["earnings", "multiple", "fx", "dividends"] as const;
  for (const p of m.attribution) {
    if (p.value === undefined) continue;
    const r = p.value;
    ws.getCell(row++, 1).value = `${r.group !== undefined ? localized(r.group.name, lang) : ""} ${r.from} – ${r.to} (${r.currency}, log)`;
    header(ws, row++, [t(lang, "col.security"), ...parts.map((k) => t(lang, `report.col.${k}`)), `${t(lang, "report.col.total")} (log)`, t(lang, "report.col.total")]);
    for (const x of r.rows) {
      const res = x.result;
      const cells = ws.getRow(row);
      cells.getCell(1).value = x.security;
      if (res.nm !== undefined) cells.getCell(2).value = `n.m.: ${res.message}`;
      else {
        parts.forEach((k, j) => {
          cells.getCell(2 + j).value = res.log[k];
          cells.getCell(2 + j).numFmt = PCT;
        });
        // Log contributions add up; the simple return is exp(sum) − 1.
        cells.getCell(6).value = { formula: `SUM(B${row}:E${row})`, result: res.logReturn };
        cells.getCell(7).value = { formula: `EXP(F${row})-1`, result: res.simpleReturn };
        cells.getCell(6).numFmt = PCT;
        cells.getCell(7).numFmt = PCT;
      }
      row++;
    }
    row++;
  }
  ws.getColumn(1).width = 14;
}

function eventsSheet(wb: ExcelJS.Workbook, m: ReportModel, lang: Lang): void {
  const r = m.events.value;
  if (r === undefined) return;
  const ws = wb.addWorksheet("Events");
  let row = titleRows(ws, `${t(lang, "report.s.events")} (${r.model})`, m, lang);
  header(ws, row++, [t(lang, "col.security"), t(lang, "events.col.event"), t(lang, "events.col.day0"), "alpha", "beta", "sigma", ...r.windows.flatMap((w) => [`CAR ${w.from}:${w.to}`, "t", "p"])]);
  for (const o of r.observations.filter((x) => x.status === "ok")) {
    const cells = [o.security, o.event, o.day0 ?? "", o.alpha ?? null, o.beta ?? null, o.sigma ?? null, ...o.windows.flatMap((w) => [w.car, w.t, w.p])];
    const rr = ws.getRow(row++);
    cells.forEach((v, k) => (rr.getCell(k + 1).value = v));
    r.windows.forEach((_, j) => (rr.getCell(7 + 3 * j).numFmt = "0.00%"));
  }
  row++;
  header(ws, row++, [t(lang, "report.col.window"), "N", "CAAR", "csectT", "p", "patellZ", "p", "bmpT", "p", "kpT", "p"]);
  for (const a of r.aggregates) {
    const rr = ws.getRow(row++);
    [`${a.from}:${a.to}`, a.n, a.caar, a.tests.csectT, a.p.csectT, a.tests.patellZ, a.p.patellZ, a.tests.bmpT, a.p.bmpT, a.tests.kpT, a.p.kpT].forEach((v, k) => (rr.getCell(k + 1).value = v));
    rr.getCell(3).numFmt = "0.00%";
  }
}

function scenarioSheet(wb: ExcelJS.Workbook, m: ReportModel, lang: Lang): void {
  for (const p of m.scenarios) {
    if (p.value === undefined) continue;
    const s = p.value;
    const ws = wb.addWorksheet(`Scenario ${s.id}`.slice(0, 31));
    let row = titleRows(ws, `${localized(s.title, lang)} · ${s.monteCarlo.scenario}, ${s.monteCarlo.draws} draws, seed ${s.monteCarlo.seed}`, m, lang);
    const pcts = s.monteCarlo.series[0]?.stats.percentiles.map((q) => q.p) ?? [];
    header(ws, row++, [t(lang, "scenario.col.output"), t(lang, "scenario.col.unit"), t(lang, "scenario.col.mean"), t(lang, "scenario.col.sd"), ...pcts.map((q) => `P${Math.round(q * 100)}`), "P95 − P5", t(lang, "scenario.col.probAbove")]);
    for (const x of s.monteCarlo.series) {
      const rr = ws.getRow(row);
      const vals = [x.label, x.unit, x.stats.mean ?? null, x.stats.sd ?? null, ...pcts.map((q) => x.stats.percentiles.find((y) => y.p === q)?.value ?? null)];
      vals.forEach((v, k) => (rr.getCell(k + 1).value = v));
      const p5 = pcts.indexOf(0.05);
      const p95 = pcts.indexOf(0.95);
      if (p5 >= 0 && p95 >= 0) {
        const c5 = `${columnLetter(5 + p5)}${row}`;
        const c95 = `${columnLetter(5 + p95)}${row}`;
        rr.getCell(5 + pcts.length).value = { formula: `${c95}-${c5}`, result: (x.stats.percentiles[p95]?.value ?? 0) - (x.stats.percentiles[p5]?.value ?? 0) };
      }
      if (x.stats.probAbove !== undefined) {
        rr.getCell(6 + pcts.length).value = x.stats.probAbove;
        rr.getCell(6 + pcts.length).numFmt = PCT;
      }
      row++;
    }
    row++;
    header(ws, row++, [t(lang, "scenario.col.driver"), t(lang, "scenario.col.atLow"), t(lang, "scenario.col.atHigh"), t(lang, "scenario.col.swing")]);
    for (const b of s.tornado.bars) {
      const rr = ws.getRow(row);
      rr.getCell(1).value = b.driver;
      rr.getCell(2).value = b.outputLow;
      rr.getCell(3).value = b.outputHigh;
      rr.getCell(4).value = { formula: `ABS(C${row}-B${row})`, result: b.swing };
      row++;
    }
    ws.getColumn(1).width = 34;
  }
}

function sourcesSheet(wb: ExcelJS.Workbook, m: ReportModel, lang: Lang): void {
  const ws = wb.addWorksheet("Sources");
  let row = titleRows(ws, t(lang, "report.s.sources"), m, lang);
  header(ws, row++, [t(lang, "report.col.kind"), t(lang, "report.col.location"), t(lang, "report.col.synthetic"), t(lang, "report.col.rows"), "sha256"]);
  for (const s of m.sources) {
    const rr = ws.getRow(row++);
    [s.kind, s.location, s.synthetic, s.rows, s.sha256 ?? ""].forEach((v, k) => (rr.getCell(k + 1).value = v));
  }
  row++;
  header(ws, row++, [t(lang, "col.security"), t(lang, "report.col.lastPrice")]);
  for (const d of m.priceDates) {
    ws.getCell(row, 1).value = d.security;
    ws.getCell(row++, 2).value = d.last;
  }
  ws.getColumn(2).width = 50;
}

/**
 * The report as an Excel workbook: the claims with their checks as live formulas (edit a threshold and the verdict
 * follows), the comps and wall sheets (multiples, aggregates, gaps and closing prices as formulas), attribution
 * (totals as SUM and EXP formulas), the event study, each scenario's statistics and tornado, and the sources.
 *
 * @returns the .xlsx bytes. The workbook's dates are the report's as-of date, so the same model gives the same bytes' content.
 */
export async function renderReportXlsx(m: ReportModel, lang: Lang): Promise<Uint8Array> {
  const wb = m.wall.value !== undefined ? wallWorkbook(m.wall.value, lang) : new ExcelJS.Workbook();
  wb.creator = "rerate";
  wb.created = new Date(`${m.asOf}T00:00:00Z`);
  wb.modified = wb.created;
  claimsSheet(wb, m, lang);
  attributionSheet(wb, m, lang);
  eventsSheet(wb, m, lang);
  scenarioSheet(wb, m, lang);
  sourcesSheet(wb, m, lang);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
