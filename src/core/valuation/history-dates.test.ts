import { describe, expect, it } from "vitest";
import { historyDates } from "./history-dates.js";

describe("historyDates(from, to, every)", () => {
  it("historyDates(from, to, 'month') gives month ends and ends on `to`", () => {
    expect(historyDates("2025-07-15", "2025-09-24", "month")).toEqual(["2025-07-31", "2025-08-31", "2025-09-24"]);
    expect(historyDates("2024-01-31", "2024-03-31", "month")).toEqual(["2024-01-31", "2024-02-29", "2024-03-31"]);
    expect(historyDates("2024-11-01", "2025-01-31", "month")).toEqual(["2024-11-30", "2024-12-31", "2025-01-31"]);
  });

  it("historyDates(from, to, 'week') gives Fridays", () => {
    // 2025-09-01 is a Monday: Fridays 5, 12, 19, 26 Sep; then 30 Sep (Tuesday) as today
    expect(historyDates("2025-09-01", "2025-09-30", "week")).toEqual(["2025-09-05", "2025-09-12", "2025-09-19", "2025-09-26", "2025-09-30"]);
    expect(historyDates("2025-09-05", "2025-09-05", "week")).toEqual(["2025-09-05"]);
  });

  it("historyDates(...) refuses bad ranges naming the value", () => {
    expect(() => historyDates("2025-10-01", "2025-09-01", "month")).toThrow(/history "2025-10-01:2025-09-01" starts after it ends/);
    expect(() => historyDates("2025-13-01", "2025-09-01", "month")).toThrow(/"2025-13-01" is not a date/);
  });
});
