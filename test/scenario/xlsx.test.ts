import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";

const { dir, cleanup } = tempDir("rerate-scx-");
afterAll(cleanup);
const MODEL = join(REPO, "examples/china-ai-capex.yaml");

describe("rerate scenario … --xlsx", () => {
  it("run --xlsx writes statistics that match the JSON result, and live histogram shares", async () => {
    const path = join(dir, "mc.xlsx");
    const r = await runCli(["scenario", "run", MODEL, "--draws", "4096", "--seed", "7", "--threads", "1", "--xlsx", path, "--json"]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { series: { label: string; stats: { mean: number; n: number; histogram?: { counts: number[] } } }[] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet("Monte Carlo")!;
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => rows.push(row));
    const first = json.series[0]!;
    const row = rows.find((x) => x.getCell(1).value === first.label)!;
    expect(row.getCell(4).value).toBe(first.stats.mean);
    expect(row.getCell(3).value).toBe(first.stats.n);
    const hist = wb.getWorksheet("Histograms")!;
    const cell = hist.getRow(3).getCell(4).value as { formula: string; result: number };
    expect(cell.formula).toBe(`C3/${first.stats.n}`);
    expect(cell.result).toBeCloseTo(first.stats.histogram!.counts[0]! / first.stats.n, 15);
  }, 60_000);

  it("tornado --xlsx writes swings as ABS(high − low) formulas equal to the computed swing", async () => {
    const path = join(dir, "t.xlsx");
    const r = await runCli(["scenario", "tornado", MODEL, "--xlsx", path, "--json"]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { bars: { driver: string; outputLow: number; outputHigh: number; swing: number }[] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet("Tornado")!;
    const row = ws.getRow(7);
    expect(row.getCell(1).value).toBe(json.bars[0]!.driver);
    const swing = row.getCell(7).value as { formula: string; result: number };
    expect(swing.formula).toBe("ABS(F7-E7)");
    expect(swing.result).toBeCloseTo(Math.abs(json.bars[0]!.outputHigh - json.bars[0]!.outputLow), 12);
  });
});
