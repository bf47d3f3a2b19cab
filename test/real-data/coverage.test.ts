/**
 * Real data: `rerate coverage` on BABA (us-adjclose) and 9988.HK (hk) with Alibaba's published figures
 * (fundamentals-2025/figures.csv, known from their announcement dates) and USD/HKD, all from ../shared/data (read,
 * never copied). Every expected figure is read from the files here with plain string handling.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeCoverage, type CoverageReport } from "../../src/app/coverage.js";
import { importFiles } from "../../src/app/import/import-files.js";
import { computePeerComps } from "../../src/app/comps-table.js";
import { openStore, type Store } from "../../src/store/open.js";
import { SHARED_DATA, hasSharedData, tempDir } from "../helpers/paths.js";

const AS_OF = "2025-09-30";
const BABA = join(SHARED_DATA, "us-adjclose", "BABA.csv");
const HK = join(SHARED_DATA, "hk", "9988.HK.csv");
const FIGURES = join(SHARED_DATA, "fundamentals-2025", "figures.csv");
const USDHKD = join(SHARED_DATA, "fundamentals-2025", "fx", "USDHKD.csv");

// Public facts (../shared/FACTS.md): 1 ADS = 8 ordinary shares; Alibaba reports in RMB; fiscal year ends in March.
const MASTER = `id,name_en,exchange,currency,country,fiscal_year_end_month,reporting_currency,kind,issuer,shares_per_listing
BABA,Alibaba Group Holding (ADS),NYSE,USD,CN,3,CNY,adr,alibaba,8
9988.HK,Alibaba Group Holding,HKEX,HKD,CN,3,CNY,equity,alibaba,1
`;

/** Dates of a price file's data rows (yfinance's extra header rows have no date). */
const datesOf = (file: string) => readFileSync(file, "utf8").split("\n").filter((l) => /^\d{4}-\d{2}-\d{2},\d/.test(l)).map((l) => l.slice(0, 10));
/** Days between two ISO dates, by the calendar (UTC midnight to UTC midnight). */
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

describe.runIf(hasSharedData)("real data: coverage of Alibaba's two listings", () => {
  let store: Store;
  let cleanup: () => void;
  let report: CoverageReport;

  beforeAll(async () => {
    const t = tempDir("rerate-real-coverage-");
    cleanup = t.cleanup;
    store = await openStore(join(t.dir, "real.duckdb"));
    const master = join(t.dir, "securities.csv");
    writeFileSync(master, MASTER);
    const now = "2026-12-01T00:00:00Z"; // after the last date of the real files (imports refuse future dates)
    await importFiles(store, { kind: "securities", files: [master], now });
    await importFiles(store, { kind: "prices", files: [BABA, HK], now });
    await importFiles(store, { kind: "fundamentals", files: [FIGURES], now });
    await importFiles(store, { kind: "fx", files: [USDHKD], now });
    report = await computeCoverage(store, { securities: ["BABA", "9988.HK"], asOf: AS_OF });
  }, 120_000);

  afterAll(() => {
    store?.close();
    cleanup?.();
  });

  const of = (id: string) => report.securities.find((c) => c.security.id === id)!;

  it("gives each listing's price range and rows as the files hold them", () => {
    for (const [id, file] of [["BABA", BABA], ["9988.HK", HK]] as const) {
      const d = datesOf(file);
      const before = d.filter((x) => x <= AS_OF);
      expect(of(id).prices).toMatchObject({ first: d[0], last: d.at(-1), rows: d.length, lastOnOrBefore: before.at(-1) });
    }
    // Both files have a close on 2025-09-30 itself.
    expect(of("BABA").prices!.ageDays).toBe(0);
    expect(of("9988.HK").prices!.ageDays).toBe(0);
  });

  it("gives Alibaba's latest EPS known on the date, from the published figures with their announcement dates", () => {
    const rows = readFileSync(FIGURES, "utf8").split("\n").filter((l) => l.startsWith("alibaba,epsDiluted,")).map((l) => l.split(","));
    const known = rows.filter((c) => c[7]! <= AS_OF).sort((a, b) => a[3]!.localeCompare(b[3]!));
    const latest = known.at(-1)!;
    // The June 2025 quarter (fiscal 2026 Q1), announced 29 Aug 2025; the September quarter is announced only later.
    expect([latest[2], latest[3], latest[7]]).toEqual(["2026Q1", "2025-06-30", "2025-08-29"]);
    for (const id of ["BABA", "9988.HK"]) {
      const eps = of(id).fundamentals.find((f) => f.metric === "epsDiluted")!;
      expect(eps).toMatchObject({ entity: "alibaba", fiscalPeriod: latest[2], periodEnd: latest[3], knownFrom: latest[7] });
      expect(eps.periodAgeDays).toBe(days(latest[3]!, AS_OF)); // 92
      expect(eps.knownAgeDays).toBe(days(latest[7]!, AS_OF)); // 32
      expect(eps.knownLater).toBe(rows.filter((c) => c[7]! > AS_OF).length);
    }
  });

  it("lists what is missing: consensus estimates and USD/CNY, never a fresh EPS as stale", () => {
    const hkd = readFileSync(USDHKD, "utf8").trim().split("\n").map((l) => l.split(",")).filter((c) => c[2]! <= AS_OF);
    expect(of("9988.HK").fx.find((f) => f.pair === "USD/HKD")!.stored!.last).toBe(hkd.at(-1)![2]);
    for (const id of ["BABA", "9988.HK"]) {
      const codes = report.todo.filter((x) => x.security === id).map((x) => x.code);
      expect(codes).toContain("no_estimates");
      expect(codes).not.toContain("stale_fundamentals");
      expect(report.todo.find((x) => x.security === id && x.code === "no_fx")!.detail).toEqual({ pair: "USD/CNY" });
    }
    // The multiples that need the RMB figures in USD or HKD are n.m. for want of USD/CNY, with a reason.
    expect(of("BABA").multiples.find((m) => m.kind === "trailingPE")!.value).toBeUndefined();
    expect(of("BABA").multiples.every((m) => m.value !== undefined || (m.nm !== undefined && m.message !== undefined))).toBe(true);
  });

  it("one issuer, one vote: a group of both listings counts Alibaba once", async () => {
    const c = await computePeerComps(store, { groups: [{ id: "ali", name: { en: "Alibaba" }, securities: ["9988.HK", "BABA"] }], asOf: AS_OF, metrics: ["trailingPE"] });
    expect(c.leftOut).toEqual([{ group: "ali", issuer: "alibaba", security: "BABA", kept: "9988.HK", rule: "first" }]);
  });
});
