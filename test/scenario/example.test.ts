import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compileScenario, evaluateScenarioModel, gridScenarioModel, loadScenarioModel, tornadoScenarioModel } from "../../src/app/scenario.js";
import { REPO } from "../helpers/paths.js";

const loaded = loadScenarioModel(resolve(REPO, "examples/china-ai-capex.yaml"));
const valueOf = (scenario: string, name: string) => evaluateScenarioModel(loaded).find((r) => r.scenario === scenario)!.outputs.find((o) => o.name === name)!.values;

describe("examples/china-ai-capex.yaml", () => {
  it("every driver says where it comes from, and only the cited figure is marked a fact", () => {
    for (const [name, d] of Object.entries(loaded.model.drivers)) {
      expect(d.source, name).toBeDefined();
      if (d.basis === "fact") expect(d.source, name).toMatch(/FACTS\.md/);
    }
    expect(Object.entries(loaded.model.drivers).filter(([, d]) => d.basis === "fact").map(([n]) => n)).toEqual(["alibaba_plan_3y"]);
  });

  it("compiles for base, bear and bull", () => {
    for (const s of ["base", "bear", "bull"]) expect(compileScenario(loaded, s).outputs.length).toBe(8);
  });

  it("base case by hand", () => {
    // Alibaba: 380 × (1 + 25%) × phasing 30/33/37% = 142.5, 156.75, 175.75
    // Others: (150 + 90 + 12) × 1.15^(y − 2025) = 252, 289.8, 333.27
    const total = [142.5 + 252, 156.75 + 289.8, 175.75 + 333.27];
    const accel = total.map((x) => x * 0.5); // accelerator share 50% (PERT mode)
    const share = [0.35, 0.42, 0.48]; // uniform(30, 40) midpoint, then the PERT modes
    const rev = accel.map((x, i) => x * share[i]!); // 69.04, 93.78, 122.16
    const rev3 = rev.reduce((a, b) => a + b, 0); // 284.98
    valueOf("base", "domestic_accel_revenue").forEach((v, i) => expect(v).toBeCloseTo(rev[i]!, 10));
    expect(valueOf("base", "domestic_accel_revenue_3y")[0]).toBeCloseTo(rev3, 10);
    expect(valueOf("base", "domestic_accel_revenue_usd_3y")[0]).toBeCloseTo(rev3 / 7.1, 10);
    // RMB bn ÷ RMB k/card = million cards; ×1000 for thousands: 69.04e9 / 120e3 = 575.3 thousand cards
    valueOf("base", "domestic_cards").forEach((v, i) => expect(v).toBeCloseTo((rev[i]! * 1000) / 120, 8));
    expect(valueOf("base", "foundry_revenue_3y")[0]).toBeCloseTo(rev3 * 0.22, 10);
    // Vendor weights 50 + 18 + 10 + 15 + 7 = 100: Cambricon gets 18%
    valueOf("base", "cambricon_revenue").forEach((v, i) => expect(v).toBeCloseTo(rev[i]! * 0.18, 10));
    expect(valueOf("base", "shift_gain_3y")[0]).toBeCloseTo(accel[0]! * 0.05 + accel[1]! * 0.12 + accel[2]! * 0.18, 10);
  });

  it("bear keeps the 7:3 split and the plan unraised; bull reaches 5:5", () => {
    // bear: Alibaba 380 × phasing, share 30% every year
    const bearTotal = [114 + 252, 125.4 + 289.8, 140.6 + 333.27];
    expect(valueOf("bear", "domestic_accel_revenue_3y")[0]).toBeCloseTo(bearTotal.reduce((a, x) => a + x * 0.5 * 0.3, 0), 10);
    expect(valueOf("bear", "shift_gain_3y")[0]).toBe(0);
    // bull: raise at its PERT mode 50%, share 37.5% (uniform midpoint), 50%, 55%
    const bullTotal = [570 * 0.3 + 252, 570 * 0.33 + 289.8, 570 * 0.37 + 333.27];
    const bullShare = [0.375, 0.5, 0.55];
    expect(valueOf("bull", "domestic_accel_revenue_3y")[0]).toBeCloseTo(bullTotal.reduce((a, x, i) => a + x * 0.5 * bullShare[i]!, 0), 10);
  });

  it("tornado and grid of the 3-year revenue", () => {
    const t = tornadoScenarioModel(loaded);
    expect(t.target.label).toBe("domestic_accel_revenue_3y");
    expect(t.bars.slice(0, 3).map((b) => b.driver)).toEqual(["accel_share", "domestic_share", "capex_growth"]);
    // Drivers the 3-year revenue does not use have no swing.
    expect(t.bars.find((b) => b.driver === "foundry_share")!.swing).toBe(0);
    const g = gridScenarioModel(loaded, { driver: "domestic_share" }, { driver: "accel_share" });
    expect(g.values.length).toBe(5);
    // More of either → more revenue: rows and columns increase.
    for (const row of g.values) for (let j = 1; j < row.length; j++) expect(row[j]!).toBeGreaterThan(row[j - 1]!);
    expect(g.values[2]![2]).toBeCloseTo(g.base, -1);
  });
});
