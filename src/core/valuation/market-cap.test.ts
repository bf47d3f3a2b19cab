import { describe, expect, it } from "vitest";
import type { Fundamental, FxRate, Metric, Security } from "../../models/index.js";
import { createFxLookup } from "./create-fx-lookup.js";
import { dividendYield } from "./dividend-yield.js";
import { earningsYield } from "./earnings-yield.js";
import { enterpriseValue } from "./enterprise-value.js";
import { evToEbitda } from "./ev-to-ebitda.js";
import { evToSales } from "./ev-to-sales.js";
import { marketCap } from "./market-cap.js";
import { priceToBook } from "./price-to-book.js";
import { priceToSales } from "./price-to-sales.js";
import type { MultipleContext } from "./types.js";

const BABA: Security = {
  id: "BABA", name: { en: "Alibaba Group ADS" }, exchange: "NYSE", currency: "USD", fiscalYearEndMonth: 3,
  reportingCurrency: "CNY", kind: "adr", issuer: "alibaba", sharesPerListing: 8,
};
const HK9988: Security = { ...BABA, id: "9988.HK", exchange: "HKEX", currency: "HKD", kind: "equity", sharesPerListing: 1 };
const FX: FxRate[] = [
  { base: "USD", quote: "CNY", date: "2025-09-30", rate: 7.2 },
  { base: "USD", quote: "HKD", date: "2025-09-30", rate: 7.8 },
];

const row = (metric: Metric, fiscalPeriod: string, periodEnd: string, value: number, knownFrom: string): Fundamental => ({
  entity: "alibaba", metric, fiscalPeriod, periodEnd, value, unit: metric === "sharesOutstanding" ? "shares" : metric.startsWith("eps") || metric === "dividendsPerShare" ? "perShare" : "currency",
  ...(metric === "sharesOutstanding" ? {} : { currency: "CNY" as const }), knownFrom, source: "demo",
});
// Amounts in CNY units; ÷ 7.2 gives the USD figures in the comments.
const FUNDAMENTALS: Fundamental[] = [
  row("sharesOutstanding", "2026Q1", "2025-06-30", 19.2e9, "2025-08-29"),
  row("totalDebt", "2026Q1", "2025-06-30", 180e9, "2025-08-29"), // $25bn
  row("cash", "2026Q1", "2025-06-30", 576e9, "2025-08-29"), // $80bn
  row("listedInvestments", "2026Q1", "2025-06-30", 216e9, "2025-08-29"), // $30bn
  row("bookValue", "2026Q1", "2025-06-30", 1080e9, "2025-08-29"), // $150bn
  row("ebitda", "FY2025", "2025-03-31", 180e9, "2025-05-15"), // $25bn
  row("revenue", "FY2025", "2025-03-31", 1008e9, "2025-05-15"), // $140bn
  row("epsDiluted", "FY2025", "2025-03-31", 6.0, "2025-05-15"),
  row("dividendsPerShare", "FY2025", "2025-03-31", 0.225, "2025-05-15"),
];

function ctx(over: Partial<MultipleContext> = {}): MultipleContext {
  return {
    security: BABA,
    asOf: "2025-09-30",
    price: { date: "2025-09-30", close: 120, currency: "USD" },
    fundamentals: FUNDAMENTALS,
    estimates: [],
    fx: createFxLookup(FX),
    ...over,
  };
}
const replace = (metric: Metric, value: number) => FUNDAMENTALS.map((f) => (f.metric === metric ? { ...f, value } : f));
const without = (metric: Metric) => FUNDAMENTALS.filter((f) => f.metric !== metric);

describe("marketCap(ctx, currency?)", () => {
  it("marketCap(ctx) = ADS price × ordinary shares / 8", () => {
    // 120 × 19.2bn / 8 = $288bn
    const r = marketCap(ctx());
    expect(r).toMatchObject({ kind: "marketCap", unit: "amount", value: 288e9 });
    expect(r.inputs.figures[0]).toMatchObject({ role: "shares outstanding", value: 19.2e9, knownFrom: "2025-08-29" });
  });

  it("marketCap(ctx, 'USD') of 9988.HK equals BABA's at parity", () => {
    // HK$117 × 19.2bn = HK$2,246.4bn; / 7.8 = $288bn
    const hk = ctx({ security: HK9988, price: { date: "2025-09-30", close: 117, currency: "HKD" } });
    expect(marketCap(hk).value).toBeCloseTo(2246.4e9, -3);
    const usd = marketCap(hk, "USD");
    expect(usd).toMatchObject({ kind: "marketCapUsd", inputs: { currency: "USD" } });
    expect(usd.value).toBeCloseTo(288e9, -3);
  });

  it("marketCap(ctx) is n.m. without a share count", () => {
    expect(marketCap(ctx({ fundamentals: without("sharesOutstanding") }))).toMatchObject({ nm: "missing_input" });
  });
});

describe("enterpriseValue(ctx)", () => {
  it("enterpriseValue(ctx) = market cap + debt − cash", () => {
    // 288 + 25 − 80 = $233bn
    const r = enterpriseValue(ctx());
    expect(r.value).toBeCloseTo(233e9, -3);
    expect(r.inputs.figures.map((f) => f.role)).toEqual(["shares outstanding", "total debt", "cash"]);
    expect(r.inputs.fx.map((f) => f.what)).toEqual(["total debt", "cash"]);
  });

  it("enterpriseValue(ctx) optionally subtracts listed investments", () => {
    // 233 − 30 = $203bn
    expect(enterpriseValue(ctx({ options: { subtractListedInvestments: true } })).value).toBeCloseTo(203e9, -3);
  });

  it("enterpriseValue(ctx) is n.m. when debt is unknown", () => {
    expect(enterpriseValue(ctx({ fundamentals: without("totalDebt") }))).toMatchObject({ nm: "missing_input" });
  });
});

describe("evToEbitda, evToSales, priceToSales, priceToBook", () => {
  it("evToEbitda(ctx) = 233 / 25 = 9.32x", () => {
    expect(evToEbitda(ctx()).value).toBeCloseTo(9.32, 10);
  });

  it("evToSales(ctx) = 233 / 140 = 1.664286x and priceToSales(ctx) = 288 / 140 = 2.057143x", () => {
    expect(evToSales(ctx()).value).toBeCloseTo(233 / 140, 10);
    expect(priceToSales(ctx()).value).toBeCloseTo(288 / 140, 10);
  });

  it("priceToBook(ctx) = 288 / 150 = 1.92x", () => {
    expect(priceToBook(ctx()).value).toBeCloseTo(1.92, 10);
  });

  it("n.m. for negative EBITDA, non-positive EV, book value or sales", () => {
    expect(evToEbitda(ctx({ fundamentals: replace("ebitda", -1e9) }))).toMatchObject({ nm: "negative_earnings" });
    expect(evToEbitda(ctx({ fundamentals: replace("ebitda", 0) }))).toMatchObject({ nm: "zero_earnings" });
    // cash of RMB 3,000bn = $416.7bn > market cap + debt → EV < 0
    expect(evToEbitda(ctx({ fundamentals: replace("cash", 3000e9) }))).toMatchObject({ nm: "non_positive_input" });
    expect(priceToBook(ctx({ fundamentals: replace("bookValue", -5e9) }))).toMatchObject({ nm: "non_positive_input" });
    expect(priceToSales(ctx({ fundamentals: replace("revenue", 0) }))).toMatchObject({ nm: "non_positive_input" });
  });

  it("a ratio's inputs include those of its parts", () => {
    const r = evToEbitda(ctx());
    expect(r.inputs.figures.map((f) => f.role)).toEqual(["shares outstanding", "total debt", "cash", "EBITDA"]);
    // The close is of asOf itself: 0 days old.
    expect(r.inputs.price).toEqual({ date: "2025-09-30", close: 120, currency: "USD", ageDays: 0 });
    expect(r.inputs.numerator).toBeCloseTo(233e9, -3);
    expect(r.inputs.denominator).toBeCloseTo(25e9, -3);
  });
});

describe("earningsYield(ctx) and dividendYield(ctx)", () => {
  it("earningsYield(ctx) = 6.6667 / 120 = 0.055556, the reciprocal of trailing P/E 18x", () => {
    expect(earningsYield(ctx()).value).toBeCloseTo(1 / 18, 12);
  });

  it("earningsYield(ctx) stays meaningful for a loss", () => {
    // −0.9 × 8 / 7.2 = −1.0 USD → −1 / 120
    expect(earningsYield(ctx({ fundamentals: replace("epsDiluted", -0.9) })).value).toBeCloseTo(-1 / 120, 12);
  });

  it("dividendYield(ctx) = 0.225 × 8 / 7.2 / 120 = 0.0020833", () => {
    // DPS per ADS RMB 1.8 = $0.25; 0.25 / 120
    expect(dividendYield(ctx()).value).toBeCloseTo(0.25 / 120, 12);
  });

  it("dividendYield(ctx) is 0 for a stored zero and n.m. when nothing is stored", () => {
    expect(dividendYield(ctx({ fundamentals: replace("dividendsPerShare", 0) })).value).toBe(0);
    expect(dividendYield(ctx({ fundamentals: without("dividendsPerShare") }))).toMatchObject({ nm: "missing_input" });
  });
});
