import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePeerComps } from "../../src/app/comps-table.js";
import { compsCsvRows, csvField, toCsv } from "../../src/app/export-csv.js";
import { columnLetter, compsWorkbook, wallWorkbook, writeWorkbook } from "../../src/app/export-xlsx.js";
import { computeWall } from "../../src/app/wall.js";
import type { Store } from "../../src/store/open.js";
import { createFixtureStore } from "./_fixture.js";

let store: Store;
let dir: string;
let cleanup: () => void;
beforeAll(async () => ({ store, dir, cleanup } = await createFixtureStore()));
afterAll(() => cleanup());
const group = (id: string, securities: string[]) => ({ id, name: { en: id }, securities });

describe("csvField(cell) and toCsv(rows)", () => {
  it("csvField(text) escapes what a spreadsheet would run as a formula", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+SUM(A1:A9)")).toBe("'+SUM(A1:A9)");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField("\tTAB")).toBe("'\tTAB");
    expect(csvField("\rCR")).toBe("\"'\rCR\""); // escaped, then quoted for the line break
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it("csvField(...) leaves numbers numeric and plain text alone, quoting only when needed", () => {
    expect(csvField(-0.55)).toBe("-0.55");
    expect(csvField(18)).toBe("18");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField("Alibaba Group Holding")).toBe("Alibaba Group Holding");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField("阿里巴巴")).toBe("阿里巴巴");
  });

  it("toCsv(compsCsvRows(comps)) writes one row per security with reasons for n.m.", async () => {
    const c = await computePeerComps(store, { groups: [group("g", ["BABA", "LOSS"])], asOf: "2025-09-30", metrics: ["trailingPE"] });
    const lines = toCsv(compsCsvRows(c)).split("\r\n");
    expect(lines[0]).toBe("as_of,group,security,name,currency,price,price_date,market_cap_usd,pe,pe_nm");
    expect(lines[1]).toMatch(/^2025-09-30,g,BABA,Alibaba Group Holding \(ADS\),USD,120,2025-09-30,288000000000,18(\.0+\d*)?,$/);
    // the reason starts with a letter, so it is neither escaped nor quoted
    expect(lines[2]).toBe("2025-09-30,g,LOSS,Loss Co,USD,50,2025-09-30,5000000000,,negative_earnings: EPS FY2024 per listing (-2 USD) is negative");
  });
});

/** Evaluates the few formula shapes rerate writes over plain cells, to check that they give the cached results. */
function evaluate(ws: ExcelJS.Worksheet, formula: string): number | string {
  const num = (ref: string) => {
    const v = ws.getCell(ref).value as unknown;
    const x = typeof v === "object" && v !== null && "result" in v ? (v as { result: unknown }).result : v;
    return typeof x === "number" ? x : Number.NaN;
  };
  let m = /^IF\(AND\(ISNUMBER\((\w+)\),ISNUMBER\((\w+)\),\1>0,\2>0(?:,\1\/\2<=(\d+))?\),\1\/\2,"n\.m\."\)$/.exec(formula);
  if (m) {
    const [a, b] = [num(m[1]!), num(m[2]!)];
    return a > 0 && b > 0 && (m[3] === undefined || a / b <= Number(m[3])) ? a / b : "n.m.";
  }
  m = /^IF\(COUNT\((\w+):(\w+)\)=0,"n\.m\.",MEDIAN\(\1:\2\)\)$/.exec(formula);
  if (m) {
    const col = m[1]!.replace(/\d+/g, "");
    const [r0, r1] = [Number(m[1]!.replace(/\D+/g, "")), Number(m[2]!.replace(/\D+/g, ""))];
    const xs = Array.from({ length: r1 - r0 + 1 }, (_, i) => num(`${col}${r0 + i}`)).filter(Number.isFinite).sort((x, y) => x - y);
    const h = (xs.length - 1) / 2;
    return xs.length === 0 ? "n.m." : (xs[Math.floor(h)]! + xs[Math.ceil(h)]!) / 2;
  }
  throw new Error(`formula shape not understood: ${formula}`);
}

describe("compsWorkbook(comps) and wallWorkbook(wall)", () => {
  it("columnLetter(n) counts like Excel", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });

  it("writes multiples as live formulas over the price and the EPS per listing, aggregates as MEDIAN / HARMEAN", async () => {
    const c = await computePeerComps(store, { groups: [group("g", ["BABA", "AMZN", "LOSS"])], asOf: "2025-09-30", metrics: ["trailingPE", "forwardPENtm"] });
    const path = join(dir, "comps.xlsx");
    await writeWorkbook(compsWorkbook(c, "en"), path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet("Comps")!;
    // Row 5 is BABA: price in E, P/E FY in H as E5 / (EPS per listing in the numerator-denominator block)
    expect(ws.getCell("B5").value).toBe("BABA");
    const pe = ws.getCell("H5").value as { formula: string; result: number };
    expect(pe.formula).toMatch(/^IF\(AND\(ISNUMBER\(E5\),ISNUMBER\(\w+5\),E5>0,\w+5>0,E5\/\w+5<=200\),E5\/\w+5,"n\.m\."\)$/);
    expect(pe.result).toBeCloseTo(18, 10);
    // every formula cell recomputes to its cached result
    let checked = 0;
    ws.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value as { formula?: string; result?: unknown } | null;
      if (v?.formula === undefined || v.formula.endsWith(',"")') || !/^IF\((AND\(ISNUMBER|COUNT\(\w+:\w+\)=0,"n\.m\.",MEDIAN)/.test(v.formula)) return;
      const got = evaluate(ws, v.formula);
      checked++;
      if (typeof got === "number") expect(got).toBeCloseTo(v.result as number, 9);
      else expect(v.result).toBe(got);
    }));
    expect(checked).toBe(3 * 2 + 2); // three securities × two multiples, and the two medians
    // LOSS (row 7): the formula reproduces n.m. for negative EPS from its inputs
    expect((ws.getCell("H7").value as { result: unknown }).result).toBe("n.m.");
    // aggregates: median of 18 and 40 = 29, harmonic mean 2 / (1/18 + 1/40) = 24.8276
    const rows = ws.getColumn(2).values as unknown[];
    const median = rows.findIndex((v) => v === "g: Median");
    expect((ws.getCell(median, 8).value as { formula: string; result: number }).result).toBe(29);
    expect((ws.getCell(median + 1, 8).value as { formula: string; result: number }).formula).toBe('IFERROR(HARMEAN(H5:H7),"n.m.")');
    expect((ws.getCell(median + 1, 8).value as { formula: string; result: number }).result).toBeCloseTo(24.827586, 5);
  });

  it("the wall sheet closes the gap with formulas on editable fractions", async () => {
    const w = await computeWall(store, { a: group("a", ["BABA"]), b: group("b", ["AMZN"]), asOf: "2025-09-30", metric: "trailingPE", history: { from: "2025-06-01" } });
    const wb = wallWorkbook(w, "en");
    const ws = wb.getWorksheet("Wall")!;
    let found = false;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value !== "BABA") return;
      found = true;
      const implied = row.getCell(5).value as { formula: string; result: number };
      // x = 25% in D{header − 1}; m* = 18 + 0.25 × 22 = 23.5 → price 120 × 23.5 / 18 = 156.67
      expect(implied.formula).toBe(`IFERROR(B${r}*D${r}/C${r},"n.m.")`);
      expect(implied.result).toBeCloseTo(156.666667, 5);
      expect((row.getCell(4).value as { formula: string }).formula).toMatch(/^IFERROR\(C\d+\+\$D\$\d+\*\(\$C\$\d+-C\d+\),"n\.m\."\)$/);
    });
    expect(found).toBe(true);
    const h = wb.getWorksheet("Gap history")!;
    expect((h.getCell("I2").value as { formula: string; result: number })).toEqual({ formula: 'IFERROR(100*COUNTIF(F2:F5,"<="&F5)/COUNT(F2:F5),"n.m.")', result: 75 });
  });
});
