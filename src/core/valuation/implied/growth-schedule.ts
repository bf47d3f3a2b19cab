import type { DcfModel } from "./types.js";

/**
 * Growth of each explicit year of a DCF model: stage 1 (years 1…n1) at `growthPath[t − 1]` where given, else
 * `growth`; stage 2 (years n1+1…n1+n2) fading linearly from `growth` to `terminalGrowth`, year n1 + j at
 * g − (g − g_T)·j/n2, so the last fade year grows at g_T.
 *
 * @param model - the model (only its growth fields are read; not validated here).
 * @returns a new array of n = highGrowthYears + fadeYears decimal growth rates per year (empty when n = 0).
 * @example createGrowthSchedule({ growth: 0.2, growthPath: [0.3], highGrowthYears: 2, fadeYears: 2, terminalGrowth: 0.04, … }) // [0.3, 0.2, 0.12, 0.04]
 * @see FORMULAS.md "Implied expectations": "Three-stage: g fades linearly to g_T over a second period"
 */
export function createGrowthSchedule(model: Pick<DcfModel, "growth" | "growthPath" | "highGrowthYears" | "fadeYears" | "terminalGrowth">): Float64Array {
  const n1 = model.highGrowthYears;
  const n2 = model.fadeYears ?? 0;
  const path = model.growthPath ?? [];
  const out = new Float64Array(n1 + n2);
  for (let t = 0; t < n1; t++) out[t] = path[t] ?? model.growth;
  for (let j = 1; j <= n2; j++) out[n1 + j - 1] = model.growth - ((model.growth - model.terminalGrowth) * j) / n2;
  return out;
}
