/**
 * Real data (issue 13): NVIDIA's 10-for-1 split (effective 2024-06-10) inside the trailing year. Between the Q2 FY2025
 * 10-Q (2024-08-28) and the FY2025 10-K (2025-02-26) the store holds post-split quarters beside pre-split ones that
 * were not restated yet; TTM diluted EPS must put those on the post-split basis. Every expected number is the
 * arithmetic of the XBRL facts quoted beside it (accession, filing date), read with jq from
 * ../shared/data/sec/CIK0001045810_NVDA.json, and of the split-adjusted closes in ../shared/data/us-adjclose/NVDA.csv
 * (no jump across the split: 120.68 on 2024-06-07, 121.58 on 2024-06-10), never from rerate's output.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { createFxLookup } from "../../src/core/valuation/create-fx-lookup.js";
import { multipleSeries } from "../../src/core/valuation/multiple-series.js";
import { trailingPE } from "../../src/core/valuation/trailing-pe.js";
import type { Fundamental } from "../../src/models/fundamental.js";
import type { Security } from "../../src/models/index.js";
import { readFundamentals } from "../../src/store/fundamentals.js";
import { openStore } from "../../src/store/open.js";
import { hasSharedData, SHARED_DATA, tempDir } from "../helpers/paths.js";
import { TICKERS } from "./_sec.js";

const NVDA: Security = { id: "NVDA", name: { en: "NVIDIA" }, exchange: "NASDAQ", currency: "USD", fiscalYearEndMonth: 1, reportingCurrency: "USD", kind: "equity", sharesPerListing: 1 };

describe.runIf(hasSharedData)("real data: NVDA TTM EPS across the 10-for-1 split of June 2024", () => {
  let rows: Fundamental[] = [];
  let closes = new Map<string, number>();
  const t = tempDir("rerate-nvda-split-");

  beforeAll(async () => {
    const db = join(t.dir, "rerate.duckdb");
    const err: string[] = [];
    const code = await main(["--db", db, "import", "sec", join(SHARED_DATA, "sec/CIK0001045810_NVDA.json"), "--tickers", TICKERS, "--json"],
      { out: () => undefined, err: (s) => void err.push(s), interactive: false, now: () => new Date("2026-06-30T00:00:00Z") });
    expect(code, err.join("\n")).toBe(0);
    const store = await openStore(db);
    try {
      rows = await readFundamentals(store, ["NVDA"]);
    } finally {
      await store.close();
    }
    closes = new Map(readFileSync(join(SHARED_DATA, "us-adjclose/NVDA.csv"), "utf8").trim().split("\n").slice(1).map((l) => {
      const [d, c] = l.split(",");
      return [d!, Number(c)];
    }));
  }, 120_000);
  afterAll(() => t.cleanup());

  const pe = (asOf: string) => trailingPE({ security: NVDA, asOf, price: { date: asOf, close: closes.get(asOf)!, currency: "USD" }, fundamentals: rows, estimates: [], fx: createFxLookup([]) }, "TTM");

  it("2024-12-31: TTM diluted EPS = 4.92/10 + 0.60 + 0.67 + 0.78 = 2.542; P/E = 134.09 / 2.542 = 52.75x", () => {
    // Q4 FY2024 (2024Q4) = FY 11.93 (10-K 0001045810-24-000029, 2024-02-21) − nine months 7.01 (10-Q …-23-000227) = 4.92,
    //   pre-split; net income 29,760m − 17,475m = 12,285m → implied shares 12,285m / 4.92 = 2.497bn.
    // Q1 FY2025 = six months 1.27 − Q2 0.67 (10-Q …-24-000264, 2024-08-28) = 0.60 (the May 10-Q …-24-000124 had 5.98).
    // Q2 0.67, diluted shares 24,848m (…-24-000264); Q3 0.78, diluted shares 24,774m (10-Q …-24-000316, 2024-11-20).
    // 24,774m / 2,497m = 9.92 → a 10-for-1 split: 0.492 + 0.60 + 0.67 + 0.78 = 2.542 (as filed, mixed: 6.97).
    // Close 2024-12-31 (split-adjusted) 134.0897 → 134.0897 / 2.542 = 52.75x (not 134.09 / 6.97 = 19.2x).
    const r = pe("2024-12-31");
    expect(r.inputs.figures.map((f) => [f.fiscalPeriod, f.value, f.weight])).toEqual([["2024Q4", 4.92, 0.1], ["2025Q1", 0.6, 1], ["2025Q2", 0.67, 1], ["2025Q3", 0.78, 1]]);
    expect(r.inputs.denominator).toBeCloseTo(2.542, 9);
    // Cross-check, independent of EPS rounding and of any split: TTM net income ÷ latest diluted shares =
    // (12,285 + 14,881 + 19,309 + 16,599)m = 63,074m ÷ 24,774m = 2.546 (within half a cent of 2.542).
    expect(r.inputs.denominator).toBeCloseTo(63_074 / 24_774, 2);
    expect(r.value).toBeCloseTo(134.0897 / 2.542, 3);
    expect(r.value).toBeGreaterThan(50);
    expect(r.value).toBeLessThan(60);
    expect(r.inputs.notes).toContain("2024Q4 epsDiluted 4.92 put on the post-split basis of 2025Q3 ÷ 10 (implied shares 2.5bn → 24.8bn)");
  });

  it("2024-09-30: two pre-split quarters: 3.71/10 + 4.92/10 + 0.60 + 0.67 = 2.133; P/E = 121.25 / 2.133 = 56.85x", () => {
    // Q3 FY2024 (2024Q3) 3.71 (10-Q …-23-000227, 2023-11-21), net income 9,243m → 2.491bn shares; basis Q2 FY2025's 24,848m.
    const r = pe("2024-09-30");
    expect(r.inputs.figures.map((f) => [f.fiscalPeriod, f.weight])).toEqual([["2024Q3", 0.1], ["2024Q4", 0.1], ["2025Q1", 1], ["2025Q2", 1]]);
    expect(r.inputs.denominator).toBeCloseTo(2.133, 9);
    expect(r.value).toBeCloseTo(121.2505 / 2.133, 3);
  });

  it("the history kernel gives the same P/Es through the window", () => {
    const dates = [...closes.keys()].filter((d) => d >= "2024-08-28" && d <= "2025-03-31");
    const days = dates.map((d) => Date.parse(d) / 86_400_000);
    const [s] = multipleSeries({ security: NVDA, prices: { days, close: dates.map((d) => closes.get(d)!), currency: "USD" }, fundamentals: rows, estimates: [], fx: createFxLookup([]) }, dates, ["ttmPE"]);
    dates.forEach((d, i) => {
      const one = pe(d);
      expect([d, s!.values[i]]).toEqual([d, one.value ?? Number.NaN]);
      // On one share basis the P/E never falls to the ~20x of the mixed sums.
      if (one.value !== undefined) expect(one.value, d).toBeGreaterThan(35);
    });
  });
  const fyPe = (asOf: string) => trailingPE({ security: NVDA, asOf, price: { date: asOf, close: closes.get(asOf)!, currency: "USD" }, fundamentals: rows, estimates: [], fx: createFxLookup([]) }, "FY");

  it("2024-12-31: FY P/E on the post-split basis: FY2024 diluted EPS 11.93 / 10 = 1.193; 134.0897 / 1.193 = 112.40x (not 11.24x)", () => {
    // FY2024 (to 2024-01-28) diluted EPS 11.93, diluted shares 2,494m (10-K 0001045810-24-000029, 2024-02-21: pre-split);
    // latest count known on 2024-12-31: Q3 FY2025 diluted shares 24,774m (10-Q …-24-000316, 2024-11-20).
    // 24,774 / 2,494 = 9.93 → 10-for-1: 11.93 / 10 = 1.193; close 134.0897 (us-adjclose/NVDA.csv) / 1.193 = 112.397.
    const r = fyPe("2024-12-31");
    expect(r.inputs.figures.map((f) => [f.fiscalPeriod, f.metric, f.value, f.weight])).toEqual([["FY2024", "epsDiluted", 11.93, 0.1]]);
    expect(r.inputs.denominator).toBeCloseTo(1.193, 12);
    expect(r.value).toBeCloseTo(134.0897 / (11.93 / 10), 3);
    expect(r.inputs.notes).toContain("FY2024 epsDiluted 11.93 put on the post-split basis of 2025Q3 ÷ 10 (implied shares 2.49bn → 24.8bn)");
  });

  it("2025-03-31: FY2025 diluted EPS 2.94 (10-K …-25-000023, 2025-02-26) is post-split already: 108.2283 / 2.94 = 36.81x, no note", () => {
    const r = fyPe("2025-03-31");
    expect(r.inputs.figures.map((f) => [f.fiscalPeriod, f.value])).toEqual([["FY2025", 2.94]]);
    expect(r.value).toBeCloseTo(108.2283 / 2.94, 3);
    expect(r.inputs.notes.some((n) => n.includes("split"))).toBe(false);
  });

  it("the history kernel gives the same FY P/Es through the window", () => {
    const dates = [...closes.keys()].filter((d) => d >= "2024-05-01" && d <= "2025-06-30");
    const days = dates.map((d) => Date.parse(d) / 86_400_000);
    const [s] = multipleSeries({ security: NVDA, prices: { days, close: dates.map((d) => closes.get(d)!), currency: "USD" }, fundamentals: rows, estimates: [], fx: createFxLookup([]) }, dates, ["trailingPE"]);
    dates.forEach((d, i) => {
      const one = fyPe(d);
      expect([d, s!.values[i]]).toEqual([d, one.value ?? Number.NaN]);
    });
  });
});
