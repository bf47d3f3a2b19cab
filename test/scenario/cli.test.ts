import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";

const EXAMPLE = resolve(REPO, "examples/china-ai-capex.yaml");

describe("rerate scenario", () => {
  it("rerate scenario run FILE --json: the run's identity and statistics", async () => {
    const r = await runCli(["scenario", "run", EXAMPLE, "--draws", "5000", "--seed", "7", "--lhs", "--threads", "1", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ model: "china-ai-capex", scenario: "base", draws: 5000, seed: 7, sampler: "lhs", blockSize: 4096 });
    expect(j.series[0].label).toBe("domestic_accel_revenue_3y");
    expect(j.series[0].stats.probAbove).toBeGreaterThan(0);
    expect(j.correlations).toHaveLength(3);
  });

  it("rerate scenario run FILE: a table, the drivers of the first output, the correlations and the assumptions note", async () => {
    const r = await runCli(["scenario", "run", EXAMPLE, "--draws", "5000", "--threads", "1", "--scenario", "bull"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("scenario bull");
    expect(r.out).toMatch(/Monte Carlo: 5,000 draws, seed 42, plain sampling, 1 thread\(s\)/);
    expect(r.out).toContain("What drives domestic_accel_revenue_3y");
    expect(r.out).toMatch(/bytedance_capex_2025 ~ tencent_capex_2025: 0\.50 → 0\.\d{3}/);
    expect(r.out).toContain("Inputs are assumptions unless the model marks them as facts");
    expect(r.err).toBe("");
  });

  it("rerate scenario run in Chinese", async () => {
    const r = await runCli(["--lang", "zh-Hans", "scenario", "run", EXAMPLE, "--draws", "2000", "--threads", "1"]);
    expect(r.out).toContain("蒙特卡洛模拟：2,000 次抽样");
    expect(r.out).toContain("中国云厂商 AI 资本开支");
  });

  it("rerate scenario eval | tornado | grid", async () => {
    const e = await runCli(["scenario", "eval", EXAMPLE, "--json"]);
    expect(JSON.parse(e.out).scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(["base", "bear", "bull"]);
    const t = await runCli(["scenario", "tornado", EXAMPLE, "--output", "cambricon_revenue", "--year", "2026"]);
    expect(t.code).toBe(0);
    expect(t.out).toContain("Tornado of cambricon_revenue[2026] (RMB bn)");
    expect(t.out).toMatch(/cambricon_weight/);
    const g = await runCli(["scenario", "grid", EXAMPLE, "--x", "domestic_share", "--y", "usd_cny", "--output", "domestic_accel_revenue_usd_3y", "--steps", "3", "--json"]);
    const grid = JSON.parse(g.out);
    expect(grid.x.labels).toEqual(["P10", "P50", "P90"]);
    expect(grid.y.labels).toEqual(["6.9", "7.15", "7.4"]);
  });

  it("errors exit with code 2 and name the file, line and field", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, "bad.yaml");
      writeFileSync(file, "years: [2025]\ndrivers:\n  a: { unit: RMB bn, value: 1 }\n  b: { unit: USD bn, value: 2 }\nformulas:\n  c: { unit: RMB bn, expr: a + b }\noutputs: [c]\n");
      const r = await runCli(["scenario", "run", file, "--threads", "1"]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${file}:6: formulas.c.expr "a + b" cannot add CNY bn and USD bn; convert with an FX driver`);
      const j = await runCli(["scenario", "tornado", file, "--json"]);
      expect(JSON.parse(j.out).error.issues[0]).toMatchObject({ line: 6, column: "formulas.c.expr" });
      expect((await runCli(["scenario", "run", join(dir, "missing.yaml")])).code).toBe(3);
      expect((await runCli(["scenario", "run", EXAMPLE, "--draws", "many"])).err).toMatch(/--draws "many" must be a whole number ≥ 1/);
      expect((await runCli(["scenario", "grid", EXAMPLE, "--x", "domestic_share"])).err).toMatch(/--y is required/);
      expect((await runCli(["scenario", "run", EXAMPLE, "--scenario", "moon", "--threads", "1"])).err).toMatch(/--scenario "moon" is not a scenario of this model \(scenarios: base, bear, bull\)/);
    } finally {
      cleanup();
    }
  });
});
