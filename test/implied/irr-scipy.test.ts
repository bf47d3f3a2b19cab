/**
 * Reference test: rerate's implied cost of equity (Brent's method, src/core/stats/solve-brent.ts) against
 * scipy.optimize.brentq on an independent Python implementation of the same DCF (irr_reference.py), run with
 * Debian's python3 (/usr/bin/python3, which has scipy).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveImpliedCostOfEquity, type DcfModel } from "../../src/core/valuation/index.js";

const PYTHON = "/usr/bin/python3";
const hasScipy = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import scipy.optimize"]).status === 0;

interface Case {
  cashFlow0: number;
  growth: number;
  growthPath: number[];
  highGrowthYears: number;
  fadeYears: number;
  terminalGrowth: number;
  exitMultiple: number | null;
  payoutRatio: number;
  price: number;
}

const cases: Case[] = fc.sample(
  fc.record({
    cashFlow0: fc.double({ min: 0.1, max: 100, noNaN: true }),
    growth: fc.double({ min: -0.1, max: 0.4, noNaN: true }),
    growthPath: fc.array(fc.double({ min: -0.1, max: 0.5, noNaN: true }), { maxLength: 3 }),
    highGrowthYears: fc.integer({ min: 3, max: 12 }),
    fadeYears: fc.integer({ min: 0, max: 8 }),
    terminalGrowth: fc.double({ min: 0, max: 0.05, noNaN: true }),
    exitMultiple: fc.option(fc.double({ min: 5, max: 40, noNaN: true }), { nil: null }),
    payoutRatio: fc.double({ min: 0.3, max: 1, noNaN: true }),
    priceMultiple: fc.double({ min: 5, max: 60, noNaN: true }),
  }).map(({ priceMultiple, ...c }) => ({ ...c, price: c.cashFlow0 * priceMultiple })),
  { numRuns: 200, seed: 20251031 },
);
// the Damodaran case, and a growth above the discount rate during the explicit years
cases.push(
  { cashFlow0: 0.029 * 1211.92, growth: 0.085, growthPath: [], highGrowthYears: 5, fadeYears: 0, terminalGrowth: 0.0422, exitMultiple: null, payoutRatio: 1, price: 1211.92 },
  { cashFlow0: 1, growth: 0.35, growthPath: [0.6, 0.5], highGrowthYears: 8, fadeYears: 5, terminalGrowth: 0.03, exitMultiple: null, payoutRatio: 1, price: 80 },
);

const toModel = (c: Case): DcfModel => ({
  cashFlow0: c.cashFlow0, growth: c.growth, growthPath: c.growthPath, highGrowthYears: c.highGrowthYears, fadeYears: c.fadeYears,
  terminalGrowth: c.terminalGrowth, payoutRatio: c.payoutRatio, discountRate: 0, ...(c.exitMultiple !== null ? { exitMultiple: c.exitMultiple } : {}),
});

describe.skipIf(!hasScipy)("solveImpliedCostOfEquity against scipy.optimize.brentq", () => {
  it(`solveImpliedCostOfEquity(model, price) equals brentq's IRR to 1e-10 on ${cases.length} cases`, () => {
    const out = execFileSync(PYTHON, [join(import.meta.dirname, "irr_reference.py")], { input: JSON.stringify(cases), encoding: "utf8" });
    const expected = JSON.parse(out) as number[];
    expect(expected).toHaveLength(cases.length);
    let worst = 0;
    cases.forEach((c, i) => {
      const k = solveImpliedCostOfEquity(toModel(c), c.price).rate;
      worst = Math.max(worst, Math.abs(k - expected[i]!));
    });
    expect(worst).toBeLessThan(1e-10);
  });
});
