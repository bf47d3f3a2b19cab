import { describe, expect, it } from "vitest";
import type { Fundamental } from "../../src/models/fundamental.js";
import { toFundamentals } from "../../src/providers/sec/to-fundamentals.js";
import type { SecCompanyFacts } from "../../src/providers/sec/wire.js";

// A hand-made calendar-year filer in companyfacts' shape. Fiscal 2024: 10-Qs filed 2024-04-30 (Q1), 2024-07-30 (Q2),
// 2024-10-30 (Q3), 10-K filed 2025-02-10. Income-statement items are filed as three-month and year-to-date amounts,
// cash-flow items year to date only, as US filers do.
type F = { start?: string; end: string; val: number; accn: string; fy: number; fp: string; form: string; filed: string };
const Q1 = { accn: "q1", form: "10-Q", filed: "2024-04-30", fy: 2024, fp: "Q1" };
const Q2 = { accn: "q2", form: "10-Q", filed: "2024-07-30", fy: 2024, fp: "Q2" };
const Q3 = { accn: "q3", form: "10-Q", filed: "2024-10-30", fy: 2024, fp: "Q3" };
const K = { accn: "k24", form: "10-K", filed: "2025-02-10", fy: 2024, fp: "FY" };
const at = (f: typeof K, start: string | undefined, end: string, val: number): F => ({ ...(start ? { start } : {}), end, val, ...f });
const YEAR = ["2024-01-01", "2024-12-31"] as const;

function filer(extra: Record<string, F[]> = {}, perShare: Record<string, F[]> = {}): SecCompanyFacts {
  const usd = (list: F[]) => ({ units: { USD: list } });
  const facts: Record<string, { units: Record<string, F[]> }> = {
    Revenues: usd([
      at(Q1, "2024-01-01", "2024-03-31", 100), at(Q2, "2024-04-01", "2024-06-30", 120), at(Q2, "2024-01-01", "2024-06-30", 220),
      at(Q3, "2024-07-01", "2024-09-30", 130), at(Q3, "2024-01-01", "2024-09-30", 350), at(K, ...YEAR, 500),
    ]),
    OperatingIncomeLoss: usd([
      at(Q1, "2024-01-01", "2024-03-31", 20), at(Q2, "2024-04-01", "2024-06-30", 25), at(Q2, "2024-01-01", "2024-06-30", 45),
      at(Q3, "2024-07-01", "2024-09-30", 30), at(Q3, "2024-01-01", "2024-09-30", 75), at(K, ...YEAR, 110),
    ]),
    NetIncomeLoss: usd([
      at(Q1, "2024-01-01", "2024-03-31", 10), at(Q2, "2024-04-01", "2024-06-30", 12), at(Q2, "2024-01-01", "2024-06-30", 22),
      at(Q3, "2024-07-01", "2024-09-30", 14), at(Q3, "2024-01-01", "2024-09-30", 36), at(K, ...YEAR, 52),
    ]),
    NetCashProvidedByUsedInOperatingActivities: usd([
      at(Q1, "2024-01-01", "2024-03-31", 15), at(Q2, "2024-01-01", "2024-06-30", 40), at(Q3, "2024-01-01", "2024-09-30", 70), at(K, ...YEAR, 100),
    ]),
    DepreciationDepletionAndAmortization: usd([
      at(Q1, "2024-01-01", "2024-03-31", 5), at(Q2, "2024-01-01", "2024-06-30", 11), at(Q3, "2024-01-01", "2024-09-30", 18), at(K, ...YEAR, 26),
    ]),
    CashAndCashEquivalentsAtCarryingValue: usd([at(Q3, undefined, "2024-09-30", 300), at(K, undefined, "2024-12-31", 320)]),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, usd(v)])),
    ...Object.fromEntries(Object.entries(perShare).map(([k, v]) => [k, { units: { "USD/shares": v } }])),
  };
  return { cik: 1, entityName: "HAND-MADE CO", facts: { "us-gaap": facts } };
}

const rowsOf = (f: SecCompanyFacts, sharesPerListing?: number) => toFundamentals(f, { entity: "hm", ...(sharesPerListing ? { sharesPerListing } : {}) }).rows;
const of = (rows: Fundamental[], metric: string) => rows.filter((r) => r.metric === metric).map((r) => [r.fiscalPeriod, r.value, r.knownFrom, r.reference]);

describe("toFundamentals: quarters derived from year-to-date and annual values", () => {
  const rows = rowsOf(filer());

  it("Q4 = FY − 9M YTD, known from the 10-K, with both filings in its reference; filed quarters are read as filed", () => {
    // revenue Q4 = 500 − 350 = 150; Q1..Q3 are filed three-month amounts (100, 120, 130); 100+120+130+150 = 500 = FY.
    expect(of(rows, "revenue")).toEqual([
      ["2024Q1", 100, "2024-04-30", "SEC 10-Q q1"],
      ["2024Q2", 120, "2024-07-30", "SEC 10-Q q2"],
      ["2024Q3", 130, "2024-10-30", "SEC 10-Q q3"],
      ["2024Q4", 150, "2025-02-10", "SEC derived (FY − 9M YTD): 10-K k24, 10-Q q3"],
      ["FY2024", 500, "2025-02-10", "SEC 10-K k24"],
    ]);
  });

  it("cash flows filed year to date only: Q2 = 6M − Q1, Q3 = 9M − 6M, Q4 = FY − 9M, each known from its later part", () => {
    // 40 − 15 = 25; 70 − 40 = 30; 100 − 70 = 30; quarters add up to the year: 15 + 25 + 30 + 30 = 100.
    expect(of(rows, "operatingCashFlow")).toEqual([
      ["2024Q1", 15, "2024-04-30", "SEC 10-Q q1"],
      ["2024Q2", 25, "2024-07-30", "SEC derived (6M YTD − Q1): 10-Q q2, 10-Q q1"],
      ["2024Q3", 30, "2024-10-30", "SEC derived (9M YTD − 6M YTD): 10-Q q3, 10-Q q2"],
      ["2024Q4", 30, "2025-02-10", "SEC derived (FY − 9M YTD): 10-K k24, 10-Q q3"],
      ["FY2024", 100, "2025-02-10", "SEC 10-K k24"],
    ]);
  });

  it("never derives balances (instants)", () => {
    expect(of(rows, "cash").map((r) => r[0])).toEqual(["2024Q3", "FY2024"]);
  });

  it("EBITDA = operating income + D&A per quarter and year, the quarterly D&A de-cumulated from year to date", () => {
    // D&A: Q1 5; Q2 11 − 5 = 6; Q3 18 − 11 = 7; Q4 26 − 18 = 8; FY 26.
    // EBITDA: Q1 20 + 5 = 25; Q2 25 + 6 = 31; Q3 30 + 7 = 37; Q4 (110 − 75 = 35) + 8 = 43; FY 110 + 26 = 136 (= 25+31+37+43).
    const how = "SEC derived (operating income + DepreciationDepletionAndAmortization)";
    expect(of(rows, "ebitda")).toEqual([
      ["2024Q1", 25, "2024-04-30", `${how}: 10-Q q1`],
      ["2024Q2", 31, "2024-07-30", `${how}: 10-Q q2, 10-Q q1`],
      ["2024Q3", 37, "2024-10-30", `${how}: 10-Q q3, 10-Q q2`],
      ["2024Q4", 43, "2025-02-10", `${how}: 10-K k24, 10-Q q3`],
      ["FY2024", 136, "2025-02-10", `${how}: 10-K k24`],
    ]);
  });

  it("Q4 = FY − Q1 − Q2 − Q3 when only quarters are filed (no nine-month amount)", () => {
    const f = filer({ GrossProfit: [at(Q1, "2024-01-01", "2024-03-31", 40), at(Q2, "2024-04-01", "2024-06-30", 45), at(Q3, "2024-07-01", "2024-09-30", 50), at(K, ...YEAR, 190)] });
    // 190 − 40 − 45 − 50 = 55
    expect(of(rowsOf(f), "grossProfit").find((r) => r[0] === "2024Q4")).toEqual(["2024Q4", 55, "2025-02-10", "SEC derived (FY − Q1 − Q2 − Q3): 10-K k24, 10-Q q1, 10-Q q2, 10-Q q3"]);
  });

  it("a restated year gives a new Q4 with the parts known then; a restated nine months alone does not mix with the old year", () => {
    const K25 = { accn: "k25", form: "10-K", filed: "2026-02-10", fy: 2025, fp: "FY" };
    const Q325 = { accn: "q325", form: "10-Q", filed: "2025-10-30", fy: 2025, fp: "Q3" };
    const f = filer({ Revenues: [
      at(Q1, "2024-01-01", "2024-03-31", 100), at(Q3, "2024-01-01", "2024-09-30", 350), at(K, ...YEAR, 500),
      at(Q325, "2024-01-01", "2024-09-30", 340), // 9M 2024 restated in the next year's Q3 10-Q
      at(K25, ...YEAR, 490), // FY2024 restated in the next 10-K
    ] });
    // 2025-02-10: 500 − 350 = 150. 2025-10-30: only the nine months changed: no new value (340 against the old 500
    // would mix bases). 2026-02-10: 490 − 340 = 150, equal to the last value: not repeated.
    expect(of(rowsOf(f), "revenue").filter((r) => r[0] === "2024Q4").map((r) => [r[1], r[2]])).toEqual([[150, "2025-02-10"]]);
    const f2 = filer({ Revenues: [at(Q3, "2024-01-01", "2024-09-30", 350), at(K, ...YEAR, 500), at(Q325, "2024-01-01", "2024-09-30", 345), at(K25, ...YEAR, 480)] });
    // 2026-02-10: 480 − 345 = 135
    expect(of(rowsOf(f2), "revenue").filter((r) => r[0] === "2024Q4").map((r) => [r[1], r[2]])).toEqual([[150, "2025-02-10"], [135, "2026-02-10"]]);
  });

  it("Q4 EPS = FY EPS − 9M EPS (the quarters add up to the reported year); left out when a split falls between the filings", () => {
    // Net income Q4 = 52 − 36 = 16. EPS FY 5.20, 9M 3.60 → Q4 1.60 (implied shares 16 / 1.6 = 10 = 52 / 5.2: one basis).
    const ok = filer({}, { EarningsPerShareDiluted: [at(Q3, "2024-01-01", "2024-09-30", 3.6), at(Q3, "2024-07-01", "2024-09-30", 1.4), at(K, ...YEAR, 5.2)] });
    expect(of(rowsOf(ok), "epsDiluted").find((r) => r[0] === "2024Q4")).toEqual(["2024Q4", 1.6, "2025-02-10", "SEC derived (FY − 9M YTD): 10-K k24, 10-Q q3"]);
    // A 10-for-1 split after the 10-Q: FY EPS 0.52 (post-split), 9M 3.60 (pre-split): 0.52 − 3.60 = −3.08 against a
    // positive Q4 net income: implied shares 16 / −3.08 < 0: left out and counted.
    const split = filer({}, { EarningsPerShareDiluted: [at(Q3, "2024-01-01", "2024-09-30", 3.6), at(K, ...YEAR, 0.52)] });
    const r = toFundamentals(split, { entity: "hm" });
    expect(r.rows.filter((x) => x.metric === "epsDiluted").map((x) => x.fiscalPeriod)).toEqual(["FY2024"]);
    expect(r.skipped["derived quarterly EPS on a share basis other than its net income's (a split between the filings): left out"]).toBe(1);
  });

  it("a first quarter restated by the Q2 filing (a split between the 10-Qs) becomes a new Q1 version from that filing", () => {
    // Q1 EPS 5.00 filed before a 10-for-1 split; the Q2 10-Q gives Q2 0.60 and six months 1.10 on the new basis:
    // Q1 = 1.10 − 0.60 = 0.50 from 2024-07-30, so a TTM after that date adds quarters on one basis.
    const split = filer({}, { EarningsPerShareDiluted: [at(Q1, "2024-01-01", "2024-03-31", 5), at(Q2, "2024-04-01", "2024-06-30", 0.6), at(Q2, "2024-01-01", "2024-06-30", 1.1)] });
    expect(of(rowsOf(split), "epsDiluted")).toEqual([
      ["2024Q1", 5, "2024-04-30", "SEC 10-Q q1"],
      ["2024Q1", 0.5, "2024-07-30", "SEC derived (6M YTD − Q2, Q1 restated): 10-Q q2"],
      ["2024Q2", 0.6, "2024-07-30", "SEC 10-Q q2"],
    ]);
    // Rounding is no restatement: 1.03 − 0.52 = 0.51 against a filed 0.50 (1 cent, under 1.5 cents) adds nothing.
    const rounded = filer({}, { EarningsPerShareDiluted: [at(Q1, "2024-01-01", "2024-03-31", 0.5), at(Q2, "2024-04-01", "2024-06-30", 0.52), at(Q2, "2024-01-01", "2024-06-30", 1.03)] });
    expect(of(rowsOf(rounded), "epsDiluted").filter((r) => r[0] === "2024Q1")).toEqual([["2024Q1", 0.5, "2024-04-30", "SEC 10-Q q1"]]);
  });

  it("per-ADS EPS (unit USD/ADS) is brought to per ordinary share through the ADS ratio; per share wins when both are filed", () => {
    const ads = filer({}, {});
    ads.facts["us-gaap"]!["EarningsPerShareDiluted"] = { units: { "USD/ADS": [at(K, ...YEAR, 41.6)] } };
    // 41.6 per ADS ÷ 8 shares per ADS = 5.2 per share
    expect(of(rowsOf(ads, 8), "epsDiluted")).toEqual([["FY2024", 5.2, "2025-02-10", "SEC 10-K k24, per ADS ÷ 8"]]);
    const both = filer({}, {});
    both.facts["us-gaap"]!["EarningsPerShareDiluted"] = { units: { "USD/ADS": [at(K, ...YEAR, 41.6)], "USD/shares": [at(K, ...YEAR, 5.19)] } };
    expect(of(rowsOf(both, 8), "epsDiluted")).toEqual([["FY2024", 5.19, "2025-02-10", "SEC 10-K k24"]]);
    // Without the ratio a per-ADS figure cannot be placed: skipped and counted.
    const r = toFundamentals(ads, { entity: "hm" });
    expect(r.rows.some((x) => x.metric === "epsDiluted")).toBe(false);
    expect(Object.keys(r.skipped)).toEqual([expect.stringMatching(/^unit USD\/ADS is per ADS and the listing's ADS ratio is not known/)]);
  });
});
