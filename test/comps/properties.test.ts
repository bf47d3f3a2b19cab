import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Currency, Estimate, Fundamental, FxRate, Metric, Security } from "../../src/models/index.js";
import {
  aggregateMultiples, aggregateSeries, computeMultiples, createFxLookup, gapHistory, multipleSeries, valuationGap, MULTIPLE_UNITS,
  type MultipleKind, type SecurityMultiples,
} from "../../src/core/valuation/index.js";
import { toDayNumber } from "../../src/core/dates.js";

// A random peer: listing and reporting currencies, ADS ratio, fiscal year end, price, reported figures and consensus.
const peerArb = fc.record({
  listing: fc.constantFrom<Currency>("USD", "HKD", "CNY"),
  reporting: fc.constantFrom<Currency>("USD", "CNY", "HKD"),
  spl: fc.constantFrom(1, 2, 5, 8),
  fyMonth: fc.constantFrom(3, 6, 12),
  price: fc.double({ min: 1, max: 2000, noNaN: true }),
  eps: fc.double({ min: 0.2, max: 40, noNaN: true }),
  fy1: fc.double({ min: 0.2, max: 40, noNaN: true }),
  // FY2 = FY1 × (1 + growth), growth kept away from 0: PEG divides by it, and a near-zero growth would turn
  // rounding noise into large relative differences (ill-conditioned, not a property failure).
  fy2Growth: fc.oneof(fc.double({ min: 0.02, max: 0.6, noNaN: true }), fc.double({ min: -0.6, max: -0.02, noNaN: true })),
  shares: fc.double({ min: 1e7, max: 2e10, noNaN: true }),
  revenue: fc.double({ min: 1e8, max: 1e12, noNaN: true }),
  ebitda: fc.double({ min: 1e7, max: 1e11, noNaN: true }),
  debt: fc.double({ min: 0, max: 1e10, noNaN: true }),
  // cash as a share of debt, so EV = cap + debt − cash stays well above zero (no catastrophic cancellation)
  cashShare: fc.double({ min: 0, max: 0.9, noNaN: true }),
  book: fc.double({ min: 1e8, max: 1e12, noNaN: true }),
  dps: fc.double({ min: 0, max: 5, noNaN: true }),
});
type Peer = typeof peerArb extends fc.Arbitrary<infer T> ? T : never;
const ratesArb = fc.record({ CNY: fc.double({ min: 6, max: 8, noNaN: true }), HKD: fc.double({ min: 7.7, max: 7.9, noNaN: true }), EUR: fc.double({ min: 0.8, max: 1.1, noNaN: true }) });
type Rates = Record<"USD" | "CNY" | "HKD" | "EUR", number>;
const DATES = ["2025-06-30", "2025-07-31", "2025-08-29", "2025-09-30"];
const AS_OF = "2025-09-30";

/** Units of `to` per unit of `from` under the USD rates. */
const rate = (r: Rates, from: Currency, to: Currency) => r[to as keyof Rates] / r[from as keyof Rates];

function fundamentals(id: string, p: Peer, ccy: Currency, k = 1): Fundamental[] {
  const f = (metric: Metric, fiscalPeriod: string, value: number, periodEnd = "2024-12-31"): Fundamental => ({
    entity: id, metric, fiscalPeriod, periodEnd, value, knownFrom: "2025-03-01",
    unit: metric.startsWith("eps") || metric === "dividendsPerShare" ? "perShare" : metric.startsWith("shares") ? "shares" : "currency",
    ...(metric.startsWith("shares") ? {} : { currency: ccy }),
  });
  return [
    f("epsDiluted", "FY2024", p.eps * k), f("revenue", "FY2024", p.revenue * k), f("ebitda", "FY2024", p.ebitda * k),
    f("dividendsPerShare", "FY2024", p.dps * k), f("totalDebt", "2025Q1", p.debt * k, "2025-03-31"), f("cash", "2025Q1", p.debt * p.cashShare * k, "2025-03-31"),
    f("bookValue", "2025Q1", p.book * k, "2025-03-31"), f("sharesOutstanding", "2025Q1", p.shares, "2025-03-31"),
  ];
}
const estimates = (id: string, p: Peer, ccy: Currency, k = 1): Estimate[] => ["FY2025", "FY2026", "FY2027"].map((fp, i) => ({
  entity: id, metric: "epsDiluted", fiscalPeriod: fp, value: (i === 0 ? p.fy1 : i === 1 ? p.fy1 * (1 + p.fy2Growth) : p.fy1 * (1 + p.fy2Growth) * 1.1) * k, currency: ccy, unit: "perShare", asOf: "2025-06-01", estimator: "consensus",
}));
const fxRows = (r: Rates): FxRate[] => DATES.flatMap((date) => (["CNY", "HKD", "EUR"] as const).map((quote) => ({ base: "USD", quote, date, rate: r[quote] })));
const security = (id: string, p: Peer, listing: Currency, reporting: Currency): Security =>
  ({ id, name: { en: id }, exchange: "OTHER", currency: listing, reportingCurrency: reporting, kind: "equity", sharesPerListing: p.spl, fiscalYearEndMonth: p.fyMonth });

function value(peers: Peer[], r: Rates, opts: { k?: number; to?: Currency } = {}): SecurityMultiples[] {
  const fx = createFxLookup(fxRows(r));
  return peers.map((p, i) => {
    const id = `P${i}`;
    // Re-denominate everything in `to` (prices from the listing currency, figures from the reporting currency).
    const listing = opts.to ?? p.listing;
    const reporting = opts.to ?? p.reporting;
    const price = p.price * (opts.k ?? 1) * rate(r, p.listing, listing);
    const fk = rate(r, p.reporting, reporting);
    return computeMultiples({
      security: security(id, p, listing, reporting), asOf: AS_OF, price: { date: AS_OF, close: price, currency: listing },
      fundamentals: fundamentals(id, p, reporting, fk), estimates: estimates(id, p, reporting, fk), fx,
      // The estimates are all observed on 2025-06-01: freshness (45 days by default) is not what these properties are about.
      options: { peCap: Number.MAX_VALUE, maxEstimateAgeDays: 366 },
    });
  });
}

const PE_KINDS: MultipleKind[] = ["trailingPE", "forwardPEFy1", "forwardPEFy2", "forwardPENtm"];
const agg = (ms: SecurityMultiples[], kind: MultipleKind) =>
  aggregateMultiples(ms.map((m) => ({ id: m.security, ...(m[kind].value !== undefined ? { value: m[kind].value } : { nm: m[kind].nm }), ...(m.marketCapUsd.value !== undefined ? { marketCap: m.marketCapUsd.value } : {}) })));
const close = (a: number | undefined, b: number | undefined, rel: number) => {
  expect(a).toBeDefined();
  expect(Math.abs((a as number) - (b as number))).toBeLessThanOrEqual(rel * Math.abs(b as number) + 1e-300); // subnormal inputs round
};

describe("metamorphic properties of comps and the wall", () => {
  it("scaling every price by k scales every P/E and peer aggregate by k and leaves the gap unchanged", () => {
    fc.assert(
      fc.property(fc.array(peerArb, { minLength: 1, maxLength: 6 }), fc.array(peerArb, { minLength: 1, maxLength: 6 }), ratesArb, fc.double({ min: 0.05, max: 20, noNaN: true }), (a, b, fx, k) => {
        const r: Rates = { USD: 1, ...fx };
        const [a0, ak, b0, bk] = [value(a, r), value(a, r, { k }), value(b, r), value(b, r, { k })] as SecurityMultiples[][];
        for (const kind of PE_KINDS) {
          a0!.forEach((m, i) => close(ak![i]![kind].value, k * (m[kind].value as number), 1e-12));
          for (const stat of ["median", "harmonicMean", "capWeighted", "mean"] as const) {
            close(agg(ak!, kind)[stat], k * (agg(a0!, kind)[stat] as number), 1e-9);
            const g0 = valuationGap(agg(a0!, kind)[stat], agg(b0!, kind)[stat])!;
            const gk = valuationGap(agg(ak!, kind)[stat], agg(bk!, kind)[stat])!;
            expect(Math.abs(gk.discount - g0.discount)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(g0.discount)));
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it("re-denominating every price and figure in another currency leaves every multiple and the USD market cap unchanged", () => {
    fc.assert(
      fc.property(fc.array(peerArb, { minLength: 1, maxLength: 5 }), ratesArb, fc.constantFrom<Currency>("EUR", "USD", "HKD", "CNY"), (peers, fx, to) => {
        const r: Rates = { USD: 1, ...fx };
        const base = value(peers, r);
        const moved = value(peers, r, { to });
        const kinds = (Object.keys(MULTIPLE_UNITS) as MultipleKind[]).filter((kd) => MULTIPLE_UNITS[kd] !== "amount" || kd === "marketCapUsd");
        base.forEach((m, i) => {
          for (const kind of kinds) {
            const x = m[kind];
            const y = moved[i]![kind];
            if (x.value === undefined) expect(y.nm).toBe(x.nm);
            else close(y.value, x.value, 1e-9);
          }
        });
      }),
      { numRuns: 80 },
    );
  });

  it("the gap history is unchanged when every price is scaled by k (each P/E × k on every date)", () => {
    fc.assert(
      fc.property(fc.array(peerArb, { minLength: 1, maxLength: 4 }), fc.array(peerArb, { minLength: 1, maxLength: 4 }), ratesArb, fc.double({ min: 0.05, max: 20, noNaN: true }), (a, b, fx, k) => {
        const r: Rates = { USD: 1, ...fx };
        const lookup = createFxLookup(fxRows(r));
        const series = (peers: Peer[], scale: number, tag: string) => peers.map((p, i) => {
          const id = `${tag}${i}`;
          const prices = { days: Int32Array.from(DATES, toDayNumber), close: Float64Array.from(DATES, (_, j) => p.price * scale * (1 + j / 10)), currency: p.listing };
          const [s] = multipleSeries({ security: security(id, p, p.listing, p.reporting), prices, fundamentals: fundamentals(id, p, p.reporting), estimates: estimates(id, p, p.reporting), fx: lookup, options: { peCap: Number.MAX_VALUE, maxEstimateAgeDays: 366 } }, DATES, ["forwardPENtm"]);
          return s!.values;
        });
        const h0 = gapHistory(DATES, aggregateSeries(series(a, 1, "a"), "median"), aggregateSeries(series(b, 1, "b"), "median"));
        const hk = gapHistory(DATES, aggregateSeries(series(a, k, "a"), "median"), aggregateSeries(series(b, k, "b"), "median"));
        h0.points.forEach((p, j) => {
          close(hk.points[j]!.a, k * (p.a as number), 1e-12);
          expect(Math.abs((hk.points[j]!.discount as number) - (p.discount as number))).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(p.discount as number)));
        });
        expect(hk.percentile).toBe(h0.percentile);
      }),
      { numRuns: 60 },
    );
  });
});
