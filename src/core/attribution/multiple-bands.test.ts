import { describe, expect, it } from "vitest";
import { multipleBands } from "./multiple-bands.js";

describe("multipleBands(history, current)", () => {
  it("multipleBands([10, 12, 14, 16, 18]): mean 14, sd √10, today at the top", () => {
    // Σ(x − 14)² = 16 + 4 + 0 + 4 + 16 = 40; sd = √(40/4) = 3.16228; z = 4 / 3.16228 = 1.26491
    // percentile: 4 below + ½ · 1 equal = 4.5 / 5 = 0.9
    const b = multipleBands([10, 12, 14, 16, 18])!;
    expect(b.mean).toBe(14);
    expect(b.sd).toBeCloseTo(Math.sqrt(10), 14);
    expect(b.bands.plus2).toBeCloseTo(14 + 2 * Math.sqrt(10), 14);
    expect(b.bands.minus1).toBeCloseTo(14 - Math.sqrt(10), 14);
    expect(b.zScore).toBeCloseTo(1.26491, 5);
    expect(b.percentile).toBe(0.9);
    expect(b).toMatchObject({ n: 5, min: 10, max: 18, current: 18 });
  });

  it("multipleBands skips n.m. days and places a given current value", () => {
    const b = multipleBands([10, undefined, Number.NaN, 20, null, 30], 15)!;
    expect(b.n).toBe(3);
    expect(b.percentile).toBeCloseTo(1 / 3, 15);
    expect(b.zScore).toBeCloseTo(-0.5, 15);
  });

  it("multipleBands is undefined with fewer than two values; no z-score for a flat history", () => {
    expect(multipleBands([12])).toBeUndefined();
    expect(multipleBands([])).toBeUndefined();
    const flat = multipleBands([12, 12, 12])!;
    expect(flat.zScore).toBeUndefined();
    expect(flat.percentile).toBe(0.5);
  });

  it("multipleBands does not mutate its input", () => {
    const xs = [3, 1, 2];
    multipleBands(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});
