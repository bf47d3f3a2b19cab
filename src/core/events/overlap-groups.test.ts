import { describe, expect, it } from "vitest";
import { groupOverlapping } from "./overlap-groups.js";

describe("groupOverlapping(day0s, from, to)", () => {
  it("merges windows that overlap, chaining, in day-0 order; lone events stay groups of one", () => {
    expect(groupOverlapping([30, 10, 12], -1, 1)).toEqual([
      { members: [1, 2], start: 9, end: 13 },
      { members: [0], start: 29, end: 31 },
    ]);
    // 10, 14, 18 with −2…+2: 10–14 touch at day 12, 14–18 at 16: one chain.
    expect(groupOverlapping([10, 14, 18], -2, 2)).toEqual([{ members: [0, 1, 2], start: 8, end: 20 }]);
  });

  it("keeps adjacent windows apart and merges events that share day 0", () => {
    expect(groupOverlapping([10, 12], 0, 1).map((g) => g.members)).toEqual([[0], [1]]);
    expect(groupOverlapping([10, 10], 0, 0).map((g) => g.members)).toEqual([[0, 1]]);
    expect(groupOverlapping([], -1, 1)).toEqual([]);
  });
});
