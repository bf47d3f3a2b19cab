import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { FxRate } from "../../models/index.js";
import { convertAmount } from "./fx.js";
import { createFxLookup } from "./create-fx-lookup.js";
import { resolveFxRate } from "./resolve-fx-rate.js";
import type { FxQuoteLookup } from "./fx-types.js";

const ROWS: FxRate[] = [
  { base: "USD", quote: "CNY", date: "2025-09-29", rate: 7.2, source: "demo" },
  { base: "USD", quote: "CNY", date: "2025-09-01", rate: 7.1 },
  { base: "USD", quote: "HKD", date: "2025-09-30", rate: 7.8 },
  { base: "HKD", quote: "CNY", date: "2025-09-01", rate: 0.91 },
];

describe("createFxLookup(rows)", () => {
  const lookup = createFxLookup(ROWS);

  it("createFxLookup(rows) returns the latest fixing on or before the date", () => {
    expect(lookup("USD", "CNY", "2025-09-30")).toEqual({ base: "USD", quote: "CNY", rate: 7.2, date: "2025-09-29", source: "demo" });
    expect(lookup("USD", "CNY", "2025-09-29")?.rate).toBe(7.2);
    expect(lookup("USD", "CNY", "2025-09-28")?.rate).toBe(7.1);
  });

  it("createFxLookup(rows) gives undefined before the first fixing and for unknown pairs", () => {
    expect(lookup("USD", "CNY", "2025-08-31")).toBeUndefined();
    expect(lookup("CNY", "USD", "2025-09-30")).toBeUndefined(); // the lookup does not invert
    expect(lookup("EUR", "USD", "2025-09-30")).toBeUndefined();
  });

  it("createFxLookup(rows) keeps the last row of a duplicated date and skips invalid rates", () => {
    const l = createFxLookup([
      { base: "USD", quote: "JPY", date: "2025-09-30", rate: 148 },
      { base: "USD", quote: "JPY", date: "2025-09-30", rate: 149 },
      { base: "USD", quote: "JPY", date: "2025-10-01", rate: Number.NaN },
    ]);
    expect(l("USD", "JPY", "2025-10-01")?.rate).toBe(149);
  });

  it("createFxLookup(rows) does not mutate its input", () => {
    const rows = structuredClone(ROWS);
    createFxLookup(rows);
    expect(rows).toEqual(ROWS);
  });

  it("createFxLookup(rows) agrees with a linear scan", () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-02-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.double({ min: 0.1, max: 10, noNaN: true })), { maxLength: 30 }), day, (pairs, asked) => {
        const rows: FxRate[] = pairs.map(([date, rate]) => ({ base: "EUR", quote: "USD", date, rate }));
        const expected = rows
          .map((r, i) => ({ ...r, i }))
          .filter((r) => r.date <= asked)
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i))
          .at(-1);
        expect(createFxLookup(rows)("EUR", "USD", asked)?.rate).toBe(expected?.rate);
      }),
    );
  });
});

describe("convertAmount(amount, from, to, date, rates)", () => {
  const lookup = createFxLookup(ROWS);

  it("convertAmount(amount, from, to, date, rates) is the identity for one currency", () => {
    expect(convertAmount(5, "USD", "USD", "2025-09-30", lookup)).toMatchObject({ value: 5, rate: 1, path: [], staleDays: 0 });
  });

  it("convertAmount(amount, from, to, date, rates) uses the stored pair", () => {
    // 10 USD × 7.2 = 72 CNY (USDCNY of 2025-09-29, one day old)
    const c = convertAmount(10, "USD", "CNY", "2025-09-30", lookup);
    expect(c.value).toBeCloseTo(72, 12);
    expect(c).toMatchObject({ rate: 7.2, staleDays: 1, path: [{ pair: "USDCNY", date: "2025-09-29", inverted: false, source: "demo" }] });
  });

  it("convertAmount(amount, from, to, date, rates) inverts a pair (1 / rate)", () => {
    // EPS per ADS 48 CNY / 7.2 = 6.6667 USD
    const c = convertAmount(48, "CNY", "USD", "2025-09-30", lookup);
    expect(c.value).toBeCloseTo(6.666667, 6);
    expect(c).toMatchObject({ rate: 1 / 7.2, path: [{ pair: "USDCNY", inverted: true }] });
  });

  it("convertAmount(amount, from, to, date, rates) crosses via USD: HKD→CNY = USDCNY / USDHKD", () => {
    // 100 HKD → USD at 1/7.8 → CNY at 7.2: 100 · 7.2 / 7.8 = 92.3077. The stored HKDCNY (0.91, 29 days old) is
    // stale, so the fresher cross wins.
    const c = convertAmount(100, "HKD", "CNY", "2025-09-30", lookup);
    expect(c.value).toBeCloseTo(92.307692, 5);
    expect(c).toMatchObject({
      rate: 7.2 / 7.8,
      staleDays: 1,
      path: [{ pair: "USDHKD", date: "2025-09-30", inverted: true }, { pair: "USDCNY", date: "2025-09-29", inverted: false }],
    });
  });

  it("convertAmount(amount, from, to, date, rates) prefers a direct pair when it is as fresh as the cross", () => {
    const c = convertAmount(100, "HKD", "CNY", "2025-09-02", lookup, { maxStaleDays: 7 });
    // On 2 Sep: HKDCNY of 1 Sep (1 day) vs cross with USDHKD missing before 30 Sep → direct 0.91
    expect(c).toMatchObject({ value: 91, rate: 0.91, path: [{ pair: "HKDCNY" }] });
  });

  it("convertAmount(amount, from, to, date, rates) takes the fresher of a pair and its inverse", () => {
    const l = createFxLookup([
      { base: "USD", quote: "EUR", date: "2025-09-01", rate: 0.9 },
      { base: "EUR", quote: "USD", date: "2025-09-05", rate: 1.25 },
    ]);
    // 10 USD → EUR: the EURUSD fixing of 5 Sep, inverted: 10 / 1.25 = 8
    expect(convertAmount(10, "USD", "EUR", "2025-09-05", l)).toMatchObject({ value: 8, path: [{ pair: "EURUSD", inverted: true }] });
  });

  it("convertAmount(amount, from, to, date, rates) reports a missing rate with a reason", () => {
    const c = convertAmount(1, "EUR", "CNY", "2025-09-30", lookup);
    expect(c.value).toBeUndefined();
    expect(c).toMatchObject({ reason: "no_rate" });
    expect(c.reason === "no_rate" && c.message).toMatch(/no FX rate for EUR→CNY on or before 2025-09-30/);
  });

  it("convertAmount(amount, from, to, date, rates) rejects rates older than maxStaleDays (default 7)", () => {
    // USDCNY last fixed 29 Sep; on 15 Oct it is 16 days old
    const stale = convertAmount(1, "USD", "CNY", "2025-10-15", lookup);
    expect(stale).toMatchObject({ reason: "stale_rate" });
    expect(stale.reason === "stale_rate" && stale.message).toMatch(/USDCNY of 2025-09-29, 16 days before 2025-10-15 \(maxStaleDays 7\)/);
    expect(convertAmount(1, "USD", "CNY", "2025-10-15", lookup, { maxStaleDays: 30 })).toMatchObject({ value: 7.2, staleDays: 16 });
  });

  it("convertAmount(amount, from, to, date, rates) ignores a lookup's fixing dated after the date asked", () => {
    const leaky: FxQuoteLookup = (base, quote) => (base === "USD" && quote === "CNY" ? { base, quote, rate: 7, date: "2025-12-31" } : undefined);
    expect(convertAmount(1, "USD", "CNY", "2025-09-30", leaky)).toMatchObject({ reason: "no_rate" });
  });

  it("convertAmount(amount, from, to, date, rates) refuses a non-finite amount", () => {
    expect(convertAmount(Number.NaN, "USD", "CNY", "2025-09-30", lookup)).toMatchObject({ reason: "invalid_amount" });
  });

  it("convertAmount round-trips and resolveFxRate(a, b) · resolveFxRate(b, a) = 1", () => {
    const currencies = ["USD", "CNY", "HKD"] as const;
    fc.assert(
      fc.property(fc.constantFrom(...currencies), fc.constantFrom(...currencies), fc.double({ min: -1e9, max: 1e9, noNaN: true }), (a, b, x) => {
        const there = convertAmount(x, a, b, "2025-09-30", lookup);
        const back = convertAmount(there.value as number, b, a, "2025-09-30", lookup);
        expect(back.value as number).toBeCloseTo(x, 4);
        const r1 = resolveFxRate(a, b, "2025-09-30", lookup);
        const r2 = resolveFxRate(b, a, "2025-09-30", lookup);
        if ("rate" in r1 && "rate" in r2) expect(r1.rate * r2.rate).toBeCloseTo(1, 12);
        else expect.unreachable("a rate exists for every pair here");
      }),
    );
  });
});
