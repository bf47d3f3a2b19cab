import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calendarisedNtmEps, calendarYearValue, ntmWeightFy1 } from "./calendarise.js";
import { fiscalYearEnd, forwardFiscalYears } from "./fiscal-year.js";
import { addDays } from "../dates.js";

describe("calendarisedNtmEps(asOf, fy1End, epsFy1, epsFy2)", () => {
  it("calendarisedNtmEps weights a March fiscal year by the days left in FY1", () => {
    // Alibaba on 2025-09-30, FY1 = FY2026 ends 2026-03-31: Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31 = 182 days
    // f = 182/365 = 0.498630; NTM = 0.498630 · 7.0 + 0.501370 · 8.0 = 8 − f = 7.501370
    const ntm = calendarisedNtmEps("2025-09-30", "2026-03-31", 7.0, 8.0);
    expect(ntm?.weightFy1).toBeCloseTo(182 / 365, 12);
    expect(ntm?.value).toBeCloseTo(7.50137, 5);
  });

  it("calendarisedNtmEps against a December fiscal year on the same date", () => {
    // Amazon on 2025-09-30, FY1 = FY2025 ends 2025-12-31: 31 + 30 + 31 = 92 days; f = 92/365 = 0.252055
    // NTM = 0.252055 · 6.0 + 0.747945 · 7.0 = 7 − f = 6.747945
    const ntm = calendarisedNtmEps("2025-09-30", "2025-12-31", 6.0, 7.0);
    expect(ntm?.weightFy1).toBeCloseTo(92 / 365, 12);
    expect(ntm?.value).toBeCloseTo(6.747945, 6);
  });

  it("calendarisedNtmEps clips f to [0, 1] and is undefined when an EPS is missing", () => {
    expect(ntmWeightFy1("2025-09-30", "2025-09-30")).toBe(0);
    expect(ntmWeightFy1("2024-01-01", "2025-03-31")).toBe(1);
    expect(calendarisedNtmEps("2025-09-30", "2026-03-31", 7, undefined)).toBeUndefined();
    expect(calendarisedNtmEps("2025-09-30", "2026-03-31", Number.NaN, 8)).toBeUndefined();
  });

  it("calendarisedNtmEps lies between the two fiscal years", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), (days, a, b) => {
        const asOf = "2025-01-01";
        const end = addDays(asOf, days);
        const v = calendarisedNtmEps(asOf, end, a, b)?.value as number;
        expect(v).toBeGreaterThanOrEqual(Math.min(a, b) - 1e-9);
        expect(v).toBeLessThanOrEqual(Math.max(a, b) + 1e-9);
      }),
    );
  });
});

describe("calendarYearValue(fiscalYearEndMonth, fyN, fyN1)", () => {
  it("calendarYearValue for March: CY_n = 3/12 · FY(Mar n) + 9/12 · FY(Mar n+1)", () => {
    // CY2025 of Alibaba = 0.25 · FY2025 (ends Mar 2025) + 0.75 · FY2026 (ends Mar 2026) = 0.25 · 6 + 0.75 · 8 = 7.5
    expect(calendarYearValue(3, 6, 8)).toBe(7.5);
    // June year-end (Microsoft): 6/12 · 10 + 6/12 · 12 = 11
    expect(calendarYearValue(6, 10, 12)).toBe(11);
  });

  it("calendarYearValue for December returns the fiscal year itself", () => {
    expect(calendarYearValue(12, 6, undefined)).toBe(6);
  });

  it("calendarYearValue is undefined for a missing figure and throws for a bad month", () => {
    expect(calendarYearValue(3, 6, null)).toBeUndefined();
    expect(() => calendarYearValue(13, 6, 8)).toThrow(/fiscalYearEndMonth \(13\)/);
  });
});

describe("fiscalYearEnd(fiscalPeriod, month) and forwardFiscalYears(asOf, month)", () => {
  it("fiscalYearEnd names a fiscal year by the calendar year it ends in", () => {
    expect(fiscalYearEnd("FY2026", 3)).toBe("2026-03-31");
    expect(fiscalYearEnd("FY2024", 2)).toBe("2024-02-29");
    expect(fiscalYearEnd("FY2025")).toBe("2025-12-31");
    expect(fiscalYearEnd("2025Q2", 3)).toBeUndefined();
  });

  it("forwardFiscalYears picks the first fiscal year ending after asOf", () => {
    expect(forwardFiscalYears("2025-09-30", 3)).toEqual({ fy1: "FY2026", fy1End: "2026-03-31", fy2: "FY2027", fy2End: "2027-03-31" });
    expect(forwardFiscalYears("2025-09-30", 12)).toMatchObject({ fy1: "FY2025", fy2: "FY2026" });
    // on the last day of FY2026 it has not ended "after" asOf any more
    expect(forwardFiscalYears("2026-03-31", 3)).toMatchObject({ fy1: "FY2027" });
    expect(forwardFiscalYears("2026-01-15", 3)).toMatchObject({ fy1: "FY2026" });
  });

  it("forwardFiscalYears prefers exact period ends (NVIDIA's year ends late January)", () => {
    const ends = new Map([["FY2026", "2026-01-25"], ["FY2027", "2027-01-31"]]);
    expect(forwardFiscalYears("2026-01-28", 1, ends)).toMatchObject({ fy1: "FY2027", fy1End: "2027-01-31" });
    expect(forwardFiscalYears("2026-01-20", 1, ends)).toMatchObject({ fy1: "FY2026", fy1End: "2026-01-25" });
  });
});
