/**
 * Event-study benchmark (not a test): is rerate fast enough for a whole market?
 *
 * 1. Synthetic (issue 4): 2,000 securities × 3,000 days × 20 event dates (deterministic returns, 0.3% of them
 *    missing), market model, four windows, all seven tests. Timed against, in the same run, the same study
 *    in vectorised numpy/scipy and with a statsmodels OLS per security-event (timed on a sample).
 * 2. Real (../shared/data/hk): all 503 Hang Seng Composite stocks × 20 event dates vs ^HSI, rerate's core
 *    against vectorised numpy on the same returns; plus rerate end to end from a DuckDB store (reading
 *    every price series) with the 14 catalysts of 2025.
 * 3. DuckDB SQL (bench/events-sql.ts): the synthetic study's parametric part as one SQL query, answers compared.
 *    And nodejs-polars (bench/events-polars.ts): the same parametric study with running sums, joins and group_by.
 * Results must agree (printed: the largest relative difference). Figures are wall-clock, best of the rounds.
 *
 *   npm run bench:events                        # both parts
 *   npm run bench:events -- --rounds 5 --statsmodels-sample 4000 --skip-hk
 *   npm run bench:events -- --src               # the TypeScript sources through tsx instead of dist/
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { EventStudyOutcome, StudySeries } from "../src/core/events/index.js";
import { eventStudyPolars } from "./events-polars.js";
import { compareWithSql, eventStudySql } from "./events-sql.js";

// The compiled library (what `rerate` runs; `npm run bench:events` builds it first), or with --src the
// TypeScript sources through tsx (about 10% slower: tsx keeps function names with wrappers).
const fromSrc = process.argv.includes("--src");
const lib = (path: string) => import(fromSrc ? `../src/${path}` : `../dist/${path}`);
const { computeEventStudy } = (await lib("app/event-study.js")) as typeof import("../src/app/event-study.js");
const { readEventsFile } = (await lib("app/event-inputs.js")) as typeof import("../src/app/event-inputs.js");
const { closeEventStudyWorkers, eventStudyThreads, runEventStudyInParallel } = (await lib("app/event-study-parallel.js")) as typeof import("../src/app/event-study-parallel.js");
const { importFiles } = (await lib("app/import/import-files.js")) as typeof import("../src/app/import/import-files.js");
const { alignToGrid, EVENT_STUDY_DEFAULTS, runEventStudy, toReturns } = (await lib("core/events/index.js")) as typeof import("../src/core/events/index.js");
const { openStore } = (await lib("store/open.js")) as typeof import("../src/store/open.js");
const { readPrices } = (await lib("store/prices.js")) as typeof import("../src/store/prices.js");

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const has = (name: string) => process.argv.includes(name);
const ROUNDS = arg("--rounds", 5);
const SM_SAMPLE = arg("--statsmodels-sample", 2000);
const PYTHON = "/usr/bin/python3";
const ROOT = resolve(import.meta.dirname, "..");
const SHARED = resolve(process.env.RERATE_SHARED_DATA ?? join(ROOT, "../shared/data"));
const SCRIPT = join(ROOT, "test/events/reference/event_study_bench.py");
const spec = EVENT_STUDY_DEFAULTS;
const TESTS = ["csectT", "patellZ", "bmpT", "kpT", "corradoZ", "signZ", "genSignZ"] as const;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

interface PyOut {
  numpySeconds: number;
  aggregates: ({ n: number; caar: number; p: Record<string, number> } & Record<string, number>)[];
  firstWindowCars: number[];
  statsmodelsSecondsPerEvent: number;
  /** Of those, the residual-based tests (positive share, KP vector, scipy ranks). */
  statsmodelsResidualSecondsPerEvent: number;
  statsmodelsSample: number;
  statsmodelsCars: { security: number; event: number; windows: [number, number][] }[];
}

function best<T>(rounds: number, fn: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    value = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}

async function bestAsync<T>(rounds: number, fn: () => Promise<T>): Promise<{ ms: number; firstMs: number; value: T }> {
  let ms = Infinity;
  let firstMs = 0;
  let value!: T;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    value = await fn();
    const took = performance.now() - t0;
    if (r === 0) firstMs = took;
    ms = Math.min(ms, took);
  }
  return { ms, firstMs, value };
}

/** Writes S×T matrices and the event days for the Python side, runs it, returns its JSON. */
function runPython(dir: string, series: { returns: Float64Array; market: Float64Array }[], days: Int32Array, sample: number): PyOut {
  const T = series[0]!.returns.length;
  const R = new Float64Array(series.length * T);
  const M = new Float64Array(series.length * T);
  series.forEach((s, i) => {
    R.set(s.returns, i * T);
    M.set(s.market, i * T);
  });
  writeFileSync(join(dir, "returns.f64"), new Uint8Array(R.buffer));
  writeFileSync(join(dir, "market.f64"), new Uint8Array(M.buffer));
  writeFileSync(join(dir, "day0.i32"), new Uint8Array(days.buffer));
  writeFileSync(join(dir, "spec.json"), JSON.stringify({
    S: series.length, T, estimation: [spec.estimation.from, spec.estimation.to], windows: spec.windows.map((w) => [w.from, w.to]),
    minDays: spec.minEstimationDays, statsmodelsSample: sample, rounds: ROUNDS,
  }));
  const run = spawnSync(PYTHON, [SCRIPT, dir], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`python side failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PyOut;
}

/** Largest relative difference between rerate's aggregates and numpy's (N must match exactly). */
function compare(ours: EventStudyOutcome, py: PyOut): number {
  let worst = 0;
  const rel = (a: number | undefined, b: number) => Math.abs((a ?? NaN) - b) / Math.max(Math.abs(b), 1e-12);
  ours.aggregates.forEach((a, w) => {
    const p = py.aggregates[w]!;
    if (a.n !== p.n) throw new Error(`window ${a.from}:${a.to}: N ${a.n} vs numpy ${p.n}`);
    worst = Math.max(worst, rel(a.caar, p.caar));
    for (const k of TESTS) worst = Math.max(worst, rel(a.tests[k]?.statistic, p[k]!), rel(a.tests[k]?.p, p.p[k]!));
  });
  return worst;
}

function report(label: string, events: number, ms: number, py: PyOut, agree: number, smAgree?: number): void {
  const perSec = events / (ms / 1000);
  const smTotal = py.statsmodelsSecondsPerEvent * events * 1000;
  console.log(`\n${label}`);
  console.log(`  rerate (core, market model, 4 windows, 7 tests): ${fmt(events)} security-events in ${ms.toFixed(0)} ms = ${fmt(perSec)} security-events/s`);
  console.log(`  numpy/scipy vectorised:                         ${(py.numpySeconds * 1000).toFixed(0)} ms  → rerate is ${(py.numpySeconds * 1000 / ms).toFixed(2)}× faster (goal > 1)`);
  console.log(`  statsmodels OLS per security-event, same study:  ${(py.statsmodelsSecondsPerEvent * 1e6).toFixed(0)} µs each (${(py.statsmodelsResidualSecondsPerEvent * 1e6).toFixed(0)} µs of it the residual tests; timed on ${fmt(py.statsmodelsSample)}), ${(smTotal / 1000).toFixed(1)} s for all → rerate is ${(smTotal / ms).toFixed(0)}× faster (goal ≥ 50)`);
  console.log(`  agreement: max relative difference of CAAR, the 7 statistics and p-values vs numpy ${agree.toExponential(1)}${smAgree !== undefined ? `; CARs and t vs statsmodels ${smAgree.toExponential(1)}` : ""}`);
  console.log(`  security-events per second: ${fmt(perSec)} (goal ≥ 1,000,000)`);
}

async function synthetic(dir: string): Promise<void> {
  const S = has("--quick") ? 500 : 2000;
  const T = 3000;
  const E = 20;
  let seed = 20250924;
  const u = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const g = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const m = Float64Array.from({ length: T }, (_, t) => (t === 0 ? NaN : 0.0003 + 0.011 * g()));
  const series = Array.from({ length: S }, (_, i) => {
    const beta = 0.4 + (i % 13) * 0.1;
    const r = Float64Array.from(m, (x) => (u() < 0.003 ? NaN : 0.0001 * ((i % 7) - 3) + beta * x + (0.012 + (i % 5) * 0.004) * g()));
    return { returns: r, market: m };
  });
  const days = Int32Array.from({ length: E }, (_, k) => 300 + k * 135);
  const obs = series.flatMap((_, i) => Array.from(days, (day0) => ({ series: i, day0 })));
  const { ms, value } = best(ROUNDS, () => runEventStudy(series, obs, spec));
  const py = runPython(dir, series, days, SM_SAMPLE);
  // statsmodels sample: (date, security) order, CAR and t of each window.
  let sm = 0;
  py.statsmodelsCars.forEach((row) => {
    const i = row.security * E + row.event;
    row.windows.forEach(([car, t], w) => {
      const o = value.observations[i]!.windows![w]!;
      sm = Math.max(sm, Math.abs(o.car - car) / Math.max(Math.abs(car), 1e-6), Math.abs(o.t! - t) / Math.max(Math.abs(t), 1e-6));
    });
  });
  report(`Synthetic market: ${fmt(S)} securities × ${fmt(T)} days × ${E} event dates`, obs.length, ms, py, compare(value, py), sm);
  const threads = eventStudyThreads(obs.length);
  const par = await bestAsync(ROUNDS, () => runEventStudyInParallel(series, obs, spec));
  const smTotal = py.statsmodelsSecondsPerEvent * obs.length * 1000;
  console.log(`  on ${threads} threads (this one and ${threads - 1} worker${threads > 2 ? "s" : ""}; same results: max relative difference of the 7 statistics vs numpy ${compare(par.value, py).toExponential(1)}): ${par.ms.toFixed(0)} ms = ${fmt(obs.length / (par.ms / 1000))} security-events/s, ${(py.numpySeconds * 1000 / par.ms).toFixed(2)}× numpy, ${(smTotal / par.ms).toFixed(0)}× the statsmodels loop (first round, starting the workers: ${par.firstMs.toFixed(0)} ms)`);
  const quick = best(ROUNDS, () => runEventStudy(series, obs, spec, { residualTests: false }));
  const smParametric = (py.statsmodelsSecondsPerEvent - py.statsmodelsResidualSecondsPerEvent) * obs.length * 1000;
  console.log(`  without the three residual-based tests (KP, Corrado, generalised sign; --parametric-only): ${quick.ms.toFixed(0)} ms = ${fmt(obs.length / (quick.ms / 1000))} security-events/s, ${(smParametric / quick.ms).toFixed(0)}× the statsmodels loop without them`);
  // DuckDB SQL peer (issue 19): the parametric study as one query (regr_slope & co.), same returns; it does less work
  // (no residual-based tests, no p-values, no merging), so it is compared with rerate's parametric-only run.
  const sql = await eventStudySql(series, days, spec, ROUNDS);
  const sqlAgree = compareWithSql(quick.value, sql);
  console.log(`  DuckDB SQL, one query (α, β, σ̂, ARs, CARs, corrected variance, CAAR, cross-sectional t, Patell, BMP; no residual-based tests, no p-values; loading the long table, ${(sql.loadMs / 1000).toFixed(2)} s, not counted): ${sql.ms.toFixed(0)} ms → rerate parametric-only is ${(sql.ms / quick.ms).toFixed(2)}× faster, rerate with all seven tests ${(sql.ms / ms).toFixed(2)}× (one thread), ${(sql.ms / par.ms).toFixed(2)}× (${threads} threads); agreement of N, CAAR, t_cs, Patell Z, BMP t: ${sqlAgree === Infinity ? "MISMATCH" : sqlAgree.toExponential(1)} (tolerance 1e-9)`);
  // nodejs-polars peer (issue 19): the same parametric study in polars expressions; also less work than rerate.
  const pol = eventStudyPolars(series, days, spec, ROUNDS);
  const polAgree = compareWithSql(quick.value, pol);
  console.log(`  nodejs-polars (running sums over the valid days, joins for the window ends, group_by; the same parametric outputs as the SQL peer; building the long frame, ${(pol.loadMs / 1000).toFixed(2)} s, not counted): ${pol.ms.toFixed(0)} ms → rerate parametric-only is ${(pol.ms / quick.ms).toFixed(2)}× faster; agreement: ${polAgree === Infinity ? "MISMATCH" : polAgree.toExponential(1)} (tolerance 1e-9)`);
  const fastest = Math.min(sql.ms, pol.ms);
  console.log(`  parametric study, every peer: rerate ${quick.ms.toFixed(0)} ms, DuckDB SQL ${sql.ms.toFixed(0)} ms, polars ${pol.ms.toFixed(0)} ms; rerate / fastest peer: ${(quick.ms / fastest).toFixed(2)} (below 1 means rerate is the fastest)`);
  if (!(sqlAgree <= 1e-9 && polAgree <= 1e-9)) process.exitCode = 1;
}

async function hongKong(dir: string): Promise<void> {
  const hkDir = join(SHARED, "hk");
  const files = readdirSync(hkDir).filter((f) => f.endsWith(".HK.csv")).sort().map((f) => join(hkDir, f));
  const store = await openStore(join(dir, "hk.duckdb"));
  let t0 = performance.now();
  await importFiles(store, { kind: "prices", files: [...files, join(SHARED, "indices/HSI.csv")], now: "2026-12-01T00:00:00Z" }); // after the last ^HSI row (2026-06), else the import refuses "future" rows
  const importMs = performance.now() - t0;
  const ids = files.map((f) => f.split("/").pop()!.replace(/\.csv$/, ""));

  // Common grid: ^HSI sessions up to the last HK price (every HK date from mid-2021 on is an ^HSI session).
  const hsi = await readPrices(store, "^HSI", { to: "2025-10-30" });
  const grid = hsi.dates;
  const market = toReturns(hsi.close);
  const series: { returns: Float64Array; market: Float64Array }[] = [];
  for (const id of ids) {
    const p = await readPrices(store, id, { from: grid[0]!, to: grid[grid.length - 1]! });
    if (p.dates.some((d) => !grid.includes(d))) throw new Error(`${id} has a session ^HSI lacks: the common grid would not be its grid`);
    series.push({ returns: toReturns(alignToGrid(grid, p.dates, p.close)), market });
  }
  const days = Int32Array.from({ length: 20 }, (_, k) => grid.length - 6 - k * 25).reverse();
  const obs = series.flatMap((_, i) => Array.from(days, (day0) => ({ series: i, day0 })));
  const { ms, value } = best(ROUNDS, () => runEventStudy(series as StudySeries[], obs, spec));
  const py = runPython(dir, series, days, Math.min(SM_SAMPLE, 1000));
  const used = value.observations.filter((o) => o.status === "ok").length;
  report(`Hong Kong, real prices: ${ids.length} stocks × 20 event dates (${grid[days[0]!]} … ${grid[days[19]!]}) vs ^HSI, ${fmt(used)} with ≥ 120 estimation days`, obs.length, ms, py, compare(value, py));

  const catalysts = readEventsFile(join(ROOT, "examples/catalysts-2025.csv"));
  t0 = performance.now();
  const full = await computeEventStudy(store, { securities: ids, events: catalysts });
  const e2e = performance.now() - t0;
  console.log(`  end to end from DuckDB (${ids.length} stocks × ${catalysts.length} catalysts of 2025, read + sessions + day 0 + study): ${e2e.toFixed(0)} ms for ${fmt(full.observations.length)} security-events = ${fmt(full.observations.length / (e2e / 1000))}/s`);
  console.log(`  (importing the ${files.length + 1} CSV files into the store first took ${(importMs / 1000).toFixed(1)} s; see bench:import)`);
  store.close();
}

const dir = mkdtempSync(join(tmpdir(), "rerate-bench-events-"));
try {
  const probe = spawnSync(PYTHON, ["-c", "import numpy, scipy, statsmodels"]);
  if (probe.status !== 0) throw new Error(`${PYTHON} lacks numpy/scipy/statsmodels: apt-get install python3-numpy python3-scipy python3-statsmodels`);
  if (!has("--skip-synthetic")) await synthetic(dir);
  if (!has("--skip-hk")) await hongKong(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await closeEventStudyWorkers();
}
