import ExcelJS from "exceljs";
import type { MonteCarloResult, TornadoResult } from "../core/scenario/index.js";
import { columnLetter } from "./export-xlsx.js";

const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);

/**
 * A Monte Carlo result as a workbook: statistics per output (with P(> threshold)), the drivers' rank
 * correlations and contributions, and each output's histogram whose shares are live formulas (count / total),
 * so the sheet stays consistent when an analyst edits counts or bins.
 */
export function monteCarloWorkbook(r: MonteCarloResult, meta: { model: string; file: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "rerate";
  const stats = wb.addWorksheet("Monte Carlo");
  stats.addRow(["model", meta.model]);
  stats.addRow(["file", meta.file]);
  stats.addRow(["scenario", r.scenario]);
  stats.addRow(["draws", r.draws]);
  stats.addRow(["seed", r.seed]);
  stats.addRow(["sampler", r.sampler]);
  stats.addRow([]);
  const pcts = r.series[0]?.stats.percentiles.map((p) => `P${Math.round(p.p * 100)}`) ?? [];
  const head = stats.addRow(["output", "unit", "n", "mean", "sd", "min", "max", ...pcts, "threshold", "P(> threshold)", "P(≤ threshold)"]);
  head.font = { bold: true };
  const probCol = 8 + pcts.length + 1;
  for (const s of r.series) {
    const row = stats.addRow([s.label, s.unit, s.stats.n, num(s.stats.mean), num(s.stats.sd), num(s.stats.min), num(s.stats.max),
      ...s.stats.percentiles.map((p) => num(p.value)), num(s.threshold), num(s.stats.probAbove)]);
    if (s.stats.probAbove !== undefined) {
      // P(≤ threshold) = 1 − P(> threshold), live.
      row.getCell(probCol + 1).value = { formula: `1-${columnLetter(probCol)}${row.number}`, result: 1 - s.stats.probAbove };
    }
  }
  stats.getColumn(probCol).numFmt = "0.0%";
  stats.getColumn(probCol + 1).numFmt = "0.0%";
  stats.columns.forEach((c) => (c.width = 14));
  stats.getColumn(1).width = 32;

  const sens = wb.addWorksheet("Sensitivity");
  sens.addRow(["output", "driver", "rank correlation", "contribution to variance"]).font = { bold: true };
  for (const s of r.series) for (const d of s.sensitivity) sens.addRow([s.label, d.driver, num(d.rankCorrelation), num(d.contribution)]);
  sens.getColumn(3).numFmt = "0.000";
  sens.getColumn(4).numFmt = "0.0%";
  sens.columns.forEach((c) => (c.width = 24));

  const hist = wb.addWorksheet("Histograms");
  for (const s of r.series) {
    const h = s.stats.histogram;
    if (!h) continue;
    hist.addRow([s.label, s.unit]).font = { bold: true };
    hist.addRow(["from", "to", "count", "share"]).font = { bold: true };
    const first = hist.rowCount + 1;
    h.counts.forEach((c, k) => hist.addRow([h.edges[k], h.edges[k + 1], c]));
    const last = hist.rowCount;
    const total = s.stats.n;
    for (let i = first; i <= last; i++) {
      const count = Number(hist.getRow(i).getCell(3).value);
      hist.getRow(i).getCell(4).value = { formula: `C${i}/${total}`, result: count / total };
      hist.getRow(i).getCell(4).numFmt = "0.00%";
    }
    hist.addRow(["below the first bin", "", h.below]);
    hist.addRow(["above the last bin", "", h.above]);
    hist.addRow([]);
  }
  hist.columns.forEach((c) => (c.width = 16));
  return wb;
}

/** A tornado as a workbook: each driver's low/high input and output; the swing is a live formula. */
export function tornadoWorkbook(tr: TornadoResult, meta: { model: string; file: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "rerate";
  const ws = wb.addWorksheet("Tornado");
  ws.addRow(["model", meta.model]);
  ws.addRow(["output", tr.target.label, tr.target.unit]);
  ws.addRow(["base", tr.base]);
  ws.addRow([`low = P${Math.round(tr.pLow * 100)}, high = P${Math.round(tr.pHigh * 100)} (or the driver's range)`]);
  ws.addRow([]);
  ws.addRow(["driver", "unit", "input low", "input high", "output low", "output high", "swing", "low vs base", "high vs base"]).font = { bold: true };
  for (const b of tr.bars) {
    const row = ws.addRow([b.driver, b.unit, b.inputLow.join(" / "), b.inputHigh.join(" / "), b.outputLow, b.outputHigh]);
    const n = row.number;
    row.getCell(7).value = { formula: `ABS(F${n}-E${n})`, result: b.swing };
    row.getCell(8).value = { formula: `E${n}-$B$3`, result: b.outputLow - tr.base };
    row.getCell(9).value = { formula: `F${n}-$B$3`, result: b.outputHigh - tr.base };
  }
  ws.columns.forEach((c) => (c.width = 16));
  ws.getColumn(1).width = 28;
  return wb;
}
