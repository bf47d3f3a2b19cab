import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { weightedHarmonicMean } from "../stats/weighted-harmonic-mean.js";
import { aggregateMultiples, type AggregateRow } from "./aggregate.js";

describe("aggregateMultiples(rows)", () => {
  it("aggregateMultiples(rows) computes median, harmonic, cap-weighted, mean, min and max", () => {
    const rows: AggregateRow[] = [
      { id: "BABA", value: 15, marketCap: 300 }, // earnings 300 / 15 = 20
      { id: "AMZN", value: 30, marketCap: 2400 }, // earnings 80
      { id: "XPEV", nm: "negative_earnings", message: "EPS FY2024 (−1.2 CNY) is negative" },
    ];
    const a = aggregateMultiples(rows);
    expect(a.median).toBe(22.5); // (15 + 30) / 2
    expect(a.harmonicMean).toBeCloseTo(20, 12); // 2 / (1/15 + 1/30) = 2 / 0.1
    expect(a.capWeighted).toBeCloseTo(27, 12); // (300 + 2400) / (20 + 80)
    expect(a.mean).toBe(22.5);
    expect(a.min).toBe(15);
    expect(a.max).toBe(30);
    expect(a).toMatchObject({ nUsed: 2, nDropped: 1, nCapWeighted: 2, dropped: [{ id: "XPEV", reason: "negative_earnings", message: "EPS FY2024 (−1.2 CNY) is negative" }] });
  });

  it("aggregateMultiples(rows) drops missing and non-positive values with a reason", () => {
    const a = aggregateMultiples([
      { id: "A", value: 10 },
      { id: "B", value: Number.NaN },
      { id: "C" },
      { id: "D", value: -4 },
      { id: "E", value: 0 },
    ]);
    expect(a.nUsed).toBe(1);
    expect(a.dropped.map((d) => `${d.id}:${d.reason}`)).toEqual(["B:missing_value", "C:missing_value", "D:non_positive", "E:non_positive"]);
    expect(a.capWeighted).toBeUndefined(); // no market caps given
    expect(a.nCapWeighted).toBe(0);
  });

  it("aggregateMultiples(rows) uses given earnings over cap / value, and only rows with a cap", () => {
    // caps 100 + 300, earnings 8 + 12 → 400 / 20 = 20; C has no cap and stays out of this aggregate
    const a = aggregateMultiples([
      { id: "A", value: 12, marketCap: 100, earnings: 8 },
      { id: "B", value: 25, marketCap: 300, earnings: 12 },
      { id: "C", value: 50 },
    ]);
    expect(a.capWeighted).toBe(20);
    expect(a.nCapWeighted).toBe(2);
    expect(a.nUsed).toBe(3);
  });

  it("aggregateMultiples([]) has every statistic undefined", () => {
    expect(aggregateMultiples([])).toEqual({ nUsed: 0, nDropped: 0, nCapWeighted: 0, dropped: [] });
  });

  it("aggregateMultiples(rows) cap-weighted equals the cap-weighted harmonic mean, and rows are not mutated", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.double({ min: 0.5, max: 500, noNaN: true }), marketCap: fc.double({ min: 1, max: 1e6, noNaN: true }) }), { minLength: 1, maxLength: 20 }),
        (raw) => {
          const rows = raw.map((r, i) => ({ id: `P${i}`, ...r }));
          const copy = structuredClone(rows);
          const a = aggregateMultiples(rows);
          const expected = weightedHarmonicMean(rows.map((r) => r.value), rows.map((r) => r.marketCap)) as number;
          expect(Math.abs((a.capWeighted as number) / expected - 1)).toBeLessThan(1e-9);
          expect(a.harmonicMean as number).toBeLessThanOrEqual((a.mean as number) * (1 + 1e-12));
          expect(rows).toEqual(copy);
        },
      ),
    );
  });
});
