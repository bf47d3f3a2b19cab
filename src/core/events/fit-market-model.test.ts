import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carOf, carVarianceFactor } from "./car.js";
import { fitMarketAdjusted, fitMeanAdjusted } from "./fit-adjusted-models.js";
import { fitMarketModel } from "./fit-market-model.js";
import { fitNormalModel } from "./fit-normal-model.js";
import { momentsOf } from "./moments.js";

/** OLS by the textbook two-pass formulas, the check for the sufficient-statistics path. */
function directOls(r: number[], m: number[]) {
  const n = r.length;
  const mr = r.reduce((a, b) => a + b) / n;
  const mm = m.reduce((a, b) => a + b) / n;
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (m[i]! - mm) ** 2;
    sxy += (m[i]! - mm) * (r[i]! - mr);
    syy += (r[i]! - mr) ** 2;
  }
  const beta = sxy / sxx;
  return { alpha: mr - beta * mm, beta, sigma2: (syy - beta * sxy) / (n - 2) };
}

describe("fitMarketModel(moments)", () => {
  it("matches a hand-checked three-day fit", () => {
    // r = .01, .03, .02; m = .01, .02, .03: S_xx = 2e-4, S_xy = 1e-4, S_yy = 2e-4 → β = .5, α = .02 − .5·.02 = .01,
    // SSR = 2e-4 − .5·1e-4 = 1.5e-4, σ² = 1.5e-4 / (3 − 2).
    const f = fitMarketModel(momentsOf([0.01, 0.03, 0.02], [0.01, 0.02, 0.03], 0, 3))!;
    expect(f.beta).toBeCloseTo(0.5, 14);
    expect(f.alpha).toBeCloseTo(0.01, 14);
    expect(f.sigma2).toBeCloseTo(1.5e-4, 16);
    expect(f).toMatchObject({ df: 1, n: 3, model: "market" });
    expect(f.sxx).toBeCloseTo(2e-4, 16);
  });

  it("agrees with a direct two-pass regression to 1e-10 relative (fast-check)", () => {
    // Daily returns to a micro-percent (±10%); denormal-sized "returns" make β meaningless, not wrong.
    const day = fc.integer({ min: -100_000, max: 100_000 }).map((x) => x / 1e6);
    fc.assert(fc.property(fc.array(fc.tuple(day, day), { minLength: 5, maxLength: 300 }), (pairs) => {
      const m = pairs.map((p) => p[0]);
      const r = pairs.map((p, i) => 0.001 + 1.3 * p[0] + p[1] * 0.5 + (i % 3) * 1e-4);
      const f = fitMarketModel(momentsOf(r, m, 0, r.length));
      const d = directOls(r, m);
      if (f === undefined) return; // constant benchmark: no fit
      const tol = (a: number, b: number) => Math.abs(a - b) <= 1e-10 * Math.max(Math.abs(b), 1e-6);
      expect(tol(f.beta, d.beta)).toBe(true);
      expect(tol(f.alpha, d.alpha)).toBe(true);
      expect(tol(f.sigma2, Math.max(d.sigma2, 0))).toBe(true);
    }), { numRuns: 300 });
  });

  it("gives no fit for a constant benchmark or fewer than 3 days, and σ² = 0 for a perfect fit", () => {
    expect(fitMarketModel(momentsOf([0.01, 0.02, 0.03], [0.01, 0.01, 0.01], 0, 3))).toBeUndefined();
    expect(fitMarketModel(momentsOf([0.01, 0.02], [0.01, 0.02], 0, 2))).toBeUndefined();
    const perfect = fitMarketModel(momentsOf([0.003, 0.005, 0.009, 0.001], [0.01, 0.02, 0.04, 0], 0, 4))!;
    expect(perfect.sigma2).toBe(0);
    expect(perfect.beta).toBeCloseTo(0.2, 14);
  });
});

describe("fitMeanAdjusted / fitMarketAdjusted / fitNormalModel", () => {
  it("mean-adjusted: α = R̄, β = 0, σ² with L − 1", () => {
    const f = fitMeanAdjusted(momentsOf([0.01, 0.03], undefined, 0, 2))!;
    expect(f).toMatchObject({ model: "mean-adjusted", beta: 0, df: 1 });
    expect(f.alpha).toBeCloseTo(0.02, 15);
    expect(f.sigma2).toBeCloseTo(2e-4, 16);
  });

  it("market-adjusted: α = 0, β = 1, σ² = sample variance of R − R_m", () => {
    // d = .01, 0: mean .005, Σ(d − d̄)² = 5e-5, L − 1 = 1.
    const f = fitMarketAdjusted(momentsOf([0.02, 0.01], [0.01, 0.01], 0, 2))!;
    expect(f).toMatchObject({ model: "market-adjusted", alpha: 0, beta: 1, df: 1 });
    expect(f.sigma2).toBeCloseTo(5e-5, 16);
    expect(fitMarketAdjusted(momentsOf([0.02], [0.01], 0, 1))).toBeUndefined();
    expect(fitMarketAdjusted(momentsOf([0.02, 0.03], [0.01, 0.02], 0, 2))!.sigma2).toBe(0); // constant excess return
  });

  it("dispatches on the model", () => {
    const mo = momentsOf([0.01, 0.03, 0.02], [0.01, 0.02, 0.03], 0, 3);
    expect(fitNormalModel("market", mo)!.model).toBe("market");
    expect(fitNormalModel("mean-adjusted", mo)!.model).toBe("mean-adjusted");
    expect(fitNormalModel("market-adjusted", mo)!.model).toBe("market-adjusted");
  });
});

describe("carOf(fit, window) and carVarianceFactor", () => {
  const f = fitMarketModel(momentsOf([0.01, 0.03, 0.02], [0.01, 0.02, 0.03], 0, 3))!;

  it("CAR = ΣR − kα − βΣR_m; Var = σ²[k + k²/L + (ΣR_m − kR̄_m)²/S_xx] (hand-checked)", () => {
    // Window: r = .05, .00 and m = .04, .00: CAR = .05 − 2·.01 − .5·.04 = .01;
    // factor = 2 + 4/3 + (.04 − 2·.02)²/2e-4 = 3.3333…, Var = 1.5e-4 · 3.3333 = 5e-4.
    const c = carOf(f, momentsOf([0.05, 0], [0.04, 0], 0, 2));
    expect(c.k).toBe(2);
    expect(c.car).toBeCloseTo(0.01, 15);
    expect(c.variance).toBeCloseTo(5e-4, 15);
  });

  it("one day: 1 + 1/L + (R_m − R̄_m)²/S_xx; the other models drop the terms they do not estimate", () => {
    expect(carVarianceFactor(f, 1, 0.04)).toBeCloseTo(1 + 1 / 3 + (0.04 - 0.02) ** 2 / 2e-4, 12);
    expect(carVarianceFactor({ ...f, model: "mean-adjusted" }, 3, 0.1)).toBeCloseTo(3 + 9 / 3, 14);
    expect(carVarianceFactor({ ...f, model: "market-adjusted" }, 3, 0.1)).toBe(3);
    expect(carOf(f, momentsOf([NaN], [NaN], 0, 1))).toEqual({ k: 0, car: 0, variance: 0 });
  });
});
