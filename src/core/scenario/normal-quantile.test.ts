import { describe, expect, it } from "vitest";
import { normalQuantileExact } from "./_stdlib.js";
import { normalQuantile } from "./normal-quantile.js";

describe("normalQuantile(p)", () => {
  it("normalQuantile(p) gives the textbook values", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });

  it("normalQuantile(p) agrees with @stdlib's quantile to 1e-10 relative over (0, 1) and into the tails", () => {
    let worst = 0;
    for (let i = 1; i < 20000; i++) {
      const p = i / 20000;
      const a = normalQuantile(p);
      const b = normalQuantileExact(p, 0, 1);
      if (b !== 0) worst = Math.max(worst, Math.abs(a - b) / Math.abs(b));
    }
    // @stdlib drifts in the far tail (2e-9 relative at 1e-10, −Infinity below 1e-17); AS 241 does not
    // (checked against scipy in test/scenario/reference-scipy.test.ts).
    for (let k = 2; k <= 8; k++) {
      const p = 10 ** -k;
      worst = Math.max(worst, Math.abs(normalQuantile(p) - normalQuantileExact(p, 0, 1)) / Math.abs(normalQuantileExact(p, 0, 1)));
    }
    // AS 241 is good to ~1e-16; the gap is @stdlib's own (see the scipy reference test).
    expect(worst).toBeLessThan(1e-10);
  });

  it("normalQuantile(p) is symmetric and handles the ends", () => {
    for (const p of [1e-5, 0.01, 0.3, 0.4999]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 9);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0471, 3);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
