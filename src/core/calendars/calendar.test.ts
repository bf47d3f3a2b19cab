import { describe, expect, it } from "vitest";
import {
  calendarForExchange, holidaysOf, isTradingDay, nextTradingDay, previousTradingDay, sessionOnOrAfter,
  sessionOnOrBefore, tradingDays,
} from "./index.js";

describe("isTradingDay(calendar, date)", () => {
  it("knows the 2025 closures the demo relies on", () => {
    expect(isTradingDay("HK", "2025-10-01")).toBe(false);
    expect(isTradingDay("HK", "2025-10-07")).toBe(false);
    expect(isTradingDay("HK", "2025-10-02")).toBe(true);
    expect(isTradingDay("US", "2025-07-04")).toBe(false);
    expect(isTradingDay("US", "2025-09-01")).toBe(false);
    expect(isTradingDay("US", "2025-10-01")).toBe(true);
    for (const d of ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"]) {
      expect(isTradingDay("CN", d), d).toBe(false);
    }
    expect(isTradingDay("CN", "2025-10-09")).toBe(true);
    expect(isTradingDay("CN", "2025-09-28")).toBe(false); // Sunday make-up working day: exchanges stay shut
  });

  it("treats weekends as closed everywhere and FX as weekdays except 1 Jan and 25 Dec", () => {
    for (const c of ["HK", "US", "CN", "FX"] as const) expect(isTradingDay(c, "2025-09-27")).toBe(false);
    expect(isTradingDay("FX", "2025-12-25")).toBe(false);
    expect(isTradingDay("FX", "2025-12-26")).toBe(true);
    expect(isTradingDay("FX", "2025-10-01")).toBe(true);
    // 2022: 1 Jan is a Saturday and 25 Dec a Sunday, so FX loses no weekday.
    expect(holidaysOf("FX").map((h) => h.date).filter((d) => d.startsWith("2022"))).toEqual([]);
    expect(holidaysOf("FX").map((h) => h.date).filter((d) => d.startsWith("2025"))).toEqual(["2025-01-01", "2025-12-25"]);
  });

  it("rejects dates outside the coverage and unknown calendars", () => {
    expect(() => isTradingDay("US", "2027-01-04")).toThrow(/outside the calendars' coverage 2022-01-01..2026-12-31/);
    expect(() => isTradingDay("XX" as never, "2025-01-02")).toThrow(/calendar "XX" is unknown/);
    expect(() => isTradingDay("US", "2025-02-30")).toThrow(/"2025-02-30"/);
  });
});

describe("tradingDays(calendar, from, to)", () => {
  it("counts the NYSE sessions of each year", () => {
    // 2023: 260 weekdays − 10 holidays; 2024: 262 − 10; 2025: 261 − 11 (Carter day of mourning).
    expect(tradingDays("US", "2023-01-01", "2023-12-31")).toHaveLength(250);
    expect(tradingDays("US", "2024-01-01", "2024-12-31")).toHaveLength(252);
    expect(tradingDays("US", "2025-01-01", "2025-12-31")).toHaveLength(250);
  });

  it("lists sessions in order, bounds included, and is empty for an inverted range", () => {
    expect(tradingDays("CN", "2025-09-30", "2025-10-09")).toEqual(["2025-09-30", "2025-10-09"]);
    expect(tradingDays("HK", "2025-09-29", "2025-10-08")).toEqual(["2025-09-29", "2025-09-30", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-08"]);
    expect(tradingDays("US", "2025-10-02", "2025-10-01")).toEqual([]);
  });
});

describe("session navigation", () => {
  it("moves to the neighbouring sessions across holidays", () => {
    expect(nextTradingDay("HK", "2025-09-30")).toBe("2025-10-02");
    expect(previousTradingDay("CN", "2025-10-09")).toBe("2025-09-30");
    expect(sessionOnOrAfter("US", "2025-08-30")).toBe("2025-09-02");
    expect(sessionOnOrAfter("US", "2025-09-02")).toBe("2025-09-02");
    expect(sessionOnOrBefore("HK", "2025-10-01")).toBe("2025-09-30");
    expect(nextTradingDay("US", "2025-11-26")).toBe("2025-11-28");
  });
});

describe("calendarForExchange(exchange)", () => {
  it("maps listing exchanges and leaves indices to the caller", () => {
    expect(calendarForExchange("HKEX")).toBe("HK");
    expect(calendarForExchange("NYSE")).toBe("US");
    expect(calendarForExchange("NASDAQ")).toBe("US");
    expect(calendarForExchange("SSE")).toBe("CN");
    expect(calendarForExchange("SZSE")).toBe("CN");
    expect(calendarForExchange("INDEX")).toBeUndefined();
  });
});
