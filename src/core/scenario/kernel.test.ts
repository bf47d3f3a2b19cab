import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ScenarioModel } from "../../models/scenario.js";
import { compileModel } from "./compile-model.js";
import { evaluateNodes } from "./evaluate-nodes.js";
import { createKernel } from "./kernel.js";

/** A model using every operator and function, so the generated kernel can be held to the interpreter. */
const MODEL = ScenarioModel.parse({
  years: [2025, 2026, 2027],
  drivers: {
    a: { unit: "RMB bn", dist: { type: "uniform", min: 50, max: 150 } },
    b: { unit: "%", byYear: { 2025: 30, 2026: { type: "uniform", min: 30, max: 50 }, 2027: { type: "uniform", min: 40, max: 60 } } },
    c: { unit: "RMB k/card", dist: { type: "uniform", min: 80, max: 160 } },
    g: { unit: "share", dist: { type: "uniform", min: -0.2, max: 0.4 } },
    k: { unit: "RMB m", value: 500 },
  },
  formulas: {
    f1: { unit: "RMB bn", expr: "a * b + k" },
    f2: { unit: "k card", expr: "f1 / c" },
    f3: { unit: "RMB bn", expr: "a * (1 + g) ^ (year - 2025) - min(a, f1) + max(a, f1, 3)" },
    f4: { unit: "RMB bn", expr: "sum(f3) / 3 + abs(-a) * exp(ln(1 + g)) + sqrt(a * a)" },
    f5: { unit: "RMB bn", expr: "if(b >= 0.45, f1, if(g != 0.1, a, -a)) + if(a == a, 0, 1) + if(a < 100, 1, 2) + if(a / a > 0.5, 3, 4) + if(g <= 0, 1, 0)" },
    f6: { unit: "share", expr: "-b + 1 - 2 ^ -1 * g / 4" },
  },
  outputs: ["f1", "f2", "f3", "f4", "f5", "f6", "a", "b", "k"],
});

describe("createKernel(model, inputs, outputs)", () => {
  const model = compileModel(MODEL);
  const stochastic = model.drivers.filter((d) => d.stochastic);
  const inputs = stochastic.flatMap((d) => d.values.flatMap((v, yearIndex) => (typeof v === "number" ? [] : [{ driver: d.name, slot: d.slot, yearIndex }])));
  const outputs = model.outputs.flatMap((o) => {
    const vec = model.nodes[o.slot]!.vec;
    return (vec ? [0, 1, 2] : [0]).map((yearIndex) => ({ slot: o.slot, yearIndex }));
  });
  const { kernel, source } = createKernel(model, inputs, outputs);

  it("createKernel: the generated loop gives the interpreter's numbers, to the last bit (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: inputs.length, maxLength: inputs.length }), { minLength: 1, maxLength: 20 }), (draws) => {
        const n = draws.length;
        const cols = inputs.map((c, k) => {
          const d = model.drivers.find((x) => x.name === c.driver)!;
          const dist = d.values[c.yearIndex] as { quantile: (p: number) => number };
          return Float64Array.from(draws, (row) => dist.quantile(row[k] as number));
        });
        const outs = outputs.map(() => new Float64Array(n));
        kernel(cols, outs, n);
        for (let i = 0; i < n; i++) {
          const set = new Map<string, number[]>();
          for (const d of stochastic) set.set(d.name, d.values.map((v, y) => (typeof v === "number" ? v : (cols[inputs.findIndex((c) => c.driver === d.name && c.yearIndex === y)] as Float64Array)[i] as number)));
          const values = evaluateNodes(model, set);
          outputs.forEach((o, k) => expect(Object.is((outs[k] as Float64Array)[i], (values[o.slot] as Float64Array)[o.yearIndex]), `${model.nodes[o.slot]!.name}[${o.yearIndex}]`).toBe(true));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("createKernel: the source holds numbers and operators only, never the model's text", () => {
    expect(source).not.toMatch(/\b(f1|f2|capex|RMB|year)\b/);
    expect(source).toMatch(/^"use strict";/);
    // The constant k (RMB 500m) is folded in as a literal.
    expect(source).toContain("(500)");
  });
});
