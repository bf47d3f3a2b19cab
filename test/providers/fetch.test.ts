import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fetchIntoStore, parseBaseUrls, symbolsFromThesis, type FetchOptions } from "../../src/app/fetch.js";
import { importFiles } from "../../src/app/import/import-files.js";
import { computePeerComps } from "../../src/app/comps-table.js";
import { openStore, type Store } from "../../src/store/open.js";
import { hasSharedData, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";
import { startFakeServer, type FakeServer } from "./_fake-server.js";

const CONTACT = "Jane Analyst jane.never.stored@example.com";
const SECURITIES = `id,name_en,exchange,currency,fiscal_year_end_month,reporting_currency,kind,issuer,shares_per_listing
9988.HK,Alibaba Group Holding,HKEX,HKD,3,CNY,equity,alibaba,1
BABA,Alibaba Group Holding (ADS),NYSE,USD,3,CNY,adr,alibaba,8
AAPL,Apple,NASDAQ,USD,9,USD,equity,apple,1
`;

let srv: FakeServer;
beforeAll(async () => {
  srv = await startFakeServer();
});
afterAll(() => srv.close());
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(): Promise<{ store: Store; dir: string; opts: FetchOptions }> {
  const t = tempDir("rerate-fetch-");
  cleanups.push(t.cleanup);
  const store = await openStore(join(t.dir, "store.duckdb"));
  cleanups.push(() => store.close());
  writeFileSync(join(t.dir, "securities.csv"), SECURITIES);
  await importFiles(store, { kind: "securities", files: [join(t.dir, "securities.csv")], now: "2025-01-01T00:00:00Z" });
  const opts: FetchOptions = {
    symbols: ["AAPL", "BABA", "9988.HK"], from: "2020-01-01", to: "2020-01-02", now: () => new Date("2025-02-20T12:00:00Z"),
    cacheDir: join(t.dir, "cache"), env: { RERATE_SEC_USER_AGENT: CONTACT },
    http: { baseUrls: srv.baseUrls, retries: 1, backoffMs: 1, timeoutMs: 2000, rateLimits: { yahoo: 1000, sec: 1000 } },
  };
  return { store, dir: t.dir, opts };
}

async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ["sources", "securities", "prices", "fundamentals", "estimates", "fx_rates"]) {
    out[t] = Number((await store.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n);
  }
  return out;
}

const filesUnder = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name)) : []);

describe.runIf(hasSharedData)("fetchIntoStore()", () => {
  it("fills the store in one go: prices, SEC filings, shares, estimates; skips what a provider lacks, with reasons", async () => {
    const { store, opts } = await setup();
    const before = await counts(store);
    const s = await fetchIntoStore(store, opts);
    expect(s.tasks.map((t) => [t.provider, t.model, t.items])).toEqual([
      ["yahoo", "prices", 3], ["yahoo", "fundamentals", 3], ["yahoo", "estimates", 3], ["sec", "fundamentals", 2], ["fx", "fx", 2],
    ]);
    const after = await counts(store);
    expect(after.prices! - before.prices!).toBe(2); // AAPL and BABA on 2020-01-02; no 2020 recording of 9988.HK
    expect(s.tables.prices).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(after.fundamentals).toBe(s.tables.fundamentals.added);
    expect(after.estimates).toBe(s.tables.estimates.added);
    expect(s.added).toBe(s.tables.prices.added + s.tables.fundamentals.added + s.tables.estimates.added + s.tables.fx.added);
    // SEC: AAPL, and BABA for both BABA and 9988.HK (one issuer); BABA's filings are not among the recordings.
    expect(s.skipped).toEqual(expect.arrayContaining([
      { provider: "yahoo", symbol: "9988.HK", reason: expect.stringMatching(/no prices for symbol "9988.HK"/) },
      { provider: "sec", symbol: "BABA", reason: expect.stringMatching(/no XBRL company facts for BABA/) },
      { provider: "fx", symbol: "USDCNY=X", reason: expect.stringMatching(/no fx for symbol/) },
    ]));
    const apple = await store.all<{ value: number; known_from: string; location: string }>(
      `SELECT f.value, strftime(f.known_from, '%Y-%m-%d') AS known_from, s.location FROM fundamentals f JOIN sources s ON s.id = f.source_id
       WHERE f.entity = 'apple' AND f.metric = 'revenue' AND f.fiscal_period = 'FY2023'`,
    );
    expect(apple).toEqual([{ value: 383_285_000_000, known_from: "2023-11-03", location: "sec:fundamentals" }]);
    const shares = await store.all<{ value: number }>("SELECT value FROM fundamentals WHERE entity = 'BABA' AND metric = 'sharesOutstanding'");
    expect(shares).toEqual([{ value: 19_007_600_640 }]);
    const locations = (await store.all<{ location: string }>("SELECT location FROM sources ORDER BY id")).map((r) => r.location);
    expect(locations).toEqual(expect.arrayContaining(["yahoo:prices", "yahoo:fundamentals", "yahoo:estimates", "sec:fundamentals"]));
  });

  it("re-running changes nothing and is served from the cache", async () => {
    const { store, opts } = await setup();
    await fetchIntoStore(store, opts);
    const before = await counts(store);
    const requests = srv.requests.length;
    const s = await fetchIntoStore(store, opts);
    expect([s.added, s.updated]).toEqual([0, 0]);
    // Everything found the first time comes from the cache; what was not found (not cached) is asked again:
    // 9988.HK prices, BABA's SEC filings, the two FX pairs.
    expect(s.tasks.map((t) => [t.provider, t.model, t.fromCache, t.items])).toEqual([
      ["yahoo", "prices", 2, 3], ["yahoo", "fundamentals", 3, 3], ["yahoo", "estimates", 3, 3], ["sec", "fundamentals", 1, 2], ["fx", "fx", 0, 2],
    ]);
    expect(await counts(store)).toEqual(before);
    // only the not-found items (never cached) are asked again
    expect(srv.requests.slice(requests).every((r) => /9988\.HK|CIK0001577552|USDCNY|USDHKD|getcrumb|\/yw\/quote/.test(r.path))).toBe(true);
  });

  it("a fetch on a later day adds no copy of a figure it saw before (Yahoo stamps current figures with the fetch date)", async () => {
    const { store, opts } = await setup();
    await fetchIntoStore(store, opts);
    const before = await counts(store);
    const s = await fetchIntoStore(store, { ...opts, now: () => new Date("2025-02-21T12:00:00Z"), refresh: true });
    expect(s.tables.fundamentals.added).toBe(0);
    expect(s.tables.fundamentals.unchanged).toBeGreaterThan(0);
    expect((await counts(store)).fundamentals).toBe(before.fundamentals);
    const shares = await store.all<{ known_from: string }>("SELECT strftime(known_from, '%Y-%m-%d') AS known_from FROM fundamentals WHERE entity = 'BABA' AND metric = 'sharesOutstanding'");
    expect(shares).toEqual([{ known_from: "2025-02-20" }]);
  });

  it("end to end for a Hong Kong listing: Yahoo statements fetched, then its trailing P/E in HKD from RMB earnings", async () => {
    const { store, dir, opts } = await setup();
    await fetchIntoStore(store, { ...opts, symbols: ["9988.HK"], provider: "yahoo" });
    // Hand-made answers for 9988.HK (test/fixtures/http/yahoo): FY2024 (to 31 Mar 2024) diluted EPS RMB 3.91 per share.
    const eps = await store.all<{ value: number; currency: string; known_from: string }>(
      "SELECT value, currency, strftime(known_from, '%Y-%m-%d') AS known_from FROM fundamentals WHERE entity = '9988.HK' AND metric = 'epsDiluted' AND fiscal_period = 'FY2024'",
    );
    expect(eps).toEqual([{ value: 3.91, currency: "CNY", known_from: "2024-07-29" }]); // 31 Mar 2024 + 120 days
    writeFileSync(join(dir, "9988.HK.csv"), "Date,Close\n2025-02-19,118\n2025-02-20,120\n");
    writeFileSync(join(dir, "fx.csv"), "base,quote,date,rate\nUSD,CNY,2025-02-20,7.2\nUSD,HKD,2025-02-20,7.8\n");
    await importFiles(store, { kind: "prices", files: [join(dir, "9988.HK.csv")], now: "2025-02-21T00:00:00Z" });
    await importFiles(store, { kind: "fx", files: [join(dir, "fx.csv")], now: "2025-02-21T00:00:00Z" });
    const comps = await computePeerComps(store, { groups: [{ id: "hk", name: { en: "HK" }, securities: ["9988.HK"] }], asOf: "2025-02-20", metrics: ["trailingPE"] });
    const pe = comps.rows.find((r) => r.security.id === "9988.HK")!.multiples.trailingPE;
    // RMB 3.91 × (7.8 HKD per USD ÷ 7.2 CNY per USD) = HKD 4.235833; 120 / 4.235833 = 28.3294
    expect(pe.value).toBeCloseTo(120 / ((3.91 * 7.8) / 7.2), 10);
    expect(pe.inputs.figures.map((f) => [f.entity, f.fiscalPeriod])).toEqual([["9988.HK", "FY2024"]]);
  });

  it("lands nothing when one request fails for good (all or nothing), and the next run succeeds", async () => {
    const { store, opts } = await setup();
    const before = await counts(store);
    srv.inject(/chart\/BABA/, { status: 500 }, { status: 500 });
    await expect(fetchIntoStore(store, opts)).rejects.toMatchObject({ code: "E_PROVIDER_HTTP", message: expect.stringMatching(/chart\/BABA.*failed after 2 attempts: HTTP 500/) });
    expect(await counts(store)).toEqual(before);
    srv.inject(/quoteSummary\/AAPL/, { json: { quoteSummary: { result: [{ earningsTrend: { trend: "gone" } }], error: null } } });
    await expect(fetchIntoStore(store, opts)).rejects.toMatchObject({ code: "E_PROVIDER_SCHEMA" });
    expect(await counts(store)).toEqual(before);
    const s = await fetchIntoStore(store, opts);
    expect(s.tables.prices.added).toBe(2);
  });

  it("never writes the SEC contact anywhere: not in the store, the cache or the summary", async () => {
    const { store, dir, opts } = await setup();
    const s = await fetchIntoStore(store, opts);
    expect(JSON.stringify(s)).not.toContain("never.stored");
    for (const t of ["sources", "securities", "prices", "fundamentals", "estimates", "fx_rates"]) {
      expect(JSON.stringify(await store.all(`SELECT * FROM ${t}`), (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v))).not.toContain("never.stored");
    }
    await store.run("CHECKPOINT");
    for (const f of filesUnder(dir)) expect(readFileSync(f).includes("never.stored"), f).toBe(false);
    expect(srv.requests.filter((r) => r.path.startsWith("/sec")).every((r) => r.headers["user-agent"] === CONTACT)).toBe(true);
  });

  it("fetches what is missing: a series stored through --to is skipped unless --refresh", async () => {
    const { store, opts } = await setup();
    await fetchIntoStore(store, { ...opts, provider: "yahoo" });
    const s = await fetchIntoStore(store, { ...opts, provider: "yahoo", from: undefined, to: "2020-01-02" });
    expect(s.skipped).toEqual(expect.arrayContaining([{ provider: "yahoo", symbol: "AAPL", reason: "up to date (stored through 2020-01-02)" }]));
    expect(s.tasks.find((t) => t.model === "prices")?.items ?? 0).toBe(1); // only 9988.HK, which has nothing stored
  });

  it("--provider sec without the contact is E_MISSING_CREDENTIAL; without --provider the SEC is skipped with a note", async () => {
    const { store, opts } = await setup();
    await expect(fetchIntoStore(store, { ...opts, provider: "sec", env: {} })).rejects.toMatchObject({ code: "E_MISSING_CREDENTIAL", message: expect.stringContaining("RERATE_SEC_USER_AGENT") });
    const s = await fetchIntoStore(store, { ...opts, env: {} });
    expect(s.tasks.some((t) => t.provider === "sec")).toBe(false);
    expect(s.notes[0]).toMatch(/^SEC skipped: set RERATE_SEC_USER_AGENT/);
  });

  it("refuses bad options before any request", async () => {
    const { store, opts } = await setup();
    const n = srv.requests.length;
    await expect(fetchIntoStore(store, { ...opts, provider: "bloomberg" })).rejects.toThrow(/--provider "bloomberg" is not a provider; use one of yahoo, sec, fx/);
    await expect(fetchIntoStore(store, { ...opts, from: "2020-02-01" })).rejects.toThrow(/--from "2020-02-01" is after --to \(2020-01-02\)/);
    await expect(fetchIntoStore(store, { ...opts, thesis: "x.yaml" })).rejects.toThrow(/--symbols and --thesis are alternatives/);
    expect(srv.requests.length).toBe(n);
  });
});

describe("symbolsFromThesis() and RERATE_PROVIDER_BASE_URLS", () => {
  it("collects the symbols a thesis file names under securities/symbols/members/benchmarks keys", () => {
    const t = tempDir("rerate-thesis-");
    cleanups.push(t.cleanup);
    const path = join(t.dir, "thesis.yaml");
    writeFileSync(path, `title: China tech re-rating
groups:
  china: { label: China platforms, securities: [9988.HK, "0700.HK", BABA] }
  us:
    members:
      - AMZN
      - msft
benchmarks: ["^HSI", "^GSPC"]
events:
  - id: qwen3-max
    title: Qwen3-Max released
    securities: [9988.HK]
claims:
  - text: "BABA trades near 15x"
`);
    expect(symbolsFromThesis(path)).toEqual(["0700.HK", "9988.HK", "AMZN", "BABA", "MSFT", "^GSPC", "^HSI"]);
    writeFileSync(path, "title: nothing here\n");
    expect(() => symbolsFromThesis(path)).toThrow(/names no symbols/);
  });

  it("parseBaseUrls(value) reads origin=url pairs and names a bad one", () => {
    expect(parseBaseUrls("https://data.sec.gov=http://127.0.0.1:8080/sec, https://www.sec.gov=http://127.0.0.1:8080/www/")).toEqual({
      "https://data.sec.gov": "http://127.0.0.1:8080/sec", "https://www.sec.gov": "http://127.0.0.1:8080/www",
    });
    expect(() => parseBaseUrls("data.sec.gov")).toThrow(/RERATE_PROVIDER_BASE_URLS "data.sec.gov" must be origin=url pairs/);
  });
});

describe.runIf(hasSharedData)("rerate fetch / rerate providers (CLI)", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of ["RERATE_PROVIDER_BASE_URLS", "RERATE_SEC_USER_AGENT", "RERATE_CACHE_DIR", "RERATE_CONFIG"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it("rerate fetch prints a summary on stdout (no progress there) and --json the same as data", async () => {
    const t = tempDir("rerate-fetch-cli-");
    cleanups.push(t.cleanup);
    process.env.RERATE_PROVIDER_BASE_URLS = Object.entries(srv.baseUrls).map(([k, v]) => `${k}=${v}`).join(",");
    process.env.RERATE_CONFIG = join(t.dir, "none.json");
    writeFileSync(process.env.RERATE_CONFIG, "{}");
    const db = join(t.dir, "s.duckdb");
    const args = ["--db", db, "fetch", "--provider", "yahoo", "--symbols", "AAPL,BABA", "--from", "2020-01-01", "--to", "2020-01-02", "--cache-dir", join(t.dir, "c")];
    const r = await runCli(args);
    expect(r.err).not.toMatch(/\[E_/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Fetched as of 2026-12-01: \d+ rows added, 0 updated, 0 unchanged\.\n/);
    expect(r.out).toContain("  yahoo prices: 2 request(s), 0 from cache, 2 rows\n");
    expect(r.out).toMatch(/2 new securities created from their symbols \(AAPL, BABA\)/);
    const j = await runCli([...args, "--json"]);
    expect(j.code).toBe(0);
    const summary = JSON.parse(j.out);
    expect(summary.tables.prices).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(summary.tasks[0]).toEqual({ provider: "yahoo", model: "prices", items: 2, fromCache: 2, rows: 2 });
  });

  it("rerate fetch --provider sec without the contact exits 7 naming RERATE_SEC_USER_AGENT", async () => {
    const t = tempDir("rerate-fetch-cli-");
    cleanups.push(t.cleanup);
    delete process.env.RERATE_SEC_USER_AGENT;
    process.env.RERATE_CONFIG = join(t.dir, "none.json");
    writeFileSync(process.env.RERATE_CONFIG, "{}");
    const r = await runCli(["--db", join(t.dir, "s.duckdb"), "fetch", "--provider", "sec", "--symbols", "AAPL"]);
    expect(r.code).toBe(7);
    expect(r.err).toMatch(/\[E_MISSING_CREDENTIAL\]: provider sec needs RERATE_SEC_USER_AGENT/);
  });

  it("rerate providers lists each provider, what it serves and whether its setting is given (never the value)", async () => {
    process.env.RERATE_SEC_USER_AGENT = CONTACT;
    const r = await runCli(["providers", "--json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; credentials: { set: boolean }[] }[];
    expect(list.map((p) => p.id)).toEqual(["yahoo", "sec", "fx"]);
    expect(list[1]!.credentials[0]!.set).toBe(true);
    expect(r.out).not.toContain("never.stored");
    const text = await runCli(["providers"]);
    expect(text.out).toContain("RERATE_SEC_USER_AGENT (set)");
    expect(text.out).not.toContain("never.stored");
  });
});
