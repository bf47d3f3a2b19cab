import { describe, expect, it } from "vitest";
import { costOfEquity, countryExposureLambda, countryRiskPremium } from "./country-risk.js";
import { impliedEquityRiskPremium } from "./implied-erp.js";
import { wallRiskPremium } from "./wall-risk-premium.js";

describe("countryRiskPremium(defaultSpread, equityToBondVolatility)", () => {
  it("countryRiskPremium(0.0077, 1.34) is Damodaran's China CRP of 1.03% (January 2024)", () => {
    // 0.77% × 1.34 = 1.0318%
    expect(countryRiskPremium(0.0077, 1.34)).toBeCloseTo(0.010318, 10);
  });

  it("countryRiskPremium refuses a negative spread and a non-positive multiplier", () => {
    expect(() => countryRiskPremium(-0.01, 1.3)).toThrow("default spread (-0.01) must be a decimal ≥ 0");
    expect(() => countryRiskPremium(0.01, 0)).toThrow(/volatility ratio \(0\)/);
  });
});

describe("countryExposureLambda(companyShare, averageLocalShare)", () => {
  it("countryExposureLambda(0.3, 0.75) is 0.4; undefined for missing or zero shares", () => {
    expect(countryExposureLambda(0.3, 0.75)).toBeCloseTo(0.4, 12);
    expect(countryExposureLambda(undefined, 0.75)).toBeUndefined();
    expect(countryExposureLambda(0.3, 0)).toBeUndefined();
  });
});

describe("costOfEquity(inputs)", () => {
  it("costOfEquity = r_f + β · ERP + λ · CRP, by hand", () => {
    // 0.04 + 1.2 · 0.046 + 0.5 · 0.0103 = 0.04 + 0.0552 + 0.00515 = 0.10035
    expect(costOfEquity({ riskFreeRate: 0.04, beta: 1.2, matureErp: 0.046, countryRiskPremium: 0.0103, lambda: 0.5 })).toBeCloseTo(0.10035, 12);
    // defaults β = 1, CRP = 0: 0.04 + 0.046
    expect(costOfEquity({ riskFreeRate: 0.04, matureErp: 0.046 })).toBeCloseTo(0.086, 12);
    expect(() => costOfEquity({ riskFreeRate: Number.NaN, matureErp: 0.046 })).toThrow("risk-free rate (NaN) must be a finite number");
  });
});

describe("impliedEquityRiskPremium(k, rf)", () => {
  it("impliedEquityRiskPremium(0.0787, 0.0422) is 0.0365; undefined when missing", () => {
    expect(impliedEquityRiskPremium(0.0787, 0.0422)).toBeCloseTo(0.0365, 12);
    expect(impliedEquityRiskPremium(undefined, 0.04)).toBeUndefined();
    expect(impliedEquityRiskPremium(0.08, Number.NaN)).toBeUndefined();
  });
});

describe("wallRiskPremium(a, b, crp, lambda)", () => {
  it("wallRiskPremium: the median gap against λ · CRP, by hand", () => {
    // medians 0.08 and 0.0475: gap 0.0325; λ · CRP = 0.0103 → unexplained 0.0222; implied λ = 0.0325 / 0.0103 = 3.1553
    const w = wallRiskPremium([0.08, 0.07, 0.09, undefined], [0.05, 0.045, Number.NaN], 0.0103);
    expect(w?.gap).toBeCloseTo(0.0325, 12);
    expect(w?.explained).toBeCloseTo(0.0103, 12);
    expect(w?.unexplained).toBeCloseTo(0.0222, 12);
    expect(w?.impliedLambda).toBeCloseTo(3.15534, 5);
    expect(w).toMatchObject({ nA: 3, nB: 2, lambda: 1 });
    // λ = 0.5 halves the explained part
    expect(wallRiskPremium([0.08], [0.05], 0.0103, 0.5)?.unexplained).toBeCloseTo(0.03 - 0.00515, 12);
  });

  it("wallRiskPremium is undefined when a group has no value; no implied λ when CRP is 0", () => {
    expect(wallRiskPremium([], [0.05], 0.01)).toBeUndefined();
    expect(wallRiskPremium([0.06], [0.05], 0)?.impliedLambda).toBeUndefined();
  });
});
