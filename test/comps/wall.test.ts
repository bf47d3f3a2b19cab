import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePeerComps } from "../../src/app/comps-table.js";
import { computeWall } from "../../src/app/wall.js";
import type { Store } from "../../src/store/open.js";
import { createFixtureStore } from "./_fixture.js";

let store: Store;
let cleanup: () => void;
beforeAll(async () => ({ store, cleanup } = await createFixtureStore()));
afterAll(() => cleanup());

const group = (id: string, securities: string[]) => ({ id, name: { en: id }, securities });

describe("computeWall(store, req)", () => {
  it("measures the gap and closes it security by security (hand-checked)", async () => {
    const w = await computeWall(store, { a: group("china", ["BABA", "9988.HK"]), b: group("us", ["AMZN", "LOSS"]), asOf: "2025-09-30", metric: "trailingPE" });
    // A: 18.0x and 18.0x → median 18; B: AMZN 40.0x, LOSS n.m. (negative EPS) → median 40
    // gap 18 / 40 − 1 = −0.55; yield gap 1/18 − 1/40 = 0.055556 − 0.025 = 0.030556 → 3.0556 pts
    expect(w.gaps.trailingPE!.median!.discount).toBeCloseTo(-0.55, 12);
    expect(w.gaps.trailingPE!.median!.yieldGapPts).toBeCloseTo(3.055556, 6);
    expect(w.comps.aggregates.us!.trailingPE).toMatchObject({ nUsed: 1, nDropped: 1 });
    // Closing half the gap: m* = 18 + 0.5 × (40 − 18) = 29; BABA $120 × 29 / 18 = $193.33 (+61.1%); 9988.HK HK$117 × 29 / 18 = HK$188.5
    const baba = w.closing.find((r) => r.id === "BABA")!;
    expect(baba.scenarios!.map((s) => s.fraction)).toEqual([0.25, 0.5, 1]);
    expect(baba.scenarios![1]!.multiple).toBeCloseTo(29, 10);
    expect(baba.scenarios![1]!.price).toBeCloseTo(193.333333, 5);
    expect(baba.scenarios![1]!.upside).toBeCloseTo(0.611111, 6);
    const hk = w.closing.find((r) => r.id === "9988.HK")!;
    expect(hk).toMatchObject({ currency: "HKD" });
    expect(hk.scenarios![1]!.price).toBeCloseTo(188.5, 10);
    // Fully closed: 40 / 18 → $266.67
    expect(baba.scenarios![2]!.price).toBeCloseTo(266.666667, 5);
  });

  it("closes toward the aggregate chosen (harmonic mean) and the fractions given", async () => {
    const w = await computeWall(store, { a: group("a", ["BABA"]), b: group("b", ["AMZN", "9988.HK"]), asOf: "2025-09-30", metric: "trailingPE", statistic: "harmonicMean", close: [0.1] });
    // B harmonic mean: 2 / (1/40 + 1/18) = 2 / 0.080556 = 24.827586; m* = 18 + 0.1 × 6.827586 = 18.682759
    const s = w.closing[0]!.scenarios!;
    expect(s).toHaveLength(1);
    expect(w.closing[0]!.target).toBeCloseTo(24.827586, 5);
    expect(s[0]!.multiple).toBeCloseTo(18.682759, 5);
  });

  it("tracks the gap month by month, each point point in time, and places today's gap in that history", async () => {
    const w = await computeWall(store, { a: group("a", ["BABA"]), b: group("b", ["AMZN"]), asOf: "2025-09-30", metric: "trailingPE", history: { from: "2025-06-01" } });
    const h = w.history!;
    expect(h.points.map((p) => p.date)).toEqual(["2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30"]);
    // BABA $90, $126, $108 (29 Aug, for Sunday 31 Aug), $120 over $6.6667: 13.5x, 18.9x, 16.2x, 18.0x
    // AMZN $198, $220, $209, $220 over $5.5: 36x, 40x, 38x, 40x
    // gaps: 13.5/36 − 1 = −0.625; 18.9/40 − 1 = −0.5275; 16.2/38 − 1 = −0.573684; 18/40 − 1 = −0.55
    expect(h.points.map((p) => p.discount)).toEqual([expect.closeTo(-0.625, 10), expect.closeTo(-0.5275, 10), expect.closeTo(-0.573684, 6), expect.closeTo(-0.55, 10)]);
    // today −0.55: three of four points (−0.625, −0.573684, −0.55) are at or below it → percentile 75
    expect(h.percentile).toBe(75);
    expect(h.widest!.date).toBe("2025-06-30");
    expect(h.narrowest!.date).toBe("2025-07-31");
    // the last point is today's wall
    expect(h.current!.discount).toBeCloseTo(w.gaps.trailingPE!.median!.discount, 12);
    // and every point equals the comps computed on its own date
    for (const p of h.points) {
      const c = await computePeerComps(store, { groups: [group("a", ["BABA"]), group("b", ["AMZN"])], asOf: p.date, metrics: ["trailingPE"] });
      expect(p.a).toBe(c.aggregates.a!.trailingPE!.median);
      expect(p.b).toBe(c.aggregates.b!.trailingPE!.median);
    }
  });

  it("weekly history on the forward P/E has no value before the first estimate is observed", async () => {
    const w = await computeWall(store, { a: group("a", ["BABA"]), b: group("b", ["AMZN"]), asOf: "2025-09-30", metric: "forwardPEFy1", history: { from: "2025-08-01", every: "week" } });
    const h = w.history!;
    expect(h.points[0]!.date).toBe("2025-08-01");
    // estimates observed 1 Sep: Fridays in August have no FY1 P/E; 5 Sep onward do (closes of 29 Aug, 7–8 days old)
    expect(h.points.filter((p) => p.date < "2025-09-01").every((p) => p.discount === undefined)).toBe(true);
    expect(h.points.find((p) => p.date === "2025-09-05")!.a).toBeCloseTo(108 / 8, 10); // $108 / (7.2 × 8 / 7.2)
  });

  it("refuses bad requests naming the option", async () => {
    const a = group("a", ["BABA"]);
    await expect(computeWall(store, { a, b: group("b", ["BABA", "AMZN"]) })).rejects.toMatchObject({ code: "E_INVALID_INPUT", message: '--b "BABA" is also in group A; a security can sit on one side of the wall only' });
    await expect(computeWall(store, { a, b: group("b", ["AMZN"]), metric: "marketCapUsd" })).rejects.toMatchObject({ message: expect.stringContaining('--metric "marketCapUsd" is not a multiple') });
    await expect(computeWall(store, { a, b: group("b", ["AMZN"]), close: [0.5, -1] })).rejects.toMatchObject({ message: expect.stringContaining('--close "-1" must be a fraction') });
    await expect(computeWall(store, { a, b: group("b", ["AMZN"]), history: { from: "2025-10-15" }, asOf: "2025-09-30" })).rejects.toMatchObject({ code: "E_INVALID_INPUT" });
  });
});
