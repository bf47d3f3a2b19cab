// Readers for A. Damodaran's datasets in ../shared/data/damodaran (CSV conversions of his spreadsheets; read in
// place, never copied into the repository). Plain parsing here, independent of rerate's importers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED_DATA } from "../helpers/paths.js";

export const DAMODARAN = join(SHARED_DATA, "damodaran");

/** Splits one CSV line, honouring double quotes. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cell);
      cell = "";
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

/** "4.22%" → 0.0422, "1211.92" → 1211.92, "" or "NA" → undefined. */
export function cell(s: string | undefined): number | undefined {
  const t = (s ?? "").trim().replace(/,/g, "");
  if (t === "" || t === "NA" || t.startsWith("#")) return undefined;
  const pct = t.endsWith("%");
  const v = Number(pct ? t.slice(0, -1) : t);
  return Number.isFinite(v) ? (pct ? v / 100 : v) : undefined;
}

export function readRows(file: string): string[][] {
  return readFileSync(join(DAMODARAN, file), "utf8").split(/\r?\n/).map(splitCsvLine);
}

/** One year of the implied-ERP history (histimpl): values at the start of the next year. */
export interface ImpliedErpYear {
  year: number;
  level: number;
  dividendsPlusBuybacks?: number;
  tBond: number;
  analystGrowth?: number;
  impliedErpFcfe?: number;
}

/** Rows of histimpl_2024-01 (S&P 500 level, cash returned, T-bond rate, analyst growth, implied ERP (FCFE)). */
export function impliedErpHistory(): ImpliedErpYear[] {
  const rows = readRows("histimpl_2024-01.Historical_Impl_Premiums.DERIVED.csv");
  const head = rows.find((r) => r[0] === "Year")!;
  const col = (name: string) => head.indexOf(name);
  const [cLevel, cDb, cBond, cGrowth, cErp] = ["S&P 500", "Dividends + Buybacks", "T.Bond Rate", "Analyst Growth Estimate", "Implied ERP (FCFE)"].map(col);
  return rows
    .filter((r) => /^\d{4}$/.test(r[0] ?? ""))
    .map((r) => {
      const y: ImpliedErpYear = { year: Number(r[0]), level: cell(r[cLevel!])!, tBond: cell(r[cBond!])! };
      const db = cell(r[cDb!]);
      const g = cell(r[cGrowth!]);
      const erp = cell(r[cErp!]);
      if (db !== undefined) y.dividendsPlusBuybacks = db;
      if (g !== undefined) y.analystGrowth = g;
      if (erp !== undefined) y.impliedErpFcfe = erp;
      return y;
    });
}

/** One country of ctryprem: default spread, CRP, total ERP, and the sheet's mature ERP and multiplier. */
export interface CountryRow {
  country: string;
  rating: string;
  defaultSpread: number;
  totalErp: number;
  crp: number;
}

export function countryPremiums(file: string): { matureErp: number; multiplier: number; countries: CountryRow[] } {
  const rows = readRows(file);
  const mature = rows.find((r) => (r[0] ?? "").startsWith("Enter the current risk premium"))!;
  const mult = rows.find((r) => (r[0] ?? "").startsWith("If yes, enter the multiplier"))!;
  const start = rows.findIndex((r) => r[0] === "Country") + 1;
  const countries: CountryRow[] = [];
  for (const r of rows.slice(start)) {
    const ds = cell(r[3]);
    const total = cell(r[4]);
    const crp = cell(r[5]);
    if (!r[0] || ds === undefined || total === undefined || crp === undefined) continue;
    countries.push({ country: r[0], rating: r[2] ?? "", defaultSpread: ds, totalErp: total, crp });
  }
  return { matureErp: cell(mature.find((c, i) => i > 0 && c.endsWith("%")))!, multiplier: cell(mult.find((c, i) => i > 0 && /^\d/.test(c)))!, countries };
}
