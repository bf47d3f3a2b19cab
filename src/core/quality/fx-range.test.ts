import { describe, expect, it } from "vitest";
import { fxRangeIssue, knownFxRange } from "./fx-range.js";

describe("knownFxRange(base, quote, stored?) and fxRangeIssue(rate, range)", () => {
  it("knownFxRange(USD, HKD) is HKD's per-USD range; (HKD, USD) its inverse", () => {
    expect(knownFxRange("USD", "HKD")).toEqual([7.7, 7.85]);
    // 1 / 7.85 = 0.12739, 1 / 7.7 = 0.12987
    const [lo, hi] = knownFxRange("HKD", "USD")!;
    expect(lo).toBeCloseTo(0.12739, 5);
    expect(hi).toBeCloseTo(0.12987, 5);
  });

  it("knownFxRange(HKD, CNY) crosses both per-USD ranges outward", () => {
    // CNY per HKD: low 6.0 / 7.85 = 0.76433, high 8.7 / 7.7 = 1.12987
    const [lo, hi] = knownFxRange("HKD", "CNY")!;
    expect(lo).toBeCloseTo(0.76433, 5);
    expect(hi).toBeCloseTo(1.12987, 5);
  });

  it("knownFxRange widens by the stored range and is undefined when nothing is known", () => {
    expect(knownFxRange("USD", "HKD", [7.5, 8])).toEqual([7.5, 8]);
    expect(knownFxRange("USD", "XYZ")).toBeUndefined();
    expect(knownFxRange("USD", "XYZ", [2, 3])).toEqual([2, 3]);
  });

  it("fxRangeIssue refuses a rate more than 4× outside the range, and accepts up to 4×", () => {
    // USD/HKD range [7.7, 7.85]: accepted from 7.7 / 4 = 1.925 to 7.85 × 4 = 31.4.
    expect(fxRangeIssue(7.78, [7.7, 7.85])).toBeUndefined();
    expect(fxRangeIssue(1.93, [7.7, 7.85])).toBeUndefined();
    expect(fxRangeIssue(31.4, [7.7, 7.85])).toBeUndefined();
    expect(fxRangeIssue(1.92, [7.7, 7.85])).toMatch(/off the known range of this pair \(7\.7 to 7\.85\) by more than a factor of 4/);
    expect(fxRangeIssue(0.1285, [7.7, 7.85])).toMatch(/inverted pair/); // HKD per USD written as USD per HKD
    expect(fxRangeIssue(5, undefined)).toBeUndefined();
  });
});
