import { describe, expect, it } from "vitest";
import { parseUnit } from "./unit-parse.js";
import { conversionFactor, divideUnits, formatUnit, multiplyUnits, powerUnit, sameDimensions, type Unit } from "./units.js";

const u = (text: string): Unit => {
  const r = parseUnit(text);
  if (typeof r === "string") throw new Error(r);
  return r;
};

describe("parseUnit(text)", () => {
  it("parseUnit(text) reads currencies, scales and counts", () => {
    expect(u("RMB bn")).toEqual({ scale: 1e9, dims: { CNY: 1 } });
    expect(u("CNY bn")).toEqual(u("RMB bn"));
    expect(u("USD m")).toEqual({ scale: 1e6, dims: { USD: 1 } });
    expect(u("%")).toEqual({ scale: 0.01, dims: {} });
    expect(u("share")).toEqual({ scale: 1, dims: {} });
    expect(u("bp")).toEqual({ scale: 1e-4, dims: {} });
    expect(u("亿元")).toEqual({ scale: 1e8, dims: { CNY: 1 } });
    expect(u("万 card")).toEqual({ scale: 1e4, dims: { card: 1 } });
    expect(u("億美元")).toEqual({ scale: 1e8, dims: { USD: 1 } });
    expect(u("亿人民币")).toEqual(u("亿元"));
    expect(u("HKD")).toEqual({ scale: 1, dims: { HKD: 1 } });
    // Three capitals that are not a currency rerate knows are a count, like any other word.
    expect(u("GPU")).toEqual({ scale: 1, dims: { GPU: 1 } });
  });

  it("parseUnit(text) divides by the word after / or per, and raises with ^", () => {
    expect(u("RMB k/card")).toEqual({ scale: 1e3, dims: { CNY: 1, card: -1 } });
    expect(u("USD per card")).toEqual({ scale: 1, dims: { USD: 1, card: -1 } });
    expect(u("CNY/USD")).toEqual({ scale: 1, dims: { CNY: 1, USD: -1 } });
    expect(u("wafer/month")).toEqual({ scale: 1, dims: { wafer: 1, month: -1 } });
    expect(u("m^2")).toEqual({ scale: 1e12, dims: {} }); // "m" is the million scale: 1e6² (no metres in rerate)
    expect(u("card^2")).toEqual({ scale: 1, dims: { card: 2 } });
    expect(u("USD/card^2")).toEqual({ scale: 1, dims: { USD: 1, card: -2 } });
  });

  it("parseUnit(text) returns a reason for text that is not a unit", () => {
    expect(parseUnit("")).toMatch(/empty/);
    expect(parseUnit("RMB bn!")).toMatch(/"bn!" is not a unit word/);
    expect(parseUnit("/card")).toMatch(/without a word before it/);
    expect(parseUnit("RMB /")).toMatch(/ends with "\/"/);
    expect(parseUnit("^2")).toMatch(/starts with an exponent/);
  });
});

describe("unit algebra", () => {
  it("multiplyUnits(a, b): RMB bn × share = RMB bn; RMB bn × % scales by 1e-2", () => {
    expect(multiplyUnits(u("RMB bn"), u("share"))).toEqual(u("RMB bn"));
    expect(multiplyUnits(u("RMB bn"), u("%"))).toEqual({ scale: 1e7, dims: { CNY: 1 } });
    expect(multiplyUnits(u("RMB k/card"), u("card"))).toEqual({ scale: 1e3, dims: { CNY: 1 } });
  });

  it("divideUnits(a, b): RMB bn ÷ RMB k/card = m card; CNY ÷ CNY/USD = USD", () => {
    expect(divideUnits(u("RMB bn"), u("RMB k/card"))).toEqual({ scale: 1e6, dims: { card: 1 } });
    expect(divideUnits(u("CNY bn"), u("CNY/USD"))).toEqual(u("USD bn"));
    expect(divideUnits(u("USD"), u("USD"))).toEqual({ scale: 1, dims: {} });
  });

  it("powerUnit(a, n) refuses fractional dimensions", () => {
    expect(powerUnit(u("card"), 2)).toEqual({ scale: 1, dims: { card: 2 } });
    expect(powerUnit(u("card^2"), 0.5)).toEqual({ scale: 1, dims: { card: 1 } });
    expect(powerUnit(u("card"), 0.5)).toBeUndefined();
  });

  it("sameDimensions(a, b) ignores scale; conversionFactor(from, to) is the ratio of scales", () => {
    expect(sameDimensions(u("RMB m"), u("RMB bn"))).toBe(true);
    expect(sameDimensions(u("RMB bn"), u("USD bn"))).toBe(false);
    expect(conversionFactor(u("RMB m"), u("RMB bn"))).toBeCloseTo(0.001, 15);
    expect(conversionFactor(u("%"), u("share"))).toBe(0.01);
  });

  it("formatUnit(u) writes the canonical text", () => {
    expect(formatUnit(u("RMB bn"))).toBe("CNY bn");
    expect(formatUnit(u("RMB k/card"))).toBe("CNY k/card");
    expect(formatUnit(u("CNY/USD"))).toBe("CNY/USD");
    expect(formatUnit(u("%"))).toBe("%");
    expect(formatUnit(u("share"))).toBe("1");
    expect(formatUnit(u("1/card"))).toBe("1/card");
    expect(formatUnit({ scale: 1e6, dims: { card: 1 } })).toBe("card m");
    expect(formatUnit({ scale: 12345, dims: {} })).toBe("×12345");
  });
});
