import { describe, expect, it } from "vitest";
import { averageRanks } from "./average-ranks.js";
import { corradoZ } from "./corrado-z.js";
import { crossSectionalT } from "./cross-sectional-t.js";
import { meanResidualCorrelation } from "./mean-residual-correlation.js";
import { finishEventStudy, runEventStudy, type StudySeries } from "./run-event-study.js";
import { addSeriesToStudy, createStudyAccumulator, observationsBySeries } from "./study-accumulator.js";
import { mergeStudyAccumulators } from "./study-merge.js";
import { EVENT_STUDY_DEFAULTS, type EventStudySpec } from "./study-spec.js";

/** Deterministic market and stocks: r = α + βm + ε with a few missing days and an event jump. */
function market(seed: number, T = 700, securities = 4): { returns: Float64Array; market: Float64Array }[] {
  let s = seed;
  const u = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const g = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const m = Float64Array.from({ length: T }, (_, t) => (t === 0 ? NaN : 0.0004 + 0.012 * g()));
  return Array.from({ length: securities }, (_, i) => {
    const r = Float64Array.from(m, (x) => 0.0002 * i + (0.6 + 0.3 * i) * x + 0.018 * g());
    r[0] = NaN;
    r[300 + 7 * i] = NaN; // a missing return inside some estimation windows
    r[500]! += 0.05 * (i + 1); // everybody reacts on day 500
    return { returns: r, market: m.slice() };
  });
}

/** The textbook per-event computation: OLS on the estimation days, ARs, CAR and its corrected variance. */
function direct(ser: StudySeries, day0: number, spec: EventStudySpec) {
  const xs: number[] = [], ys: number[] = [];
  for (let t = day0 + spec.estimation.from; t <= day0 + spec.estimation.to; t++) {
    const r = ser.returns[t]!, m = ser.market![t]!;
    if (t >= 0 && Number.isFinite(r) && Number.isFinite(m)) { xs.push(m); ys.push(r); }
  }
  const L = xs.length;
  const mx = xs.reduce((a, b) => a + b) / L, my = ys.reduce((a, b) => a + b) / L;
  let sxx = 0, sxy = 0, syy = 0;
  xs.forEach((x, k) => { sxx += (x - mx) ** 2; sxy += (x - mx) * (ys[k]! - my); syy += (ys[k]! - my) ** 2; });
  const beta = sxy / sxx, alpha = my - beta * mx, s2 = (syy - beta * sxy) / (L - 2);
  const car = (from: number, to: number) => {
    let c = 0, k = 0, sm = 0;
    for (let t = day0 + from; t <= day0 + to; t++) {
      const r = ser.returns[t]!, m = ser.market![t]!;
      if (Number.isFinite(r) && Number.isFinite(m)) { c += r - alpha - beta * m; k++; sm += m; }
    }
    const v = s2 * (k + (k * k) / L + (sm - k * mx) ** 2 / sxx);
    return { car: c, variance: v, t: c / Math.sqrt(v), k };
  };
  return { alpha, beta, sigma2: s2, L, car };
}

const near = (a: number, b: number, tol = 1e-10) => expect(Math.abs(a - b) / Math.max(Math.abs(b), 1e-6)).toBeLessThan(tol);

describe("runEventStudy(series, observations, spec)", () => {
  const series = market(7);
  const obs = series.map((_, i) => ({ series: i, day0: 500 }));
  const study = runEventStudy(series, obs, EVENT_STUDY_DEFAULTS);

  it("agrees per security-event with a direct regression to 1e-10: α, β, σ², every CAR, variance and t", () => {
    study.observations.forEach((o, i) => {
      const d = direct(series[i]!, 500, EVENT_STUDY_DEFAULTS);
      expect(o.status).toBe("ok");
      expect(o.fit!.n).toBe(d.L);
      near(o.fit!.alpha, d.alpha);
      near(o.fit!.beta, d.beta);
      near(o.fit!.sigma2, d.sigma2);
      o.windows!.forEach((w) => {
        const c = d.car(w.from, w.to);
        expect(w.k).toBe(c.k);
        near(w.car, c.car);
        near(w.variance, c.variance);
        near(w.t!, c.t);
      });
    });
  });

  it("aggregates the CARs with the battery: CAAR and the cross-sectional t over the same CARs", () => {
    const a = study.aggregates[0]!;
    const cars = study.observations.map((o) => o.windows![0]!.car);
    expect(a.n).toBe(4);
    near(a.caar!, cars.reduce((x, y) => x + y) / 4);
    near(a.tests.csectT!.statistic, crossSectionalT(cars)!.statistic);
    expect(Object.keys(a.tests).sort()).toEqual(["bmpT", "corradoZ", "csectT", "genSignZ", "kpT", "patellZ", "signZ"]);
    expect(a.tests.patellZ!.statistic).toBeGreaterThan(3); // everybody jumped on day 0
  });

  it("does not depend on the order of the observations and does not touch its inputs", () => {
    const copy = series.map((s) => ({ returns: Float64Array.from(s.returns), market: Float64Array.from(s.market!) }));
    const reversed = runEventStudy(series, [...obs].reverse(), EVENT_STUDY_DEFAULTS);
    reversed.aggregates.forEach((a, w) => {
      for (const k of Object.keys(a.tests) as (keyof typeof a.tests)[]) near(a.tests[k]!.statistic, study.aggregates[w]!.tests[k]!.statistic, 1e-12);
    });
    series.forEach((s, i) => {
      expect(Array.from(s.returns)).toEqual(Array.from(copy[i]!.returns));
      expect(Array.from(s.market!)).toEqual(Array.from(copy[i]!.market));
    });
  });

  it("is invariant as it should be: a constant added to the benchmark changes α only; scaling returns scales CARs, not t", () => {
    const shifted = runEventStudy(series.map((s) => ({ returns: s.returns, market: s.market!.map((x) => x + 0.01) })), obs, EVENT_STUDY_DEFAULTS);
    const scaled = runEventStudy(series.map((s) => ({ returns: s.returns.map((x) => 3 * x), market: s.market!.map((x) => 3 * x) })), obs, EVENT_STUDY_DEFAULTS);
    study.observations.forEach((o, i) => {
      near(shifted.observations[i]!.fit!.alpha, o.fit!.alpha - 0.01 * o.fit!.beta, 1e-9);
      near(shifted.observations[i]!.windows![2]!.car, o.windows![2]!.car, 1e-9);
      near(scaled.observations[i]!.windows![2]!.car, 3 * o.windows![2]!.car, 1e-9);
      near(scaled.observations[i]!.windows![2]!.t!, o.windows![2]!.t!, 1e-9);
    });
    for (const k of ["bmpT", "kpT", "corradoZ", "patellZ"] as const) near(scaled.aggregates[3]!.tests[k]!.statistic, study.aggregates[3]!.tests[k]!.statistic, 1e-9);
  });

  it("merges one security's overlapping windows per window: one observation, CAR over the union on the first event's fit", () => {
    const two = runEventStudy([series[0]!], [{ series: 0, day0: 500 }, { series: 0, day0: 502 }], EVENT_STUDY_DEFAULTS);
    const [w11, w01] = two.aggregates;
    expect(w11!.n).toBe(1); // −1…+1 windows 499–501 and 501–503 overlap
    expect(w11!.merged).toEqual([{ observations: [0, 1], from: -1, to: 3 }]);
    near(w11!.caar!, direct(series[0]!, 500, EVENT_STUDY_DEFAULTS).car(-1, 3).car);
    expect(w01!.n).toBe(2); // 0…+1: 500–501 and 502–503 do not
    expect(two.observations[1]!.windows![0]!.k).toBe(3); // each security-event keeps its own result
  });

  it("skips security-events with too little estimation data, a constant or absent benchmark, or day 0 outside the data", () => {
    const flat = { returns: series[0]!.returns, market: new Float64Array(700).fill(0.001) };
    const r = runEventStudy([series[0]!, flat, { returns: series[0]!.returns }], [
      { series: 0, day0: 100 }, { series: 1, day0: 500 }, { series: 2, day0: 500 }, { series: 0, day0: 900 }, { series: 0, day0: 500 },
    ], EVENT_STUDY_DEFAULTS);
    expect(r.observations.map((o) => o.skip?.code ?? o.status)).toEqual(["short-estimation", "constant-benchmark", "no-benchmark", "day0-outside-data", "ok"]);
    expect(r.observations[0]!.skip!.estimationDays).toBe(89); // days 1…89 (day −250 is before the data; day 0 has no return)
    expect(r.aggregates[0]!.n).toBe(1);
  });

  it("reports missing days and counts only the valid ones in k; a window past the data is all missing", () => {
    const r = runEventStudy([series[0]!], [{ series: 0, day0: 697 }], { ...EVENT_STUDY_DEFAULTS, windows: [{ from: 0, to: 5 }] });
    expect(r.observations[0]!.windows![0]).toMatchObject({ k: 3, missingDays: [3, 4, 5] });
  });

  it("gives σ = 0 and no t for constant returns, and leaves them out of the standardised tests", () => {
    const constant = { returns: Float64Array.from(series[0]!.returns, (x) => (Number.isNaN(x) ? x : 0.001)), market: series[0]!.market! };
    const r = runEventStudy([constant, series[1]!, series[2]!], [{ series: 0, day0: 500 }, { series: 1, day0: 500 }, { series: 2, day0: 500 }], EVENT_STUDY_DEFAULTS);
    expect(r.observations[0]!.fit!.sigma2).toBe(0);
    expect(r.observations[0]!.windows![0]!.t).toBeUndefined();
    expect(r.aggregates[0]).toMatchObject({ n: 3, nStandardized: 2 });
  });

  it("runs the market-adjusted (AR = R − R_m) and mean-adjusted (AR = R − R̄) models", () => {
    const ma = runEventStudy([series[1]!], [{ series: 0, day0: 500 }], { ...EVENT_STUDY_DEFAULTS, model: "market-adjusted" });
    near(ma.observations[0]!.ar![5]!, series[1]!.returns[500]! - series[1]!.market![500]!, 1e-12);
    const mean = runEventStudy([{ returns: series[1]!.returns }], [{ series: 0, day0: 500 }], { ...EVENT_STUDY_DEFAULTS, model: "mean-adjusted" });
    const est = Array.from(series[1]!.returns.slice(250, 490)).filter(Number.isFinite);
    near(mean.observations[0]!.fit!.alpha, est.reduce((a, b) => a + b) / est.length, 1e-12);
    expect(mean.observations[0]!.fit!.df).toBe(est.length - 1);
  });

  it("traces the mean CAR path with a band and reports progress per security", () => {
    const calls: number[] = [];
    const r = runEventStudy(series, obs, EVENT_STUDY_DEFAULTS, { onProgress: (d) => calls.push(d) });
    expect(calls).toEqual([1, 2, 3, 4]);
    const day0 = r.path.find((p) => p.day === 0)!;
    expect(day0.n).toBe(4);
    expect(day0.lower!).toBeLessThan(day0.caar!);
    near(r.path[r.path.length - 1]!.caar!, r.aggregates[3]!.caar!, 1e-12);
  });
});

describe("runEventStudy(…, { residualTests: false })", () => {
  it("skips Kolari–Pynnönen, Corrado and generalised sign and keeps everything else identical", () => {
    const series = market(11);
    const obs = series.map((_, i) => ({ series: i, day0: 500 }));
    const full = runEventStudy(series, obs, EVENT_STUDY_DEFAULTS);
    const quick = runEventStudy(series, obs, EVENT_STUDY_DEFAULTS, { residualTests: false });
    expect(Object.keys(quick.aggregates[0]!.tests).sort()).toEqual(["bmpT", "csectT", "patellZ", "signZ"]);
    for (const k of ["bmpT", "csectT", "patellZ", "signZ"] as const) expect(quick.aggregates[0]!.tests[k]).toEqual(full.aggregates[0]!.tests[k]);
    expect(quick.observations[0]!.positiveShare).toBeUndefined();
    expect(quick.observations[0]!.windows).toEqual(full.observations[0]!.windows);
  });
});

/**
 * The residual tests by the textbook route, one security-event at a time: residuals on the estimation days,
 * ARs on the span, ranks by {@link averageRanks} (scipy's rankdata), K = rank/(T_i + 1) − 0.5 averaged by
 * day, Corrado's Z per window; the share of positive residuals; the mean pairwise correlation of the
 * residual vectors.
 */
function residualTestsDirect(series: StudySeries[], obs: { series: number; day0: number }[], spec: EventStudySpec) {
  const E = spec.estimation;
  const span = { from: Math.min(...spec.windows.map((w) => w.from)), to: Math.max(...spec.windows.map((w) => w.to)) };
  const axis = span.to - E.from + 1;
  const sumK = new Float64Array(axis);
  const cnt = new Float64Array(axis);
  const residuals: Float64Array[] = [];
  const shares: number[] = [];
  for (const o of obs) {
    const s = series[o.series]!;
    const m = (t: number) => (spec.model === "mean-adjusted" ? 0 : s.market![t]!);
    const xs: number[] = [], ys: number[] = [];
    for (let t = o.day0 + E.from; t <= o.day0 + E.to; t++) if (Number.isFinite(s.returns[t]!) && Number.isFinite(m(t))) { xs.push(m(t)); ys.push(s.returns[t]!); }
    const L = xs.length;
    const my = ys.reduce((a, b) => a + b) / L;
    const mx = xs.reduce((a, b) => a + b) / L;
    let beta = 0;
    if (spec.model === "market") {
      let sxx = 0, sxy = 0;
      xs.forEach((x, k) => { sxx += (x - mx) ** 2; sxy += (x - mx) * (ys[k]! - my); });
      beta = sxy / sxx;
    }
    const alpha = my - beta * mx;
    const vals = new Float64Array(axis).fill(NaN);
    for (let t = o.day0 + E.from; t <= o.day0 + span.to; t++) {
      const tau = t - o.day0;
      if (tau > E.to && tau < span.from) continue;
      const r = s.returns[t]!;
      if (Number.isFinite(r) && Number.isFinite(m(t))) vals[tau - E.from] = r - alpha - beta * m(t);
    }
    const est = vals.slice(0, E.to - E.from + 1);
    residuals.push(est);
    const finite = Array.from(est).filter(Number.isFinite);
    shares.push(finite.filter((e) => e > 0).length / finite.length);
    const ranks = averageRanks(vals);
    const T = Array.from(vals).filter(Number.isFinite).length;
    ranks.forEach((r, j) => {
      if (Number.isFinite(r)) {
        sumK[j]! += r / (T + 1) - 0.5;
        cnt[j]!++;
      }
    });
  }
  const meanK = Array.from(sumK, (s, j) => (cnt[j]! > 0 ? s / cnt[j]! : NaN));
  return {
    corrado: spec.windows.map((w) => corradoZ(meanK, w.from - E.from, w.to - E.from, obs.length)!.statistic),
    shares,
    meanCorrelation: meanResidualCorrelation(residuals)!,
  };
}

describe("the residual tests (Corrado ranks, generalised-sign shares, Kolari–Pynnönen r̄)", () => {
  const spec = EVENT_STUDY_DEFAULTS;
  it("agree with the textbook route for ordinary returns", () => {
    const series = market(5, 700, 6);
    const obs = series.map((_, i) => ({ series: i, day0: 500 + (i % 2) * 60 }));
    const r = runEventStudy(series, obs, spec);
    const d = residualTestsDirect(series, obs, spec);
    r.aggregates.forEach((a, w) => near(a.tests.corradoZ!.statistic, d.corrado[w]!, 1e-10));
    r.observations.forEach((o, i) => near(o.positiveShare!, d.shares[i]!, 1e-12));
    near(r.aggregates[0]!.meanCorrelation!, d.meanCorrelation, 1e-9);
  });

  it("rank ties exactly (average ranks): a halted stock's run of zero returns under the mean-adjusted model, long and short", () => {
    const base = market(9, 700, 4);
    const halted = (from: number, to: number) => ({ returns: Float64Array.from(base[0]!.returns, (x, t) => (t >= from && t <= to ? 0 : x)) });
    // 100 equal residuals crowd one bucket (the sorting route); 12 equal ones stay in the bucket route.
    const series: StudySeries[] = [halted(300, 399), halted(420, 431), ...base.slice(1).map((s) => ({ returns: s.returns }))];
    const m = { ...spec, model: "mean-adjusted" as const };
    const obs = series.map((_, i) => ({ series: i, day0: 500 }));
    const r = runEventStudy(series, obs, m);
    const d = residualTestsDirect(series, obs, m);
    r.aggregates.forEach((a, w) => near(a.tests.corradoZ!.statistic, d.corrado[w]!, 1e-10));
    r.observations.forEach((o, i) => near(o.positiveShare!, d.shares[i]!, 1e-12));
  });
});

describe("mergeStudyAccumulators(into, from)", () => {
  it("gives the single run's study when two accumulators study disjoint securities (merged groups included)", () => {
    const series = market(3, 700, 6);
    const obs = series.flatMap((_, i) => [{ series: i, day0: 480 }, { series: i, day0: 482 }, { series: i, day0: 620 }]);
    const whole = runEventStudy(series, obs, EVENT_STUDY_DEFAULTS);
    const all = observationsBySeries(obs);
    const a = createStudyAccumulator(obs.length, EVENT_STUDY_DEFAULTS);
    const b = createStudyAccumulator(obs.length, EVENT_STUDY_DEFAULTS);
    addSeriesToStudy(a, series, obs, new Map([...all].filter(([s]) => s % 2 === 0)), EVENT_STUDY_DEFAULTS);
    addSeriesToStudy(b, series, obs, new Map([...all].filter(([s]) => s % 2 === 1)), EVENT_STUDY_DEFAULTS);
    mergeStudyAccumulators(a, b);
    const merged = finishEventStudy(a, EVENT_STUDY_DEFAULTS);
    expect(merged.observations).toEqual(whole.observations);
    expect(merged.aggregates.map((x) => x.merged)).toEqual(whole.aggregates.map((x) => x.merged));
    expect(whole.aggregates[0]!.merged.length).toBe(6); // −1…+1 around days 480 and 482 overlap for every security
    merged.aggregates.forEach((x, w) => {
      expect(x.n).toBe(whole.aggregates[w]!.n);
      for (const k of Object.keys(x.tests) as (keyof typeof x.tests)[]) near(x.tests[k]!.statistic, whole.aggregates[w]!.tests[k]!.statistic, 1e-12);
    });
    expect(() => mergeStudyAccumulators(a, b)).toThrow(/studied twice/);
    expect(() => finishEventStudy(createStudyAccumulator(obs.length, EVENT_STUDY_DEFAULTS), EVENT_STUDY_DEFAULTS)).toThrow(/was not studied/);
  });
});
