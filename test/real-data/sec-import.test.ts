/**
 * Real data: the SEC companyfacts documents of NVDA, GOOGL, AAPL, MRVL and SNOW (../shared/data/sec, read in place)
 * imported with `rerate import sec`, then TTM diluted EPS and EBITDA checked by hand against the filings' figures.
 * Every expected number below is the arithmetic of the reported XBRL facts quoted beside it (form, accession, filing
 * date), read from the documents with jq, never from rerate's output.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { createFxLookup } from "../../src/core/valuation/create-fx-lookup.js";
import { trailingPE } from "../../src/core/valuation/trailing-pe.js";
import type { Fundamental } from "../../src/models/fundamental.js";
import { readFundamentals } from "../../src/store/fundamentals.js";
import { openStore, type Store } from "../../src/store/open.js";
import { hasSharedData, tempDir } from "../helpers/paths.js";
import { SEC_FILES, TICKERS } from "./_sec.js";

/** TTM diluted EPS on `asOf` as the trailing P/E sees it (price $100, one share per listing): EPS and the quarters summed. */
function ttm(rows: Fundamental[], id: string, asOf: string): { eps: number | undefined; quarters: string[]; knownFrom: string[] } {
  const r = trailingPE({
    security: { id, name: { en: id }, exchange: "NASDAQ", currency: "USD", kind: "equity", sharesPerListing: 1 },
    asOf, price: { date: asOf, close: 100, currency: "USD" }, fundamentals: rows, estimates: [], fx: createFxLookup([]),
  }, "TTM");
  return { eps: r.inputs.denominator, quarters: r.inputs.figures.map((f) => f.fiscalPeriod), knownFrom: r.inputs.figures.map((f) => f.knownFrom!) };
}

describe.runIf(hasSharedData)("real data: rerate import sec of five companyfacts documents", () => {
  let store: Store;
  let rows: Map<string, Fundamental[]>;
  const t = tempDir("rerate-sec-real-");
  const db = join(t.dir, "rerate.duckdb");
  let cli: { code: number; out: string; err: string };

  beforeAll(async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["--db", db, "import", "sec", ...SEC_FILES, "--tickers", TICKERS, "--json"],
      { out: (s) => void out.push(s), err: (s) => void err.push(s), interactive: false, now: () => new Date("2026-06-30T00:00:00Z") });
    cli = { code, out: out.join("\n"), err: err.join("\n") };
    store = await openStore(db);
    rows = new Map();
    for (const id of ["NVDA", "GOOGL", "AAPL", "MRVL", "SNOW"]) rows.set(id, (await readFundamentals(store, [id])).filter((r) => r.metric === "epsDiluted" || r.metric === "ebitda"));
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    t.cleanup();
  });

  it("imports all five, each matched by its CIK to its ticker", () => {
    expect(cli.code, cli.err).toBe(0);
    const s = JSON.parse(cli.out) as { kind: string; files: { file: string; rows: number }[]; added: number };
    expect(s.kind).toBe("sec");
    expect(s.files.map((f) => f.file)).toEqual(SEC_FILES);
    expect(s.files.every((f) => f.rows > 300)).toBe(true);
    for (const [id, list] of rows) expect(list.length, id).toBeGreaterThan(20);
  });

  const cases: { id: string; asOf: string; eps: number; quarters: string[]; why: string }[] = [
    // NVIDIA (fiscal year ends late January). 10-K FY2026 0001045810-26-000021 filed 2026-02-25: FY diluted EPS 4.90;
    // 10-Q 0001045810-25-000230 (2025-11-19): nine months 3.14, Q3 1.30; 10-Q …-25-000209 (2025-08-27): Q2 1.08;
    // 10-Q …-25-000116 (2025-05-28): Q1 0.76. Derived Q4 = 4.90 − 3.14 = 1.76; TTM = 0.76 + 1.08 + 1.30 + 1.76 = 4.90.
    { id: "NVDA", asOf: "2026-02-25", eps: 4.9, quarters: ["2026Q1", "2026Q2", "2026Q3", "2026Q4"], why: "derived Q4 on the 10-K's day" },
    // The day before: FY2025's Q4 = 2.94 (10-K …-25-000023, 2025-02-26) − 2.04 (9M, 10-Q …-24-000316) = 0.90;
    // TTM = 0.90 + 0.76 + 1.08 + 1.30 = 4.04.
    { id: "NVDA", asOf: "2026-02-24", eps: 4.04, quarters: ["2025Q4", "2026Q1", "2026Q2", "2026Q3"], why: "the day before the 10-K: the older set" },
    // FY2025 10-K day (2025-02-26), after the 10-for-1 split of June 2024: Q1 was filed as 5.98 (10-Q …-24-000124)
    // before the split; the Q2 10-Q (…-24-000264, 2024-08-28) gives six months 1.27 and Q2 0.67, so Q1 = 1.27 − 0.67
    // = 0.60 on the new basis. Q3 0.78 (…-24-000316); Q4 = 2.94 − 2.04 = 0.90. TTM = 0.60 + 0.67 + 0.78 + 0.90 = 2.95
    // (the 10-K's 2.94 less the rounding of the quarters).
    { id: "NVDA", asOf: "2025-02-26", eps: 2.95, quarters: ["2025Q1", "2025Q2", "2025Q3", "2025Q4"], why: "Q1 restated through the Q2 filing" },
    // Alphabet (calendar year). 10-K 2025 0001652044-26-000018 (2026-02-05): FY 10.81; 10-Q …-25-000091 (2025-10-30):
    // nine months 7.99, Q3 2.87; 10-Q …-25-000062: Q2 2.31; 10-Q …-25-000043 (2025-04-25): Q1 2.81.
    // Q4 = 10.81 − 7.99 = 2.82; TTM = 2.81 + 2.31 + 2.87 + 2.82 = 10.81.
    { id: "GOOGL", asOf: "2026-02-05", eps: 10.81, quarters: ["2025Q1", "2025Q2", "2025Q3", "2025Q4"], why: "derived Q4" },
    // Day before: Q4 2024 = 8.04 (10-K …-25-000014) − 5.90 (9M, 10-Q …-24-000118) = 2.14; TTM = 2.14 + 2.81 + 2.31 + 2.87 = 10.13.
    { id: "GOOGL", asOf: "2026-02-04", eps: 10.13, quarters: ["2024Q4", "2025Q1", "2025Q2", "2025Q3"], why: "the day before the 10-K" },
    // Q1 2025 10-Q day (2025-04-25): Q2 2024 1.89 (…-24-000079), Q3 2.12 (…-24-000118), Q4 2.14, Q1 2025 2.81 → 8.96.
    { id: "GOOGL", asOf: "2025-04-25", eps: 8.96, quarters: ["2024Q2", "2024Q3", "2024Q4", "2025Q1"], why: "a 10-Q's day" },
    // Apple (fiscal year ends late September). 10-K FY2025 0000320193-25-000079 (2025-10-31): FY 7.46; 10-Q
    // …-25-000073 (2025-08-01): nine months 5.62, Q3 1.57; 10-Q …-25-000057: Q2 1.65; 10-Q …-25-000008: Q1 2.40.
    // Q4 = 7.46 − 5.62 = 1.84; TTM = 2.40 + 1.65 + 1.57 + 1.84 = 7.46.
    { id: "AAPL", asOf: "2025-10-31", eps: 7.46, quarters: ["2025Q1", "2025Q2", "2025Q3", "2025Q4"], why: "derived Q4" },
    // Day before: Q4 FY2024 = 6.08 (10-K …-24-000123) − 5.11 (9M, 10-Q …-24-000081) = 0.97 (the EU State-aid charge
    // quarter); TTM = 0.97 + 2.40 + 1.65 + 1.57 = 6.59.
    { id: "AAPL", asOf: "2025-10-30", eps: 6.59, quarters: ["2024Q4", "2025Q1", "2025Q2", "2025Q3"], why: "the day before the 10-K" },
    // Q1 FY2026 10-Q 0000320193-26-000006 (2026-01-30): Q1 2.84; TTM = 1.65 + 1.57 + 1.84 + 2.84 = 7.90.
    { id: "AAPL", asOf: "2026-01-30", eps: 7.9, quarters: ["2025Q2", "2025Q3", "2025Q4", "2026Q1"], why: "a 10-Q's day" },
    // Marvell (fiscal year ends around 1 February). 10-K FY2026 0001835632-26-000011 (2026-03-11): FY 3.07; 10-Q
    // …-25-000197 (2025-12-03): nine months 2.61, Q3 2.20; 10-Q …-25-000189: Q2 0.22; 10-Q …-25-000117: Q1 0.20.
    // Q4 = 3.07 − 2.61 = 0.46; TTM = 0.20 + 0.22 + 2.20 + 0.46 = 3.08.
    { id: "MRVL", asOf: "2026-03-11", eps: 3.08, quarters: ["2026Q1", "2026Q2", "2026Q3", "2026Q4"], why: "derived Q4" },
    // Day before: Q4 FY2025 = −1.02 (10-K …-25-000057) − (−1.25) (9M, 10-Q …-24-000200) = 0.23; TTM = 0.23 + 0.20 + 0.22 + 2.20 = 2.85.
    { id: "MRVL", asOf: "2026-03-10", eps: 2.85, quarters: ["2025Q4", "2026Q1", "2026Q2", "2026Q3"], why: "the day before the 10-K" },
    // Q1 FY2026 10-Q day (2025-05-30): Q2 FY2025 −0.22 (…-24-000142), Q3 −0.78 (…-24-000200), Q4 0.23, Q1 0.20 → −0.57.
    { id: "MRVL", asOf: "2025-05-30", eps: -0.57, quarters: ["2025Q2", "2025Q3", "2025Q4", "2026Q1"], why: "negative TTM (P/E n.m.)" },
    // Snowflake (fiscal year ends 31 January). 10-K FY2025 0001640147-25-000052 (2025-03-21): FY −3.86; 10-Q
    // …-24-000250 (2024-11-27): nine months −2.88, Q3 −0.98; 10-Q …-24-000207: Q2 −0.95; 10-Q …-24-000135: Q1 −0.95.
    // Q4 = −3.86 − (−2.88) = −0.98; TTM = −0.95 − 0.95 − 0.98 − 0.98 = −3.86.
    { id: "SNOW", asOf: "2025-03-21", eps: -3.86, quarters: ["2025Q1", "2025Q2", "2025Q3", "2025Q4"], why: "derived Q4" },
    // Day before: Q4 FY2024 = −2.55 (10-K …-24-000101) − (−2.04) (9M, 10-Q …-23-000260) = −0.51; TTM = −0.51 − 0.95 − 0.95 − 0.98 = −3.39.
    { id: "SNOW", asOf: "2025-03-20", eps: -3.39, quarters: ["2024Q4", "2025Q1", "2025Q2", "2025Q3"], why: "the day before the 10-K" },
    // Q1 FY2026 10-Q 0001640147-25-000110 (2025-05-30): Q1 −1.29; TTM = −0.95 − 0.98 − 0.98 − 1.29 = −4.20.
    { id: "SNOW", asOf: "2025-05-30", eps: -4.2, quarters: ["2025Q2", "2025Q3", "2025Q4", "2026Q1"], why: "a 10-Q's day" },
  ];

  it.each(cases)("TTM diluted EPS of $id on $asOf is $eps ($why); no figure is used before its filing date", ({ id, asOf, eps, quarters }) => {
    const got = ttm(rows.get(id)!, id, asOf);
    expect(got.quarters).toEqual(quarters);
    expect(got.eps).toBeCloseTo(eps, 9);
    expect(got.knownFrom.every((d) => d <= asOf)).toBe(true);
  });

  it("a derived Q4 is labelled derived, names both filings, and is known from the later one", () => {
    const q4 = rows.get("AAPL")!.filter((r) => r.metric === "epsDiluted" && r.fiscalPeriod === "2025Q4");
    expect(q4).toEqual([expect.objectContaining({
      value: 1.84, periodEnd: "2025-09-27", knownFrom: "2025-10-31",
      reference: "SEC derived (FY − 9M YTD): 10-K 0000320193-25-000079, 10-Q 0000320193-25-000073",
    })]);
  });

  const ebitda: { id: string; fiscalPeriod: string; value: number; knownFrom: string; concepts: string }[] = [
    // NVIDIA 10-K FY2025 (0001045810-25-000023): operating income $81,453m + DepreciationDepletionAndAmortization
    // $1,864m (cash-flow statement) = $83,317m.
    { id: "NVDA", fiscalPeriod: "FY2025", value: 83_317_000_000, knownFrom: "2025-02-26", concepts: "DepreciationDepletionAndAmortization" },
    // Alphabet 10-K 2024 (0001652044-25-000014): operating income $112,390m + depreciation of property and equipment
    // $15,311m (no amortisation tagged for 2024) = $127,701m.
    { id: "GOOGL", fiscalPeriod: "FY2024", value: 127_701_000_000, knownFrom: "2025-02-05", concepts: "Depreciation + AmortizationOfIntangibleAssets" },
    // Apple 10-K FY2024 (0000320193-24-000123): operating income $123,216m + D&A $11,445m = $134,661m.
    { id: "AAPL", fiscalPeriod: "FY2024", value: 134_661_000_000, knownFrom: "2024-11-01", concepts: "DepreciationDepletionAndAmortization" },
    // Marvell 10-K FY2025 (0001835632-25-000057): operating loss −$720.3m + depreciation and amortisation $304.3m
    // + amortisation of acquired intangibles $1,052.6m = $636.6m.
    { id: "MRVL", fiscalPeriod: "FY2025", value: 636_600_000, knownFrom: "2025-03-12", concepts: "OtherDepreciationAndAmortization + AmortizationOfIntangibleAssets" },
    // Snowflake 10-K FY2025 (0001640147-25-000052): operating loss −$1,456.010m + D&A $182.508m = −$1,273.502m.
    { id: "SNOW", fiscalPeriod: "FY2025", value: -1_273_502_000, knownFrom: "2025-03-21", concepts: "DepreciationDepletionAndAmortization" },
  ];

  it.each(ebitda)("EBITDA of $id $fiscalPeriod = operating income + D&A ($concepts), derived", ({ id, fiscalPeriod, value, knownFrom, concepts }) => {
    const first = rows.get(id)!.find((r) => r.metric === "ebitda" && r.fiscalPeriod === fiscalPeriod);
    expect(first).toMatchObject({ value, knownFrom, currency: "USD", unit: "currency" });
    expect(first!.reference).toMatch(new RegExp(`^SEC derived \\(operating income \\+ ${concepts.replace(/\+/g, "\\+")}\\): `));
  });

  it("quarterly EBITDA adds up to the year within the filings' rounding: NVIDIA FY2025", () => {
    // Each quarter is operating income + D&A of that quarter (D&A de-cumulated from the year-to-date cash flows).
    // NVIDIA's three-month operating incomes 16,909 + 18,642 + 21,869 = 57,420 ($m) against the 10-Q's nine
    // months 57,419 (…-24-000316): Q4 = 81,453 − 57,419 = 24,034, so the quarters add up to the year's 83,317 + 1.
    const q = ["2025Q1", "2025Q2", "2025Q3", "2025Q4"].map((p) => rows.get("NVDA")!.find((r) => r.metric === "ebitda" && r.fiscalPeriod === p)!.value);
    expect(q.reduce((a, b) => a + b, 0)).toBe(83_318_000_000);
  });
});
