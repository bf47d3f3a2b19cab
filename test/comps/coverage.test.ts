import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeCoverage, type CoverageReport } from "../../src/app/coverage.js";
import { importFiles } from "../../src/app/import/import-files.js";
import { createApp } from "../../src/server/app.js";
import { openStore, type Store } from "../../src/store/open.js";
import { tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";

/*
 * A store with gaps an analyst must see, valued on 2025-09-30:
 * - BABA: prices 2021-01-04 … 2025-09-30, but Alibaba's figures stop at the June 2021 quarter and no estimates.
 * - 9988.HK: prices stop on 2025-09-01; USD/HKD stops on 2025-09-10.
 * - AMZN: FY2024 figures (filed 2025-02-06), FY2025 filed only in 2026; consensus observed 2025-09-01.
 * - NOPX: in the security master, nothing else. ZZZZ: not in the store.
 */
const SECURITIES = `id,name_en,exchange,currency,country,fiscal_year_end_month,reporting_currency,kind,issuer,shares_per_listing
BABA,Alibaba (ADS),NYSE,USD,CN,3,CNY,adr,alibaba,8
9988.HK,Alibaba,HKEX,HKD,CN,3,CNY,equity,alibaba,1
AMZN,Amazon,NASDAQ,USD,US,12,USD,equity,amazon,1
NOPX,No Prices,NYSE,USD,US,12,USD,equity,nopx,1
`;
const PRICES = `Date,Symbol,Close
2021-01-04,BABA,230
2023-06-30,BABA,83
2025-09-30,BABA,170
2025-08-29,9988.HK,150
2025-09-01,9988.HK,137.1
2025-09-29,AMZN,219
2025-09-30,AMZN,220
`;
const FUNDAMENTALS = `entity,metric,fiscal_period,period_end,value,currency,known_from
alibaba,epsDiluted,2022Q1,2021-06-30,1.6,CNY,2021-08-03
alibaba,revenue,2022Q1,2021-06-30,205740000000,CNY,2021-08-03
alibaba,sharesOutstanding,2022Q1,2021-06-30,21700000000,,2021-08-03
amazon,epsDiluted,FY2024,2024-12-31,5.5,USD,2025-02-06
amazon,revenue,FY2024,2024-12-31,637959000000,USD,2025-02-06
amazon,sharesOutstanding,2025Q2,2025-06-30,10600000000,,2025-07-31
amazon,epsDiluted,FY2025,2025-12-31,7.0,USD,2026-02-05
`;
const ESTIMATES = `entity,metric,fiscal_period,period_end,value,currency,as_of,estimator
amazon,epsDiluted,FY2025,2025-12-31,6.0,USD,2025-06-01,consensus
amazon,epsDiluted,FY2025,2025-12-31,6.2,USD,2025-09-01,consensus
amazon,epsDiluted,FY2026,2026-12-31,7.0,USD,2025-09-01,consensus
`;
const FX = `base,quote,date,rate
USD,CNY,2021-01-04,6.47
USD,CNY,2025-09-30,7.12
USD,HKD,2021-01-04,7.75
USD,HKD,2025-09-10,7.80
`;

let store: Store;
let dir: string;
let db: string;
let cleanup: () => void;
let report: CoverageReport;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir("rerate-coverage-"));
  db = join(dir, "coverage.duckdb");
  store = await openStore(db);
  for (const [kind, text] of [["securities", SECURITIES], ["prices", PRICES], ["fundamentals", FUNDAMENTALS], ["estimates", ESTIMATES], ["fx", FX]] as const) {
    const p = join(dir, `${kind}.csv`);
    writeFileSync(p, text);
    await importFiles(store, { kind, files: [p], now: "2026-12-01T00:00:00Z" });
  }
  report = await computeCoverage(store, { securities: ["BABA", "9988.HK", "AMZN", "NOPX", "ZZZZ"], asOf: "2025-09-30" });
});
afterAll(() => {
  store.close();
  cleanup();
});

const of = (id: string) => report.securities.find((c) => c.security.id === id)!;
const codes = (id: string) => report.todo.filter((x) => x.security === id).map((x) => x.code);

describe("computeCoverage(store, { securities, asOf })", () => {
  it("gives each security's price range, rows and age; the basis is unknown when the store does not record one", () => {
    expect(of("BABA").prices).toMatchObject({ first: "2021-01-04", last: "2025-09-30", rows: 3, adjRows: 0, ageDays: 0, synthetic: false });
    // 1 Sep → 30 Sep 2025 = 29 days
    expect(of("9988.HK").prices).toMatchObject({ first: "2025-08-29", last: "2025-09-01", rows: 2, ageDays: 29 });
    expect(["unknown", "close", "raw", "adjusted"]).toContain(of("BABA").prices!.basis);
    expect(of("NOPX").prices).toBeUndefined();
  });

  it("measures the price age from the last close on or before the as-of date, not from later closes", async () => {
    const r = await computeCoverage(store, { securities: ["BABA"], asOf: "2024-01-10" });
    // BABA has closes on 2021-01-04, 2023-06-30 and 2025-09-30: on 2024-01-10 the last is 2023-06-30,
    // 30 Jun 2023 → 31 Jul 31 days, → 31 Aug 62, → 30 Sep 92, → 31 Oct 123, → 30 Nov 153, → 31 Dec 184, → 10 Jan 2024 194 days.
    expect(r.securities[0]!.prices).toMatchObject({ last: "2025-09-30", lastOnOrBefore: "2023-06-30", ageDays: 194 });
    expect(r.todo.find((x) => x.code === "stale_prices")?.detail).toEqual({ last: "2023-06-30", days: 194 });
    const before = await computeCoverage(store, { securities: ["BABA"], asOf: "2020-12-31" });
    expect(before.securities[0]!.prices!.ageDays).toBeUndefined();
    expect(before.todo.map((x) => x.code)).toContain("no_prices");
  });

  it("gives the basis each price series was stored on: raw by default, adjusted when imported as adjusted", async () => {
    const mem = await openStore(":memory:");
    try {
      for (const [kind, text] of [["securities", SECURITIES], ["prices", PRICES]] as const) {
        const p = join(dir, `basis-${kind}.csv`);
        writeFileSync(p, text);
        await importFiles(mem, { kind, files: [p], now: "2026-12-01T00:00:00Z" });
      }
      // A Date,Close file of a listing without prices yet, declared adjusted (as yfinance's default download is).
      const adj = join(dir, "basis-adjusted.csv");
      writeFileSync(adj, "Date,Symbol,Close\n2025-09-29,NOPX,120\n2025-09-30,NOPX,121\n");
      await importFiles(mem, { kind: "prices", files: [adj], basis: "adjusted", now: "2026-12-01T00:00:00Z" });
      const r = await computeCoverage(mem, { securities: ["BABA", "NOPX"], asOf: "2025-09-30" });
      expect(r.securities.find((s) => s.security.id === "BABA")!.prices!.basis).toBe("raw");
      expect(r.securities.find((s) => s.security.id === "NOPX")!.prices!.basis).toBe("adjusted");
    } finally {
      mem.close();
    }
  });

  it("gives the latest figure per metric with its period end, known-from date and ages", () => {
    const eps = of("AMZN").fundamentals.find((f) => f.metric === "epsDiluted")!;
    // FY2025 is filed only on 2026-02-05: on 2025-09-30 the latest known is FY2024, and one later version exists.
    expect(eps).toMatchObject({ fiscalPeriod: "FY2024", periodEnd: "2024-12-31", knownFrom: "2025-02-06", knownLater: 1 });
    // 31 Dec 2024 → 30 Sep 2025: 31+28+31+30+31+30+31+31+30 = 273 days
    expect(eps.periodAgeDays).toBe(273);
    // 6 Feb → 30 Sep 2025: 22 (rest of Feb) + 31+30+31+30+31+31+30 = 236 days
    expect(eps.knownAgeDays).toBe(236);
    // Alibaba (both listings share the issuer's figures): June 2021 quarter; 30 Jun 2021 → 30 Jun 2025 = 4 × 365 + 1 (29 Feb 2024)
    // = 1461 days, + 31 + 31 + 30 = 1553 days.
    expect(of("BABA").fundamentals.find((f) => f.metric === "epsDiluted")).toMatchObject({ fiscalPeriod: "2022Q1", periodAgeDays: 1553 });
    expect(of("9988.HK").fundamentals.map((f) => f.metric)).toEqual(["epsDiluted", "revenue", "sharesOutstanding"]);
  });

  it("gives the latest consensus observation per metric and the periods it covers", () => {
    // The 2025-06-01 observation is superseded by 2025-09-01, 29 days before the as-of date.
    expect(of("AMZN").estimates).toEqual([expect.objectContaining({ entity: "amazon", metric: "epsDiluted", asOf: "2025-09-01", fiscalPeriods: ["FY2025", "FY2026"], ageDays: 29 })]);
    expect(of("BABA").estimates).toEqual([]);
  });

  it("gives the FX pairs the listing and reporting currencies need, with their range", () => {
    expect(of("AMZN").fx).toEqual([]);
    expect(of("BABA").fx.map((f) => [f.pair, f.stored?.first, f.stored?.last, f.ageDays])).toEqual([["USD/CNY", "2021-01-04", "2025-09-30", 0]]);
    // 10 Sep → 30 Sep = 20 days
    expect(of("9988.HK").fx.map((f) => [f.pair, f.stored?.last, f.ageDays])).toEqual([["USD/HKD", "2025-09-10", 20], ["USD/CNY", "2025-09-30", 0]]);
  });

  it("shows each multiple on the date, or n.m. with the reason computeMultiples gives", () => {
    const pe = of("AMZN").multiples.find((m) => m.kind === "trailingPE")!;
    expect(pe.value).toBeCloseTo(220 / 5.5, 10); // 40.0x
    const baba = of("BABA").multiples.find((m) => m.kind === "trailingPE")!;
    expect(baba.value).toBeUndefined(); // no fiscal year of Alibaba's in the store
    expect(typeof baba.nm).toBe("string");
    expect(baba.message).toBeTruthy();
    expect(of("NOPX").multiples).toEqual([]);
  });

  it("ends with what to fetch or import", () => {
    expect(codes("BABA")).toEqual(["stale_fundamentals", "no_estimates"]);
    expect(codes("9988.HK")).toEqual(["stale_prices", "stale_fundamentals", "no_estimates", "stale_fx"]);
    expect(codes("AMZN")).toEqual([]);
    expect(codes("NOPX")).toEqual(["no_prices", "no_fundamentals", "no_estimates"]);
    expect(codes("ZZZZ")).toEqual(["not_in_store"]);
    expect(report.notInStore).toEqual(["ZZZZ"]);
    const stale = report.todo.find((x) => x.security === "BABA" && x.code === "stale_fundamentals")!;
    expect(stale.detail).toMatchObject({ period: "2022Q1", periodEnd: "2021-06-30", days: 1553 });
    expect(stale.commands).toContain("rerate import sec <companyfacts.json> --symbol BABA");
  });
});

describe("rerate coverage", () => {
  it("prints the blocks and the to-do list; --json carries the report; the default as-of date is today", async () => {
    store.close();
    try {
      const r = await runCli(["--db", db, "coverage", "BABA", "9988.HK", "AMZN", "--as-of", "2025-09-30"]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain("BABA · Alibaba (ADS) · NYSE · USD · reports in CNY · issuer alibaba");
      expect(r.out).toContain("Prices: 2021-01-04 … 2025-09-30, 3 rows (0 with adjusted close); basis raw; last close on or before 2025-09-30: 2025-09-30 (0 days)");
      expect(r.out).toContain("- BABA: no fundamentals after 2022Q1 (epsDiluted for the period ended 2021-06-30, 1553 days before the as-of date) — `rerate import sec <companyfacts.json> --symbol BABA` or `rerate fetch --symbols BABA`");
      expect(r.out).toContain("- 9988.HK: prices end 2025-09-01 (29 days before the as-of date)");
      expect(r.out).toContain("- 9988.HK: USD/HKD rates end 2025-09-10 (20 days before the as-of date)");
      const zh = await runCli(["--db", db, "--lang", "zh-Hans", "coverage", "9988.HK", "--as-of", "2025-09-30"]);
      expect(zh.out).toContain("待办：");
      const j = await runCli(["--db", db, "coverage", "AMZN", "--json"]);
      expect(j.code, j.err).toBe(0);
      expect(JSON.parse(j.out).asOf).toBe("2026-12-01"); // runCli's fixed clock
      const all = JSON.parse((await runCli(["--db", db, "coverage", "--json", "--as-of", "2025-09-30"])).out) as CoverageReport;
      expect(all.securities.map((c) => c.security.id)).toEqual(["9988.HK", "AMZN", "BABA", "NOPX"]);
      const bad = await runCli(["--db", db, "coverage", "AMZN", "--as-of", "2025-13-01"]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain("--as-of");
    } finally {
      store = await openStore(db);
    }
  });

  it("GET /api/coverage", async () => {
    const app = createApp({ store: async () => store, cache: false, now: () => new Date("2025-09-30T12:00:00Z") });
    const res = await app.request("/api/coverage?symbols=9988.HK");
    expect(res.status).toBe(200);
    const body = (await res.json()) as CoverageReport;
    expect(body.asOf).toBe("2025-09-30");
    expect(body.todo.map((x) => x.code)).toEqual(["stale_prices", "stale_fundamentals", "no_estimates", "stale_fx"]);
    expect((await app.request("/api/coverage?asOf=yesterday")).status).toBe(400);
    expect((await app.request("/api/coverage?symbols=peers.yaml")).status).toBe(400);
  });
});
