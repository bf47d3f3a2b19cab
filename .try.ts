import { loadScenarioModel, evaluateScenarioModel, tornadoScenarioModel, runScenarioMonteCarlo, gridScenarioModel } from "./src/app/scenario.js";
const m = loadScenarioModel("examples/china-ai-capex.yaml");
for (const r of evaluateScenarioModel(m)) console.log(r.scenario, r.outputs.map((o) => `${o.name}=${o.values.map((v) => v.toFixed(1)).join("/")}`).join("  "));
const t = tornadoScenarioModel(m, { output: "domestic_accel_revenue_3y" });
console.log(t.base, t.bars.map((b) => `${b.driver}: ${b.outputLow.toFixed(1)}..${b.outputHigh.toFixed(1)}`).join("\n"));
const g = gridScenarioModel(m, { driver: "domestic_share" }, { driver: "accel_share" });
console.log(g.x.labels, g.values.map((r) => r.map((v) => v.toFixed(1)).join(" ")).join("\n"));
for (const threads of [1, 2]) {
  const t0 = performance.now();
  const r = await runScenarioMonteCarlo(m, { draws: 1_000_000, seed: 42, threads });
  console.log("threads", threads, (performance.now() - t0).toFixed(0), "ms");
  for (const s of r.series.slice(0, 4)) console.log(s.label, s.stats.mean?.toFixed(3), s.stats.sd?.toFixed(3), s.stats.percentiles.map((p) => p.value.toFixed(1)).join(" "), s.stats.probAbove, s.sensitivity.slice(0, 3).map((x) => `${x.driver}:${x.rankCorrelation?.toFixed(3)}`).join(" "));
  console.log(r.correlations);
}
