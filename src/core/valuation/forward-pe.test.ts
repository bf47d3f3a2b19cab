import { describe, expect, it } from "vitest";
import type { Estimate, FxRate, Security } from "../../models/index.js";
import { createFxLookup } from "./create-fx-lookup.js";
import { forwardPE } from "./forward-pe.js";
import { peg, pegRatio } from "./peg.js";
import type { MultipleContext } from "./types.js";

const BABA: Security = {
  id: "BABA", name: { en: "Alibaba Group ADS" }, exchange: "NYSE", currency: "USD", fiscalYearEndMonth: 3,
  reportingCurrency: "CNY", kind: "adr", issuer: "alibaba", sharesPerListing: 8,
};
const AMZN: Security = {
  id: "AMZN", name: { en: "Amazon.com" }, exchange: "NASDAQ", currency: "USD", fiscalYearEndMonth: 12,
  reportingCurrency: "USD", kind: "equity", sharesPerListing: 1,
};
const FX: FxRate[] = [
  { base: "USD", quote: "CNY", date: "2025-09-30", rate: 7.2 },
  { base: "USD", quote: "CNY", date: "2025-10-10", rate: 7.2 },
];

const est = (entity: string, fiscalPeriod: string, value: number, asOf: string, currency: "CNY" | "USD" = "CNY", estimator = "consensus"): Estimate => ({
  entity, metric: "epsDiluted", fiscalPeriod, value, currency, unit: "perShare", asOf, estimator, source: "demo consensus",
});
const BABA_EST = [
  est("alibaba", "FY2026", 6.5, "2025-06-01"),
  est("alibaba", "FY2026", 7.2, "2025-09-01"),
  est("alibaba", "FY2027", 9.0, "2025-09-01"),
  est("alibaba", "FY2026", 8.0, "2025-10-10"),
  est("alibaba", "FY2026", 5.4, "2025-09-20", "CNY", "broker-a"),
];

function ctx(over: Partial<MultipleContext> = {}): MultipleContext {
  return {
    security: BABA,
    asOf: "2025-09-30",
    price: { date: "2025-09-30", close: 120, currency: "USD" },
    fundamentals: [],
    estimates: BABA_EST,
    fx: createFxLookup(FX),
    ...over,
  };
}

describe("forwardPE(ctx, horizon)", () => {
  it("forwardPE(ctx, 'FY1') uses the first fiscal year ending after asOf (Alibaba: FY2026, ends March 2026)", () => {
    // latest consensus on or before 30 Sep: 7.2 (1 Sep). 7.2 × 8 / 7.2 = 8.0 USD per ADS → 120 / 8 = 15.0x
    const r = forwardPE(ctx(), "FY1");
    expect(r.kind).toBe("forwardPEFy1");
    expect(r.value).toBeCloseTo(15.0, 10);
    expect(r.inputs.figures).toMatchObject([{ role: "EPS FY1 (FY2026)", origin: "estimate", knownFrom: "2025-09-01", estimator: "consensus", value: 7.2 }]);
  });

  it("forwardPE(ctx, 'FY2') uses the year after", () => {
    // 9.0 × 8 / 7.2 = 10.0 USD → 12.0x
    expect(forwardPE(ctx(), "FY2").value).toBeCloseTo(12.0, 10);
  });

  it("forwardPE(ctx, 'NTM') calendarises a March fiscal year", () => {
    // f = 182 / 365 (30 Sep 2025 → 31 Mar 2026); NTM = f · 7.2 + (1 − f) · 9.0 = 8.102466 CNY
    // × 8 / 7.2 = 9.002740 USD → 120 / 9.002740 = 13.329276x
    const r = forwardPE(ctx(), "NTM");
    expect(r.value).toBeCloseTo(13.329276, 5);
    expect(r.inputs.calendarisation).toEqual({ fy1: "FY2026", fy2: "FY2027", fy1End: "2026-03-31", weightFy1: 182 / 365 });
    expect(r.inputs.figures.map((f) => f.weight)).toEqual([182 / 365, 183 / 365]);
  });

  it("forwardPE(ctx, 'NTM') on a December fiscal year as of the same date", () => {
    // Amazon: FY1 = FY2025 (ends 31 Dec 2025, 92 days away), FY2 = FY2026. f = 92/365 = 0.252055
    // NTM = 0.252055 · 6.0 + 0.747945 · 7.0 = 6.747945 → 220 / 6.747945 = 32.602517x; FY1: 220 / 6 = 36.6667x
    const amzn = ctx({
      security: AMZN,
      price: { date: "2025-09-30", close: 220, currency: "USD" },
      estimates: [est("AMZN", "FY2025", 6.0, "2025-09-15", "USD"), est("AMZN", "FY2026", 7.0, "2025-09-15", "USD")],
    });
    expect(forwardPE(amzn, "NTM").value).toBeCloseTo(32.602517, 5);
    expect(forwardPE(amzn, "FY1").value).toBeCloseTo(220 / 6, 10);
    expect(forwardPE(amzn, "FY1").inputs.fx).toEqual([]); // USD on USD: no conversion
  });

  it("forwardPE(ctx) ignores estimates observed after asOf and uses the newest before it", () => {
    // on 10 Oct the 8.0 estimate is visible: 8 × 8 / 7.2 = 8.8889 → 13.5x
    const later = forwardPE(ctx({ asOf: "2025-10-10", price: { date: "2025-10-10", close: 120, currency: "USD" } }), "FY1");
    expect(later.value).toBeCloseTo(13.5, 10);
    // on 31 Aug only the 6.5 of June: 6.5 × 8 / 7.2 = 7.2222 → 16.6154x; FX 7.2 of 30 Sep is in the future → use a stub
    const fx = createFxLookup([{ base: "USD", quote: "CNY", date: "2025-08-29", rate: 7.2 }]);
    // The June estimate is 91 days old on 31 Aug (Jun 1 → Jul 1 30 d, → Aug 1 31 d, → Aug 31 30 d): allow 120 days here.
    const earlier = forwardPE(ctx({ asOf: "2025-08-31", fx, price: { date: "2025-08-29", close: 120, currency: "USD" }, options: { maxEstimateAgeDays: 120 } }), "FY1");
    expect(earlier.value).toBeCloseTo(120 / ((6.5 * 8) / 7.2), 10);
    // With the default limit (45 days) the same estimate is stale, and the message gives its age.
    const stale = forwardPE(ctx({ asOf: "2025-08-31", fx, price: { date: "2025-08-29", close: 120, currency: "USD" } }), "FY1");
    expect(stale).toMatchObject({ nm: "stale_estimates" });
    expect(stale.message).toMatch(/observed 2025-06-01, 91 days before asOf 2025-08-31; older than maxEstimateAgeDays 45/);
    expect(stale.inputs.figures[0]).toMatchObject({ knownFrom: "2025-06-01", ageDays: 91, knownAgeDays: 91 });
  });

  it("forwardPE(ctx) reads options.estimator", () => {
    // broker-a: 5.4 × 8 / 7.2 = 6.0 → 20.0x
    expect(forwardPE(ctx({ options: { estimator: "broker-a" } }), "FY1").value).toBeCloseTo(20.0, 10);
    expect(forwardPE(ctx({ options: { estimator: "broker-a" } }), "FY2")).toMatchObject({ nm: "missing_input" });
  });

  it("forwardPE(ctx) is n.m. when an estimate is missing, and notes an assumed December year end", () => {
    const r = forwardPE(ctx({ estimates: [est("alibaba", "FY2026", 7.2, "2025-09-01")] }), "NTM");
    expect(r).toMatchObject({ nm: "missing_input" });
    expect(r.message).toMatch(/no consensus EPS estimate for FY2027 observed on or before 2025-09-30/);
    const noMonth = forwardPE(ctx({ security: { ...AMZN, fiscalYearEndMonth: undefined }, estimates: [] }), "FY1");
    expect(noMonth.inputs.notes).toContain("fiscalYearEndMonth not set on the security; December assumed");
  });

  it("forwardPE(ctx) is n.m. for negative forward EPS", () => {
    const r = forwardPE(ctx({ estimates: [est("alibaba", "FY2026", -1, "2025-09-01")] }), "FY1");
    expect(r).toMatchObject({ nm: "negative_earnings" });
  });
});

describe("peg(ctx) and pegRatio(pe, growthPct)", () => {
  it("peg(ctx) = P/E FY1 / EPS growth FY1→FY2 in percent", () => {
    // P/E FY1 15.0x; growth 9.0 / 7.2 − 1 = 25% → 15 / 25 = 0.6
    const r = peg(ctx());
    expect(r.value).toBeCloseTo(0.6, 10);
    expect(r.inputs.denominator).toBeCloseTo(25, 10);
  });

  it("peg(ctx) is n.m. for shrinking EPS", () => {
    const r = peg(ctx({ estimates: [est("alibaba", "FY2026", 7.2, "2025-09-01"), est("alibaba", "FY2027", 7.0, "2025-09-01")] }));
    expect(r).toMatchObject({ nm: "non_positive_input" });
  });

  it("pegRatio(pe, growthPct) divides, and is undefined when not meaningful", () => {
    expect(pegRatio(18, 12)).toBe(1.5);
    expect(pegRatio(18, 0)).toBeUndefined();
    expect(pegRatio(-5, 10)).toBeUndefined();
    expect(pegRatio(undefined, 10)).toBeUndefined();
  });
});
