import { describe, expect, it } from "vitest";
import { checkHeader, editDistance, nearestName, rowWidthIssue } from "./header-check.js";

describe("header checks", () => {
  it("editDistance(a, b) counts a swap of neighbours as one edit", () => {
    expect(editDistance("close", "close")).toBe(0);
    expect(editDistance("colse", "close")).toBe(1); // l↔o swapped
    expect(editDistance("note", "date")).toBe(2); // n→d, o→a
    expect(editDistance("", "abc")).toBe(3);
  });

  it("nearestName(name, known) suggests within a third of the length, else nothing", () => {
    expect(nearestName("shares_per_lisitng", ["sharesPerListing", "shares_per_listing", "id"])).toBe("shares_per_listing");
    expect(nearestName("Opne", ["Open", "High"])).toBe("Open");
    // "note" is 2 edits from "date": more than max(1, ⌊4/3⌋) = 1.
    expect(nearestName("Note", ["Date", "Close"])).toBeUndefined();
  });

  it("checkHeader(header, rules) names a repeated column, an unknown one and an unnamed one with values", () => {
    const rules = { file: "f.csv", line: 1, kind: "prices", known: new Set(["date", "close"]), suggest: ["Date", "Close"] };
    expect(checkHeader(["Date", "Close", "close "], rules)).toEqual([{ file: "f.csv", line: 1, column: "close ", reason: "is named twice (columns 2 and 3): which one holds the data is a guess; rename or remove one" }]);
    expect(checkHeader(["Date", "Colse"], rules)[0]!.reason).toMatch(/did you mean `Close`\?/);
    expect(checkHeader(["Date", "Close", "Bid"], { ...rules, ignore: ["bid"] })).toEqual([]);
    expect(checkHeader(["Date", "Close", "Dividends"], rules)).toEqual([]);
    expect(checkHeader(["", "Date", "Close"], rules, () => true)).toEqual([]);
    expect(checkHeader(["", "Date", "Close"], rules, () => false)[0]).toMatchObject({ column: "column 1", reason: expect.stringMatching(/has no name but holds values/) as unknown });
  });

  it("rowWidthIssue(file, line, cells, headerCells, headerLine) names both counts", () => {
    expect(rowWidthIssue("f.csv", 5, 7, 7, 1)).toBeUndefined();
    expect(rowWidthIssue("f.csv", 5, 8, 7, 1)).toMatchObject({ file: "f.csv", line: 5, reason: expect.stringMatching(/^has 8 cells but the header \(line 1\) has 7: an unquoted thousands separator/) as unknown });
    expect(rowWidthIssue("f.csv", 5, 6, 7, 1)!.reason).toBe("has 6 cells but the header (line 1) has 7");
  });
});
