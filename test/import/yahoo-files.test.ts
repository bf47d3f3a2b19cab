import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importFiles } from "../../src/app/import/import-files.js";
import { importYahooFiles, parseFetchedAt } from "../../src/app/import/yahoo-files.js";
import type { RerateError } from "../../src/errors.js";
import { runCli } from "../helpers/run-cli.js";
import { tempStores } from "../helpers/temp-stores.js";

// The recorded responses of ../shared/data (and the comparison with a fetch of them) are in test/real-data/yahoo-import.test.ts.

const SECURITIES = `id,name_en,exchange,currency,fiscal_year_end_month,reporting_currency,kind,issuer,shares_per_listing
BABA,Alibaba Group Holding (ADS),NYSE,USD,3,CNY,adr,alibaba,8
AAPL,Apple,NASDAQ,USD,9,USD,equity,apple,1
`;

const newStore = tempStores(SECURITIES);

describe("importYahooFiles on hand-made yahoo-finance2 results (no shared data)", () => {
  it("reads a yahoo-finance2 chart result and fundamentalsTimeSeries array (Apple FY2024 from its 10-K)", async () => {
    const { store, dir } = await newStore();
    const chart = join(dir, "chart.json");
    writeFileSync(chart, JSON.stringify({
      meta: { symbol: "9988.HK", currency: "HKD", exchangeTimezoneName: "Asia/Hong_Kong", regularMarketTime: "2025-09-23T08:08:00.000Z" },
      quotes: [
        { date: "2025-09-22T01:30:00.000Z", open: 149, high: 152, low: 148, close: 150, adjclose: 150, volume: 1000 },
        { date: "2025-09-23T01:30:00.000Z", open: 150, high: 153, low: 149, close: 151.2, adjclose: 151.2, volume: 2000 },
      ],
    }));
    const series = join(dir, "fts.json");
    // Apple 10-K for the year ended 28 September 2024 (Yahoo dates it 2024-09-30): net sales $391,035 million, diluted EPS $6.08.
    writeFileSync(series, JSON.stringify([{ date: "2024-09-30T00:00:00.000Z", periodType: "12M", TYPE: "FINANCIALS", totalRevenue: 391_035_000_000, dilutedEPS: 6.08 }]));
    const fd = join(dir, "fd.json");
    writeFileSync(fd, JSON.stringify({ financialData: { financialCurrency: "USD" }, price: { symbol: "AAPL", regularMarketTime: "2025-02-14T21:00:00.000Z" } }));
    const s = await importYahooFiles(store, { files: [chart, series, fd], symbol: undefined, fetchedAt: "2025-02-20T12:00:00Z", now: "2025-03-01T00:00:00Z" }).catch((e: RerateError) => e);
    // the time series names no symbol and --symbol is not given: refused, naming the file
    expect((s as RerateError).issues).toEqual([expect.objectContaining({ file: series, column: "symbol" })]);
    await importYahooFiles(store, { files: [chart], fetchedAt: "2025-09-23T09:00:00Z", now: "2025-10-01T00:00:00Z" });
    await importYahooFiles(store, { files: [series, fd], symbol: "AAPL", fetchedAt: "2025-02-20T12:00:00Z", now: "2025-10-01T00:00:00Z" });
    // bars dated in Hong Kong (01:30 UTC = 09:30 HKT); the session of the 23rd ended (16:00 HKT = 08:00 UTC) before 09:00 UTC
    expect(await store.all("SELECT strftime(date, '%Y-%m-%d') AS d, close FROM prices WHERE security = '9988.HK' ORDER BY d")).toEqual([{ d: "2025-09-22", close: 150 }, { d: "2025-09-23", close: 151.2 }]);
    // FY2024 ended 2024-09-30: known from + 120 days = 2025-01-28 (before the fetch)
    expect(await store.all("SELECT metric, fiscal_period, value, currency, strftime(known_from, '%Y-%m-%d') AS k FROM fundamentals ORDER BY metric")).toEqual([
      { metric: "epsDiluted", fiscal_period: "FY2024", value: 6.08, currency: "USD", k: "2025-01-28" },
      { metric: "revenue", fiscal_period: "FY2024", value: 391_035_000_000, currency: "USD", k: "2025-01-28" },
    ]);
  });

  it("charts of one symbol are one series: on a date both hold, the later-fetched file's bar wins", async () => {
    const { store, dir } = await newStore(false);
    const chart = (name: string, marketTime: string, bars: [string, number][]) => {
      const f = join(dir, name);
      writeFileSync(f, JSON.stringify({
        meta: { symbol: "9988.HK", currency: "HKD", exchangeTimezoneName: "Asia/Hong_Kong", regularMarketTime: marketTime },
        quotes: bars.map(([date, close]) => ({ date, close })),
      }));
      return f;
    };
    // saved after the close of the 23rd, and after the close of the 24th with the 23rd's close revised
    const a = chart("a.json", "2025-09-23T08:10:00.000Z", [["2025-09-22T01:30:00.000Z", 150], ["2025-09-23T01:30:00.000Z", 151.2]]);
    const b = chart("b.json", "2025-09-24T08:10:00.000Z", [["2025-09-23T01:30:00.000Z", 151.3], ["2025-09-24T01:30:00.000Z", 177.5]]);
    const s = await importYahooFiles(store, { files: [b, a], now: "2025-10-01T00:00:00Z" });
    expect(await store.all("SELECT strftime(date, '%Y-%m-%d') AS d, close FROM prices ORDER BY d")).toEqual([
      { d: "2025-09-22", close: 150 }, { d: "2025-09-23", close: 151.3 }, { d: "2025-09-24", close: 177.5 },
    ]);
    expect(s.files.map((f) => [f.fetchedAt, f.rows])).toEqual([["2025-09-24T08:10:00.000Z", 2], ["2025-09-23T08:10:00.000Z", 2]]);
  });

  it("reads a browser's formatted quoteSummary ({raw, fmt} values) through yahoo-finance2's own coercion", async () => {
    const { store, dir } = await newStore();
    const f = join(dir, "qs.json");
    writeFileSync(f, JSON.stringify({ quoteSummary: { error: null, result: [{
      price: { symbol: "BABA", regularMarketTime: { raw: 1_740_000_000, fmt: "4:20PM EST" } },
      earningsTrend: { trend: [{ period: "0y", endDate: "2025-03-31", earningsEstimate: { avg: { raw: 64.85, fmt: "64.85" }, numberOfAnalysts: { raw: 30, fmt: "30" }, earningsCurrency: "CNY" } }] },
    }] } }));
    const s = await importYahooFiles(store, { files: [f], now: "2025-03-01T00:00:00Z" });
    // 1,740,000,000 s after 1970 = 2025-02-19 21:20 UTC (the market time: the file was saved after it); 64.85 per ADS ÷ 8 = 8.10625
    expect(s.files[0]).toMatchObject({ symbol: "BABA", fetchedAt: "2025-02-19T21:20:00.000Z", holds: "quoteSummary price, earningsTrend" });
    expect(await store.all("SELECT fiscal_period, value, strftime(as_of, '%Y-%m-%d') AS a FROM estimates")).toEqual([{ fiscal_period: "FY2025", value: 8.10625, a: "2025-02-19" }]);
  });

  it("the CLI refuses options that do not apply: --map with yahoo, --fetched-at with another kind", async () => {
    const { dir } = await newStore(false);
    const f = join(dir, "x.json");
    writeFileSync(f, "{}");
    const db = join(dir, "cli.duckdb");
    const map = await runCli(["--db", db, "import", "yahoo", f, "--map", "date=Day"]);
    expect(map.code).not.toBe(0);
    expect(map.err).toContain('--map "date=Day" does not apply to saved Yahoo responses');
    const at = await runCli(["--db", db, "import", "prices", f, "--fetched-at", "2025-01-01"]);
    expect(at.code).not.toBe(0);
    expect(at.err).toContain('--fetched-at "2025-01-01" is for rerate import yahoo');
  });

  it("refuses a store holding the synthetic demo unless allowSyntheticMix, naming the store; the store unchanged", async () => {
    const { store, dir } = await newStore(false);
    writeFileSync(join(dir, "DEMO.csv"), "Date,Close\n2025-09-22,10\n");
    await importFiles(store, { kind: "prices", files: [join(dir, "DEMO.csv")], currency: "USD", synthetic: true, now: "2025-10-01T00:00:00Z" });
    const f = join(dir, "chart.json");
    writeFileSync(f, JSON.stringify({ meta: { symbol: "AAPL", currency: "USD", exchangeTimezoneName: "America/New_York" }, quotes: [{ date: "2025-09-22T13:30:00.000Z", close: 256.08 }] }));
    const e = (await importYahooFiles(store, { files: [f], fetchedAt: "2025-09-23", now: "2025-10-01T00:00:00Z" }).catch((x: unknown) => x)) as RerateError;
    expect(e.message).toContain("holds the synthetic demo market: import yahoo would mix real and synthetic rows");
    expect(await store.all("SELECT security FROM prices")).toEqual([{ security: "DEMO" }]);
    await importYahooFiles(store, { files: [f], fetchedAt: "2025-09-23", allowSyntheticMix: true, now: "2025-10-01T00:00:00Z" });
    expect(await store.all("SELECT security, close FROM prices ORDER BY security")).toEqual([{ security: "AAPL", close: 256.08 }, { security: "DEMO", close: 10 }]);
  });

  it("parseFetchedAt(value): a date is the end of that day UTC; a date-time needs its offset", () => {
    expect(parseFetchedAt("2025-02-20")).toBe("2025-02-20T23:59:59.000Z");
    expect(parseFetchedAt("2025-02-20T20:00:00+08:00")).toBe("2025-02-20T12:00:00.000Z");
    expect(() => parseFetchedAt("2025-02-20T12:00:00")).toThrow(/--fetched-at/);
  });
});
