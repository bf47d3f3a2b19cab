import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { priceDcf } from "./price-dcf.js";
import { solveImpliedCostOfEquity } from "./solve-implied-cost-of-equity.js";
import { solveImpliedGrowth } from "./solve-implied-growth.js";
import type { DcfModel } from "./types.js";

// Reference values below from scipy.optimize.brentq (xtol 1e-15) on the same formula.
const pe: DcfModel = { cashFlow0: 1, growth: 0, highGrowthYears: 10, terminalGrowth: 0.03, discountRate: 0.09 };

describe("solveImpliedGrowth(model, price)", () => {
  it("solveImpliedGrowth: 22x earnings at a 9% cost of equity implies 6.2453% a year for 10 years", () => {
    const s = solveImpliedGrowth(pe, 22);
    expect(s.rate).toBeCloseTo(0.0624526997566723, 12);
    expect(s.value).toBeCloseTo(22, 10);
    expect(s.model.growth).toBe(s.rate);
  });

  it("solveImpliedGrowth: 15x at 10% implies 3.2615%; the zero-growth value there is 11.8176x", () => {
    expect(solveImpliedGrowth({ ...pe, discountRate: 0.1 }, 15).rate).toBeCloseTo(0.032614804910924576, 12);
    // below the zero-growth value: a clear error, and a way to solve it
    expect(() => solveImpliedGrowth({ ...pe, discountRate: 0.1 }, 11)).toThrow(
      "price (11) is below the value at growth 0 (11.8176): the price implies cash flows shrinking faster than that; lower minGrowth (e.g. −0.3) to solve for it",
    );
    const shrink = solveImpliedGrowth({ ...pe, discountRate: 0.1 }, 11, { minGrowth: -0.3 });
    expect(shrink.rate).toBeLessThan(0);
    expect(priceDcf(shrink.model).value).toBeCloseTo(11, 10);
  });

  it("solveImpliedGrowth refuses k ≤ g_T, a price out of reach and nothing to solve", () => {
    expect(() => solveImpliedGrowth({ ...pe, discountRate: 0.02 }, 22)).toThrow("discount rate (0.02) must exceed terminal growth (0.03)");
    expect(() => solveImpliedGrowth(pe, 1e12)).toThrow(/above the value at growth 10/);
    expect(() => solveImpliedGrowth(pe, -5)).toThrow("price (-5) must be a positive number");
    expect(() => solveImpliedGrowth({ ...pe, highGrowthYears: 2, growthPath: [0.1, 0.1] }, 22)).toThrow(/nothing to solve/);
  });

  it("solveImpliedGrowth solves the years after a fixed consensus path, and through a fade", () => {
    const m: DcfModel = { ...pe, growthPath: [0.2, 0.15], highGrowthYears: 5, fadeYears: 5 };
    const s = solveImpliedGrowth(m, 25);
    expect(priceDcf(s.model).value).toBeCloseTo(25, 10);
    expect([...priceDcf(s.model).growthRates].slice(0, 3)).toEqual([0.2, 0.15, s.rate]);
  });
});

describe("solveImpliedCostOfEquity(model, price)", () => {
  it("solveImpliedCostOfEquity: 22x with 12% growth for 10 years then 3% is an IRR of 11.8050%", () => {
    const s = solveImpliedCostOfEquity({ ...pe, growth: 0.12 }, 22);
    expect(s.rate).toBeCloseTo(0.1180498671500892, 12);
    expect(s.value).toBeCloseTo(22, 10);
  });

  it("solveImpliedCostOfEquity works with an exit multiple, where k may fall below g_T", () => {
    // 100 growing 0 %, exit at 30x after 5 years, price 3000 + PV of 100 a year: k = 0 exactly
    const m: DcfModel = { cashFlow0: 100, growth: 0, highGrowthYears: 5, terminalGrowth: 0.03, exitMultiple: 30, discountRate: 0 };
    expect(solveImpliedCostOfEquity(m, 3500).rate).toBeCloseTo(0, 12);
    expect(solveImpliedCostOfEquity(m, 2000).rate).toBeGreaterThan(0);
  });

  it("solveImpliedCostOfEquity refuses non-positive earnings and prices", () => {
    expect(() => solveImpliedCostOfEquity({ ...pe, cashFlow0: -0.52 }, 22)).toThrow(/base cash flow \(-0.52\) must be positive/);
    expect(() => solveImpliedCostOfEquity(pe, 0)).toThrow("price (0) must be a positive number");
    expect(() => solveImpliedCostOfEquity(pe, 1e-9)).toThrow(/below the value even at a cost of equity of 10/);
  });
});

// Round trips: price(solve(price)) = price and solve(price(x)) = x over random models.
const model = fc.record({
  cashFlow0: fc.double({ min: 0.01, max: 1e4, noNaN: true }),
  highGrowthYears: fc.integer({ min: 1, max: 15 }),
  fadeYears: fc.integer({ min: 0, max: 10 }),
  terminalGrowth: fc.double({ min: -0.02, max: 0.05, noNaN: true }),
  spread: fc.double({ min: 0.005, max: 0.15, noNaN: true }),
  growth: fc.double({ min: -0.2, max: 0.6, noNaN: true }),
  exit: fc.option(fc.double({ min: 3, max: 60, noNaN: true }), { nil: undefined }),
  payoutRatio: fc.double({ min: 0.2, max: 1, noNaN: true }),
});
type Drawn = typeof model extends fc.Arbitrary<infer T> ? T : never;
const toModel = (r: Drawn): DcfModel => ({
  cashFlow0: r.cashFlow0, highGrowthYears: r.highGrowthYears, fadeYears: r.fadeYears, terminalGrowth: r.terminalGrowth,
  discountRate: r.terminalGrowth + r.spread, growth: r.growth, payoutRatio: r.payoutRatio, ...(r.exit !== undefined ? { exitMultiple: r.exit } : {}),
});

describe("implied solvers round-trip (fast-check)", () => {
  it("solveImpliedGrowth(model, priceDcf(model)) recovers the growth and the price", () => {
    fc.assert(
      fc.property(model, (r) => {
        const m = toModel(r);
        const price = priceDcf(m).value;
        const s = solveImpliedGrowth(m, price, { minGrowth: -0.5 });
        expect(Math.abs(s.value / price - 1)).toBeLessThan(1e-10);
        expect(Math.abs(priceDcf(s.model).value / price - 1)).toBeLessThan(1e-10);
        expect(Math.abs(s.rate - r.growth)).toBeLessThan(1e-7);
      }),
      { numRuns: 300 },
    );
  });

  it("solveImpliedCostOfEquity(model, priceDcf(model)) recovers the discount rate and the price", () => {
    fc.assert(
      fc.property(model, (r) => {
        const m = toModel(r);
        const price = priceDcf(m).value;
        const s = solveImpliedCostOfEquity(m, price);
        expect(Math.abs(priceDcf(s.model).value / price - 1)).toBeLessThan(1e-10);
        expect(Math.abs(s.rate - m.discountRate)).toBeLessThan(1e-8);
      }),
      { numRuns: 300 },
    );
  });

  it("solveImpliedCostOfEquity: a higher price never implies a higher cost of equity", () => {
    fc.assert(
      fc.property(model, fc.double({ min: 1.01, max: 3, noNaN: true }), (r, up) => {
        const m = toModel(r);
        const price = priceDcf(m).value;
        expect(solveImpliedCostOfEquity(m, price * up).rate).toBeLessThan(solveImpliedCostOfEquity(m, price).rate);
      }),
      { numRuns: 100 },
    );
  });
});
