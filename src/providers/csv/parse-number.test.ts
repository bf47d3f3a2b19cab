import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMissingMarker, parseNumberCell } from "./parse-number.js";

const value = (raw: string) => {
  const r = parseNumberCell(raw);
  if (!r.ok) throw new Error(`parseNumberCell(${JSON.stringify(raw)}) failed: ${r.reason}`);
  return r.value;
};

describe("parseNumberCell(raw)", () => {
  it("parseNumberCell(raw) reads plain decimals, signs and exponents", () => {
    expect(value("101.5")).toBe(101.5);
    expect(value("-3.5")).toBe(-3.5);
    expect(value("+42")).toBe(42);
    expect(value("1e6")).toBe(1_000_000);
    expect(value("2.5E-3")).toBe(0.0025);
    expect(value(".5")).toBe(0.5);
    expect(value("0")).toBe(0);
    expect(value("5.")).toBe(5);
    expect(value("-.25")).toBe(-0.25);
  });

  it("parseNumberCell(raw) reads long digit strings (beyond 15 digits) like Number does", () => {
    expect(value("12345678901234567")).toBe(12345678901234568); // nearest double to 12345678901234567
    expect(value("0.1000000000000000055511151231257827")).toBe(0.1);
    expect(value("123456.123456789")).toBe(123456.123456789);
  });

  it("parseNumberCell(raw) reads -0 as 0", () => {
    expect(Object.is(value("-0"), 0)).toBe(true);
    expect(Object.is(value("(0)"), 0)).toBe(true);
  });

  it("parseNumberCell(raw) ignores surrounding whitespace, including the ideographic space", () => {
    expect(value("  12.25 ")).toBe(12.25);
    expect(value("\t7\u3000")).toBe(7);
  });

  it.each(["", "   ", "-", "--", "—", "——", "NaN", "nan", "NA", "N/A", "null", "None", "#N/A", " n/a "])(
    "parseNumberCell(%j) is missing: { ok: true, value: undefined }",
    (raw) => {
      expect(parseNumberCell(raw)).toEqual({ ok: true, value: undefined });
    },
  );

  it("parseNumberCell(raw) reads thousands separators grouped in threes", () => {
    expect(value("1,234,567.89")).toBe(1234567.89);
    expect(value("-12,345")).toBe(-12345);
    expect(value("999")).toBe(999);
  });

  it("parseNumberCell(raw) reads full-width digits, the Chinese comma and full-width signs", () => {
    expect(value("１２３，４５６．７８")).toBe(123456.78);
    expect(value("－５")).toBe(-5);
    expect(value("１２％")).toBe(0.12);
  });

  it("parseNumberCell(raw) reads accounting negatives in parentheses", () => {
    expect(value("(1,234)")).toBe(-1234);
    expect(value("（56.5）")).toBe(-56.5);
    expect(value("($1,234.50)")).toBe(-1234.5);
  });

  it("parseNumberCell(raw) strips currency marks before and after the number", () => {
    expect(value("$1,234.50")).toBe(1234.5);
    expect(value("US$ 12")).toBe(12);
    expect(value("HK$98.75")).toBe(98.75);
    expect(value("HKD 1,000")).toBe(1000);
    expect(value("1,000 HKD")).toBe(1000);
    expect(value("¥88")).toBe(88);
    expect(value("￥88")).toBe(88);
    expect(value("RMB 5")).toBe(5);
    expect(value("5元")).toBe(5);
    expect(value("-$3")).toBe(-3);
    expect(value("$-3")).toBe(-3);
  });

  it("parseNumberCell(raw) reads 12.5% as 0.125", () => {
    expect(value("12.5%")).toBe(0.125);
    expect(value("-0.75%")).toBe(-0.0075);
    expect(value("100%")).toBe(1);
  });

  it("parseNumberCell(raw) reads 1.2B as exactly 1,200,000,000", () => {
    expect(value("1.2B")).toBe(1_200_000_000);
    expect(value("1.2bn")).toBe(1_200_000_000);
    expect(value("US$1.2bn")).toBe(1_200_000_000);
  });

  it("parseNumberCell(raw) reads Latin scale suffixes in any case: K, M, mn, B, bn, T, tn", () => {
    expect(value("850K")).toBe(850_000);
    expect(value("2.5k")).toBe(2_500);
    expect(value("3.3M")).toBe(3_300_000);
    expect(value("45mn")).toBe(45_000_000);
    expect(value("7 BN")).toBe(7_000_000_000);
    expect(value("1.1T")).toBe(1_100_000_000_000);
    expect(value("2tn")).toBe(2_000_000_000_000);
    expect(value("(2.5M)")).toBe(-2_500_000);
  });

  it("parseNumberCell(raw) reads 3.4億 as 340,000,000", () => {
    expect(value("3.4億")).toBe(340_000_000);
  });

  it("parseNumberCell(raw) reads 5.6亿 as 560,000,000 and 12.3万 as 123,000", () => {
    expect(value("5.6亿")).toBe(560_000_000);
    expect(value("12.3万")).toBe(123_000);
    expect(value("12.3萬")).toBe(123_000);
  });

  it("parseNumberCell(raw) reads 千, 百万, 百萬, 万亿 and 萬億", () => {
    expect(value("3千")).toBe(3_000);
    expect(value("1.5百万")).toBe(1_500_000);
    expect(value("2百萬")).toBe(2_000_000);
    expect(value("1.8万亿")).toBe(1_800_000_000_000);
    expect(value("0.5萬億")).toBe(500_000_000_000);
  });

  it("parseNumberCell(raw) reads 元 after a Chinese multiplier: 3.4億元 is 340,000,000", () => {
    expect(value("3.4億元")).toBe(340_000_000);
    expect(value("-1,234.5万元")).toBe(-12_345_000);
    expect(value("￥2.1亿元")).toBe(210_000_000);
  });

  it.each(["abc", "12..3", "1,23", "1.2X", "1,2345", ",123", "123,", "1-2", "e5", "1e", "--5", "(-5)", "$", "12.5%%", "0x10", "Infinity", ".", "1.2.3"])(
    "parseNumberCell(%j) is { ok: false } with a reason saying it is not a number",
    (raw) => {
      const r = parseNumberCell(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/^is not a number/);
    },
  );

  it("parseNumberCell(raw) says a number beyond double range is out of range", () => {
    expect(parseNumberCell("1e400")).toEqual({ ok: false, reason: "is out of range" });
  });

  it("parseNumberCell(raw) reads what String(x) writes for any finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseNumberCell(String(x))).toEqual({ ok: true, value: x + 0 });
      }),
    );
  });

  it("parseNumberCell(raw) agrees with Number(raw) on plain decimals of up to 20 digits", () => {
    const digits = fc.string({ unit: fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(fc.constantFrom("", "-", "+"), digits, fc.nat(20), (sign, d, at) => {
        const dot = Math.min(at, d.length);
        const raw = `${sign}${d.slice(0, dot)}.${d.slice(dot)}`;
        expect(parseNumberCell(raw)).toEqual({ ok: true, value: Number(raw) + 0 });
      }),
      { numRuns: 2000 },
    );
  });

  it("parseNumberCell(raw) reads an integer with thousands separators as the integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseNumberCell(n.toLocaleString("en-US"))).toEqual({ ok: true, value: n + 0 });
      }),
    );
  });
});

describe("isMissingMarker(s)", () => {
  it("isMissingMarker(s) is true for markers and false for numbers and words", () => {
    expect(["", "-", "N/A", "#N/A", "None"].map(isMissingMarker)).toEqual([true, true, true, true, true]);
    expect(["0", "n", "abc", "-1"].map(isMissingMarker)).toEqual([false, false, false, false]);
  });
});
