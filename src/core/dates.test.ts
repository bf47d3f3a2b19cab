import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays, dayOfWeek, daysBetween, daysInMonth, endOfMonth, formatIsoDate, fromDayNumber, isIsoDate,
  dayNumberFromCivil, isLeapYear, isoToDayNumber, isWeekend, parseIsoDate, toDayNumber,
} from "./dates.js";

// Tests may use Date as an independent reference implementation; src/core itself may not.
const viaDate = (dayNumber: number): string => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);

describe("toDayNumber / fromDayNumber", () => {
  it("toDayNumber(iso) counts days since 1970-01-01", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("1969-12-31")).toBe(-1);
    expect(toDayNumber("2000-03-01")).toBe(11017);
    // 2025-01-01 is day 20089; 24 Sep is day-of-year 267, so 20089 + 266 = 20355.
    expect(toDayNumber("2025-01-01")).toBe(20089);
    expect(toDayNumber("2025-09-24")).toBe(20355);
  });

  it("fromDayNumber(n) inverts toDayNumber and agrees with Date.UTC over 0000..9999", () => {
    const min = toDayNumber("0000-03-01");
    const max = toDayNumber("9999-12-31");
    fc.assert(
      fc.property(fc.integer({ min, max }), (n) => {
        const iso = fromDayNumber(n);
        expect(toDayNumber(iso)).toBe(n);
        if (n >= toDayNumber("1000-01-01")) expect(iso).toBe(viaDate(n));
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects non-dates with a message that echoes the value", () => {
    expect(() => toDayNumber("2025-02-29")).toThrow(/"2025-02-29"/);
    expect(() => toDayNumber("2025-9-24")).toThrow(RangeError);
    expect(() => toDayNumber("2025-13-01")).toThrow(RangeError);
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });
});

describe("calendar helpers", () => {
  it("addDays(iso, n) crosses month, leap-day and year boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(() => addDays("2025-01-01", 0.5)).toThrow(RangeError);
  });

  it("daysBetween(from, to) is signed", () => {
    expect(daysBetween("2025-01-01", "2025-03-01")).toBe(59); // 31 + 28
    expect(daysBetween("2025-03-01", "2025-01-01")).toBe(-59);
    expect(daysBetween("2023-01-02", "2025-10-31")).toBe(1033);
  });

  it("dayOfWeek(iso) is 0 = Sunday … 6 = Saturday", () => {
    expect(dayOfWeek("1970-01-01")).toBe(4); // Thursday
    expect(dayOfWeek("2025-09-24")).toBe(3); // Wednesday
    expect(dayOfWeek("2025-10-05")).toBe(0);
    expect(dayOfWeek("1969-12-27")).toBe(6);
    expect(isWeekend("2025-10-04")).toBe(true);
    expect(isWeekend("2025-10-03")).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        expect(dayOfWeek(fromDayNumber(n))).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
    );
  });

  it("endOfMonth(year, month) knows leap years", () => {
    expect(endOfMonth(2024, 2)).toBe("2024-02-29");
    expect(endOfMonth(2025, 2)).toBe("2025-02-28");
    expect(endOfMonth(1900, 2)).toBe("1900-02-28");
    expect(endOfMonth(2000, 2)).toBe("2000-02-29");
    expect(endOfMonth(2025, 6)).toBe("2025-06-30");
    expect(endOfMonth(2025, 12)).toBe("2025-12-31");
    expect(() => endOfMonth(2025, 13)).toThrow(/month \(13\)/);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(isLeapYear(2100)).toBe(false);
  });

  it("parse/format/isIsoDate round-trip", () => {
    expect(parseIsoDate("2025-09-24")).toEqual({ year: 2025, month: 9, day: 24 });
    expect(formatIsoDate(25, 1, 2)).toBe("0025-01-02");
    expect(isIsoDate("2025-09-31")).toBe(false);
    expect(isIsoDate("2025-09-30")).toBe(true);
    expect(isIsoDate("2025-09-30T00:00")).toBe(false);
  });
});

describe("isoToDayNumber(s) / dayNumberFromCivil(y, m, d)", () => {
  it("agrees with toDayNumber on every valid date", () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber("0000-03-01"), max: toDayNumber("9999-12-31") }), (n) => {
        const iso = fromDayNumber(n);
        expect(isoToDayNumber(iso)).toBe(n);
        const { year, month, day } = parseIsoDate(iso);
        expect(dayNumberFromCivil(year, month, day)).toBe(n);
      }),
    );
  });

  it("returns NaN instead of throwing on anything that is not exactly YYYY-MM-DD", () => {
    for (const bad of ["2025-02-29", "2025-9-24", "2025/09/24", "2025-09-24T00:00", "20250924", "2025-00-10", "2025-09-3x", ""]) {
      expect(isoToDayNumber(bad), bad).toBeNaN();
    }
  });
});
