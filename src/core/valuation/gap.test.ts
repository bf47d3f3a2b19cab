import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { closingScenarios, valuationGap } from "./gap.js";

describe("valuationGap(a, b)", () => {
  it("valuationGap(15, 22): Alibaba at 15x against Amazon at 22x", () => {
    // 15 / 22 − 1 = −0.318182 (a 31.8% discount); 1/15 − 1/22 = 0.066667 − 0.045455 = 0.021212 (2.12 pts)
    const g = valuationGap(15, 22);
    expect(g?.discount).toBeCloseTo(-0.318182, 6);
    expect(g?.yieldGap).toBeCloseTo(0.021212, 6);
    expect(g?.yieldGapPts).toBeCloseTo(2.1212, 4);
  });

  it("valuationGap(a, b) is undefined for n.m. or missing multiples", () => {
    expect(valuationGap(-5, 22)).toBeUndefined();
    expect(valuationGap(15, 0)).toBeUndefined();
    expect(valuationGap(undefined, 22)).toBeUndefined();
    expect(valuationGap(Number.NaN, 22)).toBeUndefined();
  });
});

describe("closingScenarios(price, mA, mB, fractions)", () => {
  it("closingScenarios(120, 15, 22) at a quarter, half and all of the gap", () => {
    // m* = 15 + x · 7: 16.75, 18.5, 22; price* = 120 · m* / 15: 134, 148, 176; upside m*/15 − 1
    const s = closingScenarios(120, 15, 22);
    expect(s).toHaveLength(3);
    expect(s?.[0]).toMatchObject({ fraction: 0.25, multiple: 16.75 });
    expect(s?.[0]?.price).toBeCloseTo(134, 10);
    expect(s?.[1]?.price).toBeCloseTo(148, 10);
    expect(s?.[1]?.upside).toBeCloseTo(0.233333, 6);
    expect(s?.[2]).toMatchObject({ fraction: 1, multiple: 22 });
    expect(s?.[2]?.price).toBeCloseTo(176, 10);
    expect(s?.[2]?.upside).toBeCloseTo(0.466667, 6);
  });

  it("closingScenarios(price, mA, mB, fractions) takes custom fractions and skips non-finite ones", () => {
    expect(closingScenarios(100, 20, 10, [0, 0.5, Number.NaN])?.map((s) => s.price)).toEqual([100, 75]);
  });

  it("closingScenarios is undefined for a missing price or an n.m. multiple", () => {
    expect(closingScenarios(undefined, 15, 22)).toBeUndefined();
    expect(closingScenarios(120, -15, 22)).toBeUndefined();
  });

  it("closingScenarios: closing the whole gap gives price · mB / mA, and upside = price* / price − 1", () => {
    const pos = fc.double({ min: 0.1, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(pos, pos, pos, fc.double({ min: -1, max: 2, noNaN: true }), (price, a, b, x) => {
        const [full, partial] = closingScenarios(price, a, b, [1, x]) ?? [];
        expect(full?.price).toBeCloseTo((price * b) / a, 6);
        expect(Math.abs((partial?.upside as number) - ((partial?.price as number) / price - 1))).toBeLessThan(1e-9);
      }),
    );
  });
});
