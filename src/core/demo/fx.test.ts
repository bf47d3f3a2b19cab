import { describe, expect, it } from "vitest";
import { createFxPath, createFxTable } from "./fx.js";
import type { DemoFxSpec } from "./spec.js";

const hkd: DemoFxSpec = {
  id: "USDHKD=X", exchange: "FX", currency: "HKD", kind: "fx", calendar: "FX", sharesPerListing: 1,
  model: "fx", base: "USD", quote: "HKD", mid: 7.8, halfWidth: 0.045, firstRate: 7.8, lastRate: 7.77,
};

describe("createFxPath(spec, count, seed)", () => {
  it("starts and ends on the given rates and never leaves the band", () => {
    for (const seed of [1, 2, 3]) {
      const rates = createFxPath(hkd, 2000, seed);
      expect(rates[0]).toBe(7.8);
      expect(rates[1999]).toBe(7.77);
      for (const r of rates) {
        expect(r).toBeGreaterThanOrEqual(7.75);
        expect(r).toBeLessThanOrEqual(7.85);
      }
    }
  });

  it("rejects end rates outside the band", () => {
    expect(() => createFxPath({ ...hkd, lastRate: 7.9 }, 10, 1)).toThrow(/lastRate \(7.9\) must lie strictly inside 7.8 ± 0.045/);
  });
});

describe("createFxTable(series)", () => {
  const table = createFxTable([
    { quote: "HKD", dates: ["2025-09-24", "2025-09-25"], rates: Float64Array.from([7.78, 7.8]) },
    { quote: "CNY", dates: ["2025-09-24", "2025-09-25"], rates: Float64Array.from([7.12, 7.2]) },
  ]);

  it("takes the last fixing on or before the date", () => {
    expect(table.usdRate("HKD", "2025-09-25")).toBe(7.8);
    expect(table.usdRate("HKD", "2025-09-27")).toBe(7.8);
    expect(table.usdRate("HKD", "2025-09-24")).toBe(7.78);
    expect(table.usdRate("USD", "2025-09-24")).toBe(1);
  });

  it("converts through USD: HK$778 = US$100 = CN¥712 on 24 Sep", () => {
    expect(table.convert(778, "HKD", "USD", "2025-09-24")).toBeCloseTo(100, 12);
    expect(table.convert(778, "HKD", "CNY", "2025-09-24")).toBeCloseTo(712, 10);
    expect(() => table.convert(1, "EUR", "USD", "2025-09-24")).toThrow(/USD\/EUR/);
  });
});
