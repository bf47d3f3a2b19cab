import { describe, expect, it } from "vitest";
import type { DistributionSpec } from "../../models/scenario.js";
import { createDistribution, type ScenarioDistribution } from "./distribution.js";

const make = (spec: DistributionSpec): ScenarioDistribution => {
  const { dist, issues } = createDistribution(spec);
  if (!dist) throw new Error(JSON.stringify(issues));
  return dist;
};

const grid = Float64Array.from({ length: 999 }, (_, i) => (i + 1) / 1000);

describe("createDistribution(spec)", () => {
  it("createDistribution: base values default to the mode (triangular, PERT), mean (normal, lognormal), midpoint (uniform), most likely (discrete)", () => {
    expect(make({ type: "pert", min: 0, mode: 1, max: 4 }).base).toBe(1);
    expect(make({ type: "triangular", min: 0, mode: 3, max: 4 }).base).toBe(3);
    expect(make({ type: "normal", mean: 5, sd: 2 }).base).toBe(5);
    expect(make({ type: "lognormal", mean: 120, sd: 25 }).base).toBe(120);
    expect(make({ type: "lognormal", mu: 0, sigma: 1 }).base).toBeCloseTo(Math.exp(0.5), 15);
    expect(make({ type: "uniform", min: 30, max: 40 }).base).toBe(35);
    expect(make({ type: "discrete", values: [1, 2, 3], probabilities: [0.2, 0.5, 0.3] }).base).toBe(2);
    expect(make({ type: "pert", min: 0, mode: 1, max: 4, base: 2 }).base).toBe(2);
    // Truncation clamps the default base into the range.
    expect(make({ type: "normal", mean: 5, sd: 2, truncate: { min: 6 } }).base).toBe(6);
  });

  it("createDistribution: closed forms — uniform and triangular quantiles, lognormal median", () => {
    expect(make({ type: "uniform", min: 30, max: 40 }).quantile(0.25)).toBe(32.5);
    // Triangular (0, 1, 4): F(1) = 1/4; Q(0.25) = 1; Q(0.5) = 4 − √(0.5·4·3) = 4 − √6
    const tri = make({ type: "triangular", min: 0, mode: 1, max: 4 });
    expect(tri.quantile(0.25)).toBeCloseTo(1, 14);
    expect(tri.quantile(0.5)).toBeCloseTo(4 - Math.sqrt(6), 14);
    expect(make({ type: "lognormal", mu: 2, sigma: 0.5 }).quantile(0.5)).toBeCloseTo(Math.exp(2), 12);
    // Lognormal by moments: σ² = ln(1 + (25/120)²), median = 120 / √(1 + (25/120)²)
    expect(make({ type: "lognormal", mean: 120, sd: 25 }).quantile(0.5)).toBeCloseTo(120 / Math.sqrt(1 + (25 / 120) ** 2), 10);
  });

  it("createDistribution: fill (the Monte Carlo path) agrees with the exact quantile", () => {
    const specs: DistributionSpec[] = [
      { type: "normal", mean: 15, sd: 10 },
      { type: "normal", mean: 15, sd: 10, truncate: { min: -20, max: 50 } },
      { type: "lognormal", mean: 120, sd: 25 },
      { type: "triangular", min: 8, mode: 12, max: 18 },
      { type: "pert", min: 120, mode: 150, max: 180 },
      { type: "pert", min: 0, mode: 0, max: 60 },
      { type: "uniform", min: 30, max: 40 },
      { type: "discrete", values: [3, 1, 2], probabilities: [0.3, 0.2, 0.5] },
    ];
    for (const spec of specs) {
      const d = make(spec);
      const out = new Float64Array(grid.length);
      d.fill(grid, out, grid.length);
      // Exact paths to 1e-12 of the range; PERT's Hermite table to 5e-8 of it.
      const range = d.quantile(0.999) - d.quantile(0.001);
      const tol = spec.type === "pert" ? 5e-8 : 1e-12;
      for (let i = 0; i < grid.length; i++) expect(Math.abs((out[i] as number) - d.quantile(grid[i] as number)) / range, `${spec.type} at ${grid[i]}`).toBeLessThan(tol);
    }
  });

  it("createDistribution: fill may write in place", () => {
    const d = make({ type: "pert", min: 0, mode: 1, max: 4, truncate: { max: 3 } });
    const u = Float64Array.from(grid);
    d.fill(u, u, u.length);
    expect(u[499]).toBeCloseTo(d.quantile(0.5), 9);
    expect(Math.max(...u)).toBeLessThanOrEqual(3);
  });

  it("createDistribution: truncation renormalises — a normal cut at its mean has median at the 75th percentile", () => {
    const t = make({ type: "normal", mean: 0, sd: 1, truncate: { min: 0 } });
    expect(t.lower).toBe(0);
    expect(t.quantile(0.5)).toBeCloseTo(0.6744897501960817, 12); // Φ⁻¹(0.75)
    expect(t.cdf(0.6744897501960817)).toBeCloseTo(0.5, 12);
    expect(t.cdf(-1)).toBe(0);
  });

  it("createDistribution: discrete quantile and cdf step at the values", () => {
    const d = make({ type: "discrete", values: [10, 20, 30], probabilities: [0.25, 0.5, 0.25] });
    expect([0.1, 0.25, 0.26, 0.75, 0.76, 1].map((p) => d.quantile(p))).toEqual([10, 10, 20, 20, 30, 30]);
    expect([5, 10, 25, 30].map((x) => d.cdf(x))).toEqual([0, 0.25, 0.75, 1]);
  });

  it("createDistribution: problems come back with their path and value", () => {
    expect(createDistribution({ type: "pert", min: 0, mode: 5, max: 4 }).issues).toEqual([{ path: ["mode"], value: "5", reason: "must lie within [min, max] = [0, 4]" }]);
    expect(createDistribution({ type: "normal", mean: 0, sd: 0 }).issues[0]).toMatchObject({ path: ["sd"], reason: "must be > 0" });
    expect(createDistribution({ type: "lognormal" }).issues[0]).toMatchObject({ path: ["type"] });
  });
});
