import { describe, expect, it } from "vitest";
import { createSimulationPlan, simulateDraws, splitBlocks } from "../../src/core/scenario/index.js";
import { compiled } from "./_models.js";

describe("Latin Hypercube sampling", () => {
  it("each block holds exactly one draw of every driver in each of its n strata, correlated drivers included", () => {
    const plan = createSimulationPlan(compiled({
      years: [2025, 2026],
      drivers: {
        a: { unit: "1", dist: { type: "pert", min: 0, mode: 1, max: 4 } },
        b: { unit: "1", byYear: { 2025: { type: "normal", mean: 0, sd: 1 }, 2026: { type: "uniform", min: 0, max: 1 } } },
        c: { unit: "1", dist: { type: "lognormal", mean: 1, sd: 0.3 } },
      },
      formulas: { s: { unit: "1", expr: "a + b + c" } },
      correlations: [{ between: ["a", "b"], rank: 0.7 }],
      outputs: ["s"],
    }));
    const draws = 10_000;
    const d = simulateDraws(plan, { draws, seed: 4, sampler: "lhs" });
    for (const block of splitBlocks(draws)) {
      for (const u of d.percentiles) {
        const strata = Array.from(u.subarray(block.start, block.start + block.n), (x) => Math.floor(x * block.n)).sort((x, y) => x - y);
        expect(strata).toEqual(Array.from({ length: block.n }, (_, i) => i));
      }
    }
  });
});
