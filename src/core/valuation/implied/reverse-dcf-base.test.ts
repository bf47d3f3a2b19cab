import { describe, expect, it } from "vitest";
import type { Estimate, Fundamental, FxRate, Security } from "../../../models/index.js";
import { createFxLookup } from "../create-fx-lookup.js";
import type { MultipleContext } from "../types.js";
import { consensusGrowthPath } from "./consensus-growth-path.js";
import { reverseDcfBase } from "./reverse-dcf-base.js";

const BABA: Security = {
  id: "BABA", name: { en: "Alibaba Group ADS" }, exchange: "NYSE", currency: "USD", fiscalYearEndMonth: 3,
  reportingCurrency: "CNY", kind: "adr", issuer: "alibaba", sharesPerListing: 8,
};
const FX: FxRate[] = [{ base: "USD", quote: "CNY", date: "2025-09-30", rate: 7.2 }];
const f = (metric: Fundamental["metric"], fiscalPeriod: string, value: number, knownFrom: string, unit: Fundamental["unit"] = "perShare"): Fundamental => ({
  entity: "alibaba", metric, fiscalPeriod, periodEnd: `${fiscalPeriod.slice(2)}-03-31`, value, ...(unit === "shares" ? {} : { currency: "CNY" as const }), unit, knownFrom,
});
const e = (fiscalPeriod: string, value: number, asOf = "2025-09-01"): Estimate => ({
  entity: "alibaba", metric: "epsDiluted", fiscalPeriod, value, currency: "CNY", unit: "perShare", asOf, estimator: "consensus",
});

const ctx = (over: Partial<MultipleContext> = {}): MultipleContext => ({
  security: BABA, asOf: "2025-09-30", price: { date: "2025-09-30", close: 120, currency: "USD" },
  fundamentals: [f("epsDiluted", "FY2025", 6, "2025-05-15"), f("sharesOutstanding", "FY2025", 19.2e9, "2025-05-15", "shares"), f("freeCashFlow", "FY2025", 96e9, "2025-05-15", "currency")],
  estimates: [], fx: createFxLookup(FX), ...over,
});

describe("reverseDcfBase(ctx, basis)", () => {
  it("reverseDcfBase(ctx): BABA's base is RMB 6.0 × 8 / 7.2 = $6.667 per ADS, at 18.0x", () => {
    const b = reverseDcfBase(ctx());
    if ("nm" in b) throw new Error(b.message);
    expect(b.cashFlow0).toBeCloseTo(6.666667, 6);
    expect(b.multiple).toBeCloseTo(18, 10);
    expect(b).toMatchObject({ fiscalPeriod: "FY2025", reported: { value: 6, currency: "CNY" }, currency: "USD" });
  });

  it("reverseDcfBase(ctx, 'fcf'): FCF per ADS = RMB 96bn / 19.2bn × 8 / 7.2 = $5.556", () => {
    // market cap = 120 × 19.2bn / 8 = $288bn; FCF = 96bn / 7.2 = $13.333bn; P/FCF = 21.6x; per ADS 120 / 21.6 = 5.5556
    const b = reverseDcfBase(ctx(), "fcf");
    if ("nm" in b) throw new Error(b.message);
    expect(b.multiple).toBeCloseTo(21.6, 10);
    expect(b.cashFlow0).toBeCloseTo(5.555556, 6);
  });

  it("reverseDcfBase is n.m. on negative EPS, missing FCF, and has no P/E cap", () => {
    expect(reverseDcfBase(ctx({ fundamentals: [f("epsDiluted", "FY2025", -0.5, "2025-05-15")] }))).toMatchObject({ nm: "negative_earnings" });
    expect(reverseDcfBase(ctx({ fundamentals: [f("sharesOutstanding", "FY2025", 19.2e9, "2025-05-15", "shares")] }), "fcf")).toMatchObject({
      nm: "missing_input", message: "no freeCashFlow for a fiscal year known on 2025-09-30",
    });
    // EPS RMB 0.1 → $0.111 per ADS: 1080x, above the 200x cap of comps, still a base here
    const b = reverseDcfBase(ctx({ fundamentals: [f("epsDiluted", "FY2025", 0.1, "2025-05-15")] }));
    expect("nm" in b ? undefined : b.multiple).toBeCloseTo(1080, 8);
  });
});

describe("consensusGrowthPath(input)", () => {
  const base = { fiscalPeriod: "FY2025", value: 6, currency: "CNY" as const };

  it("consensusGrowthPath: 6.0 → 6.9 → 8.28 → 9.108 is +15%, +20%, +10% (latest estimate observed by asOf)", () => {
    const p = consensusGrowthPath({
      security: BABA, asOf: "2025-09-30", base,
      estimates: [e("FY2026", 6.6, "2025-06-30"), e("FY2026", 6.9), e("FY2027", 8.28), e("FY2028", 9.108), e("FY2029", 20, "2025-10-15")],
    });
    expect(p.growthPath.map((g) => Number(g.toFixed(12)))).toEqual([0.15, 0.2, 0.1]);
    expect(p.years.map((y) => y.fiscalPeriod)).toEqual(["FY2026", "FY2027", "FY2028"]);
  });

  it("consensusGrowthPath stops at a gap, a loss or another currency, and says why", () => {
    expect(consensusGrowthPath({ security: BABA, asOf: "2025-09-30", base, estimates: [e("FY2027", 8)] }).growthPath).toEqual([]);
    const loss = consensusGrowthPath({ security: BABA, asOf: "2025-09-30", base, estimates: [e("FY2026", 7), e("FY2027", -1)] });
    expect(loss.growthPath).toHaveLength(1);
    expect(loss.notes[0]).toMatch(/EPS FY2027 \(-1\) .* not positive/);
    const usd = consensusGrowthPath({ security: BABA, asOf: "2025-09-30", base, estimates: [{ ...e("FY2026", 1), currency: "USD" }] });
    expect(usd.notes[0]).toMatch(/in USD, the reported EPS in CNY/);
  });
});
