import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { readFundamentals } from "../../src/store/fundamentals.js";
import type { Store } from "../../src/store/open.js";
import { createTempDir, importIssues, NOW, openMemoryStore, runImport, snapshotStore, type TempDir } from "./_helpers.js";

// A hand-made companyfacts document in EDGAR's shape (data.sec.gov/api/xbrl/companyfacts/CIK0000000042.json):
// a calendar-year filer with revenue for 2024 from three 10-Qs and a 10-K, and cash at the year end.
const fact = (start: string | undefined, end: string, val: unknown, accn: string, form: string, filed: string) =>
  ({ ...(start ? { start } : {}), end, val, accn, fy: 2024, fp: form === "10-K" ? "FY" : "Q3", form, filed });
function doc(revenue: unknown[] = [
  fact("2024-01-01", "2024-03-31", 100, "q1", "10-Q", "2024-04-30"),
  fact("2024-04-01", "2024-06-30", 120, "q2", "10-Q", "2024-07-30"),
  fact("2024-07-01", "2024-09-30", 130, "q3", "10-Q", "2024-10-30"),
  fact("2024-01-01", "2024-09-30", 350, "q3", "10-Q", "2024-10-30"),
  fact("2024-01-01", "2024-12-31", 500, "k24", "10-K", "2025-02-10"),
], cik: unknown = 42) {
  return {
    cik, entityName: "HAND-MADE CO",
    facts: {
      dei: { EntityPublicFloat: { label: "not read", units: { USD: [{ end: "2024-06-30", val: "not checked: not a concept rerate maps" }] } } },
      "us-gaap": {
        Revenues: { label: "Revenues", units: { USD: revenue } },
        CashAndCashEquivalentsAtCarryingValue: { label: "Cash", units: { USD: [fact(undefined, "2024-12-31", 320, "k24", "10-K", "2025-02-10")] } },
        SomethingElse: { label: "never read", units: { USD: [{ bad: true }] } },
      },
    },
  };
}
const TICKERS = { 0: { cik_str: 42, ticker: "HMCO", title: "HAND-MADE CO" }, 1: { cik_str: 42, ticker: "HMCO-B", title: "HAND-MADE CO" } };

describe("importFiles(store, { kind: 'sec' }): companyfacts saved from EDGAR", () => {
  let tmp: TempDir;
  let store: Store;
  beforeEach(async () => {
    tmp = createTempDir("rerate-sec-");
    store = await openMemoryStore();
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it("matches the filer by CIK through SEC's ticker file and stores reported and derived figures", async () => {
    const file = tmp.write("CIK0000000042.json", JSON.stringify(doc()));
    const tickers = tmp.write("company_tickers.json", JSON.stringify(TICKERS));
    const s = await runImport(store, { kind: "sec", files: [file], tickers });
    // revenue: Q1 100, Q2 120, Q3 130, FY 500, Q4 = 500 − 350 = 150 (derived); cash FY2024 320: 6 rows.
    expect(s).toMatchObject({ kind: "sec", dryRun: false, added: 6, updated: 0, unchanged: 0 });
    expect(s.files).toEqual([expect.objectContaining({ file, rowsRead: 6, rows: 6 })]);
    const rows = await readFundamentals(store, ["HMCO"]);
    expect(rows.find((r) => r.fiscalPeriod === "2024Q4")).toMatchObject({
      metric: "revenue", value: 150, knownFrom: "2025-02-10", reference: "SEC derived (FY − 9M YTD): 10-K k24, 10-Q q3", source: file,
    });
    // Again: nothing new.
    expect(await runImport(store, { kind: "sec", files: [file], tickers })).toMatchObject({ added: 0, updated: 0, unchanged: 6 });
  });

  it("stores against the issuer of the security master, as a fetch does; --symbol names the filer", async () => {
    const sec = tmp.write("securities.csv", "id,name,exchange,currency,kind,issuer\nHMCO,Hand-made Co,NYSE,USD,equity,handmade\n");
    await runImport(store, { kind: "securities", files: [sec] });
    const file = tmp.write("facts.json", JSON.stringify(doc()));
    await runImport(store, { kind: "sec", files: [file], symbol: "hmco" });
    expect((await readFundamentals(store, ["handmade"])).length).toBe(6);
  });

  it("a 20-F filer: per-ADS EPS divided by the master's shares_per_listing, in the reporting currency (CNY over a USD translation)", async () => {
    const sec = tmp.write("securities.csv", "id,name,exchange,currency,kind,issuer,shares_per_listing,reporting_currency\nHMCO,Hand-made Co ADS,NYSE,USD,adr,handmade,8,CNY\n");
    await runImport(store, { kind: "securities", files: [sec] });
    const y = (val: number) => ({ start: "2024-04-01", end: "2025-03-31", val, accn: "f25", fy: 2025, fp: "FY", form: "20-F", filed: "2025-05-15" });
    const d = doc([]);
    d.facts["us-gaap"].Revenues.units = { CNY: [y(996_347)], USD: [y(138_381)] } as never;
    (d.facts["us-gaap"] as Record<string, unknown>).EarningsPerShareDiluted = { label: "EPS", units: { "CNY/ADS": [y(54.4)] } };
    const file = tmp.write("baba-like.json", JSON.stringify(d));
    await runImport(store, { kind: "sec", files: [file], symbol: "HMCO" });
    const rows = await readFundamentals(store, ["handmade"]);
    // EPS RMB 54.40 per ADS ÷ 8 ordinary shares per ADS = RMB 6.80 per share.
    expect(rows.find((r) => r.metric === "epsDiluted")).toMatchObject({ fiscalPeriod: "FY2025", value: 6.8, currency: "CNY", unit: "perShare", reference: "SEC 20-F f25, per ADS ÷ 8" });
    expect(rows.find((r) => r.metric === "revenue")).toMatchObject({ value: 996_347, currency: "CNY" });
  });

  it("--dry-run reports the same counts and writes nothing", async () => {
    const file = tmp.write("facts.json", JSON.stringify(doc()));
    const before = await snapshotStore(store);
    expect(await runImport(store, { kind: "sec", files: [file], symbol: "HMCO", dryRun: true })).toMatchObject({ dryRun: true, added: 6 });
    expect(await snapshotStore(store)).toEqual(before);
  });

  it("refuses a fact in the wrong shape, naming file, JSON path and value; the store is unchanged", async () => {
    const good = tmp.write("good.json", JSON.stringify(doc()));
    await runImport(store, { kind: "sec", files: [good], symbol: "HMCO" });
    const before = await snapshotStore(store);
    const bad = tmp.write("bad.json", JSON.stringify(doc([fact("2024-01-01", "2024-12-31", "1.2B", "k24", "10-K", "2025-02-10"), fact("2024-01-01", "2024-13-31", 5, "k24", "10-K", "2025-02-10")])));
    const other = tmp.write("other.json", JSON.stringify(doc()));
    const { issues, message } = await importIssues(store, { kind: "sec", files: [other, bad], symbol: "HMCO" });
    expect(issues).toEqual([
      { file: bad, column: '$.facts["us-gaap"].Revenues.units.USD[0].val', value: "1.2B", reason: "expected number, received string" },
      { file: bad, column: '$.facts["us-gaap"].Revenues.units.USD[1].end', value: "2024-13-31", reason: "is not a date YYYY-MM-DD" },
    ]);
    expect(message).toMatch(/^import refused, nothing was written: 2 problems in 1 file/);
    expect(await snapshotStore(store)).toEqual(before);
  });

  it("refuses what is not a companyfacts document, a file that is not JSON, and a CIK it cannot match", async () => {
    const notFacts = tmp.write("chart.json", JSON.stringify({ chart: { result: [] } }));
    const notJson = tmp.write("page.json", "<html>Request Rate Threshold Exceeded</html>");
    const unmatched = tmp.write("CIK0000000043.json", JSON.stringify(doc(undefined, 43)));
    const tickers = tmp.write("company_tickers.json", JSON.stringify(TICKERS));
    const before = await snapshotStore(store);
    const { issues } = await importIssues(store, { kind: "sec", files: [notFacts, notJson, unmatched], tickers, cacheDir: false });
    expect(issues.map((i) => [i.file, i.column, i.value])).toEqual([
      [notFacts, "$.cik", undefined], [notFacts, "$.entityName", undefined], [notFacts, "$.facts", undefined],
      [notJson, undefined, undefined],
      [unmatched, "$.cik", "43"],
    ]);
    expect(issues[0]!.reason).toMatch(/^is missing \(not a companyfacts document/);
    expect(issues[3]!.reason).toMatch(/^is not JSON: /);
    expect(issues[4]!.reason).toMatch(/^\(HAND-MADE CO\) is not matched to a ticker: pass --symbol, or --tickers .*, which does not list this CIK$/);
    expect(await snapshotStore(store)).toEqual(before);
  });

  it("--symbol with documents of two filers is refused", async () => {
    const a = tmp.write("a.json", JSON.stringify(doc()));
    const b = tmp.write("b.json", JSON.stringify(doc(undefined, 43)));
    const { issues } = await importIssues(store, { kind: "sec", files: [a, b], symbol: "HMCO" });
    expect(issues).toEqual([expect.objectContaining({ column: "--symbol", value: "HMCO", reason: expect.stringMatching(/^names one filer but the files are of 2/) })]);
  });
});

describe("rerate import sec (CLI)", () => {
  let tmp: TempDir;
  beforeEach(() => void (tmp = createTempDir("rerate-sec-cli-")));
  afterEach(() => tmp.cleanup());
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (s) => void out.push(s), err: (s) => void err.push(s), interactive: false, now: () => new Date(NOW) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  it("main([import, sec, file, --tickers, …, --json]) exits 0 with the summary; a bad file exits 2 naming the JSON path", async () => {
    const db = `${tmp.dir}/store/rerate.duckdb`;
    const file = tmp.write("CIK0000000042.json", JSON.stringify(doc()));
    const tickers = tmp.write("company_tickers.json", JSON.stringify(TICKERS));
    const ok = await run(["--db", db, "import", "sec", file, "--tickers", tickers, "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ kind: "sec", added: 6 });
    const bad = tmp.write("bad.json", JSON.stringify(doc([fact("2024-01-01", "2024-12-31", null, "k24", "10-K", "2025-02-10")])));
    const r = await run(["--db", db, "import", "sec", bad, "--symbol", "HMCO"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: $.facts["us-gaap"].Revenues.units.USD[0].val "null" expected number, received null`);
  });
});
