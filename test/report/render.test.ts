import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, type ReportModel } from "../../src/app/report/build-report.js";
import { composeReport } from "../../src/app/report/compose-report.js";
import { renderReportHtml } from "../../src/app/report/render-html.js";
import { renderReportMarkdown } from "../../src/app/report/render-markdown.js";
import { renderReportXlsx } from "../../src/app/report/render-xlsx.js";
import { SECTION_IDS } from "../../src/app/report/report-document.js";
import { loadThesis } from "../../src/app/thesis/load-thesis.js";
import { runCli } from "../helpers/run-cli.js";
import { openDemoStore, THESIS } from "./_demo.js";

let model: ReportModel;
let close: () => Promise<void>;
let dir: string;
let db: string;

beforeAll(async () => {
  const demo = await openDemoStore();
  close = demo.cleanup;
  dir = demo.dir;
  db = demo.db;
  model = await buildReport(demo.store, loadThesis(THESIS), { asOf: "2025-10-31" });
  demo.store.close();
});
afterAll(async () => close().catch(() => undefined));

describe("the report of the example thesis on the demo store", () => {
  it("Markdown with a fixed as-of date and seed: a snapshot, and the same text twice", async () => {
    const md = renderReportMarkdown(await composeReport(model, "en"));
    expect(md).toBe(renderReportMarkdown(await composeReport(model, "en")));
    expect(md).toMatchSnapshot();
  });

  it("HTML: the synthetic-data banner, every section, inline SVG charts, no script and no network reference", async () => {
    const html = renderReportHtml(await composeReport(model, "en"));
    expect(html).toContain('<div class="banner" role="note">SYNTHETIC DEMO DATA');
    for (const id of SECTION_IDS) expect(html).toContain(`<section id="${id}">`);
    // Gap history, CAR path, histogram, tornado and two waterfalls.
    expect((html.match(/<svg[\s>]/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(html).not.toMatch(/<script|<link|@import|src=|url\((?!#)/i);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"]));
    expect(html).toContain("@media print");
    expect(html).toContain('class="verdict v-holds"');
  });

  it("zh-Hant and zh-Hans: Chinese headings and verdicts, amounts in 億元 / 亿元", async () => {
    const hant = renderReportMarkdown(await composeReport(model, "zh-Hant"));
    expect(hant).toContain("## 論點與結論");
    expect(hant).toContain("合成示範資料");
    expect(hant).toContain("✅ 成立");
    expect(hant).toMatch(/\d,\d{3}\.\d億元/);
    expect(hant).toContain("不適用");
    const hans = renderReportHtml(await composeReport(model, "zh-Hans"));
    expect(hans).toContain('<html lang="zh-Hans">');
    expect(hans).toContain("论点与结论");
    expect(hans).toMatch(/\d,\d{3}\.\d亿元/);
    expect(hans).toContain("合成示范数据");
    const en = renderReportMarkdown(await composeReport(model, "en"));
    expect(en).toMatch(/RMB \d{3}\.\dbn/);
    expect(en).toMatch(/−\d+\.\d%/);
  });

  it("XLSX: claims with their checks as live formulas, comps and wall formulas, sources", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(model, "en")) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Claims", "Wall", "Attribution", "Events", "Scenario chip-substitution", "Sources"]));
    const claims = wb.getWorksheet("Claims")!;
    const formulas: string[] = [];
    claims.eachRow((row) => row.eachCell((c) => {
      if (typeof c.value === "object" && c.value !== null && "formula" in c.value) formulas.push(String(c.value.formula));
    }));
    expect(formulas.length).toBeGreaterThanOrEqual(7);
    expect(formulas.some((f) => f.includes(">=G") && f.includes('"holds"'))).toBe(true);
    const attr = wb.getWorksheet("Attribution")!;
    let sums = 0;
    attr.eachRow((row) => row.eachCell((c) => {
      if (typeof c.value === "object" && c.value !== null && "formula" in c.value && String(c.value.formula).startsWith("SUM(")) sums++;
    }));
    expect(sums).toBe(12);
  });
});

describe("rerate report (CLI)", () => {
  it("--json lists verdicts; --format md writes Markdown; the file names the sections", async () => {
    const out = join(dir, "r.md");
    const r = await runCli(["--db", db, "report", THESIS, "--format", "md", "--out", out, "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.claims.find((c: { id: string }) => c.id === "qwen3-max-day").verdict).toBe("holds");
    expect(j.synthetic).toBe(true);
    expect(readFileSync(out, "utf8")).toContain("## Catalyst event study");
  });

  it("--lang after the command, default HTML next to --out", async () => {
    const out = join(dir, "r.html");
    const r = await runCli(["--db", db, "report", THESIS, "--lang", "zh-Hant", "--out", out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("報告已寫入");
    expect(readFileSync(out, "utf8")).toContain("估值牆");
  });

  it("errors: bad format (exit 2), a format that contradicts --out (exit 2), a missing file (exit 3), a bad thesis names line and field", async () => {
    expect((await runCli(["--db", db, "report", THESIS, "--format", "pdf"])).code).toBe(2);
    expect((await runCli(["--db", db, "report", THESIS, "--format", "md", "--out", join(dir, "x.html")])).code).toBe(2);
    expect((await runCli(["--db", db, "report", join(dir, "none.yaml")])).code).toBe(3);
    const bad = join(dir, "bad.yaml");
    (await import("node:fs")).writeFileSync(bad, readFileSync(THESIS, "utf8").replace("  metric: forwardPENtm\n  close:", "  metric: forwardPE\n  close:"));
    const r = await runCli(["--db", db, "report", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml:\d+: wall\.metric "forwardPE" /);
  });
});

describe("rerate demo (npm start) also writes the full report", () => {
  it("writes report.<lang>.html beside the comps summary and says where it is", async () => {
    const out = join(dir, "demo-out");
    const r = await runCli(["--db", db, "demo", "--out", out]);
    expect(r.code, r.err).toBe(0);
    const path = join(out, "report.en.html");
    expect(r.out).toContain(`Report written to ${path}`);
    const html = readFileSync(path, "utf8");
    expect(html).toContain("SYNTHETIC DEMO DATA");
    expect(html).toContain('<section id="events">');
  });
});
