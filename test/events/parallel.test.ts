import { afterAll, describe, expect, it } from "vitest";
import { closeEventStudyWorkers, eventStudyThreads, PARALLEL_MIN_OBSERVATIONS, runEventStudyInParallel } from "../../src/app/event-study-parallel.js";
import { EVENT_STUDY_DEFAULTS, runEventStudy, type StudySeries } from "../../src/core/events/index.js";
import { InvalidInputError } from "../../src/errors.js";

/** 260 securities × 20 events (5,200) on 1,400 days: missing returns, one security without a benchmark, overlapping events. */
function market(): { series: StudySeries[]; obs: { series: number; day0: number }[] } {
  let s = 424242;
  const u = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const g = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const T = 1400;
  const m = Float64Array.from({ length: T }, (_, t) => (t === 0 ? NaN : 0.0003 + 0.011 * g()));
  const series: StudySeries[] = Array.from({ length: 260 }, (_, i) => {
    const r = Float64Array.from(m, (x) => (u() < 0.01 ? NaN : 0.0002 * ((i % 5) - 2) + (0.5 + (i % 9) * 0.1) * x + 0.015 * g()));
    return i === 7 ? { returns: r } : { returns: r, market: m };
  });
  const days = [270, 272, 330, 400, 460, 520, 580, 640, 700, 760, 820, 880, 940, 1000, 1060, 1120, 1180, 1240, 1300, 1396];
  return { series, obs: series.flatMap((_, i) => days.map((day0) => ({ series: i, day0: day0 + (i % 3) }))) };
}

describe("runEventStudyInParallel (worker threads)", () => {
  afterAll(() => closeEventStudyWorkers());
  const { series, obs } = market();

  it("gives the serial study: every security-event identical, every statistic to 1e-12, the same merged groups", async () => {
    expect(obs.length).toBeLessThan(PARALLEL_MIN_OBSERVATIONS); // small enough for a test, so threads are asked for
    const serial = runEventStudy(series, obs, EVENT_STUDY_DEFAULTS);
    const progress: number[] = [];
    const parallel = await runEventStudyInParallel(series, obs, EVENT_STUDY_DEFAULTS, { threads: 3, minObservations: 1000, onProgress: (d) => progress.push(d) });
    expect(parallel.observations).toEqual(serial.observations);
    expect(serial.observations.filter((o) => o.status === "skipped").map((o) => o.skip!.code)).toContain("no-benchmark");
    expect(parallel.aggregates.map((a) => [a.n, a.nStandardized, a.merged])).toEqual(serial.aggregates.map((a) => [a.n, a.nStandardized, a.merged]));
    expect(serial.aggregates[0]!.merged.length).toBeGreaterThan(0);
    parallel.aggregates.forEach((a, w) => {
      const b = serial.aggregates[w]!;
      expect(Object.keys(a.tests).sort()).toEqual(Object.keys(b.tests).sort());
      for (const k of Object.keys(a.tests) as (keyof typeof a.tests)[]) {
        expect(Math.abs(a.tests[k]!.statistic - b.tests[k]!.statistic)).toBeLessThanOrEqual(1e-12 * Math.abs(b.tests[k]!.statistic));
      }
      expect(Math.abs(a.caar! - b.caar!)).toBeLessThanOrEqual(1e-12 * Math.abs(b.caar!));
    });
    parallel.path.forEach((p, j) => expect(p.caar!).toBeCloseTo(serial.path[j]!.caar!, 14));
    expect(progress[progress.length - 1]).toBe(260);
    // A second study reuses the workers.
    const again = await runEventStudyInParallel(series, obs, { ...EVENT_STUDY_DEFAULTS, model: "market-adjusted" }, { threads: 2, minObservations: 1000 });
    expect(again.observations).toEqual(runEventStudy(series, obs, { ...EVENT_STUDY_DEFAULTS, model: "market-adjusted" }).observations);
  }, 60_000);

  it("writes into shared columns and takes series already in shared memory as they are (views at any offset)", async () => {
    const pool = new Float64Array(new SharedArrayBuffer((series.length * 1400 + 3) * 8));
    const shared = series.map((s, i) => {
      const returns = pool.subarray(3 + i * 1400, 3 + (i + 1) * 1400);
      returns.set(s.returns);
      return s.market === undefined ? { returns } : { returns, market: s.market };
    });
    const serial = runEventStudy(series, obs, EVENT_STUDY_DEFAULTS);
    const parallel = await runEventStudyInParallel(shared, obs, EVENT_STUDY_DEFAULTS, { threads: 2, minObservations: 1000 });
    expect(parallel.observations).toEqual(serial.observations);
    expect(parallel.table.car.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(serial.table.car.buffer).not.toBeInstanceOf(SharedArrayBuffer);
  }, 60_000);

  it("runs small studies on the calling thread, refuses a bad thread count, and reports a missing series", async () => {
    expect(eventStudyThreads(PARALLEL_MIN_OBSERVATIONS - 1, 4)).toBe(1);
    expect(eventStudyThreads(100_000, 3)).toBe(3);
    expect(eventStudyThreads(5000, 3, 1000)).toBe(3);
    expect(() => eventStudyThreads(100_000, 0)).toThrow(InvalidInputError);
    await expect(runEventStudyInParallel(series, [...obs, { series: 999, day0: 500 }], EVENT_STUDY_DEFAULTS, { threads: 2, minObservations: 1000 })).rejects.toThrow(/series 999/);
  });

  it("passes on an error raised inside a worker (a benchmark of another length) and recovers for the next study", async () => {
    const broken = series.map((s, i) => (i === 259 ? { returns: s.returns, market: (s.market as Float64Array).subarray(1) } : s));
    // The largest securities go out first; all have 20 events, so the last one lands on a worker or here, and
    // either way the study fails with the core's message.
    await expect(runEventStudyInParallel(broken, obs, EVENT_STUDY_DEFAULTS, { threads: 2, minObservations: 1000 })).rejects.toThrow(/must share one grid/);
    const ok = await runEventStudyInParallel(series, obs, EVENT_STUDY_DEFAULTS, { threads: 2, minObservations: 1000 });
    expect(ok.observations).toEqual(runEventStudy(series, obs, EVENT_STUDY_DEFAULTS).observations);
  }, 60_000);
});
