import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createScenarioPool, loadScenarioModel, parseScenarioModel, runScenarioMonteCarlo } from "../../src/app/scenario.js";
import { assembleBlocks, createSimulationPlan, runBlock, simulateDraws, splitBlocks } from "../../src/core/scenario/index.js";
import { REPO } from "../helpers/paths.js";
import { compiled } from "./_models.js";

const EXAMPLE = resolve(REPO, "examples/china-ai-capex.yaml");

describe("seeded and reproducible", () => {
  it("same seed ⇒ identical results with 1, 2 and 3 worker threads (the shipped example, 4 blocks, LHS)", async () => {
    const loaded = loadScenarioModel(EXAMPLE);
    const opts = { draws: 20_000, seed: 2025, sampler: "lhs" as const };
    const one = await runScenarioMonteCarlo(loaded, { ...opts, threads: 1 });
    const two = await runScenarioMonteCarlo(loaded, { ...opts, threads: 2 });
    const three = await runScenarioMonteCarlo(loaded, { ...opts, threads: 3 });
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    expect(one.series[0]!.stats.mean).toBeGreaterThan(200);
  });

  it("a pool reused across runs and scenarios gives the single-thread numbers", async () => {
    const loaded = loadScenarioModel(EXAMPLE);
    const pool = createScenarioPool(2);
    try {
      for (const scenario of ["bull", "base"]) {
        const a = await pool.run(loaded, { draws: 9000, seed: 3, scenario });
        const b = await runScenarioMonteCarlo(loaded, { draws: 9000, seed: 3, scenario, threads: 1 });
        expect(a).toEqual(b);
        expect(a.scenario).toBe(scenario);
      }
    } finally {
      await pool.close();
    }
  });

  it("blocks can run in any order and still assemble to the same draws", () => {
    const plan = createSimulationPlan(compiled({
      years: [2025, 2026],
      drivers: {
        a: { unit: "1", dist: { type: "pert", min: 0, mode: 1, max: 4 } },
        b: { unit: "1", byYear: { 2025: { type: "normal", mean: 0, sd: 1 }, 2026: 3 } },
      },
      formulas: { s: { unit: "1", expr: "a + b" } },
      correlations: [{ between: ["a", "b"], rank: -0.4 }],
      outputs: ["s"],
    }));
    const blocks = splitBlocks(13_000);
    const direct = simulateDraws(plan, { draws: 13_000, seed: 5, sampler: "plain" });
    const shuffled = [...blocks].reverse().map((b) => runBlock(plan, b, { seed: 5, sampler: "plain" }));
    expect(assembleBlocks(plan, 13_000, shuffled)).toEqual(direct);
  });

  it("a different seed gives different draws; adding a driver leaves the others' draws alone", () => {
    const base = {
      years: [2025],
      drivers: { a: { unit: "1", dist: { type: "uniform" as const, min: 0, max: 1 } } },
      outputs: ["a"],
    };
    const plan = createSimulationPlan(compiled(base));
    const x = simulateDraws(plan, { draws: 5000, seed: 1 }).series[0]!;
    const y = simulateDraws(plan, { draws: 5000, seed: 2 }).series[0]!;
    expect(x).not.toEqual(y);
    const wider = createSimulationPlan(compiled({ ...base, drivers: { ...base.drivers, z: { unit: "1", dist: { type: "uniform", min: 0, max: 1 } } } }));
    expect(simulateDraws(wider, { draws: 5000, seed: 1 }).series[0]).toEqual(x);
  });

  it("the model file's montecarlo block sets the defaults; options override it", async () => {
    const loaded = parseScenarioModel(
      ["years: [2025]", "drivers:", "  a: { unit: '1', dist: { type: uniform, min: 0, max: 1 } }", "outputs: [a]", "montecarlo: { draws: 1234, seed: 77, sampler: lhs }"].join("\n"),
      "m.yaml",
    );
    const r = await runScenarioMonteCarlo(loaded, { threads: 1 });
    expect([r.draws, r.seed, r.sampler]).toEqual([1234, 77, "lhs"]);
    const o = await runScenarioMonteCarlo(loaded, { threads: 1, draws: 100, seed: 1, sampler: "plain" });
    expect([o.draws, o.seed, o.sampler]).toEqual([100, 1, "plain"]);
    await expect(runScenarioMonteCarlo(loaded, { draws: 0 })).rejects.toThrow(/--draws "0" must be a whole number ≥ 1/);
  });
});
