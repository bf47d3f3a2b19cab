import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDateOrder, isValidIsoDate, parseDateCell, type DateOrder } from "./parse-date.js";

const iso = (raw: string, order?: DateOrder) => {
  const r = parseDateCell(raw, order);
  if (!r.ok) throw new Error(`parseDateCell(${JSON.stringify(raw)}) failed: ${r.reason}`);
  return r.value;
};

describe("parseDateCell(raw, order?)", () => {
  it("parseDateCell(raw) returns an ISO date unchanged", () => {
    expect(parseDateCell("2025-09-24")).toEqual({ ok: true, value: "2025-09-24" });
    expect(iso("2024-02-29")).toBe("2024-02-29");
  });

  it("parseDateCell(raw) keeps the written date of a date-time, without converting the offset", () => {
    // 00:00 at +08:00 is still 2020-01-01 in UTC; the exchange-local date 2020-01-02 is what we keep.
    expect(iso("2020-01-02 00:00:00+08:00")).toBe("2020-01-02");
    expect(iso("2025/9/24 0:00")).toBe("2025-09-24");
    expect(iso("2025-09-24T00:00:00.000-05:00")).toBe("2025-09-24");
    expect(iso("9/24/2025 12:00 AM")).toBe("2025-09-24");
  });

  it("parseDateCell(raw) refuses a time of day other than midnight, unless dateOnly", () => {
    const r = parseDateCell("2025-09-24T10:00:00Z");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/time of day \(T10:00:00\).*--date-only/);
    expect(parseDateCell("2025-09-24 00:00:01").ok).toBe(false);
    expect(parseDateCell("9/24/2025 12:00 PM").ok).toBe(false); // noon, not midnight
    expect(parseDateCell("2025-09-24T23:30:00.000-05:00", undefined, { dateOnly: true })).toEqual({ ok: true, value: "2025-09-24" });
  });

  it("parseDateCell(raw) reads year-first dates with /, - or . and one-digit parts", () => {
    expect(iso("2025/9/24")).toBe("2025-09-24");
    expect(iso("2025-9-4")).toBe("2025-09-04");
    expect(iso("2025.09.24")).toBe("2025-09-24");
    expect(iso(" 2025/01/02 ")).toBe("2025-01-02");
  });

  it("parseDateCell(raw) reads 8-digit dates", () => {
    expect(iso("20250924")).toBe("2025-09-24");
    expect(parseDateCell("20250230")).toEqual({ ok: false, reason: "is not a valid date" });
  });

  it("parseDateCell(raw) reads Chinese dates, with full-width digits and spaces", () => {
    expect(iso("2025年9月24日")).toBe("2025-09-24");
    expect(iso("２０２５年０９月２４日")).toBe("2025-09-24");
    expect(iso("2025 年 9 月 4 日")).toBe("2025-09-04");
  });

  it("parseDateCell(raw) reads Excel serials in the 1900 system: 45924 is 2025-09-24", () => {
    // Excel: 36526 = 2000-01-01, 25569 = 1970-01-01; 2025-01-01 = 45658 and Sep 24 is day 267 of 2025,
    // so 45658 + 266 = 45924.
    expect(iso("45924")).toBe("2025-09-24");
    expect(iso("36526")).toBe("2000-01-01");
    expect(iso("25569")).toBe("1970-01-01");
    expect(iso("45658")).toBe("2025-01-01");
    expect(iso("45924.75")).toBe("2025-09-24");
  });

  it("parseDateCell(raw) does not take integers outside 20000..80000 for Excel serials", () => {
    expect(parseDateCell("19999").ok).toBe(false);
    expect(parseDateCell("80001").ok).toBe(false);
    expect(parseDateCell("2025").ok).toBe(false);
  });

  it("parseDateCell(raw) reads a/b/yyyy by the number above 12, and refuses 3/4/2025 without an order", () => {
    expect(iso("9/24/2025")).toBe("2025-09-24");
    expect(iso("24/9/2025")).toBe("2025-09-24");
    expect(iso("09-24-2025")).toBe("2025-09-24");
    expect(iso("4/4/2025")).toBe("2025-04-04"); // the same either way
    const r = parseDateCell("3/4/2025");
    expect(!r.ok && r.reason).toMatch(/ambiguous.*--date-order/);
    expect(parseDateCell("3/4/2025", "ymd").ok).toBe(false);
  });

  it("parseDateCell(raw) reads dotted a.b.yyyy day-first by default", () => {
    expect(iso("03.04.2025")).toBe("2025-04-03");
    expect(iso("24.09.2025")).toBe("2025-09-24");
  });

  it("parseDateCell(raw, order) reads a/b/yyyy in the given order", () => {
    expect(iso("3/4/2025", "dmy")).toBe("2025-04-03");
    expect(iso("3/4/2025", "mdy")).toBe("2025-03-04");
    expect(iso("24/9/2025", "dmy")).toBe("2025-09-24");
    expect(iso("9/24/2025", "mdy")).toBe("2025-09-24");
    expect(iso("2025-09-24", "dmy")).toBe("2025-09-24");
  });

  it("parseDateCell(raw, order) is an error when the value contradicts the order", () => {
    const dayFirst = parseDateCell("24/9/2025", "mdy");
    const monthFirst = parseDateCell("9/24/2025", "dmy");
    expect(dayFirst.ok).toBe(false);
    expect(monthFirst.ok).toBe(false);
    if (!dayFirst.ok) expect(dayFirst.reason).toMatch(/month\/day\/year/);
    if (!monthFirst.ok) expect(monthFirst.reason).toMatch(/day\/month\/year/);
  });

  it("parseDateCell(raw) reads English month names", () => {
    expect(iso("24-Sep-2025")).toBe("2025-09-24");
    expect(iso("4 sep 2025")).toBe("2025-09-04");
    expect(iso("Sep 24, 2025")).toBe("2025-09-24");
    expect(iso("September 24, 2025")).toBe("2025-09-24");
    expect(iso("Sept. 24 2025")).toBe("2025-09-24");
    expect(iso("Feb 29, 2024")).toBe("2024-02-29");
  });

  it.each(["2025-02-30", "2025-13-01", "2025-00-10", "2025-04-31", "2023-02-29", "1900-02-29", "2025/2/30", "31/4/2025", "Feb 30, 2025", "30-Foo-2025"])(
    "parseDateCell(%j) is { ok: false } as not a valid date",
    (raw) => {
      expect(parseDateCell(raw)).toEqual({ ok: false, reason: "is not a valid date" });
    },
  );

  it.each(["abc", "2025-09", "9/24/25", "2025-09-24 garbage", "2025/09-24", "1.5"])(
    "parseDateCell(%j) is { ok: false } as not a date",
    (raw) => {
      const r = parseDateCell(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/^is not a date/);
    },
  );

  it("parseDateCell(raw) accepts 2000-02-29 (divisible by 400) and rejects 2100-02-29", () => {
    expect(iso("2000-02-29")).toBe("2000-02-29");
    expect(parseDateCell("2100-02-29").ok).toBe(false);
  });

  it.each(["", "  ", "-", "--", "N/A", "null"])("parseDateCell(%j) is missing: { ok: true, value: undefined }", (raw) => {
    expect(parseDateCell(raw)).toEqual({ ok: true, value: undefined });
  });

  it("parseDateCell(raw) agrees with Date.UTC on every date written as yyyy/m/d, d/m/yyyy (dmy) and yyyymmdd", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 2932896 }), (days) => {
        const d = new Date(days * 86_400_000);
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const expected = d.toISOString().slice(0, 10);
        expect(iso(`${y}/${m}/${dd}`)).toBe(expected);
        expect(iso(`${dd}/${m}/${y}`, "dmy")).toBe(expected);
        expect(iso(expected.replace(/-/g, ""))).toBe(expected);
      }),
    );
  });
});

describe("detectDateOrder(samples)", () => {
  it("detectDateOrder(samples) is dmy when a first number exceeds 12", () => {
    expect(detectDateOrder(["01/09/2025", "02/09/2025", "24/09/2025"])).toBe("dmy");
  });

  it("detectDateOrder(samples) is mdy when a second number exceeds 12", () => {
    expect(detectDateOrder(["9/1/2025", "", "9/24/2025"])).toBe("mdy");
  });

  it("detectDateOrder(samples) is ymd for year-first dates", () => {
    expect(detectDateOrder(["2025-09-24", "2025/9/25"])).toBe("ymd");
    expect(detectDateOrder(["20250924"])).toBe("ymd");
  });

  it("detectDateOrder(samples) is undefined without evidence or with contradicting evidence", () => {
    expect(detectDateOrder(["1/2/2025", "3/4/2025"])).toBeUndefined();
    expect(detectDateOrder(["24/9/2025", "9/24/2025"])).toBeUndefined();
    expect(detectDateOrder([])).toBeUndefined();
    expect(detectDateOrder(["abc", ""])).toBeUndefined();
  });
});

describe("isValidIsoDate(s)", () => {
  it("isValidIsoDate(s) is true only for real dates in YYYY-MM-DD form", () => {
    expect(isValidIsoDate("2025-09-24")).toBe(true);
    expect(isValidIsoDate("2024-02-29")).toBe(true);
    expect(isValidIsoDate("2025-02-29")).toBe(false);
    expect(isValidIsoDate("2025-9-24")).toBe(false);
    expect(isValidIsoDate("2025-09-24T00:00Z")).toBe(false);
    expect(isValidIsoDate("2025/09/24")).toBe(false);
    expect(isValidIsoDate("abcd-ef-gh")).toBe(false);
  });
});
