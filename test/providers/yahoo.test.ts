import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ListingInfo } from "../../src/providers/contract.js";
import { createProviderHttp, executeQuery, type ExecuteOptions } from "../../src/providers/execute.js";
import { yahooFundamentals } from "../../src/providers/yahoo/fundamentals.js";
import { localDate } from "../../src/providers/yahoo/local-date.js";
import { hasSharedData } from "../helpers/paths.js";
import { FIXTURES, startFakeServer, YAHOO_RECORDED, type FakeServer } from "./_fake-server.js";

let srv: FakeServer;
beforeAll(async () => {
  srv = await startFakeServer();
});
afterAll(() => srv.close());

const BABA: ListingInfo = { id: "BABA", issuer: "alibaba", sharesPerListing: 8, currency: "USD", reportingCurrency: "CNY" };
const HK: ListingInfo = { id: "9988.HK", issuer: "alibaba", sharesPerListing: 1, currency: "HKD", reportingCurrency: "CNY" };

/** Options on the fake server: no cache, a fixed clock (the recordings were made in February 2025). */
function opts(now = "2025-02-20T12:00:00Z", extra: Partial<ExecuteOptions> = {}): ExecuteOptions {
  return {
    http: createProviderHttp({ baseUrls: srv.baseUrls, timeoutMs: 2000, retries: 1, backoffMs: 1 }), cache: false, now: () => new Date(now),
    listings: new Map([["BABA", BABA], ["9988.HK", HK]]), ...extra,
  };
}

const recorded = (file: string) => (JSON.parse(readFileSync(join(YAHOO_RECORDED, file), "utf8")) as { response: { bodyJson: unknown } }).response.bodyJson as never;

describe("localDate(iso, timeZone)", () => {
  it("dates a bar by the exchange's calendar", () => {
    expect(localDate("2020-01-02T14:30:00.000Z", "America/New_York")).toBe("2020-01-02");
    expect(localDate("2025-09-24T01:30:00.000Z", "Asia/Hong_Kong")).toBe("2025-09-24");
    // a London-midnight FX stamp in summer time is 23:00 UTC the day before
    expect(localDate("2025-07-01T23:00:00.000Z", "Europe/London")).toBe("2025-07-02");
  });
});

describe.runIf(hasSharedData)("yahoo through yahoo-finance2 on recorded responses", () => {
  it("prices: AAPL and BABA on 2020-01-02 with close, adjusted close and volume as recorded", async () => {
    const r = await executeQuery("yahoo", "prices", { symbols: ["AAPL", "BABA"], from: "2020-01-01", to: "2020-01-02" }, opts());
    const chart = recorded("chart-AAPL-2020-01-01-to-2020-01-03.json") as { chart: { result: { indicators: { quote: { close: number[] }[]; adjclose: { adjclose: number[] }[] } }[] } };
    // the recording's only bar (timestamp 1577975400 = 2020-01-02 09:30 New York)
    expect(r.rows[0]).toEqual({
      security: "AAPL", date: "2020-01-02", currency: "USD", open: 74.05999755859375, high: 75.1500015258789, low: 73.79750061035156,
      close: chart.chart.result[0]!.indicators.quote[0]!.close[0], adjClose: chart.chart.result[0]!.indicators.adjclose[0]!.adjclose[0], volume: 135480400,
    });
    expect(r.rows[1]).toMatchObject({ security: "BABA", date: "2020-01-02", close: 219.77000427246094, currency: "USD" });
  });

  it("prices: a year of NVDA around its 2021 split, one bar per New York session", async () => {
    const r = await executeQuery("yahoo", "prices", { symbols: ["NVDA"], from: "2021-02-01", to: "2022-01-30" }, opts());
    const body = recorded("historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json") as { chart: { result: { timestamp: number[]; indicators: { quote: { close: (number | null)[] }[] } }[] } };
    const closes = body.chart.result[0]!.indicators.quote[0]!.close.filter((c) => c !== null);
    expect(r.rows).toHaveLength(closes.length);
    expect(r.rows[0]!.date).toBe("2021-02-01");
    expect(r.rows.at(-1)!.date).toBe("2022-01-28"); // a Friday; 29–30 January is a weekend
    expect(new Set(r.rows.map((b) => b.date)).size).toBe(r.rows.length);
  });

  it("fx: EURUSD=X gives 1 EUR = rate USD per London day", async () => {
    const r = await executeQuery("fx", "fx", { symbols: ["EUR/USD"], from: "2020-01-01", to: "2020-01-02" }, opts());
    expect(r.rows).toEqual([
      { base: "EUR", quote: "USD", date: "2020-01-01", rate: 1.1220825910568237 },
      { base: "EUR", quote: "USD", date: "2020-01-02", rate: 1.1220825910568237 },
    ]);
  });

  it("estimates: BABA consensus per ordinary share (÷ 8 ADS ratio) in CNY, by Alibaba's March fiscal year", async () => {
    const r = await executeQuery("yahoo", "estimates", { symbols: ["BABA"] }, opts());
    const eps = r.rows.filter((e) => e.metric === "epsDiluted").map((e) => [e.fiscalPeriod, e.periodEnd, e.value, e.currency]);
    expect(eps).toEqual([
      ["2025Q4", "2025-03-31", 12.70652 / 8, "CNY"], // "0q": the March 2025 quarter is Q4 of FY2025
      ["2026Q1", "2025-06-30", 18.21686 / 8, "CNY"],
      ["FY2025", "2025-03-31", 64.85275 / 8, "CNY"], // 8.10659375 per ordinary share
      ["FY2026", "2026-03-31", 73.52281 / 8, "CNY"],
    ]);
    const fy25 = r.rows.find((e) => e.metric === "revenue" && e.fiscalPeriod === "FY2025")!;
    expect(fy25).toMatchObject({ entity: "BABA", value: 999_368_564_460, currency: "CNY", asOf: "2025-02-20", estimator: "consensus", reference: "Yahoo earningsTrend 0y, 48 analysts" });
  });

  it("fundamentals: BABA's statements per ordinary share in CNY by Alibaba's March year, and shares outstanding (2,375,950,080 ADS × 8)", async () => {
    const r = await executeQuery("yahoo", "fundamentals", { symbols: ["BABA"] }, opts());
    const of = (metric: string, period: string) => r.rows.find((x) => x.metric === metric && x.fiscalPeriod === period);
    // The December 2023 quarter is Q3 of fiscal 2024 (year ending 31 March 2024). Alibaba's results for it:
    // revenue RMB 260,348 million, net income to ordinary shareholders RMB 14,433 million, diluted EPS RMB 5.68
    // per ADS = 0.71 per share; the recording labels the EPS "USD", rerate keeps the reporting currency.
    expect(of("revenue", "2024Q3")).toEqual({
      entity: "BABA", metric: "revenue", fiscalPeriod: "2024Q3", periodEnd: "2023-12-31", value: 260_348_000_000, currency: "CNY", unit: "currency",
      knownFrom: "2024-03-30", // 31 Dec + 90 days: public by then at the latest (the fetch, Feb 2025, is later)
      reference: "Yahoo fundamentals time series, quarterly totalRevenue; known from period end + 90 days (the latest it is public; Yahoo gives no announcement date)",
    });
    expect(of("netIncome", "2024Q3")).toMatchObject({ value: 14_433_000_000, currency: "CNY" });
    expect(of("epsDiluted", "2024Q3")).toMatchObject({ value: 5.68 / 8, currency: "CNY", unit: "perShare" });
    expect(of("epsDiluted", "2024Q3")!.reference).toContain("dilutedEPS, per listing unit ÷ 8");
    expect(of("sharesDiluted", "2024Q3")).toMatchObject({ value: 2_540_125_000 * 8, unit: "shares" });
    expect(of("sharesDiluted", "2024Q3")).not.toHaveProperty("currency");
    expect(["2024Q1", "2024Q2", "2024Q3"].map((p) => of("revenue", p)?.value)).toEqual([234_156_000_000, 224_790_000_000, 260_348_000_000]);
    expect(r.rows.filter((x) => x.fiscalPeriod.startsWith("FY"))).toEqual([]); // no annual recording for BABA: none made up
    expect(r.rows.find((x) => x.metric === "sharesOutstanding")).toEqual({
      entity: "BABA", metric: "sharesOutstanding", fiscalPeriod: "2025Q3", periodEnd: "2024-12-31", value: 19_007_600_640, unit: "shares",
      knownFrom: "2025-02-20", reference: "Yahoo key statistics as of 2025-02-20, listing units × 8",
    });
  });

  it("fundamentals: AAPL's fiscal years (September) as Apple reported them, and nothing known before it could be", async () => {
    const r = await executeQuery("yahoo", "fundamentals", { symbols: ["AAPL"] }, opts());
    const fy = (metric: string, period: string) => r.rows.find((x) => x.metric === metric && x.fiscalPeriod === period);
    // Apple FY2023 (ended 30 Sep 2023): net sales $383,285 million, net income $96,995 million, diluted EPS $6.13
    // on 15,812,547 thousand shares; FY2022 basic EPS $6.15.
    expect(fy("revenue", "FY2023")).toMatchObject({ periodEnd: "2023-09-30", value: 383_285_000_000, currency: "USD", knownFrom: "2024-01-28" });
    expect(fy("netIncome", "FY2023")!.value).toBe(96_995_000_000);
    expect(fy("epsDiluted", "FY2023")!.value).toBe(6.13);
    expect(fy("sharesDiluted", "FY2023")!.value).toBe(15_812_547_000);
    expect(fy("epsBasic", "FY2022")!.value).toBe(6.15);
    // Fetched on 10 January 2024: FY2023 is known from the fetch (before its 120-day bound); FY2024 does not exist yet.
    const early = await executeQuery("yahoo", "fundamentals", { symbols: ["AAPL"] }, opts("2024-01-10T12:00:00Z"));
    expect(early.rows.find((x) => x.metric === "revenue" && x.fiscalPeriod === "FY2023")).toMatchObject({ knownFrom: "2024-01-10" });
    expect(early.rows.some((x) => x.periodEnd > "2024-01-10")).toBe(false);
    // A range keeps the periods ending inside it.
    const one = await executeQuery("yahoo", "fundamentals", { symbols: ["AAPL"], from: "2022-01-01", to: "2022-12-31" }, opts());
    expect([...new Set(one.rows.filter((x) => x.metric === "revenue").map((x) => x.periodEnd))].every((d) => d >= "2022-01-01" && d <= "2022-12-31")).toBe(true);
    expect(one.rows.some((x) => x.fiscalPeriod === "FY2022")).toBe(true);
  });

  it("quotes: last price, trailing and forward EPS as Yahoo states them per listing unit", async () => {
    const r = await executeQuery("yahoo", "quotes", { symbols: ["AAPL"] }, opts());
    expect(r.rows).toEqual([{
      security: "AAPL", time: "2025-02-14T21:00:00.000Z", price: 244.6, currency: "USD", marketState: "CLOSED", marketCap: 3_674_405_863_424,
      sharesOutstanding: 15_022_100_480, epsTrailingTwelveMonths: 6.31, epsForward: 8.31, financialCurrency: "USD",
    }]);
  });

  it("an FX pair has no estimates: Yahoo's recorded 404 becomes E_NOT_FOUND naming the symbol", async () => {
    await expect(executeQuery("yahoo", "estimates", { symbols: ["EURUSD=X"] }, opts())).rejects.toMatchObject({
      code: "E_NOT_FOUND", message: expect.stringMatching(/^yahoo: no estimates for symbol "EURUSD=X"/),
    });
    await expect(executeQuery("yahoo", "prices", { symbols: ["NOSUCH"], from: "2020-01-01", to: "2020-01-02" }, opts())).rejects.toMatchObject({ code: "E_NOT_FOUND" });
  });

  it("opens one session (cookie page and crumb) per client and keeps the crumb out of errors", async () => {
    const o = opts();
    const before = srv.requests.length;
    await executeQuery("yahoo", "quotes", { symbols: ["AAPL", "BABA"] }, o);
    await executeQuery("yahoo", "estimates", { symbols: ["AAPL"] }, o);
    const paths = srv.requests.slice(before).map((r) => r.path);
    expect(paths.filter((p) => p.includes("getcrumb"))).toHaveLength(1);
    expect(paths.filter((p) => p.includes("crumb=handmadeCrumb123")).length).toBe(3);
    srv.inject(/quoteSummary\/GOOG/, { status: 400, body: '{"error":"bad"}' });
    const e = (await executeQuery("yahoo", "estimates", { symbols: ["GOOG"] }, o).catch((x: unknown) => x)) as Error;
    expect(e.message).toMatch(/crumb=…/);
    expect(e.message).not.toContain("handmadeCrumb123");
  });
});

describe("yahoo on hand-made fixtures (Hong Kong)", () => {
  it("prices: 9988.HK dated in Hong Kong, the padded null bar dropped, the live session dropped until it closes", async () => {
    // fetched at 12:00 HKT on Friday 2025-09-26, mid-session (the session ends 16:00 HKT = 08:00 UTC)
    const live = await executeQuery("yahoo", "prices", { symbols: ["9988.HK"], from: "2025-09-22", to: "2025-09-26" }, opts("2025-09-26T04:00:00Z"));
    expect(live.rows.map((b) => [b.date, b.close, b.currency])).toEqual([
      ["2025-09-22", 150.0, "HKD"], ["2025-09-23", 151.2, "HKD"], ["2025-09-25", 177.5, "HKD"],
    ]);
    const closed = await executeQuery("yahoo", "prices", { symbols: ["9988.HK"], from: "2025-09-22", to: "2025-09-26" }, opts("2025-09-26T09:00:00Z"));
    expect(closed.rows.map((b) => b.date)).toEqual(["2025-09-22", "2025-09-23", "2025-09-25", "2025-09-26"]);
  });

  it("estimates: 9988.HK per share (ratio 1), quarters placed in a March fiscal year, periods beyond +1y ignored", async () => {
    const r = await executeQuery("yahoo", "estimates", { symbols: ["9988.HK"] }, opts("2025-09-20T00:00:00Z"));
    expect(r.rows.filter((e) => e.metric === "epsDiluted").map((e) => [e.fiscalPeriod, e.value])).toEqual([
      ["2026Q2", 2.1], ["2026Q3", 2.6], ["FY2026", 8.9], ["FY2027", 10.4],
    ]);
    expect(readFileSync(join(FIXTURES, "yahoo/quoteSummary-earningsTrend-9988.HK.json"), "utf8")).toContain("HAND-MADE");
  });

  it("prices: index (^HSI) and Shanghai (688256.SS) symbols reach Yahoo's chart path and are dated in their own zone", async () => {
    const base = JSON.parse(readFileSync(join(FIXTURES, "yahoo/chart-9988.HK-2025-09-22-to-2025-09-26.json"), "utf8")).response.bodyJson;
    const variant = (symbol: string, currency: string, tz: string) => {
      const b = structuredClone(base);
      Object.assign(b.chart.result[0].meta, { symbol, currency, exchangeTimezoneName: tz });
      return b;
    };
    srv.inject(/chart\/(%5E|\^)HSI\?/, { json: variant("^HSI", "HKD", "Asia/Hong_Kong") });
    srv.inject(/chart\/688256\.SS\?/, { json: variant("688256.SS", "CNY", "Asia/Shanghai") });
    const r = await executeQuery("yahoo", "prices", { symbols: ["^HSI", "688256.SS"], from: "2025-09-22", to: "2025-09-26" }, opts("2025-09-27T00:00:00Z"));
    expect(r.items.map((i) => [i.symbol, i.rows.length, i.rows[0]!.currency, i.rows[0]!.date])).toEqual([
      ["^HSI", 4, "HKD", "2025-09-22"], ["688256.SS", 4, "CNY", "2025-09-22"],
    ]);
  });

  it("a changed schema is E_PROVIDER_SCHEMA naming the field (currency gone from the chart meta)", async () => {
    const body = JSON.parse(readFileSync(join(FIXTURES, "yahoo/chart-9988.HK-2025-09-22-to-2025-09-26.json"), "utf8")).response.bodyJson;
    delete body.chart.result[0].meta.currency;
    srv.inject(/chart\/9988\.HK/, { json: body });
    await expect(executeQuery("yahoo", "prices", { symbols: ["9988.HK"], from: "2025-09-22", to: "2025-09-26" }, opts("2025-09-27T00:00:00Z"))).rejects.toMatchObject({
      code: "E_PROVIDER_SCHEMA", message: 'yahoo prices: field "chart.meta.currency" is missing; the provider\'s response format may have changed',
    });
  });

  it("a changed schema is E_PROVIDER_SCHEMA naming the field (earningsTrend.trend no longer a list)", async () => {
    srv.inject(/quoteSummary\/9988\.HK/, { json: { quoteSummary: { result: [{ earningsTrend: { trend: { "0q": {} } } }], error: null } } });
    await expect(executeQuery("yahoo", "estimates", { symbols: ["9988.HK"] }, opts())).rejects.toMatchObject({
      code: "E_PROVIDER_SCHEMA", message: expect.stringMatching(/^yahoo estimates: field "earningsTrend\.trend" expected array/),
    });
  });
});

describe("yahoo fundamentals transform on hand-made answers (no network)", () => {
  const XIAOMI = { id: "1810.HK", sharesPerListing: 1, currency: "HKD" as const };
  type Point = { end: string; periodType?: string; item: string; value: unknown };
  /** Yahoo's time-series answer: one result per item (annualTotalRevenue …), its points under the same key. */
  const series = (kind: "annual" | "quarterly", points: Point[]) => ({
    timeseries: {
      error: null,
      result: [...new Set(points.map((p) => p.item))].map((item) => {
        const type = kind + item[0]!.toUpperCase() + item.slice(1);
        return {
          meta: { symbol: ["1810.HK"], type: [type] },
          [type]: points.filter((p) => p.item === item).map((p) => ({ asOfDate: p.end, ...(p.periodType ? { periodType: p.periodType } : {}), currencyCode: "CNY", reportedValue: { raw: p.value } })),
        };
      }),
    },
  });
  const raw = (quarterly: Point[], financialCurrency: string | null = "CNY", annual: Point[] = []) => ({
    fetchedAt: "2025-12-01T08:00:00.000Z",
    body: {
      summary: { defaultKeyStatistics: { lastFiscalYearEnd: "2024-12-31T00:00:00.000Z" }, financialData: { financialCurrency } },
      annual: series("annual", annual), quarterly: series("quarterly", quarterly),
    },
  });
  const run = (r: unknown) => yahooFundamentals.transform({ symbol: "1810.HK" }, r, { provider: "yahoo", listing: XIAOMI });

  it("names a half-yearly reporter's interims H1/H2 and a quarterly one's quarters; drops 12M rows of the quarterly series; keeps zeros", () => {
    const rows = run(raw([
      { end: "2025-06-30", periodType: "6M", item: "totalRevenue", value: 100 },
      { end: "2024-12-31", periodType: "6M", item: "totalRevenue", value: 90 },
      { end: "2025-09-30", periodType: "3M", item: "totalRevenue", value: 60 },
      { end: "2025-03-31", item: "totalRevenue", value: 50 },
      { end: "2024-12-31", periodType: "12M", item: "operatingIncome", value: 400 },
      { end: "2025-09-30", periodType: "3M", item: "EBIT", value: 0 },
    ]));
    expect(rows.map((r) => [r.metric, r.fiscalPeriod, r.periodEnd, r.value])).toEqual([
      ["revenue", "2024H2", "2024-12-31", 90], ["revenue", "2025Q1", "2025-03-31", 50], ["revenue", "2025H1", "2025-06-30", 100],
      ["revenue", "2025Q3", "2025-09-30", 60], ["ebit", "2025Q3", "2025-09-30", 0],
    ]);
    // 30 Sep + 90 days is after the fetch (1 Dec): known from the fetch date; 30 June + 90 days is before it.
    expect(rows.find((r) => r.fiscalPeriod === "2025Q3")!.knownFrom).toBe("2025-12-01");
    expect(rows.find((r) => r.fiscalPeriod === "2025H1")!.knownFrom).toBe("2025-09-28");
  });

  it("refuses a value that is not a number, naming the item and period (a changed format is never swallowed)", () => {
    expect(() => run(raw([{ end: "2025-09-30", periodType: "3M", item: "dilutedEPS", value: "0.5" }]))).toThrow(
      expect.objectContaining({ code: "E_PROVIDER_SCHEMA", message: expect.stringContaining('field "quarterly dilutedEPS of 2025-09-30" is not a finite number') }),
    );
    const broken = raw([]);
    (broken.body.quarterly.timeseries.result as unknown[]).push({ meta: { type: ["quarterlyTotalRevenue"] }, quarterlyTotalRevenue: [{ asOfDate: "30/09/2025", reportedValue: { raw: 1 } }] });
    expect(() => run(broken)).toThrow(expect.objectContaining({ code: "E_PROVIDER_SCHEMA" }));
  });

  it("without a reporting currency keeps only the share counts", () => {
    const rows = run(raw([
      { end: "2025-09-30", periodType: "3M", item: "totalRevenue", value: 60 }, { end: "2025-09-30", periodType: "3M", item: "dilutedEPS", value: 0.5 },
      { end: "2025-09-30", periodType: "3M", item: "dilutedAverageShares", value: 26e9 },
    ], null));
    expect(rows.map((r) => r.metric)).toEqual(["sharesDiluted"]);
  });
});
