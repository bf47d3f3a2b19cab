import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { attributeGroup } from "./attribute-group.js";
import { attributeReturn } from "./attribute-return.js";
import { toSimpleContributions } from "./simple-contributions.js";
import type { AttributionPoint, ReturnAttribution } from "./types.js";

const sum = (c: { earnings: number; multiple: number; fx: number; dividends: number }) => c.earnings + c.multiple + c.fx + c.dividends;

describe("attributeReturn(start, end)", () => {
  it("attributeReturn: price 100 → 150 with EPS 10 → 11, by hand", () => {
    // earnings ln(11/10) = 0.0953102; P/E 10 → 13.6364: ln 1.363636 = 0.3101549; total ln 1.5 = 0.4054651
    const a = attributeReturn({ date: "2025-01-02", price: 100, eps: 10 }, { date: "2025-10-31", price: 150, eps: 11 }) as ReturnAttribution;
    expect(a.log.earnings).toBeCloseTo(0.0953102, 7);
    expect(a.log.multiple).toBeCloseTo(0.3101549, 7);
    expect(a.log.fx).toBe(0);
    expect(a.log.dividends).toBe(0);
    expect(a.logReturn).toBeCloseTo(Math.log(1.5), 15);
    expect(a.simpleReturn).toBeCloseTo(0.5, 14);
    // simple: × 0.5 / 0.4054651 = 1.2331517: earnings 0.1175319, multiple 0.3824681
    expect(a.simple.earnings).toBeCloseTo(0.1175319, 7);
    expect(a.simple.multiple).toBeCloseTo(0.3824681, 7);
    expect(a.peFrom).toBe(10);
    expect(a.peTo).toBeCloseTo(13.636364, 6);
  });

  it("attributeReturn: FX and dividends for a USD investor in a HKD listing", () => {
    // HKD 100 → 120, EPS 8 → 8 (P/E 12.5 → 15); USD per HKD 0.128 → 0.1285; TR index 1.00 → 1.23
    // log: earnings 0, multiple ln 1.2 = 0.1823216, fx ln(0.1285/0.128) = 0.0038986,
    // dividends ln 1.23 − ln 1.2 = 0.0246926; total = ln(1.23 · 0.1285/0.128) = 0.2109128
    const a = attributeReturn(
      { date: "2025-01-02", price: 100, eps: 8, fx: 0.128, totalReturnIndex: 1 },
      { date: "2025-10-31", price: 120, eps: 8, fx: 0.1285, totalReturnIndex: 1.23 },
    ) as ReturnAttribution;
    expect(a.log.earnings).toBe(0);
    expect(a.log.multiple).toBeCloseTo(0.1823216, 7);
    expect(a.log.fx).toBeCloseTo(0.0038986, 7);
    expect(a.log.dividends).toBeCloseTo(0.0246926, 7);
    expect(a.logReturn).toBeCloseTo(Math.log((1.23 * 0.1285) / 0.128), 14);
    expect(a.withDividends).toBe(true);
  });

  it("attributeReturn(…, 'reporting') moves the RMB → HKD translation from earnings to FX", () => {
    // EPS RMB 8 → 8.8 (+10%); HKD per RMB 1.08 → 1.10: listing EPS 8.64 → 9.68
    const start: AttributionPoint = { date: "2025-01-02", price: 100, eps: 8 * 1.08, translation: 1.08, fx: 0.128 };
    const end: AttributionPoint = { date: "2025-10-31", price: 130, eps: 8.8 * 1.1, translation: 1.1, fx: 0.1285 };
    const listing = attributeReturn(start, end) as ReturnAttribution;
    const reporting = attributeReturn(start, end, "reporting") as ReturnAttribution;
    expect(reporting.log.earnings).toBeCloseTo(Math.log(1.1), 14);
    expect(listing.log.earnings).toBeCloseTo(Math.log((8.8 * 1.1) / (8 * 1.08)), 14);
    expect(reporting.log.fx - listing.log.fx).toBeCloseTo(Math.log(1.1 / 1.08), 14);
    expect(reporting.log.multiple).toBe(listing.log.multiple);
    expect(reporting.logReturn).toBeCloseTo(listing.logReturn, 15);
  });

  it("attributeReturn is n.m. for EPS ≤ 0 or a missing price, naming the date and value", () => {
    expect(attributeReturn({ date: "2025-01-02", price: 100, eps: -0.5 }, { date: "2025-10-31", price: 150, eps: 1 })).toMatchObject({
      nm: "negative_earnings", message: "EPS on 2025-01-02 (-0.5) is not positive: P/E is n.m., so is its change",
    });
    expect(attributeReturn({ date: "2025-01-02", price: 100, eps: 1 }, { date: "2025-10-31", price: Number.NaN, eps: 1 })).toMatchObject({ nm: "missing_input" });
    expect(attributeReturn({ date: "2025-01-02", price: 100, eps: 1, fx: 0 }, { date: "2025-10-31", price: 1, eps: 1 })).toMatchObject({ nm: "missing_input" });
  });

  const point = (date: string) =>
    fc.record({
      date: fc.constant(date),
      price: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
      eps: fc.double({ min: 1e-4, max: 1e3, noNaN: true }),
      fx: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
      translation: fc.double({ min: 1e-2, max: 1e2, noNaN: true }),
      totalReturnIndex: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    });

  it("attributeReturn: the log parts add up to the total return in the investor's currency, the simple parts to R (fast-check)", () => {
    fc.assert(
      fc.property(point("2025-01-02"), point("2025-10-31"), fc.constantFrom("listing" as const, "reporting" as const), (s, e, basis) => {
        // with a total-return index the investor's log return is ln(TR1 X1 / TR0 X0)
        const a = attributeReturn(s, e, basis) as ReturnAttribution;
        const direct = Math.log(e.totalReturnIndex / s.totalReturnIndex) + Math.log(e.fx / s.fx);
        expect(sum(a.log)).toBe(a.logReturn);
        expect(Math.abs(a.logReturn - direct)).toBeLessThan(1e-12 * Math.max(1, Math.abs(direct)));
        expect(Math.abs(sum(a.simple) - a.simpleReturn)).toBeLessThan(1e-12 * Math.max(1, Math.abs(a.simpleReturn)));
        const simpleDirect = ((e.totalReturnIndex * e.fx) / (s.totalReturnIndex * s.fx)) - 1;
        expect(Math.abs(a.simpleReturn - simpleDirect)).toBeLessThan(1e-10 * Math.max(1, Math.abs(simpleDirect)));
      }),
    );
  });

  it("attributeReturn: scaling both prices by k changes only the multiple term, by ln k (fast-check)", () => {
    fc.assert(
      fc.property(point("2025-01-02"), point("2025-10-31"), fc.double({ min: 0.1, max: 10, noNaN: true }), (s, e, k) => {
        const a = attributeReturn(s, e) as ReturnAttribution;
        const b = attributeReturn(s, { ...e, price: e.price * k, totalReturnIndex: e.totalReturnIndex * k }) as ReturnAttribution;
        expect(b.log.earnings).toBe(a.log.earnings);
        expect(b.log.multiple - a.log.multiple).toBeCloseTo(Math.log(k), 10);
        expect(b.log.dividends).toBeCloseTo(a.log.dividends, 10);
      }),
    );
  });
});

describe("toSimpleContributions(log)", () => {
  it("toSimpleContributions with a zero total keeps the log parts (the limit R / r → 1)", () => {
    const s = toSimpleContributions({ earnings: 0.1, multiple: -0.1, fx: 0, dividends: 0 });
    expect(s.simpleReturn).toBe(0);
    expect(s.simple.earnings).toBeCloseTo(0.1, 15);
  });
});

describe("attributeGroup(members)", () => {
  const a = attributeReturn({ date: "d0", price: 100, eps: 10 }, { date: "d1", price: 150, eps: 11 }) as ReturnAttribution;
  const b = attributeReturn({ date: "d0", price: 50, eps: 5 }, { date: "d1", price: 45, eps: 5.5 }) as ReturnAttribution;
  const bad = attributeReturn({ date: "d0", price: 50, eps: -1 }, { date: "d1", price: 45, eps: 5.5 });

  it("attributeGroup: equal weights, by hand, and the n.m. member dropped with its reason", () => {
    // A: +50%, B: −10% → portfolio +20%; log mean (ln 1.5 + ln 0.9) / 2 = (0.4054651 − 0.1053605) / 2 = 0.1500523
    const g = attributeGroup([{ id: "A", result: a }, { id: "B", result: b }, { id: "C", result: bad }])!;
    expect(g.simpleReturn).toBeCloseTo(0.2, 14);
    expect(g.logReturn).toBeCloseTo(0.1500523, 7);
    expect(sum(g.simple)).toBeCloseTo(0.2, 14);
    expect(sum(g.log)).toBeCloseTo(g.logReturn, 15);
    expect(g.log.earnings).toBeCloseTo(Math.log(1.1), 14);
    expect(g.dropped).toEqual([{ id: "C", reason: "EPS on d0 (-1) is not positive: P/E is n.m., so is its change" }]);
    expect(g.members.map((m) => m.weight)).toEqual([0.5, 0.5]);
  });

  it("attributeGroup: cap weights 3:1 give 0.75 · 50% + 0.25 · (−10%) = 35%", () => {
    const g = attributeGroup([{ id: "A", result: a, weight: 3e9 }, { id: "B", result: b, weight: 1e9 }])!;
    expect(g.simpleReturn).toBeCloseTo(0.35, 14);
    expect(sum(g.simple)).toBeCloseTo(0.35, 14);
  });

  it("attributeGroup is undefined with no usable member; a bad weight drops the member", () => {
    expect(attributeGroup([{ id: "C", result: bad }])).toBeUndefined();
    expect(attributeGroup([{ id: "A", result: a, weight: 0 }, { id: "B", result: b }])?.dropped[0]?.id).toBe("A");
  });
});
