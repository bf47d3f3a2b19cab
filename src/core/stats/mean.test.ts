import { describe, expect, it } from "vitest";
import { mean } from "./mean.js";

describe("mean(values)", () => {
  it("mean(values) of 1, 2, 6 is 3 and skips missing values", () => {
    // (1 + 2 + 6) / 3 = 3
    expect(mean([1, null, 2, Number.NaN, 6, undefined])).toBe(3);
  });

  it("mean(values) is undefined when nothing is left", () => {
    expect(mean([])).toBeUndefined();
    expect(mean([null, Number.NaN])).toBeUndefined();
  });

  it("mean(values) stays accurate with a large offset", () => {
    // 1e9 + {4, 7, 13, 16}: mean 1e9 + 10
    expect(mean([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBe(1e9 + 10);
  });
});
