import { describe, expect, it } from "vitest";
import { estimateDates } from "./estimates.js";

describe("estimateDates(from, to)", () => {
  it("lists the last weekday of each month and ends on `to`", () => {
    // Aug 2025 ends on Sunday 31 → Friday 29; Sep ends Tuesday 30.
    expect(estimateDates("2025-08-15", "2025-10-15")).toEqual(["2025-08-29", "2025-09-30", "2025-10-15"]);
    expect(estimateDates("2025-08-01", "2025-10-31")).toEqual(["2025-08-29", "2025-09-30", "2025-10-31"]);
  });
});
