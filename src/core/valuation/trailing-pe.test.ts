import { describe, expect, it } from "vitest";
import type { Fundamental, FxRate, Metric, Security } from "../../models/index.js";
import { createFxLookup } from "./create-fx-lookup.js";
import { trailingPE } from "./trailing-pe.js";
import type { MultipleContext } from "./types.js";

const BABA: Security = {
  id: "BABA", name: { en: "Alibaba Group ADS" }, exchange: "NYSE", currency: "USD", fiscalYearEndMonth: 3,
  reportingCurrency: "CNY", kind: "adr", issuer: "alibaba", sharesPerListing: 8,
};
const HK9988: Security = { ...BABA, id: "9988.HK", exchange: "HKEX", currency: "HKD", kind: "equity", sharesPerListing: 1 };

const FX: FxRate[] = [
  { base: "USD", quote: "CNY", date: "2025-09-30", rate: 7.2, source: "demo" },
  { base: "USD", quote: "HKD", date: "2025-09-30", rate: 7.8 },
  { base: "USD", quote: "CNY", date: "2025-10-20", rate: 7.2 },
];

const fundamental = (metric: Metric, fiscalPeriod: string, periodEnd: string, value: number, knownFrom: string, entity = "alibaba"): Fundamental => ({
  entity, metric, fiscalPeriod, periodEnd, value, currency: "CNY", unit: "perShare", knownFrom, source: "company 20-F (demo)",
});
const EPS_FY2025 = fundamental("epsDiluted", "FY2025", "2025-03-31", 6.0, "2025-05-15");

function ctx(over: Partial<MultipleContext> = {}): MultipleContext {
  return {
    security: BABA,
    asOf: "2025-09-30",
    price: { date: "2025-09-30", close: 120, currency: "USD" },
    fundamentals: [EPS_FY2025],
    estimates: [],
    fx: createFxLookup(FX),
    ...over,
  };
}

describe("trailingPE(ctx, 'FY')", () => {
  it("trailingPE(ctx) of BABA: $120 / (RMB 6.0 × 8 / 7.2) = 18.0x", () => {
    // EPS per ADS = 8 × 6.0 = RMB 48.0; in USD 48 / 7.2 = 6.6667; P/E = 120 / 6.6667 = 18.0
    const r = trailingPE(ctx());
    expect(r.value).toBeCloseTo(18.0, 10);
    expect(r.kind).toBe("trailingPE");
    expect(r.inputs).toMatchObject({
      asOf: "2025-09-30",
      currency: "USD",
      price: { date: "2025-09-30", close: 120, currency: "USD" },
      sharesPerListing: 8,
      numerator: 120,
      figures: [{ role: "EPS", metric: "epsDiluted", fiscalPeriod: "FY2025", value: 6.0, currency: "CNY", knownFrom: "2025-05-15", source: "company 20-F (demo)", origin: "reported" }],
      fx: [{ from: "CNY", to: "USD", rate: 1 / 7.2, path: [{ pair: "USDCNY", rate: 7.2, date: "2025-09-30", inverted: true }], staleDays: 0 }],
    });
    expect(r.inputs.denominator).toBeCloseTo(6.666667, 6);
  });

  it("trailingPE(ctx) of 9988.HK at parity gives the same 18.0x through the HKD→CNY cross", () => {
    // HK$117 = $120 × 7.8 / 8. EPS 6.0 CNY → HKD at 7.8 / 7.2: 6.5; 117 / 6.5 = 18.0
    const r = trailingPE(ctx({ security: HK9988, price: { date: "2025-09-30", close: 117, currency: "HKD" } }));
    expect(r.value).toBeCloseTo(18.0, 10);
    expect(r.inputs.fx[0]?.path.map((l) => l.pair)).toEqual(["USDCNY", "USDHKD"]);
  });

  it("trailingPE(ctx) prefers diluted EPS, takes the latest fiscal year, and ignores other entities", () => {
    const r = trailingPE(ctx({
      fundamentals: [
        fundamental("epsBasic", "FY2025", "2025-03-31", 6.3, "2025-05-15"),
        EPS_FY2025,
        fundamental("epsDiluted", "FY2024", "2024-03-31", 3.0, "2024-05-14"),
        fundamental("epsDiluted", "FY2025", "2025-03-31", 0.5, "2025-05-15", "tencent"),
      ],
    }));
    expect(r.value).toBeCloseTo(18.0, 10);
  });

  it("trailingPE(ctx) hides a restated EPS before its knownFrom (point in time)", () => {
    const restated = fundamental("epsDiluted", "FY2025", "2025-03-31", 5.4, "2025-10-15");
    const fy2026 = fundamental("epsDiluted", "FY2026", "2026-03-31", 9.9, "2026-05-20");
    const fundamentals = [EPS_FY2025, restated, fy2026];
    // before 15 Oct: the original 6.0 → 18.0x
    expect(trailingPE(ctx({ fundamentals })).value).toBeCloseTo(18.0, 10);
    // after: 5.4 × 8 / 7.2 = 6.0 USD → 120 / 6 = 20.0x
    const later = trailingPE(ctx({ fundamentals, asOf: "2025-10-20", price: { date: "2025-10-20", close: 120, currency: "USD" } }));
    expect(later.value).toBeCloseTo(20.0, 10);
    expect(later.inputs.figures[0]).toMatchObject({ value: 5.4, knownFrom: "2025-10-15" });
  });
});

describe("trailingPE(ctx) n.m.", () => {
  it("trailingPE(ctx) is n.m. for negative EPS", () => {
    const r = trailingPE(ctx({ fundamentals: [fundamental("epsDiluted", "FY2025", "2025-03-31", -0.5, "2025-05-15")] }));
    expect(r.value).toBeUndefined();
    expect(r.nm).toBe("negative_earnings");
    expect(r.message).toMatch(/EPS FY2025 per listing \(-0\.555556 USD\) is negative/);
    expect(r.inputs.figures).toHaveLength(1); // an n.m. still explains itself
  });

  it("trailingPE(ctx) is n.m. for zero EPS", () => {
    const r = trailingPE(ctx({ fundamentals: [fundamental("epsDiluted", "FY2025", "2025-03-31", 0, "2025-05-15")] }));
    expect(r.nm).toBe("zero_earnings");
  });

  it("trailingPE(ctx) is n.m. above the cap (default 200x, or options.peCap)", () => {
    // EPS 0.05 × 8 / 7.2 = 0.05556 USD → 120 / 0.05556 = 2160x > 200x
    const tiny = trailingPE(ctx({ fundamentals: [fundamental("epsDiluted", "FY2025", "2025-03-31", 0.05, "2025-05-15")] }));
    expect(tiny).toMatchObject({ nm: "above_cap" });
    expect(tiny.message).toMatch(/P\/E 2160x is above the cap of 200x/);
    expect(trailingPE(ctx({ options: { peCap: 15 } }))).toMatchObject({ nm: "above_cap" });
    expect(trailingPE(ctx({ options: { peCap: 18.5 } })).value).toBeCloseTo(18, 10);
  });

  it("trailingPE(ctx) is n.m. without an FX rate, or with a stale one", () => {
    const none = trailingPE(ctx({ fx: createFxLookup([]) }));
    expect(none).toMatchObject({ nm: "missing_fx" });
    expect(none.message).toMatch(/no FX rate for CNY→USD on or before 2025-09-30/);
    const stale = trailingPE(ctx({ asOf: "2025-10-15", price: { date: "2025-10-15", close: 120, currency: "USD" } }));
    expect(stale).toMatchObject({ nm: "stale_fx" });
  });

  it("trailingPE(ctx) is n.m. for missing inputs", () => {
    expect(trailingPE(ctx({ fundamentals: [] }))).toMatchObject({ nm: "missing_input" });
    expect(trailingPE(ctx({ asOf: "2025-05-14" }))).toMatchObject({ nm: "missing_input" }); // price after asOf
    expect(trailingPE(ctx({ price: { date: "2025-09-30", close: Number.NaN, currency: "USD" } }))).toMatchObject({ nm: "missing_input" });
  });

  it("trailingPE(ctx) throws for an invalid asOf", () => {
    expect(() => trailingPE(ctx({ asOf: "2025-02-30" }))).toThrow(/asOf "2025-02-30"/);
  });
});

describe("trailingPE(ctx): the issuer's filing before a listing's vendor figure", () => {
  // The same fiscal year from a 20-F (issuer "alibaba", filed 15 May) and from Yahoo for the BABA listing (stamped
  // 31 Mar + 120 days, and showing a value as restated later): the filing is used, whatever the dates.
  const vendor = { ...fundamental("epsDiluted", "FY2025", "2025-03-31", 6.3, "2025-07-29", "BABA"), source: "yahoo" };

  it("uses the issuer's EPS when both are known: $120 / (RMB 6.0 × 8 / 7.2) = 18.0x", () => {
    const r = trailingPE(ctx({ fundamentals: [EPS_FY2025, vendor] }));
    expect(r.value).toBeCloseTo(18.0, 10);
    expect(r.inputs.figures.map((f) => f.entity)).toEqual(["alibaba"]);
  });

  it("uses the listing's figure when it is the only one: 120 / (6.3 × 8 / 7.2) = 17.1429x", () => {
    const r = trailingPE(ctx({ fundamentals: [vendor] }));
    expect(r.value).toBeCloseTo(120 / ((6.3 * 8) / 7.2), 10);
  });

  it("a later period from the listing still wins over an older filing (period end first)", () => {
    const fy26 = fundamental("epsDiluted", "FY2026", "2026-03-31", 7.2, "2026-06-01", "BABA");
    const r = trailingPE(ctx({ fundamentals: [EPS_FY2025, fy26], asOf: "2026-06-30", price: { date: "2026-06-30", close: 120, currency: "USD" }, fx: createFxLookup([{ base: "USD", quote: "CNY", date: "2026-06-30", rate: 7.2 }]) }));
    expect(r.inputs.figures.map((f) => f.fiscalPeriod)).toEqual(["FY2026"]);
  });
});

describe("trailingPE(ctx, 'TTM')", () => {
  // Alibaba's fiscal quarters to June 2025: 2025Q2 (Sep 24), 2025Q3 (Dec 24), 2025Q4 (Mar 25), 2026Q1 (Jun 25)
  const quarters = [
    fundamental("epsDiluted", "2025Q2", "2024-09-30", 1.5, "2024-11-15"),
    fundamental("epsDiluted", "2025Q3", "2024-12-31", 2.2, "2025-02-20"),
    fundamental("epsDiluted", "2025Q4", "2025-03-31", 1.3, "2025-05-15"),
    fundamental("epsDiluted", "2026Q1", "2025-06-30", 2.2, "2025-08-29"),
    fundamental("epsDiluted", "2025Q1", "2024-06-30", 9.9, "2024-08-15"),
  ];

  it("trailingPE(ctx, 'TTM') sums the last four quarters", () => {
    // 1.5 + 2.2 + 1.3 + 2.2 = 7.2 CNY; × 8 = 57.6; / 7.2 = 8.0 USD; 120 / 8 = 15.0x
    const r = trailingPE(ctx({ fundamentals: quarters }), "TTM");
    expect(r.kind).toBe("ttmPE");
    expect(r.value).toBeCloseTo(15.0, 10);
    expect(r.inputs.figures.map((f) => f.fiscalPeriod)).toEqual(["2025Q2", "2025Q3", "2025Q4", "2026Q1"]);
  });

  it("trailingPE(ctx, 'TTM') uses only quarters known on asOf", () => {
    // on 2025-08-28 the June quarter is not out yet: 2025Q1..2025Q4 = 9.9 + 1.5 + 2.2 + 1.3 = 14.9 CNY
    // × 8 / 7.2 = 16.5556 USD → 120 / 16.5556 = 7.2483x
    const fx = createFxLookup([{ base: "USD", quote: "CNY", date: "2025-08-28", rate: 7.2 }]);
    const r = trailingPE(ctx({ fundamentals: quarters, fx, asOf: "2025-08-28", price: { date: "2025-08-28", close: 120, currency: "USD" } }), "TTM");
    expect(r.value).toBeCloseTo(120 / ((14.9 * 8) / 7.2), 10);
  });

  it("trailingPE(ctx, 'TTM') is n.m. when a quarter is missing", () => {
    const gap = quarters.filter((q) => q.fiscalPeriod !== "2025Q3" && q.fiscalPeriod !== "2025Q1");
    const r = trailingPE(ctx({ fundamentals: gap }), "TTM");
    expect(r).toMatchObject({ nm: "missing_input" });
    expect(r.message).toMatch(/four consecutive quarters/);
  });
});

describe("trailingPE(ctx, 'TTM') of a half-yearly reporter", () => {
  const TENCENT: Security = {
    id: "0700.HK", name: { en: "Tencent" }, exchange: "HKEX", currency: "HKD", fiscalYearEndMonth: 12, reportingCurrency: "CNY", kind: "equity", issuer: "tencent", sharesPerListing: 1,
  };
  const halves = [
    fundamental("epsDiluted", "2024H1", "2024-06-30", 9.0, "2024-08-14", "tencent"),
    fundamental("epsDiluted", "2024H2", "2024-12-31", 11.0, "2025-03-20", "tencent"),
    fundamental("epsDiluted", "2025H1", "2025-06-30", 12.0, "2025-08-14", "tencent"),
  ];
  const hk = (over: Partial<MultipleContext>) => ctx({ security: TENCENT, price: { date: "2025-09-30", close: 598, currency: "HKD" }, fundamentals: halves, ...over });

  it("sums the last two halves: HKD 598 / ((11 + 12) CNY × 7.8 / 7.2) = 24.0x", () => {
    // 23 CNY × (7.8 HKD/USD ÷ 7.2 CNY/USD) = 24.9167 HKD; 598 / 24.9167 = 24.000
    const r = trailingPE(hk({}), "TTM");
    expect(r.value).toBeCloseTo(24.0, 10);
    expect(r.inputs.figures.map((f) => f.fiscalPeriod)).toEqual(["2024H2", "2025H1"]);
  });

  it("before the interim is out, the second half and the interim before it: 598 / ((9 + 11) × 7.8 / 7.2) = 27.6x", () => {
    const fx = createFxLookup([{ base: "USD", quote: "CNY", date: "2025-08-01", rate: 7.2 }, { base: "USD", quote: "HKD", date: "2025-08-01", rate: 7.8 }]);
    const r = trailingPE(hk({ asOf: "2025-08-01", price: { date: "2025-08-01", close: 598, currency: "HKD" }, fx }), "TTM");
    expect(r.value).toBeCloseTo(598 / ((20 * 7.8) / 7.2), 10);
  });

  it("takes four quarters over two halves when the quarters end later, and says what it has when neither is complete", () => {
    const quarters = ["2025-03-31", "2025-06-30", "2025-09-30", "2024-12-31"].map((end, k) =>
      fundamental("epsDiluted", ["2025Q1", "2025Q2", "2025Q3", "2024Q4"][k]!, end, 6.0, "2025-09-30", "tencent"));
    const r = trailingPE(hk({ fundamentals: [...halves, ...quarters] }), "TTM");
    expect(r.inputs.figures.map((f) => f.fiscalPeriod)).toEqual(["2024Q4", "2025Q1", "2025Q2", "2025Q3"]);
    const none = trailingPE(hk({ fundamentals: [halves[0]!, halves[2]!] }), "TTM");
    expect(none).toMatchObject({ nm: "missing_input" });
    expect(none.message).toContain("two consecutive halves");
    expect(none.message).toContain("epsDiluted 2024H1, epsDiluted 2025H1");
  });
});
