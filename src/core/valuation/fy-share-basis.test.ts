import { describe, expect, it } from "vitest";
import type { Fundamental, Metric, Security } from "../../models/index.js";
import { createFxLookup } from "./create-fx-lookup.js";
import { earningsYield } from "./earnings-yield.js";
import { multipleSeries } from "./multiple-series.js";
import { peUnderDefinition } from "./pe-definitions.js";
import { trailingPE } from "./trailing-pe.js";
import type { MultipleContext } from "./types.js";

/** Issue 13, FY path: a calendar-year filer with a 4-for-1 split after 2025Q1; the FY2024 10-K is pre-split. */
const ACME: Security = { id: "ACME", name: { en: "Acme" }, exchange: "NYSE", currency: "USD", fiscalYearEndMonth: 12, reportingCurrency: "USD", kind: "equity", sharesPerListing: 1 };
const END: Record<string, string> = { FY2024: "2024-12-31", "2025Q2": "2025-06-30", "2025Q3": "2025-09-30" };
const KNOWN: Record<string, string> = { FY2024: "2025-02-20", "2025Q2": "2025-08-01", "2025Q3": "2025-11-01" };
const row = (metric: Metric, fp: string, value: number, knownFrom = KNOWN[fp]!): Fundamental => ({
  entity: "ACME", metric, fiscalPeriod: fp, periodEnd: END[fp]!, value, currency: "USD", unit: metric.startsWith("eps") ? "perShare" : metric.startsWith("shares") ? "shares" : "currency", knownFrom,
});
// FY2024: net income 800m on 100m diluted shares → EPS 8.00 (pre-split). 2025Q3: 260m on 400m shares → 0.65.
const FY_EPS = row("epsDiluted", "FY2024", 8.0);
const FY_NI = row("netIncome", "FY2024", 800e6);
const FY_SH = row("sharesDiluted", "FY2024", 100e6);
const Q3 = (shares = 400e6) => [row("epsDiluted", "2025Q3", 260e6 / shares), row("netIncome", "2025Q3", 260e6), row("sharesDiluted", "2025Q3", shares)];
const ASOF = "2025-11-14";
const ctx = (fundamentals: Fundamental[], close = 46): MultipleContext => ({
  security: ACME, asOf: ASOF, price: { date: ASOF, close, currency: "USD" }, fundamentals, estimates: [], fx: createFxLookup([]),
});

describe("trailingPE(ctx, 'FY') puts a pre-split fiscal-year EPS on the latest share basis", () => {
  it("FY diluted shares filed with the EPS: 8.00 / 4 = 2.00, $46 / 2.00 = 23.0x (as filed: 46 / 8 = 5.75x)", () => {
    // 400m / 100m = 4 → a 4-for-1 split; 8.00 ÷ 4 = 2.00 = 800m / 400m.
    const r = trailingPE(ctx([FY_EPS, FY_SH, ...Q3()]));
    expect(r.value).toBeCloseTo(23.0, 10);
    expect(r.inputs.denominator).toBeCloseTo(2.0, 12);
    expect(r.inputs.notes).toContain("FY2024 epsDiluted 8 put on the post-split basis of 2025Q3 ÷ 4 (implied shares 100m → 400m)");
    expect(r.inputs.figures.map((f) => [f.fiscalPeriod, f.value, f.weight])).toEqual([["FY2024", 8, 0.25]]);
  });

  it("no FY shares: net income 800m / 8.00 = 100m shares, same 23.0x; latest count from 2025Q3 net income 260m / 0.65 = 400m", () => {
    const [q3eps, q3ni] = Q3();
    const r = trailingPE(ctx([FY_EPS, FY_NI, q3eps!, q3ni!]));
    expect(r.value).toBeCloseTo(23.0, 10);
  });

  it("the latest quarter with a count wins: 2025Q3 (400m) over 2025Q2 (100m, before the split)", () => {
    // 2025Q2 alone: 100m = FY's 100m → no change, 5.75x; with 2025Q3 (400m) → 23.0x.
    const q2 = [row("sharesDiluted", "2025Q2", 100e6)];
    expect(trailingPE(ctx([FY_EPS, FY_SH, ...q2])).value).toBeCloseTo(5.75, 10);
    expect(trailingPE(ctx([FY_EPS, FY_SH, ...q2, ...Q3()])).value).toBeCloseTo(23.0, 10);
  });

  it("a reverse split (1-for-4, 25m shares): 8.00 × 4 = 32.00, $46 / 32 = 1.4375x", () => {
    const r = trailingPE(ctx([FY_EPS, FY_SH, ...Q3(25e6)]));
    expect(r.value).toBeCloseTo(1.4375, 10);
    expect(r.inputs.notes.some((n) => n.startsWith("FY2024 epsDiluted 8 put on the post-reverse-split basis of 2025Q3 × 4"))).toBe(true);
  });

  it("n.m. missing_input when the counts differ by no whole split ratio (160m / 100m = 1.6x)", () => {
    const r = trailingPE(ctx([FY_EPS, FY_SH, ...Q3(160e6)]));
    expect(r.value).toBeUndefined();
    expect(r.nm).toBe("missing_input");
    expect(r.message).toContain("FY2024 epsDiluted 8 (implied shares 100m) and 2025Q3 (160m) differ by 1.6x, not a split ratio");
  });

  it("leaves the EPS alone when the counts differ by less than 1.5x (130m / 100m = 1.3) or the FY basis cannot be told", () => {
    expect(trailingPE(ctx([FY_EPS, FY_SH, ...Q3(130e6)])).value).toBeCloseTo(5.75, 10);
    // FY diluted shares from a later filing (not the EPS's) and no FY net income: basis unknown → as filed, 46 / 8.
    expect(trailingPE(ctx([FY_EPS, row("sharesDiluted", "FY2024", 100e6, "2025-11-01"), ...Q3()])).value).toBeCloseTo(5.75, 10);
  });

  it("agrees with the history engine and the FY.diluted P/E definition on the same date", () => {
    const fundamentals = [FY_EPS, FY_SH, ...Q3()];
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    const [s] = multipleSeries({ security: ACME, prices: { days: [day("2025-10-31"), day(ASOF)], close: [46, 46], currency: "USD" }, fundamentals, estimates: [], fx: createFxLookup([]) }, ["2025-10-31", ASOF], ["trailingPE"]);
    // 2025-10-31: the 2025Q3 10-Q (2025-11-01) is not known yet → no later count → as filed, 46 / 8 = 5.75x.
    expect(s!.values[0]).toBeCloseTo(5.75, 10);
    expect(s!.values[1]).toBeCloseTo(23.0, 10);
    // Earnings yield, the reciprocal: 2.00 / 46 = 0.043478.
    expect(earningsYield(ctx(fundamentals)).value).toBeCloseTo(2 / 46, 12);
    // 1.6x, no split ratio: n.m. missing_input through history as on one date.
    const [nm] = multipleSeries({ security: ACME, prices: { days: [day(ASOF)], close: [46], currency: "USD" }, fundamentals: [FY_EPS, FY_SH, ...Q3(160e6)], estimates: [], fx: createFxLookup([]) }, [ASOF], ["trailingPE"]);
    expect(nm!.nm[0]).toBe("missing_input");
    expect(Number.isNaN(nm!.values[0])).toBe(true);
    expect(peUnderDefinition(ctx(fundamentals), { id: "FY.diluted.listing", period: "FY", eps: "diluted", listing: "listing" }).value).toBeCloseTo(23.0, 10);
  });
});
