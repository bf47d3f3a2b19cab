import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Currency, Estimate, Fundamental, FxRate, Metric, Security } from "../../models/index.js";
import { addDays, toDayNumber } from "../dates.js";
import { computeMultiple } from "./compute-multiple.js";
import { createFxDateMemo } from "./fx-date-memo.js";
import { createFxLookup } from "./create-fx-lookup.js";
import { multipleSeries, SERIES_KINDS, type PriceColumns } from "./multiple-series.js";
import type { MultipleKind } from "./types.js";

const BABA: Security = {
  id: "BABA", name: { en: "Alibaba Group ADS" }, exchange: "NYSE", currency: "USD", fiscalYearEndMonth: 3,
  reportingCurrency: "CNY", kind: "adr", issuer: "alibaba", sharesPerListing: 8,
};
const unitOf = (m: Metric) => (m.startsWith("shares") ? "shares" : m.startsWith("eps") ? "perShare" : "currency");
const fundamental = (metric: Metric, fiscalPeriod: string, periodEnd: string, value: number, knownFrom: string, currency?: Currency, entity = "alibaba"): Fundamental =>
  ({ entity, metric, fiscalPeriod, periodEnd, value, unit: unitOf(metric), knownFrom, ...(currency !== undefined ? { currency } : {}) });
const estimate = (fiscalPeriod: string, value: number, asOf: string, metric: Metric = "epsDiluted", entity = "alibaba"): Estimate =>
  ({ entity, metric, fiscalPeriod, value, currency: "CNY", unit: "perShare", asOf, estimator: "consensus" });
const prices = (rows: [string, number][], currency: Currency = "USD"): PriceColumns =>
  ({ days: Int32Array.from(rows, ([d]) => toDayNumber(d)), close: Float64Array.from(rows, ([, c]) => c), currency });

describe("multipleSeries(input, dates, kinds)", () => {
  const input = {
    security: BABA,
    prices: prices([["2025-08-28", 96], ["2025-08-29", 108], ["2025-09-30", 120]]),
    fundamentals: [
      fundamental("epsDiluted", "FY2025", "2025-03-31", 6.0, "2025-05-15", "CNY"),
      fundamental("sharesOutstanding", "2026Q1", "2025-06-30", 19.2e9, "2025-08-29"),
    ],
    estimates: [estimate("FY2026", 7.2, "2025-08-01"), estimate("FY2027", 9.0, "2025-08-01"), estimate("FY2026", 8.1, "2025-09-15")],
    fx: createFxLookup([
      { base: "USD", quote: "CNY", date: "2025-08-28", rate: 7.2 },
      { base: "USD", quote: "CNY", date: "2025-09-30", rate: 7.2 },
    ]),
  };

  it("multipleSeries(...) values each date point in time (hand-checked)", () => {
    const [pe, fy1, cap] = multipleSeries(input, ["2025-08-28", "2025-08-29", "2025-09-30"], ["trailingPE", "forwardPEFy1", "marketCapUsd"]);
    // EPS FY2025 6.0 CNY × 8 / 7.2 = 6.6667 USD per ADS: 96 / 6.6667 = 14.4; 108 / 6.6667 = 16.2; 120 / 6.6667 = 18.0
    expect(Array.from(pe!.values)).toEqual([expect.closeTo(14.4, 10), expect.closeTo(16.2, 10), expect.closeTo(18.0, 10)]);
    // FY1 = FY2026 (ends March 2026): 7.2 × 8 / 7.2 = 8.0 → 96 / 8 = 12; 108 / 8 = 13.5; on 30 Sep the
    // revision of 15 Sep is seen: 8.1 × 8 / 7.2 = 9.0 → 120 / 9 = 13.333
    expect(fy1!.values[0]).toBeCloseTo(12, 10);
    expect(fy1!.values[1]).toBeCloseTo(13.5, 10);
    expect(fy1!.values[2]).toBeCloseTo(120 / 9, 10);
    // shares are known from 29 Aug: before, n.m.; after, 108 × 19.2bn / 8 = 259.2bn
    expect(cap!.nm[0]).toBe("missing_input");
    expect(cap!.values[1]).toBeCloseTo(259.2e9, -3);
  });

  it("multipleSeries(...) is n.m. before any price and on a stale price", () => {
    const [pe] = multipleSeries(input, ["2025-08-01", "2025-09-05", "2025-10-15"], ["trailingPE"]);
    expect(pe!.nm[0]).toBe("missing_input"); // no price yet
    // 5 Sep: the last USDCNY fixing (28 Aug) is 8 days old (> 7): stale_fx
    expect(pe!.nm[1]).toBe("stale_fx");
    // 15 Oct: last trade 30 Sep is 15 days old (> 10): stale_price
    expect(pe!.nm[2]).toBe("stale_price");
    const fx = createFxLookup([{ base: "USD", quote: "CNY", date: "2025-09-04", rate: 7.2 }]);
    const [fresh] = multipleSeries({ ...input, fx }, ["2025-09-05"], ["trailingPE"]);
    // 5 Sep with a fixing of 4 Sep: last trade 29 Aug is 7 days old (≤ 10), valued at 108 → 16.2x
    expect(fresh!.values[0]).toBeCloseTo(16.2, 10);
  });

  it("multipleSeries(...) throws for dates that are not ascending ISO dates", () => {
    expect(() => multipleSeries(input, ["2025-09-30", "2025-09-01"], ["trailingPE"])).toThrow(/must ascend/);
    expect(() => multipleSeries(input, ["2025-02-30"], ["trailingPE"])).toThrow(/"2025-02-30"/);
  });
});

// ---- Equivalence with the one-date functions on random universes ----

const DAY0 = "2023-01-01";
const dayArb = (maxDays: number) => fc.integer({ min: 0, max: maxDays });
const at = (n: number) => addDays(DAY0, n);

const universeArb = fc.record({
  spl: fc.constantFrom(1, 2, 8),
  fyMonth: fc.constantFrom(3, 6, 12),
  listing: fc.constantFrom<Currency>("USD", "HKD", "CNY"),
  reporting: fc.constantFrom<Currency>("USD", "CNY"),
  annual: fc.array(fc.record({ year: fc.integer({ min: 2021, max: 2025 }), eps: fc.double({ min: -2, max: 12, noNaN: true }), known: dayArb(1000), metric: fc.constantFrom<Metric>("epsDiluted", "epsBasic"), issuer: fc.boolean(),
    // The FY's share basis (issue 13: 1e9 shares, the pre-split count of the quarters below) from its net income or diluted shares, or unknown.
    basis: fc.constantFrom("none", "ni", "shares") }), { maxLength: 8 }),
  // A run of consecutive quarters, each reported 20–80 days after it ends, plus a few random (restated, gappy) ones.
  qStart: fc.integer({ min: 2022 * 4, max: 2024 * 4 }),
  qEps: fc.array(fc.double({ min: -1, max: 4, noNaN: true }), { maxLength: 12 }),
  qLag: fc.integer({ min: 20, max: 80 }),
  // A stock split inside the run of quarters (issue 13): from quarter `at` on, n times the shares (1.6: no split
  // ratio, n.m.); net income (eps × shares) and diluted shares filed with the EPS or in another filing, or not at all.
  split: fc.record({ at: fc.integer({ min: 0, max: 12 }), n: fc.oneof({ arbitrary: fc.constantFrom(1, 2, 4, 10, 0.25), weight: 2 }, { arbitrary: fc.constant(1.6), weight: 1 }), ni: fc.boolean(), sh: fc.constantFrom("none", "same", "other") }),
  quarters: fc.array(fc.record({ q: fc.integer({ min: 2021 * 4, max: 2025 * 4 + 3 }), eps: fc.double({ min: -1, max: 4, noNaN: true }), known: dayArb(1000) }), { maxLength: 4 }),
  // Half-yearly reports (a Hong Kong issuer's interim and second half), alone or beside quarters.
  halves: fc.array(fc.record({ h: fc.integer({ min: 2021 * 2, max: 2025 * 2 + 1 }), eps: fc.double({ min: -1, max: 6, noNaN: true }), known: dayArb(1000), issuer: fc.boolean() }), { maxLength: 6 }),
  shares: fc.array(fc.record({ value: fc.double({ min: -1e6, max: 1e10, noNaN: true }), known: dayArb(1000), q: fc.integer({ min: 2022 * 4, max: 2025 * 4 + 3 }) }), { maxLength: 4 }),
  // Consensus for consecutive years observed early, plus random revisions.
  estRun: fc.array(fc.double({ min: 0.5, max: 15, noNaN: true }), { maxLength: 6 }),
  estimates: fc.array(fc.record({ year: fc.integer({ min: 2023, max: 2028 }), eps: fc.double({ min: -1, max: 15, noNaN: true }), asOf: dayArb(1000), metric: fc.constantFrom<Metric>("epsDiluted", "epsBasic") }), { maxLength: 14 }),
  // Prices and FX every few days from a random start, with random holes (suspensions, missing fixings).
  priceStart: dayArb(600),
  priceStep: fc.integer({ min: 1, max: 6 }),
  priceHoles: fc.array(fc.record({ from: dayArb(1000), len: fc.integer({ min: 1, max: 30 }) }), { maxLength: 3 }),
  fxStart: dayArb(300),
  fxStep: fc.integer({ min: 1, max: 9 }),
  fxHoles: fc.array(fc.record({ from: dayArb(1000), len: fc.integer({ min: 1, max: 30 }) }), { maxLength: 3 }),
  fxCross: fc.boolean(),
  dates: fc.uniqueArray(dayArb(1050), { minLength: 1, maxLength: 25 }),
  peCap: fc.constantFrom(undefined, 30),
  // Freshness limits: the defaults, none to speak of (so values stay common), or random ones (days).
  limits: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 1 },
    // Mostly loose, so that values of every kind stay common.
    { arbitrary: fc.constant("loose" as const), weight: 3 },
    { weight: 2, arbitrary: fc.record({
      maxAnnualAgeDays: fc.integer({ min: 30, max: 700 }), maxInterimAgeDays: fc.integer({ min: 30, max: 400 }), maxHalfYearAgeDays: fc.integer({ min: 30, max: 500 }),
      maxSharesAgeDays: fc.integer({ min: 0, max: 700 }), maxEstimateAgeDays: fc.integer({ min: 0, max: 200 }),
    }) },
  ),
});

type Universe = typeof universeArb extends fc.Arbitrary<infer T> ? T : never;

function build(u: Universe) {
  const security: Security = { id: "X", name: { en: "X" }, exchange: "NYSE", currency: u.listing, fiscalYearEndMonth: u.fyMonth, reportingCurrency: u.reporting, kind: "equity", issuer: "x", sharesPerListing: u.spl };
  const fyEnd = (y: number) => `${y}-${String(u.fyMonth).padStart(2, "0")}-${u.fyMonth === 6 ? "30" : u.fyMonth === 3 ? "31" : "31"}`;
  const fundamentals: Fundamental[] = [
    ...u.annual.map((a) => fundamental(a.metric, `FY${a.year}`, fyEnd(a.year), a.eps, at(a.known), u.reporting, a.issuer ? "x" : "X")),
    ...u.annual.flatMap((a) => a.basis === "none" ? [] : [a.basis === "ni"
      ? fundamental("netIncome", `FY${a.year}`, fyEnd(a.year), a.eps * 1e9, at(a.known), u.reporting, a.issuer ? "x" : "X")
      : fundamental("sharesDiluted", `FY${a.year}`, fyEnd(a.year), 1e9, at(a.known), undefined, a.issuer ? "x" : "X")]),
    ...u.qEps.map((eps, k) => ({ q: u.qStart + k, eps, known: Math.max(0, (u.qStart + k - 2023 * 4 + 1) * 91 + u.qLag) }))
      .concat(u.quarters).map((q) => fundamental("epsDiluted", `${Math.floor(q.q / 4)}Q${(q.q % 4) + 1}`, fyEnd(Math.floor(q.q / 4)), q.eps, at(q.known), u.reporting, "x")),
    ...u.qEps.flatMap((eps, k) => {
      const q = u.qStart + k;
      const fp = `${Math.floor(q / 4)}Q${(q % 4) + 1}`;
      const known = Math.max(0, (q - 2023 * 4 + 1) * 91 + u.qLag);
      const count = 1e9 * (k >= u.split.at ? u.split.n : 1);
      return [
        ...(u.split.ni ? [fundamental("netIncome", fp, fyEnd(Math.floor(q / 4)), eps * count, at(known), u.reporting, "x")] : []),
        ...(u.split.sh !== "none" ? [fundamental("sharesDiluted", fp, fyEnd(Math.floor(q / 4)), count, at(known + (u.split.sh === "other" ? 5 : 0)), undefined, "x")] : []),
      ];
    }),
    ...u.halves.map((h) => fundamental("epsDiluted", `${Math.floor(h.h / 2)}H${(h.h % 2) + 1}`, at((h.h - 2021 * 2) * 182), h.eps, at(h.known), u.reporting, h.issuer ? "x" : "X")),
    ...u.shares.map((s) => fundamental("sharesOutstanding", `${Math.floor(s.q / 4)}Q${(s.q % 4) + 1}`, at(s.q - 2022 * 4), s.value, at(s.known), undefined, "x")),
  ];
  const estimates: Estimate[] = [
    ...u.estRun.map((eps, k) => estimate(`FY${2023 + k}`, eps, at(30 * k), "epsDiluted", "x")),
    ...u.estimates.map((e) => estimate(`FY${e.year}`, e.eps, at(e.asOf), e.metric, "x")),
  ];
  const inHole = (d: number, holes: { from: number; len: number }[]) => holes.some((h) => d >= h.from && d < h.from + h.len);
  const steps = (start: number, step: number, holes: { from: number; len: number }[]) => {
    const out: number[] = [];
    for (let d = start; d <= 1050; d += step) if (!inHole(d, holes)) out.push(d);
    return out;
  };
  const priceRows = steps(u.priceStart, u.priceStep, u.priceHoles).map((d, i): [string, number] => [at(d), 10 + ((i * 7919) % 97)]);
  const fxRows: FxRate[] = steps(u.fxStart, u.fxStep, u.fxHoles).flatMap((d, i) => [
    { base: "USD", quote: "CNY", date: at(d), rate: 7 + (i % 5) / 10 },
    // HKD sometimes only as the inverse pair, so crosses and inversions are exercised
    u.fxCross ? { base: "HKD" as const, quote: "USD" as const, date: at(d), rate: 1 / 7.8 } : { base: "USD" as const, quote: "HKD" as const, date: at(d), rate: 7.8 },
  ]);
  const dates = [...u.dates].sort((a, b) => a - b).map(at);
  const LOOSE = { maxAnnualAgeDays: 1e6, maxInterimAgeDays: 1e6, maxHalfYearAgeDays: 1e6, maxSharesAgeDays: 1e6, maxEstimateAgeDays: 1e6 };
  const options = { ...(u.peCap !== undefined ? { peCap: u.peCap } : {}), ...(u.limits === "loose" ? LOOSE : u.limits ?? {}) };
  return { security, fundamentals, estimates, priceRows, fx: createFxLookup(fxRows), dates, options: Object.keys(options).length > 0 ? options : undefined };
}

describe("multipleSeries(...) equals the one-date functions on every date", () => {
  it("for every kernel kind, on random universes (ADS ratios, three currencies, March/June/December years, losses, restatements, stale prices and FX, freshness limits)", () => {
    let seen = new Map<string, number>();
    const count = (k: string) => seen.set(k, (seen.get(k) ?? 0) + 1);
    const property = fc.property(universeArb, (u) => {
        const b = build(u);
        const input = { security: b.security, prices: prices(b.priceRows, b.security.currency), fundamentals: b.fundamentals, estimates: b.estimates, fx: b.fx, ...(b.options ? { options: b.options } : {}) };
        const kinds: MultipleKind[] = [...SERIES_KINDS, "earningsYield"];
        const memo = createFxDateMemo(b.fx, b.dates, {});
        const series = multipleSeries(input, b.dates, kinds, memo);
        b.dates.forEach((asOf, i) => {
          const last = [...b.priceRows].reverse().find(([d]) => d <= asOf);
          kinds.forEach((kind, k) => {
            const s = series[k]!;
            if (last === undefined) {
              expect(s.nm[i]).toBe("missing_input");
              return;
            }
            const r = computeMultiple(kind, { ...input, asOf, price: { date: last[0], close: last[1], currency: b.security.currency } });
            count(r.value === undefined ? r.nm : kind);
            if (r.inputs.notes.some((n) => n.includes("basis of"))) count("share_basis_adjusted");
            if (r.nm === "missing_input" && r.message?.includes("share bases")) count("share_basis_nm");
            if (r.inputs.notes.some((n) => /^FY\d{4} .* basis of/.test(n))) count("fy_basis_adjusted");
            // (An FY basis break that is no split ratio is rarer here, ~4 per run: fy-share-basis.test.ts checks it through history.)
            if (r.value === undefined) {
              expect([kind, asOf, s.nm[i]]).toEqual([kind, asOf, r.nm]);
              expect(Number.isNaN(s.values[i])).toBe(true);
            } else {
              expect(s.nm[i]).toBeUndefined();
              expect(Math.abs((s.values[i] as number) - r.value)).toBeLessThanOrEqual(1e-12 * Math.abs(r.value));
            }
          });
        });
      });
    // New random universes on every run; then a fixed set (a seeded run) that is known to reach every branch, so
    // that the check below does not depend on chance (a split with no whole ratio inside a fresh TTM is rare).
    fc.assert(property, { numRuns: 300 });
    seen = new Map();
    fc.assert(property, { numRuns: 300, seed: 20261208 });
    // The seeded universes reach every branch: values of each kind and each n.m. reason.
    for (const k of [...SERIES_KINDS, "negative_earnings", "above_cap", "missing_fx", "stale_fx", "stale_price", "missing_input", "non_positive_input", "stale_fundamentals", "stale_estimates", "stale_shares", "share_basis_adjusted", "share_basis_nm", "fy_basis_adjusted"]) {
      expect(seen.get(k) ?? 0, k).toBeGreaterThan(0);
    }
  });
});
