import { describe, expect, it } from "vitest";
import type { Currency, Estimate, Fundamental, Metric, Security } from "../../models/index.js";
import { createFxLookup } from "./create-fx-lookup.js";
import { forwardPE } from "./forward-pe.js";
import { freshnessLimits, staleFigure } from "./freshness.js";
import { marketCap } from "./market-cap.js";
import { trailingPE } from "./trailing-pe.js";
import { DEFAULT_FRESHNESS, type MultipleContext, type MultipleOptions } from "./types.js";

// Ages below are calendar days, counted by hand month by month (and checked with Python's date subtraction).
const AMZN: Security = {
  id: "AMZN", name: { en: "Amazon.com" }, exchange: "NASDAQ", currency: "USD", fiscalYearEndMonth: 12,
  reportingCurrency: "USD", kind: "equity", issuer: "amazon", sharesPerListing: 1,
};
const HKCO: Security = {
  id: "0001.HK", name: { en: "A half-yearly reporter" }, exchange: "HKEX", currency: "HKD", fiscalYearEndMonth: 12,
  reportingCurrency: "HKD", kind: "equity", issuer: "hkco", sharesPerListing: 1,
};
const unitOf = (m: Metric) => (m.startsWith("shares") ? "shares" : m.startsWith("eps") ? "perShare" : "currency");
const fig = (entity: string, metric: Metric, fiscalPeriod: string, periodEnd: string, value: number, knownFrom: string, currency?: Currency): Fundamental =>
  ({ entity, metric, fiscalPeriod, periodEnd, value, unit: unitOf(metric), knownFrom, ...(currency !== undefined ? { currency } : {}) });

function ctx(security: Security, asOf: string, fundamentals: Fundamental[], estimates: Estimate[] = [], options?: MultipleOptions): MultipleContext {
  // The close is of asOf itself, so no price is ever stale here.
  return {
    security, asOf, price: { date: asOf, close: 200, currency: security.currency }, fundamentals, estimates, fx: createFxLookup([]),
    ...(options !== undefined ? { options } : {}),
  };
}

describe("freshness limits", () => {
  it("DEFAULT_FRESHNESS is 15 months for years and shares, 7 for quarters, 10 for halves, 45 days for estimates", () => {
    // a month ≈ 365.25 / 12 = 30.44 days: 15 × 30.44 = 456.6, 7 × 30.44 = 213.1, 10 × 30.44 = 304.4 (rounded down)
    expect(DEFAULT_FRESHNESS).toEqual({ maxAnnualAgeDays: 456, maxInterimAgeDays: 213, maxHalfYearAgeDays: 304, maxSharesAgeDays: 456, maxEstimateAgeDays: 45 });
    expect(freshnessLimits({ maxInterimAgeDays: 100 }).maxInterimAgeDays).toBe(100);
    expect(freshnessLimits({ maxInterimAgeDays: 100 }).maxAnnualAgeDays).toBe(456);
  });

  it("staleFigure(row, asOf, …) quotes the period end, the age, the filing date and the limit", () => {
    // Alibaba's quarter to June 2021 on 2025-09-24: 2021-06-30 → 2025-06-30 = 1,461 days (4 years, one 29 Feb) + 86 (Jul 31, Aug 31, Sep 24) = 1,547
    const s = staleFigure({ fiscalPeriod: "2022Q1", periodEnd: "2021-06-30", knownFrom: "2021-08-03" }, "2025-09-24", freshnessLimits(), "figure", "EPS TTM 2021Q2–2022Q1");
    expect(s).toMatchObject({ reason: "stale_fundamentals", ageDays: 1547, limitDays: 213, option: "maxInterimAgeDays" });
    expect(s!.message).toBe("EPS TTM 2021Q2–2022Q1: its period ended 2021-06-30, 1547 days before asOf 2025-09-24 (known from 2021-08-03); older than maxInterimAgeDays 213");
  });
});

describe("trailingPE(ctx, 'FY') and stale_fundamentals (annual: 456 days)", () => {
  // Amazon's FY2022 diluted EPS was −0.27 (10-K filed 2023-02-03).
  const rows = [fig("amazon", "epsDiluted", "FY2022", "2022-12-31", -0.27, "2023-02-03", "USD")];

  it("a fiscal year 456 days old is still used (2022-12-31 → 2023-12-31 365 d, + Jan 31 + Feb 29 + Mar 31 = 456 on 2024-03-31)", () => {
    const r = trailingPE(ctx(AMZN, "2024-03-31", rows));
    expect(r).toMatchObject({ nm: "negative_earnings" });
    expect(r.inputs.figures[0]).toMatchObject({ fiscalPeriod: "FY2022", ageDays: 456 });
  });

  it("a fiscal year 457 days old is stale, whatever its sign, and the inputs carry both ages", () => {
    const r = trailingPE(ctx(AMZN, "2024-04-01", rows));
    expect(r).toMatchObject({ nm: "stale_fundamentals" });
    expect(r.message).toMatch(/EPS epsDiluted FY2022: its period ended 2022-12-31, 457 days before asOf 2024-04-01 \(known from 2023-02-03\); older than maxAnnualAgeDays 456/);
    // known from 2023-02-03: → 2024-02-03 365 d, → 2024-03-03 29 d (leap February), → 2024-04-01 29 d = 423
    expect(r.inputs.figures[0]).toMatchObject({ ageDays: 457, knownAgeDays: 423 });
    expect(r).toMatchObject({ stale: { ageDays: 457, limitDays: 456, option: "maxAnnualAgeDays" } });
    expect(r.inputs.price).toMatchObject({ ageDays: 0 });
  });

  it("options.maxAnnualAgeDays moves the limit", () => {
    expect(trailingPE(ctx(AMZN, "2024-04-01", rows, [], { maxAnnualAgeDays: 500 }))).toMatchObject({ nm: "negative_earnings" });
    expect(trailingPE(ctx(AMZN, "2024-03-31", rows, [], { maxAnnualAgeDays: 455 }))).toMatchObject({ nm: "stale_fundamentals" });
  });
});

describe("trailingPE(ctx, 'TTM') and stale_fundamentals (quarters: 213 days, halves: 304 days)", () => {
  // Amazon's diluted EPS, 2024Q2–2025Q1 (earnings releases): 1.26 + 1.43 + 1.86 + 1.59 = 6.14
  const quarters = [
    fig("amazon", "epsDiluted", "2024Q2", "2024-06-30", 1.26, "2024-08-01", "USD"),
    fig("amazon", "epsDiluted", "2024Q3", "2024-09-30", 1.43, "2024-10-31", "USD"),
    fig("amazon", "epsDiluted", "2024Q4", "2024-12-31", 1.86, "2025-02-06", "USD"),
    fig("amazon", "epsDiluted", "2025Q1", "2025-03-31", 1.59, "2025-05-01", "USD"),
  ];

  it("the last quarter 213 days old is used: 2025-03-31 → Oct 30 (30+31+30+31+31+30+30 = 213); 200 / 6.14 = 32.573x", () => {
    const r = trailingPE(ctx(AMZN, "2025-10-30", quarters), "TTM");
    expect(r.value).toBeCloseTo(200 / 6.14, 10);
    expect(r.inputs.figures.map((f) => f.ageDays)).toEqual([487, 395, 303, 213]);
  });

  it("214 days old (2025-10-31) is stale; maxInterimAgeDays 214 accepts it again", () => {
    const r = trailingPE(ctx(AMZN, "2025-10-31", quarters), "TTM");
    expect(r).toMatchObject({ nm: "stale_fundamentals" });
    expect(r.message).toMatch(/EPS TTM 2024Q2–2025Q1 \(epsDiluted\): its period ended 2025-03-31, 214 days before asOf 2025-10-31/);
    expect(r.message).toMatch(/older than maxInterimAgeDays 213/);
    expect(trailingPE(ctx(AMZN, "2025-10-31", quarters, [], { maxInterimAgeDays: 214 }), "TTM").value).toBeCloseTo(200 / 6.14, 10);
  });

  const halves = [
    fig("hkco", "epsDiluted", "2024H1", "2024-06-30", 1.5, "2024-08-20", "HKD"),
    fig("hkco", "epsDiluted", "2024H2", "2024-12-31", 2.5, "2025-03-20", "HKD"),
  ];

  it("halves: 304 days after 2024-12-31 (2025-10-31: 31+28+31+30+31+30+31+31+30+31) is fresh, 305 is stale", () => {
    // 200 / (1.5 + 2.5) = 50x
    expect(trailingPE(ctx(HKCO, "2025-10-31", halves), "TTM").value).toBeCloseTo(50, 10);
    const r = trailingPE(ctx(HKCO, "2025-11-01", halves), "TTM");
    expect(r).toMatchObject({ nm: "stale_fundamentals" });
    expect(r.message).toMatch(/305 days before asOf 2025-11-01.*older than maxHalfYearAgeDays 304/);
  });
});

describe("marketCap(ctx) and stale_shares (456 days, whatever the period)", () => {
  // A quarter's share count is judged by the shares limit (456 days), not the quarter limit (213).
  const shares = [fig("amazon", "sharesOutstanding", "2022Q4", "2022-12-31", 10.2e9, "2023-02-03")];

  it("456 days after 2022-12-31 (2024-03-31) the count is used: 200 × 10.2bn = 2,040bn", () => {
    expect(marketCap(ctx(AMZN, "2024-03-31", shares)).value).toBeCloseTo(2.04e12, -3);
  });

  it("457 days (2024-04-01) it is stale_shares; maxSharesAgeDays 457 accepts it", () => {
    const r = marketCap(ctx(AMZN, "2024-04-01", shares));
    expect(r).toMatchObject({ nm: "stale_shares" });
    expect(r.message).toMatch(/2022Q4: its period ended 2022-12-31, 457 days before asOf 2024-04-01.*maxSharesAgeDays 456/);
    expect(marketCap(ctx(AMZN, "2024-04-01", shares, [], { maxSharesAgeDays: 457 })).value).toBeCloseTo(2.04e12, -3);
  });
});

describe("forwardPE(ctx) and stale_estimates (45 days)", () => {
  const est = (fiscalPeriod: string, value: number, asOf: string): Estimate =>
    ({ entity: "amazon", metric: "epsDiluted", fiscalPeriod, value, currency: "USD", unit: "perShare", asOf, estimator: "consensus" });
  const estimates = [est("FY2025", 6.5, "2025-08-10"), est("FY2026", 7.0, "2025-08-10")];

  it("an estimate observed 45 days before (2025-08-10 → 2025-09-24: 21 + 24) is used: 200 / 6.5 = 30.769x", () => {
    expect(forwardPE(ctx(AMZN, "2025-09-24", [], estimates), "FY1").value).toBeCloseTo(200 / 6.5, 10);
  });

  it("46 days (2025-09-25) is stale_estimates for FY1, FY2 and NTM; maxEstimateAgeDays 46 accepts it", () => {
    for (const h of ["FY1", "FY2", "NTM"] as const) {
      const r = forwardPE(ctx(AMZN, "2025-09-25", [], estimates), h);
      expect(r, h).toMatchObject({ nm: "stale_estimates" });
      expect(r.message).toMatch(/observed 2025-08-10, 46 days before asOf 2025-09-25; older than maxEstimateAgeDays 45/);
    }
    // FY2 = FY2026: 200 / 7.0 = 28.571x
    expect(forwardPE(ctx(AMZN, "2025-09-25", [], estimates, { maxEstimateAgeDays: 46 }), "FY2").value).toBeCloseTo(200 / 7, 10);
  });
});
