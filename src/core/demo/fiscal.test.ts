import { describe, expect, it } from "vitest";
import { fiscalQuarterEnds, fiscalYearEnd, fiscalYearOf, nextWeekday } from "./fiscal.js";

describe("fiscalYearEnd(fye, fiscalYear)", () => {
  it("follows each issuer's rule (checked against their filings)", () => {
    expect(fiscalYearEnd({ month: 3, rule: "monthEnd" }, 2025)).toBe("2025-03-31"); // Alibaba FY2025
    expect(fiscalYearEnd({ month: 6, rule: "monthEnd" }, 2025)).toBe("2025-06-30"); // Microsoft FY2025
    expect(fiscalYearEnd({ month: 5, rule: "monthEnd" }, 2026)).toBe("2026-05-31"); // Oracle FY2026
    expect(fiscalYearEnd({ month: 1, rule: "lastSunday" }, 2025)).toBe("2025-01-26"); // NVIDIA FY2025
    expect(fiscalYearEnd({ month: 1, rule: "lastSunday" }, 2026)).toBe("2026-01-25"); // NVIDIA FY2026
    expect(fiscalYearEnd({ month: 12, rule: "lastSaturday" }, 2024)).toBe("2024-12-28"); // AMD FY2024
    expect(fiscalYearEnd({ month: 10, rule: "sundayNearestMonthEnd" }, 2024)).toBe("2024-11-03"); // Broadcom FY2024
    expect(fiscalYearEnd({ month: 10, rule: "sundayNearestMonthEnd" }, 2025)).toBe("2025-11-02"); // Broadcom FY2025
  });
});

describe("fiscalQuarterEnds(fye, fiscalYear)", () => {
  it("steps back three month-ends, crossing the calendar year for a March year", () => {
    expect(fiscalQuarterEnds({ month: 3, rule: "monthEnd" }, 2026)).toEqual(["2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31"]);
    expect(fiscalQuarterEnds({ month: 12, rule: "monthEnd" }, 2024)).toEqual(["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]);
  });

  it("uses 13-week quarters for 52/53-week years", () => {
    // Broadcom FY2025: FY2024 ended Sunday 3 Nov 2024; +91 = 2 Feb, +182 = 4 May, +273 = 3 Aug 2025.
    expect(fiscalQuarterEnds({ month: 10, rule: "sundayNearestMonthEnd" }, 2025)).toEqual(["2025-02-02", "2025-05-04", "2025-08-03", "2025-11-02"]);
  });
});

describe("fiscalYearOf / nextWeekday", () => {
  it("names the fiscal year a date falls in", () => {
    expect(fiscalYearOf({ month: 3, rule: "monthEnd" }, "2025-09-24")).toBe(2026);
    expect(fiscalYearOf({ month: 3, rule: "monthEnd" }, "2025-03-31")).toBe(2025);
    expect(fiscalYearOf({ month: 12, rule: "monthEnd" }, "2025-09-24")).toBe(2025);
  });

  it("moves weekend dates to Monday", () => {
    expect(nextWeekday("2025-09-27")).toBe("2025-09-29");
    expect(nextWeekday("2025-09-28")).toBe("2025-09-29");
    expect(nextWeekday("2025-09-26")).toBe("2025-09-26");
  });
});
