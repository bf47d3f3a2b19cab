import ExcelJS from "exceljs";
import { MULTIPLE_UNITS, metricShortName, type MultipleKind, type MultipleResult } from "../core/valuation/index.js";
import { localized, t } from "../i18n/index.js";
import type { Lang } from "../models/common.js";
import type { PeerComps, PeerCompsRow } from "./comps-table.js";
import { metricLabel } from "./comps-display.js";
import type { Wall } from "./wall.js";

const PE_KINDS: readonly MultipleKind[] = ["trailingPE", "ttmPE", "forwardPEFy1", "forwardPEFy2", "forwardPENtm"];
/** n.m. reasons a formula over the stored numerator and denominator reproduces (the inputs are all there). */
const FORMULA_NM = new Set(["negative_earnings", "zero_earnings", "above_cap", "non_positive_input"]);

/** Excel column letters of a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
const addr = (row: number, col: number) => `${columnLetter(col)}${row}`;
const cached = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "n.m." : v);

/** Where a group's block of the comps sheet sits, for formulas on other sheets. */
interface GroupBlock {
  first: number;
  last: number;
  /** Row of each aggregate (median, harmonicMean, capWeighted, mean, min, max, n). */
  stat: Record<string, number>;
  /** Row of each security. */
  rowOf: Map<string, number>;
}
interface CompsLayout {
  sheet: string;
  priceCol: number;
  metricCol: Map<MultipleKind, number>;
  blocks: Map<string, GroupBlock>;
}

/** The cell value of one multiple: a live formula over its numerator and denominator when it has them. */
function multipleCell(kind: MultipleKind, r: MultipleResult, num: string, den: string, capPe: number): ExcelJS.CellValue {
  const i = r.inputs;
  const hasInputs = i.numerator !== undefined && i.denominator !== undefined;
  if (!hasInputs || (r.value === undefined && !FORMULA_NM.has(r.nm))) return r.value ?? "n.m.";
  const unit = MULTIPLE_UNITS[kind];
  if (unit === "amount") return r.value ?? "n.m.";
  if (unit === "ratio") return { formula: `IFERROR(${num}/${den},"n.m.")`, result: cached(r.value) };
  const cap = PE_KINDS.includes(kind) ? `,${num}/${den}<=${capPe}` : "";
  return { formula: `IF(AND(ISNUMBER(${num}),ISNUMBER(${den}),${num}>0,${den}>0${cap}),${num}/${den},"n.m.")`, result: cached(r.value) };
}

const STATS = ["median", "harmonicMean", "capWeighted", "mean", "min", "max"] as const;

function statFormula(stat: (typeof STATS)[number], range: string, capRange: string, earnRange: string): string {
  switch (stat) {
    case "median": return `IF(COUNT(${range})=0,"n.m.",MEDIAN(${range}))`;
    case "harmonicMean": return `IFERROR(HARMEAN(${range}),"n.m.")`;
    case "capWeighted": return `IFERROR(SUMIF(${range},">0",${capRange})/SUM(${earnRange}),"n.m.")`;
    case "mean": return `IF(COUNT(${range})=0,"n.m.",AVERAGE(${range}))`;
    case "min": return `IF(COUNT(${range})=0,"n.m.",MIN(${range}))`;
    case "max": return `IF(COUNT(${range})=0,"n.m.",MAX(${range}))`;
  }
}

/**
 * Writes the comps sheet: one block per group (securities, then aggregates), multiples as live formulas over the
 * numerator and denominator columns (price and EPS per listing for P/E, …) and aggregates as MEDIAN / HARMEAN /
 * SUMIF formulas over the block, each with the value rerate computed as its cached result.
 */
function addCompsSheet(wb: ExcelJS.Workbook, c: PeerComps, lang: Lang, peCap: number): CompsLayout {
  const ws = wb.addWorksheet("Comps");
  ws.getCell(1, 1).value = t(lang, "comps.tableTitle", { asOf: c.asOf, ccy: c.currency });
  if (c.synthetic) ws.getCell(2, 1).value = t(lang, "synthetic.banner");
  const xMetrics = c.metrics.filter((m) => MULTIPLE_UNITS[m] === "x");
  const fixed = ["group", t(lang, "col.security"), t(lang, "col.name"), t(lang, "col.currency"), t(lang, "col.price"), t(lang, "comps.col.priceDate"), t(lang, "comps.col.mcap", { ccy: c.currency })];
  const priceCol = 5;
  const capCol = 7;
  const metricCol = new Map<MultipleKind, number>(c.metrics.map((m, k) => [m, fixed.length + 1 + k]));
  const inputStart = fixed.length + c.metrics.length + 2;
  const numCol = new Map<MultipleKind, number>(c.metrics.map((m, k) => [m, inputStart + 3 * k]));
  const head = 4;
  [...fixed, ...c.metrics.map((m) => metricLabel(m, lang))].forEach((h, k) => (ws.getCell(head, k + 1).value = h));
  c.metrics.forEach((m) => {
    const n = numCol.get(m) as number;
    ws.getCell(head, n).value = `${metricShortName(m)}: numerator`;
    ws.getCell(head, n + 1).value = `${metricShortName(m)}: denominator`;
    ws.getCell(head, n + 2).value = `${metricShortName(m)}: ${c.currency} cap / multiple`;
  });
  ws.getRow(head).font = { bold: true };
  const blocks = new Map<string, GroupBlock>();
  let row = head + 1;
  for (const g of c.groups) {
    // One issuer, one vote: listings left out of the aggregates go below the aggregates' range, marked.
    const out = new Set((c.leftOut ?? []).filter((l) => l.group === g.id).map((l) => l.security));
    const all: PeerCompsRow[] = c.rows.filter((r) => r.group === g.id);
    const rows = all.filter((r) => !out.has(r.security.id));
    const first = row;
    const rowOf = new Map<string, number>();
    for (const r of [...rows, ...all.filter((x) => out.has(x.security.id))]) {
      const price = r.multiples.marketCap.inputs.price ?? r.multiples.trailingPE.inputs.price;
      const groupCell = out.has(r.security.id) ? t(lang, "votes.xlsxLeftOut", { group: g.id }) : g.id;
      const cells: ExcelJS.CellValue[] = [groupCell, r.security.id, localized(r.security.name, lang), price?.currency ?? r.security.currency, price?.close ?? "n.m.", price?.date ?? "", r.marketCap.value !== undefined ? r.marketCap.value / 1e9 : "n.m."];
      cells.forEach((v, k) => (ws.getCell(row, k + 1).value = v));
      for (const m of c.metrics) {
        const res = r.multiples[m];
        const n = numCol.get(m) as number;
        // For P/E the numerator is the listing price: point the formula at the price column so editing it updates the P/E.
        const num = PE_KINDS.includes(m) && res.inputs.numerator === price?.close ? addr(row, priceCol) : addr(row, n);
        ws.getCell(row, n).value = res.inputs.numerator ?? null;
        ws.getCell(row, n + 1).value = res.inputs.denominator ?? null;
        ws.getCell(row, metricCol.get(m) as number).value = multipleCell(m, res, num, addr(row, n + 1), peCap);
        if (MULTIPLE_UNITS[m] === "x") {
          const mc = addr(row, metricCol.get(m) as number);
          const capEarn = res.value !== undefined && r.marketCap.value !== undefined ? r.marketCap.value / 1e9 / res.value : undefined;
          ws.getCell(row, n + 2).value = { formula: `IF(AND(ISNUMBER(${mc}),ISNUMBER(${addr(row, capCol)})),${addr(row, capCol)}/${mc},"")`, result: capEarn ?? "" };
        }
      }
      rowOf.set(r.security.id, row);
      row++;
    }
    const last = first + rows.length - 1;
    const stat: Record<string, number> = {};
    for (const s of [...STATS, "n"] as const) {
      stat[s] = row;
      ws.getCell(row, 2).value = `${localized(g.name, lang)}: ${t(lang, s === "n" ? "comps.stat.n" : `comps.stat.${s}`)}`;
      for (const m of xMetrics) {
        const col = metricCol.get(m) as number;
        const range = `${addr(first, col)}:${addr(last, col)}`;
        const agg = c.aggregates[g.id]?.[m];
        if (rows.length === 0) continue;
        if (s === "n") {
          ws.getCell(row, col).value = { formula: `COUNT(${range})`, result: agg?.nUsed ?? 0 };
          continue;
        }
        const n = numCol.get(m) as number;
        const capRange = `${addr(first, capCol)}:${addr(last, capCol)}`;
        const earnRange = `${addr(first, n + 2)}:${addr(last, n + 2)}`;
        ws.getCell(row, col).value = { formula: statFormula(s, range, capRange, earnRange), result: cached(agg?.[s]) };
      }
      row++;
    }
    blocks.set(g.id, { first, last, stat, rowOf });
    row++;
  }
  c.metrics.forEach((m) => (ws.getColumn(metricCol.get(m) as number).numFmt = MULTIPLE_UNITS[m] === "ratio" ? "0.00%" : MULTIPLE_UNITS[m] === "amount" ? "#,##0" : '0.0"x"'));
  ws.getColumn(priceCol).numFmt = "#,##0.00";
  ws.getColumn(capCol).numFmt = "#,##0.0";
  ws.columns.forEach((col, k) => (col.width = k === 2 ? 28 : 13));
  return { sheet: "Comps", priceCol, metricCol, blocks };
}

/** A workbook with the comps table (live formulas for multiples and aggregates). */
export function compsWorkbook(c: PeerComps, lang: Lang, peCap = 200): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "rerate";
  addCompsSheet(wb, c, lang, peCap);
  return wb;
}

/**
 * A workbook with the wall: the comps sheet, a "Wall" sheet whose gaps (A/B − 1, 1/A − 1/B) and closing scenarios
 * (m* = m + x (target − m), price* = price · m* / m) are formulas on the comps cells, the fractions x editable in
 * their header cells; and, with a history, a "Gap history" sheet with the gap per date and today's percentile as
 * COUNTIF(≤ today) / COUNT.
 */
export function wallWorkbook(w: Wall, lang: Lang, peCap = 200): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "rerate";
  const L = addCompsSheet(wb, w.comps, lang, peCap);
  const ws = wb.addWorksheet("Wall");
  const ref = (row: number, col: number) => `${L.sheet}!${addr(row, col)}`;
  const A = L.blocks.get(w.a.id) as GroupBlock;
  const B = L.blocks.get(w.b.id) as GroupBlock;
  ws.getCell(1, 1).value = `${localized(w.a.name, lang)} vs ${localized(w.b.name, lang)}, ${w.asOf}`;
  ["metric", "statistic", "A", "B", "A/B − 1", "1/A − 1/B (pts)"].forEach((h, k) => (ws.getCell(3, k + 1).value = h));
  let row = 4;
  for (const m of w.comps.metrics) {
    if (MULTIPLE_UNITS[m] !== "x") continue;
    const col = L.metricCol.get(m) as number;
    for (const s of ["median", "harmonicMean", "capWeighted"] as const) {
      const g = w.gaps[m]?.[s];
      ws.getCell(row, 1).value = metricLabel(m, lang);
      ws.getCell(row, 2).value = t(lang, `comps.stat.${s}`);
      ws.getCell(row, 3).value = { formula: ref(A.stat[s] as number, col), result: cached(w.comps.aggregates[w.a.id]?.[m]?.[s]) };
      ws.getCell(row, 4).value = { formula: ref(B.stat[s] as number, col), result: cached(w.comps.aggregates[w.b.id]?.[m]?.[s]) };
      ws.getCell(row, 5).value = { formula: `IFERROR(C${row}/D${row}-1,"n.m.")`, result: cached(g?.discount) };
      ws.getCell(row, 6).value = { formula: `IFERROR(100*(1/C${row}-1/D${row}),"n.m.")`, result: cached(g?.yieldGapPts) };
      row++;
    }
  }
  ws.getColumn(5).numFmt = "0.0%";
  ws.getColumn(6).numFmt = "0.00";
  row += 1;
  const mCol = L.metricCol.get(w.metric) as number;
  const targetRow = row;
  ws.getCell(targetRow, 1).value = `${t(lang, "comps.col.target")} (${localized(w.b.name, lang)}, ${t(lang, `comps.stat.${w.statistic}`)}, ${metricShortName(w.metric)})`;
  ws.getCell(targetRow, 3).value = { formula: ref(B.stat[w.statistic] as number, mCol), result: cached(w.comps.aggregates[w.b.id]?.[w.metric]?.[w.statistic]) };
  const head = targetRow + 2;
  const fracRow = head - 1;
  ws.getCell(head, 1).value = t(lang, "col.security");
  ws.getCell(head, 2).value = t(lang, "col.price");
  ws.getCell(head, 3).value = metricLabel(w.metric, lang);
  w.close.forEach((x, k) => {
    const c0 = 4 + 3 * k;
    ws.getCell(fracRow, c0).value = x; // editable fraction of the gap
    ws.getCell(fracRow, c0).numFmt = "0%";
    ws.getCell(head, c0).value = `m* (x = ${addr(fracRow, c0)})`;
    ws.getCell(head, c0 + 1).value = t(lang, "col.implied");
    ws.getCell(head, c0 + 2).value = t(lang, "col.upside");
  });
  ws.getRow(head).font = { bold: true };
  row = head + 1;
  for (const c of w.closing) {
    const src = A.rowOf.get(c.id);
    if (src === undefined) continue;
    ws.getCell(row, 1).value = c.id;
    ws.getCell(row, 2).value = { formula: ref(src, L.priceCol), result: c.price ?? "n.m." };
    ws.getCell(row, 3).value = { formula: ref(src, mCol), result: c.multiple ?? "n.m." };
    w.close.forEach((_, k) => {
      const c0 = 4 + 3 * k;
      const s = c.scenarios?.[k];
      const x = `$${columnLetter(c0)}$${fracRow}`;
      const tgt = `$C$${targetRow}`;
      ws.getCell(row, c0).value = { formula: `IFERROR(C${row}+${x}*(${tgt}-C${row}),"n.m.")`, result: s?.multiple ?? "n.m." };
      ws.getCell(row, c0 + 1).value = { formula: `IFERROR(B${row}*${addr(row, c0)}/C${row},"n.m.")`, result: s?.price ?? "n.m." };
      ws.getCell(row, c0 + 2).value = { formula: `IFERROR(${addr(row, c0)}/C${row}-1,"n.m.")`, result: s?.upside ?? "n.m." };
      ws.getCell(row, c0).numFmt = '0.0"x"';
      ws.getCell(row, c0 + 1).numFmt = "#,##0.00";
      ws.getCell(row, c0 + 2).numFmt = "+0.0%;-0.0%";
    });
    row++;
  }
  ws.columns.forEach((col) => (col.width = 16));
  if (w.history !== undefined) addHistorySheet(wb, w);
  return wb;
}

function addHistorySheet(wb: ExcelJS.Workbook, w: Wall): void {
  const h = w.history;
  if (h === undefined) return;
  const ws = wb.addWorksheet("Gap history"); // "History" is a name Excel reserves
  ["date", "A", "B", "n A", "n B", "A/B − 1", "1/A − 1/B (pts)"].forEach((x, k) => (ws.getCell(1, k + 1).value = x));
  h.points.forEach((p, i) => {
    const r = i + 2;
    ws.getCell(r, 1).value = p.date;
    ws.getCell(r, 2).value = p.a ?? null;
    ws.getCell(r, 3).value = p.b ?? null;
    ws.getCell(r, 4).value = p.nA;
    ws.getCell(r, 5).value = p.nB;
    ws.getCell(r, 6).value = { formula: `IF(AND(ISNUMBER(B${r}),ISNUMBER(C${r})),B${r}/C${r}-1,"")`, result: p.discount ?? "" };
    ws.getCell(r, 7).value = { formula: `IF(AND(ISNUMBER(B${r}),ISNUMBER(C${r})),100*(1/B${r}-1/C${r}),"")`, result: p.yieldGapPts ?? "" };
  });
  const last = h.points.length + 1;
  ws.getCell(1, 9).value = "percentile of today (share of points ≤ today, %)";
  ws.getCell(2, 9).value = { formula: `IFERROR(100*COUNTIF(F2:F${last},"<="&F${last})/COUNT(F2:F${last}),"n.m.")`, result: h.percentile ?? "n.m." };
  ws.getColumn(6).numFmt = "0.0%";
  ws.getColumn(2).numFmt = '0.0"x"';
  ws.getColumn(3).numFmt = '0.0"x"';
  ws.columns.forEach((col) => (col.width = 14));
}

/** Writes a workbook to a file. */
export async function writeWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  await wb.xlsx.writeFile(path);
}
