/**
 * Reference tests against scipy / numpy (Debian's python3 at /usr/bin/python3, which CI installs):
 * distribution quantiles and moments, the normal quantile far into the tail, and the statistics of a
 * Monte Carlo run (percentiles, sd, Spearman) recomputed by numpy and scipy from the same draws.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compileScenario, loadScenarioModel } from "../../src/app/scenario.js";
import { createDistribution, createSimulationPlan, normalQuantile, simulateDraws, summarizeMonteCarlo, type ScenarioDistribution } from "../../src/core/scenario/index.js";
import type { DistributionSpec } from "../../src/models/scenario.js";
import { REPO } from "../helpers/paths.js";

const PYTHON = process.env.RERATE_PYTHON ?? "/usr/bin/python3";
const hasScipy = existsSync(PYTHON) && (() => {
  try {
    execFileSync(PYTHON, ["-c", "import numpy, scipy"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Runs Python code that reads JSON from stdin (as `data`) and prints JSON. */
function py(code: string, data: unknown): unknown {
  const script = `import json, sys\nimport numpy as np\nfrom scipy import stats, special\ndata = json.load(sys.stdin)\n${code}`;
  const out = execFileSync(PYTHON, ["-c", script], { input: JSON.stringify(data), maxBuffer: 1 << 28 }).toString();
  return JSON.parse(out);
}

const make = (spec: DistributionSpec): ScenarioDistribution => createDistribution(spec).dist!;

/** Each distribution and the scipy expression for it (frozen, as `d`). */
const DISTS: [DistributionSpec, string][] = [
  [{ type: "normal", mean: 15, sd: 10 }, "stats.norm(15, 10)"],
  [{ type: "normal", mean: 15, sd: 10, truncate: { min: -20, max: 50 } }, "stats.truncnorm((-20 - 15) / 10, (50 - 15) / 10, loc=15, scale=10)"],
  [{ type: "lognormal", mu: 4.77, sigma: 0.2 }, "stats.lognorm(0.2, scale=np.exp(4.77))"],
  [{ type: "triangular", min: 8, mode: 12, max: 18 }, "stats.triang(0.4, loc=8, scale=10)"],
  [{ type: "pert", min: 120, mode: 150, max: 180 }, "stats.beta(3, 3, loc=120, scale=60)"],
  [{ type: "pert", min: 0, mode: 25, max: 60 }, "stats.beta(1 + 4 * 25 / 60, 1 + 4 * 35 / 60, loc=0, scale=60)"],
  [{ type: "pert", min: 40, mode: 50, max: 65, truncate: { max: 60 } }, "stats.truncate_beta"],
  [{ type: "uniform", min: 30, max: 40 }, "stats.uniform(30, 10)"],
];

const PS = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999];

describe.skipIf(!hasScipy)("reference: scipy and numpy", () => {
  it("quantiles of every distribution (exact path to 1e-9, Monte Carlo path to 5e-8 of the range)", () => {
    const want = py(
      `
def frozen(expr):
    if expr == "stats.truncate_beta":
        b = stats.beta(1 + 4 * 10 / 25, 1 + 4 * 15 / 25, loc=40, scale=25)
        fa, fb = 0.0, b.cdf(60)
        class T:
            def ppf(self, p): return b.ppf(fa + np.asarray(p) * (fb - fa))
            def mean(self): return b.expect(lambda x: x, ub=60) / fb
            def var(self): return b.expect(lambda x: x * x, ub=60) / fb - self.mean() ** 2
        return T()
    return eval(expr)
print(json.dumps([list(frozen(e).ppf(data["ps"])) for e in data["exprs"]]))`,
      { ps: PS, exprs: DISTS.map((d) => d[1]) },
    ) as number[][];
    DISTS.forEach(([spec], k) => {
      const d = make(spec);
      const range = (want[k]![PS.length - 1] as number) - (want[k]![0] as number);
      const fast = new Float64Array(PS.length);
      d.fill(Float64Array.from(PS), fast, PS.length);
      PS.forEach((p, i) => {
        const w = want[k]![i] as number;
        expect(Math.abs(d.quantile(p) - w) / range, `${spec.type} exact at ${p}`).toBeLessThan(1e-9);
        expect(Math.abs((fast[i] as number) - w) / range, `${spec.type} fast at ${p}`).toBeLessThan(5e-8);
      });
    });
  });

  it("the normal quantile (AS 241) far into the tail, against scipy's ndtri", () => {
    const ps = [1e-5, 1e-10, 1e-20, 1e-50, 1e-100, 1e-200, 1e-300, 0.3, 0.999999];
    const want = py("print(json.dumps(list(special.ndtri(data))))", ps) as number[];
    ps.forEach((p, i) => expect(normalQuantile(p) / want[i]! - 1, String(p)).toBeLessThan(1e-14));
  });

  it("moments of the Monte Carlo draws match scipy's mean and variance", () => {
    const want = py(
      `
def frozen(expr):
    if expr == "stats.truncate_beta":
        b = stats.beta(1 + 4 * 10 / 25, 1 + 4 * 15 / 25, loc=40, scale=25)
        m = b.expect(lambda x: x, ub=60, conditional=True)
        return (m, b.expect(lambda x: x * x, ub=60, conditional=True) - m * m)
    d = eval(expr)
    return (float(d.mean()), float(d.var()))
print(json.dumps([frozen(e) for e in data]))`,
      DISTS.map((d) => d[1]),
    ) as [number, number][];
    const n = 100_000;
    // Latin Hypercube uniforms: one per stratum (exactly stratified), so the moments converge fast.
    const u = Float64Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    DISTS.forEach(([spec], k) => {
      const x = new Float64Array(n);
      make(spec).fill(u, x, n);
      const mean = x.reduce((a, b) => a + b, 0) / n;
      const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
      const [m, v] = want[k]!;
      expect(Math.abs(mean - m) / Math.sqrt(v), `${spec.type} mean`).toBeLessThan(1e-3);
      expect(variance / v, `${spec.type} variance`).toBeCloseTo(1, 3);
    });
  });

  it("a run's statistics recomputed by numpy (type 7 percentiles, sd) and scipy (Spearman) from the same draws", () => {
    const model = compileScenario(loadScenarioModel(resolve(REPO, "examples/china-ai-capex.yaml")));
    const plan = createSimulationPlan(model);
    const draws = simulateDraws(plan, { draws: 20_000, seed: 99, sampler: "plain" });
    const ours = summarizeMonteCarlo(plan, draws, { seed: 99, sampler: "plain", blockSize: 4096 });
    const pick = [0, 3, 8]; // the 3-year total, revenue 2027, foundry revenue
    const want = py(
      `
out = []
u = np.array(data["u"])
for x in data["series"]:
    x = np.array(x)
    rho = [stats.spearmanr(x, ui)[0] for ui in u]
    out.append({"mean": x.mean(), "sd": x.std(ddof=1), "pct": list(np.percentile(x, [5, 10, 25, 50, 75, 90, 95])), "gt": float((x > 300).mean()), "rho": rho})
pairs = [stats.spearmanr(u[i], u[j])[0] for i, j in data["pairs"]]
print(json.dumps({"series": out, "pairs": pairs}))`,
      {
        series: pick.map((k) => Array.from(draws.series[k]!)),
        u: draws.percentiles.map((x) => Array.from(x)),
        pairs: model.correlation!.pairs.map((p) => p.between.map((n) => plan.drivers.findIndex((d) => d.name === n))),
      },
    ) as { series: { mean: number; sd: number; pct: number[]; gt: number; rho: number[] }[]; pairs: number[] };
    pick.forEach((k, j) => {
      const s = ours.series[k]!;
      const w = want.series[j]!;
      expect(s.stats.mean).toBeCloseTo(w.mean, 9);
      expect(s.stats.sd).toBeCloseTo(w.sd, 9);
      s.stats.percentiles.forEach((p, i) => expect(p.value).toBeCloseTo(w.pct[i]!, 9));
      if (k === 0) expect(s.stats.probAbove).toBeCloseTo(w.gt, 12);
      for (const d of s.sensitivity) expect(d.rankCorrelation, d.driver).toBeCloseTo(w.rho[plan.drivers.findIndex((x) => x.name === d.driver)]!, 10);
    });
    ours.correlations.forEach((c, i) => {
      expect(c.achieved).toBeCloseTo(want.pairs[i]!, 10);
      expect(Math.abs(c.achieved! - c.target)).toBeLessThan(0.02);
    });
  });
});
