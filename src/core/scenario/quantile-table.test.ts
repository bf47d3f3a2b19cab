import { describe, expect, it } from "vitest";
import { betaPdf, betaQuantile, normalQuantileExact } from "./_stdlib.js";
import { createQuantileTable } from "./quantile-table.js";

/** PERT shapes from symmetric to strongly skewed, including α = 1 (mode at min) and β ≈ 1. */
const SHAPES: [number, number][] = [[3, 3], [1.5, 4.2], [5, 1.01], [1, 5], [4.9, 1.1], [1, 1.0001], [2, 4]];

describe("createQuantileTable(quantile, density)", () => {
  it.each(SHAPES)("createQuantileTable: beta(%d, %d) within 5e-8 in [0.001, 0.999] and 1e-5 beyond", (a, b) => {
    const exact = (u: number) => betaQuantile(u, a, b);
    const q = createQuantileTable(exact, (x) => betaPdf(x, a, b));
    let body = 0;
    let tails = 0;
    for (let i = 1; i < 40000; i++) {
      const u = i / 40000 + 1.234e-6;
      const e = Math.abs(q(u) - exact(u));
      if (u >= 0.001 && u <= 0.999) body = Math.max(body, e);
      else tails = Math.max(tails, e);
    }
    for (let k = 1; k < 500; k++) {
      const u = Math.exp(-k / 14);
      tails = Math.max(tails, Math.abs(q(u) - exact(u)), Math.abs(q(1 - u) - exact(1 - u)));
    }
    expect(body).toBeLessThan(5e-8);
    expect(tails).toBeLessThan(1e-5);
  });

  it("createQuantileTable: monotone in u, so draws keep their ranks", () => {
    const q = createQuantileTable((u) => betaQuantile(u, 5, 1.01), (x) => betaPdf(x, 5, 1.01));
    let prev = -Infinity;
    for (let i = 1; i < 200000; i++) {
      const x = q(i / 200000);
      expect(x >= prev).toBe(true);
      prev = x;
    }
  });

  it("createQuantileTable works for an unbounded distribution too (standard normal)", () => {
    const q = createQuantileTable((u) => normalQuantileExact(u, 0, 1), (x) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI));
    for (const u of [0.001, 0.01, 0.3, 0.5, 0.9, 0.999]) expect(q(u)).toBeCloseTo(normalQuantileExact(u, 0, 1), 7);
  });
});
