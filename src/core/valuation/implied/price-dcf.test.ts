import { describe, expect, it } from "vitest";
import { createGrowthSchedule } from "./growth-schedule.js";
import { priceDcf } from "./price-dcf.js";
import type { DcfModel } from "./types.js";

const base: DcfModel = { cashFlow0: 100, growth: 0.1, highGrowthYears: 2, terminalGrowth: 0.02, discountRate: 0.1 };

describe("priceDcf(model)", () => {
  it("priceDcf(model): two-stage with a Gordon terminal, by hand", () => {
    // E1 = 110, E2 = 121; PV = 110/1.1 + 121/1.21 = 100 + 100 = 200
    // TV = 121 · 1.02 / (0.10 − 0.02) = 1542.75; PV = 1542.75 / 1.21 = 1275 → V = 1475
    const v = priceDcf(base);
    expect(v.presentValueExplicit).toBeCloseTo(200, 10);
    expect(v.terminalValue).toBeCloseTo(1542.75, 10);
    expect(v.presentValueTerminal).toBeCloseTo(1275, 10);
    expect(v.value).toBeCloseTo(1475, 10);
    expect([...v.earnings]).toEqual([110.00000000000001, 121.00000000000003]);
  });

  it("priceDcf(model): exit multiple and payout", () => {
    // exit 15x: TV = 15 · 121 = 1815, PV = 1500 → V = 200 + 1500 = 1700
    expect(priceDcf({ ...base, exitMultiple: 15 }).value).toBeCloseTo(1700, 10);
    // payout 0.5 halves cash flows: 100 + 1275 / 2 = 737.5; the exit multiple is on earnings: 100 + 1500 = 1600
    expect(priceDcf({ ...base, payoutRatio: 0.5 }).value).toBeCloseTo(737.5, 10);
    expect(priceDcf({ ...base, payoutRatio: 0.5, exitMultiple: 15 }).value).toBeCloseTo(1600, 10);
  });

  it("priceDcf(model) with no explicit years is Gordon's CF0 (1 + g) / (k − g)", () => {
    // 100 · 1.02 / 0.08 = 1275
    expect(priceDcf({ ...base, highGrowthYears: 0 }).value).toBeCloseTo(1275, 10);
  });

  it("priceDcf(model): three-stage fade, by hand", () => {
    // growth [0.3, 0.2, 0.12, 0.04] (fade 0.2 → 0.04 over 2 years: 0.2 − 0.16·1/2, 0.2 − 0.16·2/2)
    // E = 130, 156, 174.72, 181.7088; k = 10%: PV = 118.1818 + 128.9256 + 131.2697 + 124.1096 = 502.4867
    // TV = 181.7088 · 1.04 / 0.06 = 3149.6192; PV = 3149.6192 / 1.4641 = 2151.2323 → V = 2653.7190
    const m: DcfModel = { cashFlow0: 100, growth: 0.2, growthPath: [0.3], highGrowthYears: 2, fadeYears: 2, terminalGrowth: 0.04, discountRate: 0.1 };
    expect([...createGrowthSchedule(m)].map((g) => Number(g.toFixed(12)))).toEqual([0.3, 0.2, 0.12, 0.04]);
    const v = priceDcf(m);
    expect(v.presentValueExplicit).toBeCloseTo(502.4867, 3);
    expect(v.value).toBeCloseTo(2653.7190, 3);
  });

  it("priceDcf(model) refuses a discount rate not above terminal growth, naming both", () => {
    expect(() => priceDcf({ ...base, discountRate: 0.02, terminalGrowth: 0.03 })).toThrow(
      "discount rate (0.02) must exceed terminal growth (0.03)",
    );
    expect(() => priceDcf({ ...base, discountRate: 0.03, terminalGrowth: 0.03 })).toThrow(/must exceed terminal growth/);
    // with an exit multiple there is no Gordon pole: k below g_T is fine
    expect(priceDcf({ ...base, discountRate: 0.01, terminalGrowth: 0.03, exitMultiple: 10 }).value).toBeGreaterThan(0);
  });

  it("priceDcf(model) refuses bad parameters with E_INVALID_INPUT", () => {
    expect(() => priceDcf({ ...base, cashFlow0: -3 })).toThrow("base cash flow (-3) must be positive");
    expect(() => priceDcf({ ...base, highGrowthYears: 2.5 })).toThrow(/highGrowthYears \(2.5\)/);
    expect(() => priceDcf({ ...base, growthPath: [0.1, 0.1, 0.1] })).toThrow(/growthPath has 3 years/);
    expect(() => priceDcf({ ...base, exitMultiple: 0 })).toThrow(/exit multiple/);
    expect(() => priceDcf({ ...base, payoutRatio: 1.5 })).toThrow(/payout ratio/);
    expect(() => priceDcf({ ...base, growth: Number.NaN })).toThrow(/growth \(NaN\)/);
    try {
      priceDcf({ ...base, cashFlow0: 0 });
    } catch (e) {
      expect((e as { code: string }).code).toBe("E_INVALID_INPUT");
    }
  });

  it("priceDcf(model) does not mutate the model", () => {
    const m: DcfModel = { ...base, growthPath: Object.freeze([0.2]) as number[] };
    const copy = JSON.stringify(m);
    priceDcf(Object.freeze(m));
    expect(JSON.stringify(m)).toBe(copy);
  });
});
