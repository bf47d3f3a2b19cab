import { describe, expect, it } from "vitest";
import { createSimulationPlan, runMonteCarlo, simulateDraws } from "../../src/core/scenario/index.js";
import { compiled } from "./_models.js";

const normalCdf = (z: number): number => {
  // Φ through the complementary error function, Numerical Recipes' erfcc (relative error < 1.2e-7).
  const t = 1 / (1 + 0.5 * Math.abs(z) / Math.SQRT2);
  const y = t * Math.exp(-z * z / 2 - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return z >= 0 ? 1 - y / 2 : y / 2;
};

describe("Monte Carlo against closed forms", () => {
  it("a sum of independent normals: N(10, 2²) + N(5, 3²) = N(15, 13)", () => {
    const model = compiled({
      years: [2025],
      drivers: { x: { unit: "USD bn", dist: { type: "normal", mean: 10, sd: 2 } }, y: { unit: "USD bn", dist: { type: "normal", mean: 5, sd: 3 } } },
      formulas: { s: { unit: "USD bn", expr: "x + y" } },
      outputs: [{ name: "s", threshold: 20 }],
    });
    const r = runMonteCarlo(model, { draws: 200_000, seed: 7, sampler: "lhs" });
    const s = r.series[0]!.stats;
    expect(s.mean).toBeCloseTo(15, 2);
    expect(s.sd! / Math.sqrt(13)).toBeCloseTo(1, 2);
    // P(S > 20) = 1 − Φ(5/√13) = 0.08283
    expect(s.probAbove!).toBeCloseTo(1 - normalCdf(5 / Math.sqrt(13)), 2);
    // P95 = 15 + 1.644854·√13 = 20.9307
    expect(s.percentiles.find((p) => p.p === 0.95)!.value).toBeCloseTo(15 + 1.6448536269514722 * Math.sqrt(13), 1);
    // Each driver explains its share of the variance: ρ² ∝ 4 : 9 → contributions 4/13 and 9/13 (ranks, so roughly)
    const y = r.series[0]!.sensitivity.find((d) => d.driver === "y")!;
    expect(y.contribution!).toBeCloseTo(9 / 13, 1);
  });

  it("a product of lognormals is lognormal: LN(0.1, 0.2) × LN(0.3, 0.4) = LN(0.4, √0.2)", () => {
    const model = compiled({
      years: [2025],
      drivers: { a: { unit: "1", dist: { type: "lognormal", mu: 0.1, sigma: 0.2 } }, b: { unit: "1", dist: { type: "lognormal", mu: 0.3, sigma: 0.4 } } },
      formulas: { p: { unit: "1", expr: "a * b" } },
      outputs: ["p"],
    });
    const s = runMonteCarlo(model, { draws: 200_000, seed: 8, sampler: "lhs" }).series[0]!.stats;
    // mean = exp(0.4 + 0.2/2) = e^0.5; median = e^0.4; sd = e^0.5 · √(e^0.2 − 1)
    expect(s.mean!).toBeCloseTo(Math.exp(0.5), 2);
    expect(s.percentiles.find((p) => p.p === 0.5)!.value).toBeCloseTo(Math.exp(0.4), 2);
    expect(s.sd! / (Math.exp(0.5) * Math.sqrt(Math.exp(0.2) - 1))).toBeCloseTo(1, 2);
  });

  it("the mean of a triangular is (a + b + c)/3, of a PERT (a + 4m + b)/6; a truncated normal's is shifted by φ/Φ", () => {
    const model = compiled({
      years: [2025],
      drivers: {
        t: { unit: "1", dist: { type: "triangular", min: 8, mode: 12, max: 18 } },
        p: { unit: "1", dist: { type: "pert", min: 120, mode: 150, max: 180 } },
        q: { unit: "1", dist: { type: "pert", min: 0, mode: 10, max: 60 } },
        n: { unit: "1", dist: { type: "normal", mean: 0, sd: 1, truncate: { min: 0 } } },
      },
      outputs: ["t", "p", "q", "n"],
    });
    const r = runMonteCarlo(model, { draws: 100_000, seed: 9, sampler: "lhs" });
    expect(r.series[0]!.stats.mean!).toBeCloseTo(38 / 3, 3); // (8 + 12 + 18)/3 = 12.667
    expect(r.series[1]!.stats.mean!).toBeCloseTo(150, 2); // (120 + 600 + 180)/6
    expect(r.series[2]!.stats.mean!).toBeCloseTo(100 / 6, 2); // (0 + 40 + 60)/6 = 16.667
    expect(r.series[3]!.stats.mean!).toBeCloseTo(Math.sqrt(2 / Math.PI), 3); // half-normal: √(2/π) = 0.7979
  });

  it("a correlated pair reaches its target rank correlation", () => {
    const model = compiled({
      years: [2025],
      drivers: { a: { unit: "1", dist: { type: "pert", min: 0, mode: 1, max: 4 } }, b: { unit: "1", dist: { type: "lognormal", mean: 1, sd: 0.5 } } },
      formulas: { s: { unit: "1", expr: "a + b" } },
      correlations: [{ between: ["a", "b"], rank: 0.6 }],
      outputs: ["s"],
    });
    for (const sampler of ["plain", "lhs"] as const) {
      const r = runMonteCarlo(model, { draws: 100_000, seed: 10, sampler });
      expect(Math.abs(r.correlations[0]!.achieved! - 0.6)).toBeLessThan(0.01);
    }
  });

  it("the error of the mean shrinks like 1/√N (plain sampling), and Latin Hypercube beats it on a linear model", () => {
    const model = compiled({
      years: [2025],
      drivers: { x: { unit: "1", dist: { type: "uniform", min: 0, max: 1 } }, y: { unit: "1", dist: { type: "triangular", min: 0, mode: 1, max: 1 } } },
      formulas: { s: { unit: "1", expr: "x + 2 * y" } },
      outputs: ["s"],
    });
    const truth = 0.5 + 2 * (2 / 3);
    const plan = createSimulationPlan(model);
    const rmse = (draws: number, sampler: "plain" | "lhs"): number => {
      let ss = 0;
      const seeds = 40;
      for (let seed = 1; seed <= seeds; seed++) {
        const d = simulateDraws(plan, { draws, seed, sampler }).series[0]!;
        let m = 0;
        for (const v of d) m += v;
        ss += (m / draws - truth) ** 2;
      }
      return Math.sqrt(ss / seeds);
    };
    const small = rmse(1000, "plain");
    const large = rmse(16000, "plain");
    // 16× the draws → 4× smaller error (a ratio between 2.5 and 6.5 allows for 40 seeds' noise)
    expect(small / large).toBeGreaterThan(2.5);
    expect(small / large).toBeLessThan(6.5);
    // Theory: sd(s) = √(1/12 + 4/18) = 0.5528 → RMSE at 1,000 draws ≈ 0.0175
    expect(small).toBeCloseTo(Math.sqrt(1 / 12 + 4 / 18) / Math.sqrt(1000), 2);
    expect(rmse(1000, "lhs")).toBeLessThan(small / 10);
  });
});
