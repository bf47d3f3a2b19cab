/**
 * Real data: Alibaba's and Microsoft's published EPS (../shared/data/fundamentals-2025/figures.csv and the non-GAAP
 * figures-nongaap.csv, imported as they are), BABA and MSFT closes (us-adjclose) and USD→CNY (indices-long/CNY=X.csv,
 * Yahoo's CNY=X = CNY per USD), with the security master of examples/securities.csv. check-multiple lists GAAP and
 * adjusted P/Es side by side on fresh figures and calls stale figures stale, with their age, reproducing nothing from them.
 *
 * Every expected P/E is worked from the per-ADS EPS printed in Alibaba's releases (quoted in the files' `reference`
 * column; 1 ADS = 8 shares), Microsoft's per-share EPS, the close and FX read from the data files here by plain
 * string splitting, and ages counted on the calendar (checked with Python's date subtraction).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMultiple, type CheckMultipleResult } from "../../src/app/check-multiple.js";
import { importFiles } from "../../src/app/import/import-files.js";
import { openStore, type Store } from "../../src/store/open.js";
import { runCli } from "../helpers/run-cli.js";
import { REPO, SHARED_DATA, hasSharedData, tempDir } from "../helpers/paths.js";

// After the last row of every file read here (prices run to 2026-08-03): imports refuse dates after their own.
const NOW = "2026-12-01T00:00:00Z";

/** The value of a `Date,...` CSV row for a date (column `col`, 1 = the first after the date). */
function cell(file: string, date: string, col = 1): number {
  const line = readFileSync(file, "utf8").split("\n").find((l) => l.startsWith(date + ","));
  if (line === undefined) throw new Error(`${file} has no ${date}`);
  return Number(line.trim().split(",")[col]);
}

const at = (r: CheckMultipleResult, id: string) => r.definitions.find((d) => d.definition.id === id)!;

describe.runIf(hasSharedData)("real data: freshness and adjusted EPS in check-multiple (BABA, MSFT)", () => {
  let store: Store;
  let cleanup: () => void;
  let db: string;
  const babaCsv = join(SHARED_DATA, "us-adjclose", "BABA.csv");
  const msftCsv = join(SHARED_DATA, "us-adjclose", "MSFT.csv");
  const cnyCsv = join(SHARED_DATA, "indices-long", "CNY=X.csv");

  beforeAll(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    db = join(t.dir, "real.duckdb");
    store = await openStore(db);
    await importFiles(store, { kind: "securities", files: [join(REPO, "examples", "securities.csv")], now: NOW });
    await importFiles(store, { kind: "prices", files: [babaCsv, msftCsv], now: NOW });
    // yfinance's CNY=X.csv has a three-row header (importing it is another change); its Close column (2) as USD→CNY rows.
    const rows = readFileSync(cnyCsv, "utf8").split("\n").slice(3).filter((l) => l >= "2025-06-01");
    const fx = join(t.dir, "usdcny.csv");
    writeFileSync(fx, "base,quote,date,rate\n" + rows.filter((l) => l.trim() !== "").map((l) => { const c = l.split(","); return `USD,CNY,${c[0]},${c[2]}`; }).join("\n") + "\n");
    await importFiles(store, { kind: "fx", files: [fx], now: NOW });
    const figures = join(SHARED_DATA, "fundamentals-2025");
    await importFiles(store, { kind: "fundamentals", files: [join(figures, "figures.csv"), join(figures, "figures-nongaap.csv")], now: NOW });
  }, 120_000);

  afterAll(() => {
    store?.close();
    cleanup?.();
  });

  it("imports the non-GAAP file: eps_adjusted_diluted is the metric epsAdjustedDiluted (31 rows)", async () => {
    const n = await store.all<{ n: string }>("SELECT count(*) AS n FROM fundamentals WHERE metric = 'epsAdjustedDiluted'");
    expect(Number(n[0]!.n)).toBe(31); // PROVENANCE.md: figures-nongaap.csv has 31 rows
  });

  it("2025-09-24: FY2025 diluted EPS (RMB 53.59 per ADS) and net income TTM give fresh P/Es; TTM EPS lacks the Sep-2024 quarter", async () => {
    const price = cell(babaCsv, "2025-09-24"); // 174.834…
    const usdCny = cell(cnyCsv, "2025-09-24", 2); // 7.1116
    const r = await checkMultiple(store, { security: "BABA", claim: 20, around: "2025-09-24", windowDays: 0 });
    const fy = at(r, "FY.diluted.listing").atAround;
    // price × USDCNY / EPS per ADS = 174.834 × 7.1116 / 53.59 = 23.20x
    expect(fy.value).toBeCloseTo((price * usdCny) / 53.59, 8);
    // FY2025 ended 2025-03-31: 177 days before (30 + 31 + 30 + 31 + 31 + 24); known from the 20-F of 2025-06-26: 90 days
    expect(fy.inputs.figures[0]).toMatchObject({ fiscalPeriod: "FY2025", ageDays: 177, knownAgeDays: 90 });
    // net income TTM (RMB m) 43,874 + 48,945 + 12,382 + 43,116 = 148,317 over 19,318m diluted shares (FY2025) × 8 per ADS → 20.24x
    expect(at(r, "TTM.netIncome.listing").atAround.value).toBeCloseTo((price * usdCny) / ((148_317 / 19_318) * 8), 8);
    expect(r.reproducedBy).toEqual(["TTM.netIncome.listing"]); // |20.24 / 20 − 1| = 1.2% ≤ 5%; FY 23.2x is 16% off
    // The files hold no EPS (GAAP or adjusted) for the quarter to Sep 2024 (2025Q2): TTM EPS is missing, not stale.
    expect(at(r, "TTM.diluted.listing").atAround).toMatchObject({ nm: "missing_input" });
    expect(at(r, "TTM.adjusted.listing").atAround).toMatchObject({ nm: "missing_input" });
    expect(r.staleDefinitions).toEqual([]);
  });

  it("2025-12-01: GAAP and adjusted TTM P/Es side by side (RMB 52.29 and 53.02 per ADS), both reproducing 22x", async () => {
    const price = cell(babaCsv, "2025-12-01"); // 162.765…
    const usdCny = cell(cnyCsv, "2025-12-01", 2); // 7.0751
    const r = await checkMultiple(store, { security: "BABA", claim: 22, around: "2025-12-01", windowDays: 0 });
    // GAAP diluted per ADS, quarters to Dec 2024 … Sep 2025: 20.39 + 5.17 + 17.98 + 8.75 = 52.29 → 162.765 × 7.0751 / 52.29 = 22.02x
    const gaap = at(r, "TTM.diluted.listing").atAround;
    expect(gaap.value).toBeCloseTo((price * usdCny) / 52.29, 8);
    // non-GAAP diluted per ADS: 21.39 + 12.52 + 14.75 + 4.36 = 53.02 → 21.72x
    const adjusted = at(r, "TTM.adjusted.listing").atAround;
    expect(adjusted.value).toBeCloseTo((price * usdCny) / 53.02, 8);
    expect(adjusted.inputs.figures.map((f) => f.metric)).toEqual(Array(4).fill("epsAdjustedDiluted"));
    // the last quarter ended 2025-09-30: 62 days before (31 + 30 + 1)
    expect(gaap.inputs.figures[3]).toMatchObject({ fiscalPeriod: "2026Q2", ageDays: 62 });
    expect(r.reproducedBy).toEqual(expect.arrayContaining(["TTM.diluted.listing", "TTM.adjusted.listing"]));
    expect(r.staleDefinitions).toEqual([]);
  });

  it("2026-07-31: every Alibaba figure is stale, with its age, and nothing is reproduced", async () => {
    const r = await checkMultiple(store, { security: "BABA", claim: 20, around: "2026-07-31", windowDays: 0 });
    expect(r.reproducedBy).toEqual([]);
    expect(r.closest).toBeUndefined();
    // FY2025 (2025-03-31) is 487 days old (> 456); the last quarter (2025-09-30) 304 days (> 213)
    expect(at(r, "FY.diluted.listing").stale).toMatchObject({ reason: "stale_fundamentals", ageDays: 487, limitDays: 456, option: "maxAnnualAgeDays" });
    expect(at(r, "TTM.diluted.listing").stale).toMatchObject({ reason: "stale_fundamentals", ageDays: 304, limitDays: 213, option: "maxInterimAgeDays" });
    expect(at(r, "TTM.adjusted.listing").stale).toMatchObject({ reason: "stale_fundamentals", ageDays: 304 });
    expect(r.staleDefinitions).toEqual(expect.arrayContaining(["FY.diluted.listing", "TTM.diluted.listing", "TTM.adjusted.listing", "TTM.netIncome.listing"]));
    // (CNY=X.csv ends 2026-02-09, so no value could be stated in USD even with no freshness limit.)
    expect(at(r, "TTM.diluted.listing").stale!.value).toBeUndefined();
  });

  it("2026-07-31, MSFT: a stale TTM that would match the claim is listed apart and not counted; the fresh FY is", async () => {
    const price = cell(msftCsv, "2026-07-31"); // 464.72
    const r = await checkMultiple(store, { security: "MSFT", claim: 33, around: "2026-07-31", windowDays: 0, tolerance: 0.02 });
    // FY2025 (to 2025-06-30, EPS 13.64) is 396 days old (≤ 456): 464.72 / 13.64 = 34.07x, 3.2% from 33 (> 2%)
    expect(at(r, "FY.diluted.listing").atAround.value).toBeCloseTo(price / 13.64, 8);
    // TTM 3.23 + 3.46 + 3.65 + 3.72 = 14.06 (quarters to 2025-09-30, 304 days old) would be 33.05x: within 2% of 33, stale
    const ttm = at(r, "TTM.diluted.listing");
    expect(ttm.stale).toMatchObject({ reason: "stale_fundamentals", ageDays: 304, wouldMatch: ["2026-07-31"] });
    expect(ttm.stale!.value).toBeCloseTo(price / 14.06, 8);
    expect(r.reproducedBy).toEqual([]);
  });

  it("rerate check-multiple prints the stale definitions apart with their age", async () => {
    store.close();
    const out = await runCli(["--db", db, "check-multiple", "MSFT", "--claim", "33", "--around", "2026-07-31", "--window", "0", "--tolerance", "0.02"]);
    store = await openStore(db);
    expect(out.code, out.err).toBe(0);
    expect(out.out).toContain("Stale figures, not counted");
    expect(out.out).toMatch(/trailing 4 quarters \(or 2 halves\), diluted EPS, per listing unit: 33\.1x on 2026-07-31, from a figure 304 days old \(limit 213 days, maxInterimAgeDays\); it would have matched 33x/);
  });
});
