import { describe, expect, it } from "vitest";
import { impliedPrices } from "./implied-prices.js";

describe("impliedPrices(rows, target, fractions)", () => {
  it("impliedPrices(...) closes each member's multiple toward the target in its own currency", () => {
    const [hk, pdd, nm] = impliedPrices([
      { id: "9988.HK", price: 165, currency: "HKD", multiple: 12.5 },
      { id: "PDD", price: 135, currency: "USD", multiple: 10 },
      { id: "X", currency: "HKD", nm: "negative_earnings", price: 10 },
    ], 18);
    // 9988.HK: m* = 12.5 + x · 5.5 → 13.875, 15.25, 18; price* = 165 · m* / 12.5 → 183.15, 201.3, 237.6
    expect(hk!.scenarios!.map((s) => s.price)).toEqual([expect.closeTo(183.15, 10), expect.closeTo(201.3, 10), expect.closeTo(237.6, 10)]);
    expect(hk!.scenarios![2]!.upside).toBeCloseTo(0.44, 12); // 18 / 12.5 − 1
    expect(hk!.currency).toBe("HKD");
    // PDD: half-way 10 → 14: 135 · 1.4 = 189 USD
    expect(pdd!.scenarios![1]!.price).toBeCloseTo(189, 10);
    expect(nm).toEqual({ id: "X", currency: "HKD", price: 10, target: 18, reason: "multiple n.m. (negative_earnings)" });
  });

  it("impliedPrices(...) gives a reason when there is nothing to close toward", () => {
    expect(impliedPrices([{ id: "A", price: 10, currency: "USD", multiple: 10 }], undefined)[0]!.reason).toBe("no peer aggregate to close toward");
  });
});
