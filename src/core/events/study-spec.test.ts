import { describe, expect, it } from "vitest";
import { chooseDefaultBenchmark } from "./default-benchmark.js";
import { calendarOfListing } from "./listing-calendar.js";
import { EVENT_STUDY_DEFAULTS, formatDayRange, parseDayRange, validateStudySpec, windowSpan } from "./study-spec.js";

describe("parseDayRange / formatDayRange / windowSpan", () => {
  it("reads FROM:TO with signs and refuses reversed or malformed ranges", () => {
    expect(parseDayRange("-250:-11")).toEqual({ from: -250, to: -11 });
    expect(parseDayRange(" +0 : +5 ")).toEqual({ from: 0, to: 5 });
    expect(() => parseDayRange("5:1", "--windows")).toThrow(/--windows "5:1" starts after it ends/);
    expect(() => parseDayRange("-1..1")).toThrow(/must be FROM:TO/);
    expect(formatDayRange({ from: -1, to: 1 })).toBe("-1:+1");
    expect(windowSpan(EVENT_STUDY_DEFAULTS.windows)).toEqual({ from: -5, to: 5 });
  });
});

describe("validateStudySpec(spec)", () => {
  it("accepts the defaults and refuses an estimation window that reaches an event window", () => {
    expect(() => validateStudySpec(EVENT_STUDY_DEFAULTS)).not.toThrow();
    expect(() => validateStudySpec({ ...EVENT_STUDY_DEFAULTS, windows: [{ from: -20, to: 20 }] })).toThrow(/must end before the earliest event window starts \(day -20\)/);
  });
  it("refuses unknown models, empty windows and impossible minimum days", () => {
    expect(() => validateStudySpec({ ...EVENT_STUDY_DEFAULTS, model: "fama-french" as never })).toThrow(/model "fama-french" is unknown/);
    expect(() => validateStudySpec({ ...EVENT_STUDY_DEFAULTS, windows: [] })).toThrow(/windows are empty/);
    expect(() => validateStudySpec({ ...EVENT_STUDY_DEFAULTS, minEstimationDays: 300 })).toThrow(/from 3 to the estimation window's length \(240\)/);
    expect(() => validateStudySpec({ ...EVENT_STUDY_DEFAULTS, windows: [{ from: 0.5, to: 1 }] })).toThrow(/two integers/);
  });
});

describe("calendarOfListing and chooseDefaultBenchmark", () => {
  it("follows the exchange, else the index's country, else the currency", () => {
    expect(calendarOfListing({ exchange: "HKEX", currency: "HKD" })).toEqual({ calendar: "HK", basis: "exchange" });
    expect(calendarOfListing({ exchange: "INDEX", country: "US", currency: "USD" })).toEqual({ calendar: "US", basis: "country" });
    expect(calendarOfListing({ exchange: "OTHER", currency: "USD" })).toEqual({ calendar: "US", basis: "currency" });
    expect(calendarOfListing({ exchange: "FX", currency: "HKD" })).toBeUndefined();
    expect(calendarOfListing({ exchange: "OTHER", currency: "EUR" })).toBeUndefined();
  });
  it("^HSI for HKEX, ^GSPC for US, the CSI 300 for the mainland with ^HSI as the stated fallback", () => {
    const all = () => true;
    expect(chooseDefaultBenchmark("HK", all)).toEqual({ id: "^HSI", reason: "default for HK listings" });
    expect(chooseDefaultBenchmark("US", all).id).toBe("^GSPC");
    expect(chooseDefaultBenchmark("CN", all).id).toBe("000300.SS");
    expect(chooseDefaultBenchmark("CN", (s) => s === "^HSI")).toEqual({ id: "^HSI", reason: "default for CN listings is 000300.SS, which has no prices; fell back to ^HSI" });
    expect(chooseDefaultBenchmark("US", () => false).id).toBeUndefined();
    expect(chooseDefaultBenchmark(undefined, all).reason).toMatch(/pass one explicitly/);
  });
});
