import { describe, expect, it } from "vitest";
import type { Estimate, Fundamental, Metric, Security } from "../../models/index.js";
import { createFxLookup } from "./create-fx-lookup.js";
import { forwardPE } from "./forward-pe.js";
import { peDefinitions, peUnderDefinition, reproducesClaim, type PeDefinition } from "./pe-definitions.js";
import { trailingPE } from "./trailing-pe.js";
import type { MultipleContext } from "./types.js";

const BABA: Security = {
  id: "BABA", name: { en: "Alibaba Group ADS" }, exchange: "NYSE", currency: "USD", fiscalYearEndMonth: 3,
  reportingCurrency: "CNY", kind: "adr", issuer: "alibaba", sharesPerListing: 8,
};
const f = (metric: Metric, fiscalPeriod: string, periodEnd: string, value: number, knownFrom: string): Fundamental => ({
  entity: "alibaba", metric, fiscalPeriod, periodEnd, value, knownFrom,
  unit: metric.startsWith("eps") ? "perShare" : metric.startsWith("shares") ? "shares" : "currency",
  ...(metric.startsWith("shares") ? {} : { currency: "CNY" as const }),
});
const e = (metric: Metric, fiscalPeriod: string, value: number): Estimate => ({
  entity: "alibaba", metric, fiscalPeriod, value, currency: "CNY", unit: "perShare", asOf: "2025-09-01", estimator: "consensus",
});

const ctx: MultipleContext = {
  security: BABA,
  asOf: "2025-09-30",
  price: { date: "2025-09-30", close: 120, currency: "USD" },
  fundamentals: [
    f("epsDiluted", "FY2025", "2025-03-31", 6.0, "2025-05-15"),
    f("epsBasic", "FY2025", "2025-03-31", 6.3, "2025-05-15"),
    f("netIncome", "FY2025", "2025-03-31", 115.2e9, "2025-05-15"),
    f("sharesDiluted", "FY2025", "2025-03-31", 19.2e9, "2025-05-15"),
    f("epsDiluted", "2025Q2", "2024-09-30", 1.5, "2024-11-15"),
    f("epsDiluted", "2025Q3", "2024-12-31", 2.2, "2025-02-20"),
    f("epsDiluted", "2025Q4", "2025-03-31", 1.3, "2025-05-15"),
    f("epsDiluted", "2026Q1", "2025-06-30", 2.2, "2025-08-29"),
  ],
  estimates: [e("epsDiluted", "FY2026", 7.2), e("epsDiluted", "FY2027", 9.0), e("epsBasic", "FY2026", 7.5)],
  fx: createFxLookup([{ base: "USD", quote: "CNY", date: "2025-09-30", rate: 7.2 }]),
};
const def = (id: string): PeDefinition => {
  const [period, eps, listing] = id.split(".") as [PeDefinition["period"], PeDefinition["eps"], PeDefinition["listing"]];
  return { id, period, eps, listing };
};
const value = (id: string) => peUnderDefinition(ctx, def(id)).value;

describe("peDefinitions(security)", () => {
  it("peDefinitions(BABA) spans periods × EPS bases × per ADS / per share", () => {
    // FY and TTM: diluted, basic, net income, adjusted (4 each); FY1, FY2, NTM: diluted, basic (2 each) → 14; × 2 listing bases
    const defs = peDefinitions(BABA);
    expect(defs).toHaveLength(28);
    expect(defs[0]!.id).toBe("FY.diluted.listing");
    expect(peDefinitions({ ...BABA, sharesPerListing: 1 })).toHaveLength(14);
  });
});

describe("peUnderDefinition(ctx, def)", () => {
  it("the conventional definitions equal trailingPE and forwardPE", () => {
    expect(value("FY.diluted.listing")).toBe(trailingPE(ctx).value); // 120 / (6.0 × 8 / 7.2) = 18
    expect(value("FY.diluted.listing")).toBeCloseTo(18, 10);
    expect(value("TTM.diluted.listing")).toBe(trailingPE(ctx, "TTM").value); // 1.5 + 2.2 + 1.3 + 2.2 = 7.2 → 15
    expect(value("FY1.diluted.listing")).toBe(forwardPE(ctx, "FY1").value); // 7.2 × 8 / 7.2 = 8 → 15
    expect(value("FY2.diluted.listing")).toBe(forwardPE(ctx, "FY2").value); // 9.0 × 8 / 7.2 = 10 → 12
    expect(value("NTM.diluted.listing")).toBe(forwardPE(ctx, "NTM").value); // 13.329276 (see forward-pe.test.ts)
  });

  it("peUnderDefinition(ctx, basic / net income) uses the other EPS", () => {
    // basic FY2025 6.3 × 8 / 7.2 = 7.0 → 120 / 7 = 17.142857
    expect(value("FY.basic.listing")).toBeCloseTo(17.142857, 6);
    // net income 115.2bn / 19.2bn diluted shares = 6.0 per share → 18.0
    expect(value("FY.netIncome.listing")).toBeCloseTo(18, 10);
    // basic FY2026 estimate 7.5 × 8 / 7.2 = 8.3333 → 14.4
    expect(value("FY1.basic.listing")).toBeCloseTo(14.4, 10);
    // no basic FY2027 estimate, no basic quarters, no quarterly net income
    expect(peUnderDefinition(ctx, def("FY2.basic.listing"))).toMatchObject({ nm: "missing_input" });
    expect(peUnderDefinition(ctx, def("TTM.basic.listing"))).toMatchObject({ nm: "missing_input" });
    expect(peUnderDefinition(ctx, def("TTM.netIncome.listing"))).toMatchObject({ nm: "missing_input" });
  });

  it("peUnderDefinition(ctx, per share) ignores the ADS ratio: P/E × 8, and says so", () => {
    // 120 / (6.0 / 7.2) = 144 = 18 × 8
    const r = peUnderDefinition(ctx, def("FY.diluted.share"));
    expect(r.value).toBeCloseTo(144, 10);
    expect(r.inputs.notes.join(" ")).toMatch(/ratio not applied/);
  });
});

describe("peUnderDefinition(ctx, adjusted)", () => {
  const adjusted = [
    f("epsAdjustedDiluted", "2025Q2", "2024-09-30", 1.8, "2024-11-15"),
    f("epsAdjustedDiluted", "2025Q3", "2024-12-31", 2.4, "2025-02-20"),
    f("epsAdjustedDiluted", "2025Q4", "2025-03-31", 1.5, "2025-05-15"),
    f("epsAdjustedDiluted", "2026Q1", "2025-06-30", 2.1, "2025-08-29"),
    f("epsAdjusted", "FY2025", "2025-03-31", 8.1, "2025-05-15"),
  ];
  const withAdjusted: MultipleContext = { ...ctx, fundamentals: [...ctx.fundamentals, ...adjusted] };

  it("peUnderDefinition(ctx, TTM/FY adjusted) uses adjusted EPS, diluted before basic, beside GAAP", () => {
    // TTM adjusted: 1.8 + 2.4 + 1.5 + 2.1 = 7.8 per share × 8 / 7.2 = 8.6667 USD per ADS → 120 / 8.6667 = 13.846154
    const ttm = peUnderDefinition(withAdjusted, def("TTM.adjusted.listing"));
    expect(ttm.value).toBeCloseTo(120 / ((7.8 * 8) / 7.2), 10);
    expect(ttm.inputs.figures.map((x) => x.metric)).toEqual(Array(4).fill("epsAdjustedDiluted"));
    // FY adjusted (only the basic-or-undiluted epsAdjusted given): 8.1 × 8 / 7.2 = 9.0 → 13.333
    expect(peUnderDefinition(withAdjusted, def("FY.adjusted.listing")).value).toBeCloseTo(120 / 9, 10);
    // GAAP stays what it was: 15x TTM, 18x FY (above)
    expect(peUnderDefinition(withAdjusted, def("TTM.diluted.listing")).value).toBeCloseTo(15, 10);
    expect(trailingPE(withAdjusted).value).toBeCloseTo(18, 10);
  });

  it("peUnderDefinition(ctx, adjusted) is n.m. without adjusted figures (never GAAP in its place)", () => {
    expect(peUnderDefinition(ctx, def("TTM.adjusted.listing"))).toMatchObject({ nm: "missing_input" });
    expect(peUnderDefinition(ctx, def("FY.adjusted.listing"))).toMatchObject({ nm: "missing_input" });
  });

  it("peUnderDefinition(ctx, …) is stale like the multiples: on 2026-02-01 the last quarter (2025-06-30) is 216 days old", () => {
    // 2025-06-30 → 2026-01-31: 31+31+30+31+30+31+31 = 215; → 2026-02-01 = 216 > 213
    const later: MultipleContext = { ...withAdjusted, asOf: "2026-02-01", price: { date: "2026-02-01", close: 120, currency: "USD" }, fx: createFxLookup([{ base: "USD", quote: "CNY", date: "2026-02-01", rate: 7.2 }]) };
    const r = peUnderDefinition(later, def("TTM.adjusted.listing"));
    expect(r).toMatchObject({ nm: "stale_fundamentals" });
    expect(r.message).toMatch(/216 days before asOf 2026-02-01/);
    // FY2025 (2025-03-31) is 307 days old: within the 456 days of a fiscal year
    expect(peUnderDefinition(later, def("FY.adjusted.listing")).value).toBeCloseTo(120 / 9, 10);
  });
});

describe("reproducesClaim(value, claim, tolerance)", () => {
  it("reproducesClaim(...) is |value / claim − 1| ≤ tolerance", () => {
    expect(reproducesClaim(14.4, 15, 0.05)).toBe(true); // |0.96 − 1| = 0.04
    expect(reproducesClaim(15.8, 15, 0.05)).toBe(false); // 0.0533
    expect(reproducesClaim(undefined, 15, 0.05)).toBe(false);
  });
});
