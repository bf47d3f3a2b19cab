import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createOhlc } from "./ohlc.js";
import { createRandom } from "./random.js";

describe("createOhlc(input, random)", () => {
  it("keeps low ≤ open, close ≤ high, all positive, volume positive, for any path", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 2, maxLength: 60 }), fc.integer(), (rets, seed) => {
        let p = 100;
        const closes = Float64Array.from(rets, (r) => (p *= Math.exp(r)));
        const bars = createOhlc({ closes, sigmaDaily: 0.03, volume: 1e6, decimals: 2 }, createRandom(seed));
        for (let i = 0; i < closes.length; i++) {
          expect(bars.low[i]!).toBeLessThanOrEqual(Math.min(bars.open[i]!, bars.close[i]!));
          expect(bars.high[i]!).toBeGreaterThanOrEqual(Math.max(bars.open[i]!, bars.close[i]!));
          expect(bars.low[i]!).toBeGreaterThan(0);
          expect(bars.volume[i]!).toBeGreaterThan(0);
          expect(bars.close[i]).toBe(Math.round(closes[i]! * 100) / 100);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps every price within the daily limit of the previous close", () => {
    const closes = Float64Array.from([100, 120, 96, 115.2]);
    const bars = createOhlc({ closes, sigmaDaily: 0.05, volume: 1, decimals: 2, dailyLimit: 0.2 }, createRandom(3));
    for (let i = 1; i < 4; i++) {
      const prev = bars.close[i - 1]!;
      expect(bars.high[i]!).toBeLessThanOrEqual(Math.round(prev * 1.2 * 100) / 100);
      expect(bars.low[i]!).toBeGreaterThanOrEqual(Math.round(prev * 0.8 * 100) / 100);
    }
  });

  it("gives zero volume when the typical volume is zero (FX)", () => {
    const bars = createOhlc({ closes: Float64Array.from([7.8, 7.81]), sigmaDaily: 0.001, volume: 0, decimals: 4 }, createRandom(1));
    expect(Array.from(bars.volume)).toEqual([0, 0]);
  });
});
