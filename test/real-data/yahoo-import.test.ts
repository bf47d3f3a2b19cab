/**
 * Real data: the recorded Yahoo responses of ../shared/data/http/yahoo imported with `rerate import yahoo` give the
 * same store as the fake-server fetch of the same responses; expected figures are read from the responses or filings.
 */
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchIntoStore } from "../../src/app/fetch.js";
import { importFiles } from "../../src/app/import/import-files.js";
import { importYahooFiles } from "../../src/app/import/yahoo-files.js";
import { RerateError } from "../../src/errors.js";
import type { Store } from "../../src/store/open.js";
import { hasSharedData } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";
import { tempStores } from "../helpers/temp-stores.js";
import { loadYahooRecordings, startFakeServer, YAHOO_RECORDED, type FakeServer } from "../providers/_fake-server.js";
import { snapshotStore } from "../import/_helpers.js";

const SECURITIES = `id,name_en,exchange,currency,fiscal_year_end_month,reporting_currency,kind,issuer,shares_per_listing
BABA,Alibaba Group Holding (ADS),NYSE,USD,3,CNY,adr,alibaba,8
AAPL,Apple,NASDAQ,USD,9,USD,equity,apple,1
9988.HK,Alibaba Group Holding,HKEX,HKD,3,CNY,equity,alibaba,1
`;
const MORE_US = `id,name_en,exchange,currency,reporting_currency,kind,shares_per_listing
AMZN,Amazon,NASDAQ,USD,USD,equity,1
GOOG,Alphabet C,NASDAQ,USD,USD,equity,1
MSFT,Microsoft,NASDAQ,USD,USD,equity,1
NVDA,Nvidia,NASDAQ,USD,USD,equity,1
`;

/** A store whose master holds every equity the recordings name. */
async function fullMaster(): Promise<Store> {
  const { store, dir } = await newStore();
  writeFileSync(join(dir, "more.csv"), MORE_US);
  await importFiles(store, { kind: "securities", files: [join(dir, "more.csv")], now: "2025-01-01T00:00:00Z" });
  return store;
}
/** The clock of the fake-server fetch tests (the recordings were made in February 2025). */
const FETCHED = "2025-02-20T12:00:00Z";
const rec = (f: string) => join(YAHOO_RECORDED, f);

const newStore = tempStores(SECURITIES);

/** The data tables without source ids (which differ between a fetch and an import by construction). */
const DATA_TABLES = ["securities", "prices", "fundamentals", "estimates", "fx_rates"] as const;
async function dataRows(store: Store): Promise<Record<(typeof DATA_TABLES)[number], unknown[]>> {
  const out = {} as Record<(typeof DATA_TABLES)[number], unknown[]>;
  for (const t of DATA_TABLES) out[t] = await store.all(`SELECT * EXCLUDE (source_id) FROM ${t} ORDER BY ALL`);
  return out;
}

const refusal = async (p: Promise<unknown>): Promise<RerateError> => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(RerateError);
  return e as RerateError;
};

describe.runIf(hasSharedData)("importYahooFiles(store, opts) on the recorded responses", () => {
  let srv: FakeServer;
  beforeAll(async () => {
    srv = await startFakeServer();
  });
  afterAll(() => srv.close());

  /**
   * The recordings the fake server answers a fetch of AAPL and BABA with, found by its own lookup rules
   * (test/providers/_fake-server.ts): the chart of the asked period, the single-module quoteSummary recordings,
   * and the first time-series recording of the symbol whose types start with annual/quarterly.
   */
  function servedFiles(): string[] {
    const all = loadYahooRecordings().filter((r) => !r.file.includes("9988"));
    const out: string[] = [];
    for (const symbol of ["AAPL", "BABA"]) {
      const chart = all.find((r) => r.url.pathname.endsWith(`/chart/${symbol}`) && r.url.searchParams.get("period1") === "1577836800" && r.url.searchParams.get("period2") === "1578009600");
      out.push(chart!.file);
      for (const m of ["defaultKeyStatistics", "financialData", "earningsTrend"]) {
        out.push(all.find((r) => r.url.pathname.endsWith(`/quoteSummary/${symbol}`) && r.url.searchParams.get("modules") === m)!.file);
      }
      const series = all.filter((r) => r.url.pathname.endsWith(`/timeseries/${symbol}`));
      for (const kind of ["annual", "quarterly"]) {
        const f = series.find((r) => r.url.searchParams.get("type")?.startsWith(kind));
        if (f) out.push(f.file);
      }
    }
    return out;
  }

  it("gives the same store as the fake-server fetch of the same responses (prices, fundamentals, shares, estimates)", async () => {
    const fetched = await newStore();
    await fetchIntoStore(fetched.store, {
      provider: "yahoo", symbols: ["AAPL", "BABA"], from: "2020-01-01", to: "2020-01-02", now: () => new Date(FETCHED), cacheDir: false, env: {},
      http: { baseUrls: srv.baseUrls, retries: 1, backoffMs: 1, timeoutMs: 2000, rateLimits: { yahoo: 1000 } },
    });
    const files = servedFiles();
    // AAPL: chart, 3 modules, annual and quarterly series; BABA: chart, 3 modules, its quarterly series only.
    expect(files).toHaveLength(11);
    const imported = await newStore();
    const s = await importYahooFiles(imported.store, { files: files.map(rec), fetchedAt: FETCHED, now: "2025-03-01T00:00:00Z" });
    const a = await dataRows(fetched.store);
    const b = await dataRows(imported.store);
    // Not vacuous: each table holds rows (2 bars; BABA's quarters and both share counts; 2 × 4 periods of EPS and revenue estimates).
    expect(a.prices).toHaveLength(2);
    expect(a.fundamentals.length).toBeGreaterThan(100);
    expect(a.estimates).toHaveLength(16);
    expect(b).toEqual(a);
    expect(s.added).toBe(a.prices.length + a.fundamentals.length + a.estimates.length);
    // One spot value by hand: BABA's December 2023 quarter diluted EPS, RMB 5.68 per ADS = 0.71 per ordinary share (÷ 8).
    expect(b.fundamentals).toContainEqual(expect.objectContaining({ entity: "BABA", metric: "epsDiluted", fiscal_period: "2024Q3", value: 0.71 }));
  });

  it("reads an FX chart (EURUSD=X) as rates, 1 EUR = rate USD per London day, as the FX fetcher does", async () => {
    const { store } = await newStore(false);
    const s = await importYahooFiles(store, { files: [rec("chart-EURUSD=X-2020-01-01-to-2020-01-03.json")], now: "2025-03-01T00:00:00Z" });
    // The body's closes for its three timestamps (1577836800 = 2020-01-01 00:00 UTC = midnight London): 1.12208…, 1.12208…, 1.11714…
    expect(await store.all("SELECT base, quote, strftime(date, '%Y-%m-%d') AS date, rate FROM fx_rates ORDER BY date")).toEqual([
      { base: "EUR", quote: "USD", date: "2020-01-01", rate: 1.1220825910568237 },
      { base: "EUR", quote: "USD", date: "2020-01-02", rate: 1.1220825910568237 },
      { base: "EUR", quote: "USD", date: "2020-01-03", rate: 1.1171437501907349 },
    ]);
    // The envelope's Date header is the fetch time: Thu, 20 Feb 2025 11:47:41 GMT.
    expect(s.files[0]).toMatchObject({ holds: "chart", symbol: "EURUSD=X", fetchedAt: "2025-02-20T11:47:41.000Z", rows: 3 });
    expect(await store.all("SELECT count(*)::INT AS n FROM prices")).toEqual([{ n: 0 }]);
  });

  it("accepts the bare body as a browser saves it, with the fetch time from the content or the file", async () => {
    const { store, dir } = await newStore();
    const body = (JSON.parse(readFileSync(rec("chart-AAPL-2020-01-01-to-2020-01-03.json"), "utf8")) as { response: { bodyJson: unknown } }).response.bodyJson;
    const bare = join(dir, "aapl.json");
    writeFileSync(bare, JSON.stringify(body));
    const trend = join(dir, "trend.json");
    writeFileSync(trend, JSON.stringify((JSON.parse(readFileSync(rec("quoteSummary-earningsTrend-BABA.json"), "utf8")) as { response: { bodyJson: unknown } }).response.bodyJson));
    utimesSync(trend, new Date("2025-02-24T09:35:02Z"), new Date("2025-02-24T09:35:02Z"));
    // A bare quoteSummary without its price module names no symbol: --symbol is needed.
    const e = await refusal(importYahooFiles(store, { files: [trend], now: "2025-03-01T00:00:00Z" }));
    expect(e.issues).toEqual([expect.objectContaining({ file: trend, column: "symbol", reason: expect.stringContaining("pass --symbol") })]);
    const s = await importYahooFiles(store, { files: [trend], symbol: "BABA", now: "2025-03-01T00:00:00Z" });
    // estimates observed on the file's date; FY2025 EPS 64.85275 per ADS ÷ 8 = 8.10659375 per ordinary share
    expect(await store.all("SELECT strftime(as_of, '%Y-%m-%d') AS as_of, value FROM estimates WHERE fiscal_period = 'FY2025' AND metric = 'epsDiluted'")).toEqual([{ as_of: "2025-02-24", value: 64.85275 / 8 }]);
    expect(s.files[0]!.warnings[0]!.reason).toContain("modification time");
    await importYahooFiles(store, { files: [bare], now: "2025-03-01T00:00:00Z" });
    // AAPL's one bar of 2020-01-02 (close 75.0875 per the body's indicators.quote[0].close)
    expect(await store.all("SELECT security, strftime(date, '%Y-%m-%d') AS date, close FROM prices")).toEqual([{ security: "AAPL", date: "2020-01-02", close: 75.0875015258789 }]);
  });

  it("refuses, store unchanged: a file that is no Yahoo response, Yahoo's error answer, fundamentals of a symbol not in the master, a --symbol that contradicts the file", async () => {
    const { store, dir } = await newStore(false);
    const before = await snapshotStore(store);
    const other = join(dir, "other.json");
    writeFileSync(other, JSON.stringify({ foo: 1, bar: [1] }));
    const notJson = join(dir, "x.json");
    writeFileSync(notJson, "Date,Close\n2025-01-02,1\n");
    const e = await refusal(importYahooFiles(store, {
      files: [other, notJson, rec("quoteSummary-earningsTrend-EURUSD=X.json"), rec("fundamentalsTimeSeries-BABA-financials-quarterly.json"), rec("chart-AMZN-2020-01-01-to-2020-01-03.json")],
      now: "2025-03-01T00:00:00Z",
    }));
    expect(e.message).toMatch(/^import refused, nothing was written: 4 problems in 4 files/);
    expect(e.issues).toEqual([
      { file: other, reason: 'is not a Yahoo chart, quoteSummary or fundamentals time-series response (its keys: "foo", "bar")' },
      expect.objectContaining({ file: notJson, reason: expect.stringMatching(/^is not valid JSON/) }),
      expect.objectContaining({ file: rec("quoteSummary-earningsTrend-EURUSD=X.json"), reason: expect.stringMatching(/^records a failed request \(HTTP 404/) }),
      expect.objectContaining({ file: rec("fundamentalsTimeSeries-BABA-financials-quarterly.json"), column: "symbol", value: "BABA", reason: expect.stringContaining("not in the security master") }),
    ]);
    const m = await refusal(importYahooFiles(store, { files: [rec("chart-AMZN-2020-01-01-to-2020-01-03.json")], symbol: "GOOG", now: "2025-03-01T00:00:00Z" }));
    expect(m.issues).toEqual([{ file: rec("chart-AMZN-2020-01-01-to-2020-01-03.json"), column: "--symbol", value: "GOOG", reason: "differs from the symbol the response names (AMZN)" }]);
    expect(await snapshotStore(store)).toEqual(before);
  });

  it("--dry-run counts what the import would do and writes nothing; a re-import changes nothing", async () => {
    const { store } = await newStore();
    const files = [rec("chart-BABA-2020-01-01-to-2020-01-03.json"), rec("quoteSummary-earningsTrend-BABA.json")];
    const before = await snapshotStore(store);
    const dry = await importYahooFiles(store, { files, dryRun: true, now: "2025-03-01T00:00:00Z" });
    expect(await snapshotStore(store)).toEqual(before);
    const real = await importYahooFiles(store, { files, now: "2025-03-01T00:00:00Z" });
    // 1 bar (2020-01-02) + 4 periods × (EPS, revenue) estimates
    expect([dry.added, real.added]).toEqual([9, 9]);
    const again = await importYahooFiles(store, { files, now: "2025-03-02T00:00:00Z" });
    expect([again.added, again.updated, again.unchanged]).toEqual([0, 0, 9]);
  });

  it("rerate import yahoo through the CLI, with --fetched-at", async () => {
    const { dir } = await newStore(false);
    const db = join(dir, "cli.duckdb");
    const r = await runCli(["--db", db, "import", "yahoo", rec("chart-GOOG-2020-01-01-to-2020-01-03.json"), "--fetched-at", "2025-02-21"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Imported yahoo: 1 file(s)");
    expect(r.out).toContain("chart of GOOG, fetched 2025-02-21T23:59:59.000Z; 1 rows");
    const bad = await runCli(["--db", db, "import", "yahoo", rec("chart-GOOG-2020-01-01-to-2020-01-03.json"), "--fetched-at", "21/02/2025"]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--fetched-at "21/02/2025" is not a date');
  });
});

describe.runIf(hasSharedData)("importYahooFiles on every recorded Yahoo response", () => {
  const all = readdirSync(YAHOO_RECORDED).filter((f) => f.endsWith(".json")).sort();
  const envelope = (f: string) => JSON.parse(readFileSync(rec(f), "utf8")) as { request: { url: string }; response: { status: number; bodyJson: unknown } };

  it("refuses exactly the files that hold no data (quote snapshots, Yahoo's error answers, a 1-minute chart), naming each", async () => {
    const store = await fullMaster();
    const e = await refusal(importYahooFiles(store, { files: all.map(rec), now: "2025-03-01T00:00:00Z" }));
    const noData = all.filter((f) => envelope(f).response.status !== 200 || new URL(envelope(f).request.url).pathname.endsWith("/v7/finance/quote")
      || new URL(envelope(f).request.url).searchParams.get("interval") === "1m");
    expect(noData.length).toBeGreaterThan(20);
    expect(e.issues.map((i) => i.file).sort()).toEqual(noData.map(rec).sort());
  });

  it("imports all the others at once: every daily bar of every US chart, once per symbol and day; EURUSD=X as FX rates", async () => {
    const store = await fullMaster();
    const noData = all.filter((f) => envelope(f).response.status !== 200 || f.startsWith("quote-") || f.includes("interval-1m"));
    await importYahooFiles(store, { files: all.filter((f) => !noData.includes(f)).map(rec), now: "2025-03-01T00:00:00Z" });
    // Expected bars read straight from the bodies: US sessions open at 09:30 New York = 13:30/14:30 UTC, so a bar's UTC date is its date.
    const bars = new Set<string>();
    for (const f of all.filter((x) => !noData.includes(x))) {
      const body = envelope(f).response.bodyJson as { chart?: { result: { meta: { symbol: string }; timestamp?: number[]; indicators: { quote: { close?: (number | null)[] }[] } }[] } };
      const r = body.chart?.result[0];
      if (!r || r.meta.symbol.endsWith("=X")) continue;
      (r.timestamp ?? []).forEach((t, i) => {
        if (typeof r.indicators.quote[0]!.close?.[i] === "number") bars.add(`${r.meta.symbol} ${new Date(t * 1000).toISOString().slice(0, 10)}`);
      });
    }
    const stored = await store.all<{ k: string }>("SELECT security || ' ' || strftime(date, '%Y-%m-%d') AS k FROM prices");
    expect(stored.map((x) => x.k).sort()).toEqual([...bars].sort());
    expect(bars.size).toBeGreaterThan(500); // a year of NVDA and of MSFT, ten weeks of AAPL, …
    expect(await store.all("SELECT DISTINCT base, quote FROM fx_rates")).toEqual([{ base: "EUR", quote: "USD" }]);
  });
});
