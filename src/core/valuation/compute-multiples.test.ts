import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Currency, Estimate, Fundamental, FxRate, Metric, Security } from "../../models/index.js";
import { harmonicMean } from "../stats/harmonic-mean.js";
import { mean } from "../stats/mean.js";
import { median } from "../stats/median.js";
import { aggregateMultiples } from "./aggregate.js";
import { computeMultiples } from "./compute-multiples.js";
import { createFxLookup } from "./create-fx-lookup.js";
import type { MultipleContext, SecurityMultiples } from "./types.js";

const BABA: Security = {
  id: "BABA", name: { en: "Alibaba Group ADS" }, exchange: "NYSE", currency: "USD", fiscalYearEndMonth: 3,
  reportingCurrency: "CNY", kind: "adr", issuer: "alibaba", sharesPerListing: 8,
};
const FX: FxRate[] = [{ base: "USD", quote: "CNY", date: "2025-09-30", rate: 7.2 }];

function fundamental(entity: string, metric: Metric, fiscalPeriod: string, periodEnd: string, value: number, knownFrom: string, currency?: Currency): Fundamental {
  const unit = metric.startsWith("shares") ? "shares" : metric.startsWith("eps") || metric === "dividendsPerShare" ? "perShare" : "currency";
  return { entity, metric, fiscalPeriod, periodEnd, value, unit, knownFrom, ...(currency !== undefined ? { currency } : {}) };
}
const estimate = (entity: string, fiscalPeriod: string, value: number, asOf: string, currency: Currency): Estimate => ({
  entity, metric: "epsDiluted", fiscalPeriod, value, currency, unit: "perShare", asOf, estimator: "consensus",
});

const BABA_FUNDAMENTALS: Fundamental[] = [
  fundamental("alibaba", "sharesOutstanding", "2026Q1", "2025-06-30", 19.2e9, "2025-08-29"),
  fundamental("alibaba", "totalDebt", "2026Q1", "2025-06-30", 180e9, "2025-08-29", "CNY"),
  fundamental("alibaba", "cash", "2026Q1", "2025-06-30", 576e9, "2025-08-29", "CNY"),
  fundamental("alibaba", "bookValue", "2026Q1", "2025-06-30", 1080e9, "2025-08-29", "CNY"),
  fundamental("alibaba", "ebitda", "FY2025", "2025-03-31", 180e9, "2025-05-15", "CNY"),
  fundamental("alibaba", "revenue", "FY2025", "2025-03-31", 1008e9, "2025-05-15", "CNY"),
  fundamental("alibaba", "epsDiluted", "FY2025", "2025-03-31", 6.0, "2025-05-15", "CNY"),
  fundamental("alibaba", "epsDiluted", "FY2025", "2025-03-31", 5.4, "2025-10-15", "CNY"), // restated later
  fundamental("alibaba", "dividendsPerShare", "FY2025", "2025-03-31", 0.225, "2025-05-15", "CNY"),
  fundamental("tencent", "epsDiluted", "FY2024", "2024-12-31", 20.0, "2025-03-19", "CNY"),
];
const BABA_ESTIMATES: Estimate[] = [
  estimate("alibaba", "FY2026", 7.2, "2025-09-01", "CNY"),
  estimate("alibaba", "FY2027", 9.0, "2025-09-01", "CNY"),
  estimate("alibaba", "FY2026", 99, "2025-10-01", "CNY"), // observed after asOf
];

const babaInput = (): MultipleContext => ({
  security: BABA,
  asOf: "2025-09-30",
  price: { date: "2025-09-30", close: 120, currency: "USD" },
  fundamentals: BABA_FUNDAMENTALS,
  estimates: BABA_ESTIMATES,
  fx: createFxLookup(FX),
});

function deepFreeze<T>(x: T): T {
  if (typeof x === "object" && x !== null) {
    Object.values(x).forEach(deepFreeze);
    Object.freeze(x);
  }
  return x;
}

describe("computeMultiples(input)", () => {
  it("computeMultiples(input) values BABA on 2025-09-30 under every definition", () => {
    const m = computeMultiples(babaInput());
    // Hand-checked in trailing-pe, forward-pe and market-cap tests:
    expect(m).toMatchObject({ security: "BABA", asOf: "2025-09-30", currency: "USD" });
    expect(m.trailingPE.value).toBeCloseTo(18.0, 10); // 120 / (6.0 × 8 / 7.2); the restated 5.4 is not yet known
    expect(m.forwardPEFy1.value).toBeCloseTo(15.0, 10); // 120 / (7.2 × 8 / 7.2); the 99 of 1 Oct is not yet seen
    expect(m.forwardPEFy2.value).toBeCloseTo(12.0, 10); // 120 / (9.0 × 8 / 7.2)
    expect(m.forwardPENtm.value).toBeCloseTo(13.329276, 5); // f = 182/365
    expect(m.peg.value).toBeCloseTo(0.6, 10); // 15 / 25
    expect(m.marketCap.value).toBeCloseTo(288e9, -3); // 120 × 19.2bn / 8
    expect(m.marketCapUsd.value).toBeCloseTo(288e9, -3);
    expect(m.enterpriseValue.value).toBeCloseTo(233e9, -3); // 288 + 25 − 80
    expect(m.evToEbitda.value).toBeCloseTo(9.32, 10);
    expect(m.evToSales.value).toBeCloseTo(233 / 140, 10);
    expect(m.priceToSales.value).toBeCloseTo(288 / 140, 10);
    expect(m.priceToBook.value).toBeCloseTo(1.92, 10);
    expect(m.earningsYield.value).toBeCloseTo(1 / 18, 12);
    expect(m.dividendYield.value).toBeCloseTo(0.25 / 120, 12);
    // No quarterly EPS: TTM is n.m., the rest unaffected (one bad figure does not sink the row).
    expect(m.ttmPE).toMatchObject({ nm: "missing_input" });
  });

  it("computeMultiples(input) sees the restatement once it is known", () => {
    const fx = createFxLookup([...FX, { base: "USD", quote: "CNY", date: "2025-10-20", rate: 7.2 }]);
    const m = computeMultiples({ ...babaInput(), fx, asOf: "2025-10-20", price: { date: "2025-10-20", close: 120, currency: "USD" } });
    expect(m.trailingPE.value).toBeCloseTo(20.0, 10); // 120 / (5.4 × 8 / 7.2 = 6.0)
  });

  it("computeMultiples(input) does not mutate its input", () => {
    const input = babaInput();
    const before = structuredClone({ ...input, fx: undefined });
    deepFreeze(input.fundamentals);
    deepFreeze(input.estimates);
    deepFreeze(input.security);
    computeMultiples(input);
    expect({ ...input, fx: undefined }).toEqual(before);
  });

  it("computeMultiples(input) throws for an invalid asOf", () => {
    expect(() => computeMultiples({ ...babaInput(), asOf: "30/09/2025" })).toThrow(/asOf "30\/09\/2025"/);
  });
});

// A random peer universe: each peer has a price, a share ratio, EPS in USD or CNY, and shares outstanding.
const peerArb = fc.record({
  price: fc.double({ min: 1, max: 1000, noNaN: true }),
  eps: fc.double({ min: 0.05, max: 50, noNaN: true }),
  currency: fc.constantFrom<Currency>("USD", "CNY"),
  sharesPerListing: fc.constantFrom(1, 2, 8),
  shares: fc.double({ min: 1e6, max: 1e10, noNaN: true }),
});
type Peer = { price: number; eps: number; currency: Currency; sharesPerListing: number; shares: number };

function valuePeers(peers: Peer[], k = 1): SecurityMultiples[] {
  const fx = createFxLookup(FX);
  return peers.map((p, i) => {
    const id = `P${i}`;
    const security: Security = { id, name: { en: id }, exchange: "NASDAQ", currency: "USD", kind: "equity", sharesPerListing: p.sharesPerListing, fiscalYearEndMonth: 12 };
    return computeMultiples({
      security,
      asOf: "2025-09-30",
      price: { date: "2025-09-30", close: p.price * k, currency: "USD" },
      fundamentals: [
        fundamental(id, "epsDiluted", "FY2024", "2024-12-31", p.eps, "2025-02-01", p.currency),
        fundamental(id, "sharesOutstanding", "2025Q2", "2025-06-30", p.shares, "2025-08-01"),
      ],
      estimates: [],
      fx,
      options: { peCap: Number.MAX_VALUE },
    });
  });
}

describe("metamorphic properties of the multiples", () => {
  it("scaling all prices by k scales every P/E by k and leaves each P/E relative to the peer median unchanged", () => {
    fc.assert(
      fc.property(fc.array(peerArb, { minLength: 1, maxLength: 8 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (peers, k) => {
        const base = valuePeers(peers).map((m) => m.trailingPE.value as number);
        const scaled = valuePeers(peers, k).map((m) => m.trailingPE.value as number);
        const medBase = median(base) as number;
        const medScaled = median(scaled) as number;
        base.forEach((pe, i) => {
          const pe2 = scaled[i] as number;
          expect(Math.abs(pe2 / (k * pe) - 1)).toBeLessThan(1e-12);
          expect(Math.abs(pe2 / medScaled - pe / medBase)).toBeLessThan(1e-9 * (1 + pe / medBase));
        });
      }),
      { numRuns: 60 },
    );
  });

  it("the peer harmonic mean of P/E equals 1 / mean earnings yield, and the cap-weighted aggregate is Σ cap / Σ earnings", () => {
    fc.assert(
      fc.property(fc.array(peerArb, { minLength: 1, maxLength: 8 }), (peers) => {
        const ms = valuePeers(peers);
        const pes = ms.map((m) => m.trailingPE.value as number);
        const yields = ms.map((m) => m.earningsYield.value as number);
        const h = harmonicMean(pes) as number;
        expect(Math.abs(h * (mean(yields) as number) - 1)).toBeLessThan(1e-9);

        const agg = aggregateMultiples(ms.map((m) => ({ id: m.security, ...m.trailingPE, marketCap: m.marketCapUsd.value })));
        expect(agg.nUsed).toBe(peers.length);
        expect(Math.abs((agg.harmonicMean as number) / h - 1)).toBeLessThan(1e-12);
        // Σ cap / Σ (cap / P/E): earnings of the whole company in USD
        const caps = ms.map((m) => m.marketCapUsd.value as number);
        const earnings = caps.map((c, i) => c / (pes[i] as number));
        const expected = caps.reduce((a, b) => a + b, 0) / earnings.reduce((a, b) => a + b, 0);
        expect(Math.abs((agg.capWeighted as number) / expected - 1)).toBeLessThan(1e-9);
      }),
      { numRuns: 60 },
    );
  });
});
