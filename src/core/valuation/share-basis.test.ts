import { describe, expect, it } from "vitest";
import type { Fundamental, Metric, Security } from "../../models/index.js";
import { createFxLookup } from "./create-fx-lookup.js";
import { multipleSeries } from "./multiple-series.js";
import { trailingPE } from "./trailing-pe.js";
import type { MultipleContext } from "./types.js";

/** A US filer with calendar quarters and a stock split inside the trailing year (issue 13). */
const ACME: Security = { id: "ACME", name: { en: "Acme" }, exchange: "NYSE", currency: "USD", fiscalYearEndMonth: 12, reportingCurrency: "USD", kind: "equity", sharesPerListing: 1 };
const END: Record<string, string> = { "2024Q4": "2024-12-31", "2025Q1": "2025-03-31", "2025Q2": "2025-06-30", "2025Q3": "2025-09-30" };
const KNOWN: Record<string, string> = { "2024Q4": "2025-02-20", "2025Q1": "2025-05-01", "2025Q2": "2025-08-01", "2025Q3": "2025-11-01" };
const row = (metric: Metric, fp: string, value: number, knownFrom = KNOWN[fp]!): Fundamental => ({
  entity: "ACME", metric, fiscalPeriod: fp, periodEnd: END[fp]!, value, currency: "USD", unit: metric.startsWith("eps") ? "perShare" : metric.startsWith("shares") ? "shares" : "currency", knownFrom,
});
/** Quarters as [fiscal period, EPS, net income, diluted shares]. */
type Q = [string, number, number, number];
const quarters = (qs: Q[], what: { ni?: boolean; shares?: "same" | "other" } = { ni: true }): Fundamental[] => qs.flatMap(([fp, eps, ni, sh]) => [
  row("epsDiluted", fp, eps),
  ...(what.ni === true ? [row("netIncome", fp, ni)] : []),
  ...(what.shares !== undefined ? [row("sharesDiluted", fp, sh, what.shares === "same" ? KNOWN[fp]! : "2025-11-20")] : []),
]);
const ctx = (fundamentals: Fundamental[], close = 46): MultipleContext => ({
  security: ACME, asOf: "2025-11-14", price: { date: "2025-11-14", close, currency: "USD" }, fundamentals, estimates: [], fx: createFxLookup([]),
});

// 4-for-1 split after 2025Q1: 100m diluted shares before, 400m after; the 2025Q2 10-Q has not restated 2024Q4 and 2025Q1.
// EPS = net income ÷ shares: 200m/100m = 2.00, 220m/100m = 2.20, 240m/400m = 0.60, 260m/400m = 0.65.
const SPLIT_4: Q[] = [["2024Q4", 2.0, 200e6, 100e6], ["2025Q1", 2.2, 220e6, 100e6], ["2025Q2", 0.6, 240e6, 400e6], ["2025Q3", 0.65, 260e6, 400e6]];

describe("trailingPE(ctx, 'TTM') across a stock split", () => {
  it("puts the pre-split quarters on the post-split basis: 2.00/4 + 2.20/4 + 0.60 + 0.65 = 2.30, $46 / 2.30 = 20.0x", () => {
    // Mixed (today's bug): 2.00 + 2.20 + 0.60 + 0.65 = 5.45 → 8.44x. On one basis: 0.50 + 0.55 + 0.60 + 0.65 = 2.30
    // = Σ net income 920m ÷ 400m shares; P/E = 46 / 2.30 = 20.0.
    const r = trailingPE(ctx(quarters(SPLIT_4)), "TTM");
    expect(r.value).toBeCloseTo(20.0, 10);
    expect(r.inputs.denominator).toBeCloseTo(2.3, 12);
    expect(r.inputs.figures.map((f) => [f.fiscalPeriod, f.weight])).toEqual([["2024Q4", 0.25], ["2025Q1", 0.25], ["2025Q2", 1], ["2025Q3", 1]]);
    // implied shares 200m / 2.00 = 100m; 260m / 0.65 = 400m
    expect(r.inputs.notes).toContain("2024Q4 epsDiluted 2 put on the post-split basis of 2025Q3 ÷ 4 (implied shares 100m → 400m)");
    expect(r.inputs.notes).toContain("2025Q1 epsDiluted 2.2 put on the post-split basis of 2025Q3 ÷ 4 (implied shares 100m → 400m)");
  });

  it("uses the diluted share count filed with the EPS when there is no net income", () => {
    const r = trailingPE(ctx(quarters(SPLIT_4, { shares: "same" })), "TTM");
    expect(r.value).toBeCloseTo(20.0, 10);
  });

  it("keeps today's sum when the basis cannot be told (no net income, share counts only from another filing)", () => {
    // 46 / 5.45 = 8.4404
    const r = trailingPE(ctx(quarters(SPLIT_4, { shares: "other" })), "TTM");
    expect(r.value).toBeCloseTo(46 / 5.45, 10);
    expect(r.inputs.notes.some((n) => n.includes("basis"))).toBe(false);
  });

  it("multiplies across a reverse split: 1-for-5, 500m → 100m shares, EPS 0.20 → 1.00 → TTM 0.20×5 + 0.20×5 + 1 + 1 = 4.00", () => {
    // net income 100m every quarter: 100m/500m = 0.20 before, 100m/100m = 1.00 after; Σ NI 400m ÷ 100m = 4.00; 46/4 = 11.5x
    const rev: Q[] = [["2024Q4", 0.2, 100e6, 500e6], ["2025Q1", 0.2, 100e6, 500e6], ["2025Q2", 1, 100e6, 100e6], ["2025Q3", 1, 100e6, 100e6]];
    const r = trailingPE(ctx(quarters(rev)), "TTM");
    expect(r.value).toBeCloseTo(11.5, 10);
    expect(r.inputs.figures.map((f) => f.weight)).toEqual([5, 5, 1, 1]);
    expect(r.inputs.notes[0]).toBe("2024Q4 epsDiluted 0.2 put on the post-reverse-split basis of 2025Q3 × 5 (implied shares 500m → 100m)");
  });

  it("leaves ordinary changes in the share count alone (buy-backs, issuance below 1.5x)", () => {
    // 100m → 140m (ratio 1.4 < 1.5): EPS 2.00 + 2.00 + 1.50 + 1.50 = 7.00 as filed; 46 / 7 = 6.5714
    const drift: Q[] = [["2024Q4", 2, 200e6, 100e6], ["2025Q1", 2, 200e6, 100e6], ["2025Q2", 1.5, 210e6, 140e6], ["2025Q3", 1.5, 210e6, 140e6]];
    const r = trailingPE(ctx(quarters(drift)), "TTM");
    expect(r.value).toBeCloseTo(46 / 7, 10);
    expect(r.inputs.figures.every((f) => f.weight === 1)).toBe(true);
  });

  it("is n.m. missing_input when the break is no split ratio (100m → 160m: 1.6x), naming periods and share counts", () => {
    const odd: Q[] = [["2024Q4", 2, 200e6, 100e6], ["2025Q1", 2, 200e6, 100e6], ["2025Q2", 1.5, 240e6, 160e6], ["2025Q3", 1.5, 240e6, 160e6]];
    const r = trailingPE(ctx(quarters(odd)), "TTM");
    expect(r.value).toBeUndefined();
    expect(r.nm).toBe("missing_input");
    expect(r.message).toContain("2024Q4 epsDiluted 2 (implied shares 100m) and 2025Q3 (160m) differ by 1.6x, not a split ratio");
  });

  it("is n.m. when a break exists and one quarter's basis cannot be told", () => {
    const rows = quarters(SPLIT_4).filter((r) => !(r.metric === "netIncome" && r.fiscalPeriod === "2025Q1"));
    const r = trailingPE(ctx(rows), "TTM");
    expect(r.nm).toBe("missing_input");
    expect(r.message).toContain("the basis of 2025Q1 cannot be told");
  });

  it("multipleSeries(...) gives the same 20.0x through history", () => {
    const series = multipleSeries({
      security: ACME, prices: { days: [Date.parse("2025-11-14") / 86_400_000], close: [46], currency: "USD" },
      fundamentals: quarters(SPLIT_4), estimates: [], fx: createFxLookup([]),
    }, ["2025-11-14"], ["ttmPE"]);
    expect(series[0]!.values[0]).toBeCloseTo(20.0, 10);
  });
});
