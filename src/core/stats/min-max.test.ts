import { describe, expect, it } from "vitest";
import { min } from "./min.js";
import { max } from "./max.js";

describe("min(values) and max(values)", () => {
  it("min(values) and max(values) skip missing values", () => {
    expect(min([18, null, 15, Number.NaN, 22])).toBe(15);
    expect(max([18, null, 15, Number.NEGATIVE_INFINITY, 22])).toBe(22);
  });

  it("min(values) and max(values) are undefined when nothing is left", () => {
    expect(min([])).toBeUndefined();
    expect(max([null, undefined])).toBeUndefined();
  });
});
