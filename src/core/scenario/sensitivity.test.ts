import { describe, expect, it } from "vitest";
import { ScenarioModel } from "../../models/scenario.js";
import { compileModel } from "./compile-model.js";
import { evaluateScenario } from "./evaluate-scenario.js";
import { evaluateScenarios } from "./evaluate-scenarios.js";
import { runGrid } from "./run-grid.js";
import { runTornado } from "./run-tornado.js";
import { resolveTarget } from "./target.js";

/** revenue = capex × share, per year; capex uniform(80, 120) (base 100), share 30% → 40% (uniform ±5 pts). */
const MODEL = ScenarioModel.parse({
  years: [2025, 2026],
  drivers: {
    capex: { unit: "RMB bn", dist: { type: "uniform", min: 80, max: 120 } },
    share: { unit: "%", byYear: { 2025: { type: "uniform", min: 25, max: 35 }, 2026: { type: "uniform", min: 35, max: 45 } } },
    fx: { unit: "CNY/USD", value: 7, range: [6.5, 7.5] },
    fixed: { unit: "RMB bn", value: 0 },
  },
  formulas: {
    revenue: { unit: "RMB bn", expr: "capex * share + fixed" },
    total_usd: { unit: "USD bn", expr: "sum(revenue) / fx" },
  },
  scenarios: { bull: { set: { share: { byYear: { 2025: 40, 2026: 50 } } } } },
  outputs: ["total_usd", "revenue"],
});

describe("deterministic scenarios", () => {
  it("evaluateScenario: drivers at base (uniform → midpoint); by hand", () => {
    // revenue 2025 = 100 × 30% = 30; 2026 = 100 × 40% = 40; total_usd = 70 / 7 = 10
    const r = evaluateScenario(compileModel(MODEL));
    expect(r.outputs).toEqual([
      { name: "total_usd", unit: "USD bn", values: [10] },
      { name: "revenue", unit: "RMB bn", years: [2025, 2026], values: [30, 40] },
    ]);
  });

  it("evaluateScenarios: base and every named scenario", () => {
    // bull: 100 × 40% + 100 × 50% = 90 → 90 / 7 = 12.857
    const rs = evaluateScenarios(MODEL);
    expect(rs.map((r) => r.scenario)).toEqual(["base", "bull"]);
    expect(rs[1]!.outputs[0]!.values[0]).toBeCloseTo(90 / 7, 12);
  });
});

describe("runTornado(model, target)", () => {
  it("runTornado: P10/P90 for distributions, the range for constants, widest first; by hand", () => {
    const model = compileModel(MODEL);
    const t = runTornado(model, resolveTarget(model));
    expect(t.target.label).toBe("total_usd");
    expect(t.base).toBe(10);
    // capex P10/P90 = 84 / 116 → total = 0.7·capex / 7 = 8.4 / 11.6 (swing 3.2)
    // share P10/P90 = 26/36 and 36/46 → (26 + 36)/7 = 8.857, (34 + 44)/7 = 11.143 (swing 2.286)
    // fx 6.5/7.5 → 70/6.5 = 10.769, 70/7.5 = 9.333 (swing 1.436)
    expect(t.bars.map((b) => b.driver)).toEqual(["capex", "share", "fx"]);
    expect(t.bars[0]).toMatchObject({ inputLow: [84], inputHigh: [116] });
    expect(t.bars[0]!.outputLow).toBeCloseTo(8.4, 12);
    expect(t.bars[0]!.outputHigh).toBeCloseTo(11.6, 12);
    expect(t.bars[1]!.inputLow).toEqual([26, 36]);
    expect(t.bars[1]!.outputLow).toBeCloseTo(62 / 7, 12);
    expect(t.bars[2]!.outputLow).toBeCloseTo(70 / 6.5, 12);
    expect(t.bars[2]!.swing).toBeCloseTo(70 / 6.5 - 70 / 7.5, 12);
  });

  it("runTornado: a per-year output at a chosen year", () => {
    const model = compileModel(MODEL);
    const t = runTornado(model, resolveTarget(model, "revenue", 2025), { pLow: 0.25, pHigh: 0.75 });
    expect(t.target.label).toBe("revenue[2025]");
    // capex P25/P75 = 90/110 → 27/33
    expect(t.bars[0]!.outputLow).toBeCloseTo(27, 12);
    expect(() => resolveTarget(model, "revenue", 2030)).toThrow(/--year "2030" is not a model year \(2025, 2026\)/);
    expect(() => resolveTarget(model, "total_usd", 2025)).toThrow(/does not vary by year/);
  });
});

describe("runGrid(model, target, x, y)", () => {
  it("runGrid: percentiles of distributions, the range of constants; by hand", () => {
    const model = compileModel(MODEL);
    const g = runGrid(model, resolveTarget(model), { driver: "capex" }, { driver: "fx" }, { steps: 3 });
    expect(g.x.labels).toEqual(["P10", "P50", "P90"]);
    expect(g.x.points).toEqual([[84], [100], [116]]);
    expect(g.y.labels).toEqual(["6.5", "7", "7.5"]);
    // total = 0.7 × capex / fx
    expect(g.values[0]![0]).toBeCloseTo((0.7 * 84) / 6.5, 12);
    expect(g.values[2]![2]).toBeCloseTo((0.7 * 116) / 7.5, 12);
    expect(g.base).toBe(10);
  });

  it("runGrid: explicit values set a per-year driver to one value in every year", () => {
    const model = compileModel(MODEL);
    const g = runGrid(model, resolveTarget(model), { driver: "share", values: [30, 50] }, { driver: "capex", values: [100] });
    expect(g.x.points).toEqual([[30, 30], [50, 50]]);
    expect(g.values[0]).toEqual([60 / 7, 100 / 7].map((v) => expect.closeTo(v, 12)));
  });

  it("runGrid: refuses a formula, the same driver twice, and a constant without a range", () => {
    const model = compileModel(MODEL);
    const target = resolveTarget(model);
    expect(() => runGrid(model, target, { driver: "revenue" }, { driver: "fx" })).toThrow(/is a formula/);
    expect(() => runGrid(model, target, { driver: "fx" }, { driver: "fx" })).toThrow(/same driver/);
    expect(() => runGrid(model, target, { driver: "fixed" }, { driver: "fx" })).toThrow(/constant without a range/);
    expect(() => runGrid(model, target, { driver: "fx" }, { driver: "capex" }, { steps: 0 })).toThrow(/--steps/);
  });
});
