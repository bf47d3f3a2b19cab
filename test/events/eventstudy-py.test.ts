// The Python `eventstudy` package's published single-event example (its notebook's printed table, in
// ../shared/data/eventstudy-py): AAPL around the first iPhone's announcement, event 2007-01-09, market model
// against SPY, event window −2…+10, estimation 300 days ending 30 days (the "buffer") before the window.
//
// Where the definitions differ, and how this test bridges them:
// - Estimation window: theirs is the 300 days [−332, −33]; ours is the same range given as days relative to day 0.
// - Residual variance: theirs np.var (denominator L, ddof 0); ours SSR/(L − 2). Their SE of an AR is √(SSR/L).
// - CAR variance: theirs k·σ² (no forecast-error correction); ours σ²[k + k²/L + (ΣR_m − kR̄_m)²/S_xx].
// - Their printed p-values are one-sided with L − 1 df; ours are two-sided with L − 2 df.
// The ARs and CARs do not depend on these choices and must match the published digits exactly.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { momentsOf, runEventStudy, type DayRange } from "../../src/core/events/index.js";
import { hasSharedData, SHARED_DATA } from "../helpers/paths.js";

/** The notebook's printed table (cell 11): AR, Std. E. AR, CAR, Std. E. CAR, T-stat for days −2…+10. */
const PUBLISHED = [
  [-2, 0.004, 0.02245, 0.004, 0.02245, 0.16], [-1, -0.003, 0.02245, 0.0, 0.03174, 0.01], [0, 0.083, 0.02245, 0.083, 0.03888, 2.14],
  [1, 0.041, 0.02245, 0.125, 0.04489, 2.78], [2, -0.02, 0.02245, 0.104, 0.05019, 2.08], [3, -0.025, 0.02245, 0.079, 0.05498, 1.44],
  [4, 0.028, 0.02245, 0.107, 0.05939, 1.8], [5, -0.024, 0.02245, 0.083, 0.06349, 1.3], [6, -0.058, 0.02245, 0.024, 0.06734, 0.36],
  [7, -0.011, 0.02245, 0.014, 0.07098, 0.19], [8, -0.016, 0.02245, -0.002, 0.07445, -0.03], [9, -0.018, 0.02245, -0.021, 0.07776, -0.27],
  [10, -0.002, 0.02245, -0.023, 0.08093, -0.28],
] as const;

describe.skipIf(!hasSharedData)("the eventstudy package's AAPL example (2007-01-09, market model vs SPY)", () => {
  const text = hasSharedData ? readFileSync(join(SHARED_DATA, "eventstudy-py/returns_GAFAM.csv"), "utf8") : "";
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0]!.split(",");
  const col = (name: string) => Float64Array.from(lines.slice(1), (l) => {
    const v = l.split(",")[header.indexOf(name)]!;
    return v === "" ? NaN : Number(v);
  });
  const dates = lines.slice(1).map((l) => l.slice(0, 10));
  const aapl = col("AAPL");
  const spy = col("SPY");
  const day0 = dates.indexOf("2007-01-09");
  const estimation: DayRange = { from: -2 - 30 - 300, to: -2 - 30 - 1 };
  const windows = PUBLISHED.map(([d]) => ({ from: -2, to: d }));
  const study = runEventStudy([{ returns: aapl, market: spy }], [{ series: 0, day0 }], { model: "market", estimation, windows, minEstimationDays: 300 });
  const o = study.observations[0]!;
  const L = o.fit!.n;
  const ssr = o.fit!.sigma2 * (L - 2);

  it("uses the published 300 estimation days", () => {
    expect(day0).toBeGreaterThan(332);
    expect(o.status).toBe("ok");
    expect(L).toBe(300);
  });

  it("reproduces every published AR and CAR to the printed 3 decimals (AR₀ = 0.083, CAR to +1 = 0.125)", () => {
    PUBLISHED.forEach(([d, ar, , car], j) => {
      expect(o.ar![d + 2]!, `AR ${d}`).toBeCloseTo(ar, 3);
      expect(o.windows![j]!.car, `CAR −2…${d}`).toBeCloseTo(car, 3);
    });
  });

  it("reproduces the published SE 0.02245 and t = 2.78 under their conventions (σ² = SSR/L, Var CAR = kσ²)", () => {
    const seAr = Math.sqrt(ssr / L); // np.var of the residuals: denominator L
    expect(seAr).toBeCloseTo(0.02245, 5);
    PUBLISHED.forEach(([d, , , , seCar, t], j) => {
      const k = d + 3;
      expect(Math.sqrt(k * (ssr / L)), `SE CAR ${d}`).toBeCloseTo(seCar, 5);
      expect(o.windows![j]!.car / Math.sqrt(k * (ssr / L)), `t ${d}`).toBeCloseTo(t, 2);
    });
  });

  it("reports the forecast-error-corrected t instead: slightly smaller, as the correction only adds variance", () => {
    const w = o.windows![3]!; // −2…+1
    const m = momentsOf(aapl, spy, day0 - 2, day0 + 2);
    const factor = 4 + 16 / L + (m.sumM - 4 * o.fit!.meanMarket) ** 2 / o.fit!.sxx;
    expect(w.variance).toBeCloseTo(o.fit!.sigma2 * factor, 15);
    expect(w.t!).toBeLessThan(2.78);
    expect(w.t!).toBeGreaterThan(2.7);
    expect(w.p!).toBeLessThan(0.01);
  });
});
