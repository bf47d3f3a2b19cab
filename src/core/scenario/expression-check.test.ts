import { describe, expect, it } from "vitest";
import { checkExpression, type NameInfo } from "./expression-check.js";
import { parseExpression } from "./expression-parse.js";
import { evaluateIr } from "./ir-evaluate.js";
import { formatUnit } from "./units.js";
import { parseUnit } from "./unit-parse.js";

const YEARS = [2025, 2026, 2027];
// slot 0: capex RMB bn (per year), 1: share %, 2: price RMB k/card, 3: fx CNY/USD, 4: growth share, 5: usd USD bn
const NAMES: Record<string, [number, string, boolean]> = {
  capex: [0, "RMB bn", true],
  share: [1, "%", false],
  price: [2, "RMB k/card", false],
  fx: [3, "CNY/USD", false],
  g: [4, "share", false],
  usd: [5, "USD bn", false],
};
const VALUES = [Float64Array.of(100, 120, 150), Float64Array.of(40), Float64Array.of(125), Float64Array.of(7.2), Float64Array.of(0.1), Float64Array.of(10)];

const lookup = (n: string): NameInfo | undefined => {
  const e = NAMES[n];
  if (!e) return undefined;
  return { slot: e[0], unit: parseUnit(e[1]) as never, vec: e[2] };
};
const check = (src: string) => checkExpression(parseExpression(src), lookup);
const unitOf = (src: string): string => {
  const u = check(src).unit;
  return u === "literal" ? "literal" : formatUnit(u);
};
const value = (src: string, y = 0) => evaluateIr(check(src).ir, VALUES, YEARS, y);

describe("checkExpression(e, lookup)", () => {
  it("checkExpression: RMB bn × share = RMB bn, with the % scale made explicit", () => {
    expect(unitOf("capex * share")).toBe("CNY ×1e7"); // scale 1e9 × 0.01 = 1e7: the value is kept in 1e7 units…
    expect(value("capex * share")).toBe(4000); // …100 × 40 = 4,000 units of 1e7 = RMB 40bn (the formula's declared unit converts)
    expect(unitOf("capex / price")).toBe("card m"); // RMB bn ÷ RMB k/card = million cards
    expect(value("capex / price")).toBe(0.8); // 100 / 125
    expect(unitOf("capex / fx")).toBe("USD bn");
  });

  it("checkExpression: + − convert scales; a bare number next to a share is a fraction", () => {
    expect(value("1 - share")).toBeCloseTo(0.6, 15); // 1 − 40% = 0.6, not 1 − 40
    expect(value("share + g")).toBeCloseTo(50, 12); // 40% + 0.1 (in %: 10) = 50%
    expect(unitOf("share + g")).toBe("%");
    expect(value("capex + 10")).toBe(110); // next to an amount a number takes its unit: RMB 10bn
    expect(value("max(share - 0.3, 0)")).toBeCloseTo(0.1, 15);
    expect(value("(1 + g) ^ (year - 2025)", 2)).toBeCloseTo(1.21, 14);
  });

  it("checkExpression: refuses adding currencies and names the FX fix", () => {
    expect(() => check("capex + usd")).toThrow("cannot add CNY bn and USD bn; convert with an FX driver (e.g. unit USD/CNY) before combining CNY and USD");
    expect(value("capex / fx + usd")).toBeCloseTo(100 / 7.2 + 10, 12);
    expect(() => check("capex > usd")).toThrow(/cannot compare CNY bn and USD bn/);
    expect(() => check("min(capex, price)")).toThrow(/cannot take the min of CNY bn and CNY k\/card/);
  });

  it("checkExpression: powers, functions and shapes", () => {
    expect(unitOf("price ^ 2")).toBe("CNY^2 m/card^2");
    expect(() => check("price ^ g")).toThrow("CNY k/card can only be raised to a constant power");
    expect(() => check("price ^ 0.5")).toThrow(/would give a fractional unit/);
    expect(() => check("exp(capex)")).toThrow("exp() needs a plain number, not CNY bn");
    expect(value("ln(exp(share))")).toBeCloseTo(0.4, 14);
    expect(value("sum(capex)")).toBe(370);
    expect(check("sum(capex)").vec).toBe(false);
    expect(check("capex * share").vec).toBe(true);
    expect(() => check("sum(share)")).toThrow(/does not vary by year/);
    expect(value("if(capex > 110, 1, 0)", 0)).toBe(0);
    expect(value("if(capex > 110, 1, 0)", 1)).toBe(1);
    expect(() => check("if(capex, 1, 0)")).toThrow(/must be a comparison/);
    expect(() => check("(capex > 1) * 2")).toThrow(/a comparison cannot be used as a number/);
    expect(value("abs(-capex)")).toBe(100);
    expect(value("sqrt(4)")).toBe(2);
  });

  it("checkExpression: unknown names are located", () => {
    try {
      check("capex + capx");
      throw new Error("expected an error");
    } catch (e) {
      expect((e as Error).message).toBe('unknown name "capx"');
      expect((e as { pos: number }).pos).toBe(8);
    }
  });
});
