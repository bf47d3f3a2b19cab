import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { momentsOf } from "./moments.js";
import { createMomentPrefix, prefixMoments } from "./prefix-sums.js";

const rel = (a: number, b: number, scale: number) => Math.abs(a - b) / Math.max(Math.abs(b), scale);
describe("momentsOf(returns, market, from, to)", () => {
  it("sums the valid pairs of a window by hand", () => {
    // Days 1–3 valid except a missing benchmark on day 2: r = .01, .03 and m = .02, .01.
    const m = momentsOf([NaN, 0.01, 0.02, 0.03], [NaN, 0.02, NaN, 0.01], 0, 4);
    expect(m.n).toBe(2);
    expect(m.sumR).toBeCloseTo(0.04, 15);
    expect(m.sumM).toBeCloseTo(0.03, 15);
    expect(m.sumRR).toBeCloseTo(0.001, 15);
    expect(m.sumMM).toBeCloseTo(0.0005, 15);
    expect(m.sumRM).toBeCloseTo(0.0005, 15);
    expect(momentsOf([0.01, 0.02], undefined, 0, 2)).toMatchObject({ n: 2, sumM: 0, sumRM: 0 });
  });
});

describe("createMomentPrefix / prefixMoments", () => {
  it("gives every window's moments in O(1), equal to direct compensated sums within a few ulps of the running sum (fast-check)", () => {
    const day = fc.integer({ min: -200_000, max: 200_000 }).map((x) => x / 1e6);
    const series = fc.array(fc.oneof(day, day, day, fc.constant(NaN)), { minLength: 2, maxLength: 400 });
    fc.assert(fc.property(series, series, fc.nat(), fc.nat(), fc.boolean(), (r, m0, a0, b0, shift) => {
      const m = r.map((_, i) => m0[i % m0.length]!);
      const p = createMomentPrefix(r, m, 0, r.length, { shift });
      const a = a0 % r.length;
      const b = a + (b0 % (r.length - a + 1));
      // The prefix holds the re-centred data's moments: compare with direct sums of the re-centred data.
      const rc = r.map((x) => x - p.shiftR);
      const mc = m.map((x) => x - p.shiftM);
      const got = prefixMoments(p, a, b);
      const want = momentsOf(rc, mc, a, b);
      // P[b] − P[a] is exact to a few ulps of the running sums' magnitude (Σ|x| up to b), whatever the window's.
      const mag = momentsOf(rc.map(Math.abs), mc.map(Math.abs), 0, b);
      expect(got.n).toBe(want.n);
      for (const k of ["sumR", "sumM", "sumRR", "sumMM", "sumRM"] as const) {
        expect(Math.abs(got[k] - want[k])).toBeLessThanOrEqual(8 * Number.EPSILON * Math.abs(mag[k]) + 1e-300);
      }
    }), { numRuns: 500 });
  });

  it("keeps centred sums of squares exact to ~1e-13 when the mean dwarfs the spread (the reason for re-centring)", () => {
    const n = 5000;
    const r = Float64Array.from({ length: n }, (_, i) => 1000 + Math.sin(i) * 1e-3);
    const m = Float64Array.from({ length: n }, (_, i) => 500 + Math.cos(i * 0.7) * 1e-3);
    const p = createMomentPrefix(r, m, 0, n);
    const w = prefixMoments(p, 4000, 4240);
    const sxx = w.sumMM - (w.sumM * w.sumM) / w.n;
    let mean = 0;
    for (let i = 4000; i < 4240; i++) mean += m[i]!;
    mean /= 240;
    let direct = 0;
    for (let i = 4000; i < 4240; i++) direct += (m[i]! - mean) ** 2;
    expect(rel(sxx, direct, 0)).toBeLessThan(1e-9);
  });

  it("clips windows to its span and reuses buffers that are long enough", () => {
    const r = [NaN, 0.01, 0.02, 0.03];
    const p = createMomentPrefix(r, r, 1, 4);
    expect(prefixMoments(p, -10, 100).n).toBe(3);
    expect(prefixMoments(p, 3, 2).n).toBe(0);
    const q = createMomentPrefix(r, r, 2, 4, { buffers: p });
    expect(q.n).toBe(p.n);
    expect(prefixMoments(q, 0, 10).n).toBe(2);
  });
});
