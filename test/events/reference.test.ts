// Reference test: the same event study in rerate and in an independent Python implementation
// (statsmodels OLS per security-event, pandas for sessions and time zones, scipy for the tests), on real prices
// from ../shared/data. Skipped, saying why, when /usr/bin/python3 lacks statsmodels or the data is absent.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEventsFile } from "../../src/app/event-inputs.js";
import { computeEventStudy, type EventStudyResult } from "../../src/app/event-study.js";
import { importFiles } from "../../src/app/import/import-files.js";
import { openStore, type Store } from "../../src/store/open.js";
import { hasSharedData, REPO, SHARED_DATA, tempDir } from "../helpers/paths.js";

const PYTHON = "/usr/bin/python3";
const SCRIPT = join(REPO, "test/events/reference/event_study_reference.py");
const probe = existsSync(PYTHON) ? spawnSync(PYTHON, ["-c", "import statsmodels, scipy, pandas, numpy"], { encoding: "utf8" }) : undefined;
const pythonReady = probe?.status === 0;
const skipWhy = !hasSharedData ? "../shared/data is not beside the checkout" : !pythonReady ? `${PYTHON} lacks statsmodels/scipy/pandas (apt-get install python3-statsmodels python3-scipy python3-pandas; .ci/run does)` : "";
if (skipWhy) console.warn(`event-study reference test skipped: ${skipWhy}`);

const HK = ["9988.HK", "0700.HK", "0981.HK", "1347.HK", "9888.HK", "9618.HK"];
const US = ["ORCL", "NVDA", "AVGO", "BABA", "AMD", "MSFT"];
const file = (id: string) => (id.endsWith(".HK") ? join(SHARED_DATA, "hk", `${id}.csv`) : join(SHARED_DATA, "us-adjclose", `${id}.csv`));
const BENCH = { HK: { id: "^HSI", file: join(SHARED_DATA, "indices/HSI.csv") }, US: { id: "^GSPC", file: join(SHARED_DATA, "indices/GSPC.csv") } };
const WINDOWS = [{ from: -1, to: 1 }, { from: 0, to: 1 }, { from: 0, to: 5 }, { from: -5, to: 5 }, { from: 0, to: 0 }];

/** |a − b| ≤ tol · max(1, |b|)… relative for numbers away from 0, absolute near it. */
function close(a: number | null | undefined, b: number | null | undefined, tol: number, what: string): void {
  if (b === null || b === undefined) {
    expect(a ?? null, what).toBeNull();
    return;
  }
  expect(a, what).not.toBeNull();
  const err = Math.abs(a! - b) / Math.max(Math.abs(b), 1e-3);
  expect(err, `${what}: rerate ${a} vs reference ${b}`).toBeLessThan(tol);
}

interface PyObs { security: string; event: string; status: string; day0?: string; alpha?: number; beta?: number; sigma?: number; n?: number; ar?: (number | null)[]; windows?: { from: number; to: number; k: number; car: number | null; t: number | null; p: number | null }[] }
interface PyAgg { from: number; to: number; n: number; caar: number; meanCorrelation: number; tests: Record<string, number>; p: Record<string, number> }

type Ref = { observations: PyObs[]; aggregates: PyAgg[]; versions: Record<string, string> };
interface JobSecurity { id: string; file: string; zone: string; close: string; benchmark: { id: string; file: string } }

let maxRel = 0;
const track = (a: number | null | undefined, b: number | null | undefined) => {
  if (typeof a === "number" && typeof b === "number") maxRel = Math.max(maxRel, Math.abs(a - b) / Math.max(Math.abs(b), 1e-3));
};

function runReference(securities: JobSecurity[], events: { id: string; timestamp: string }[]): Ref {
  const job = { securities, events, estimation: [-250, -11], windows: WINDOWS.map((w) => [w.from, w.to]), minDays: 120 };
  const run = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(job), encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`reference script failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Ref;
}

const jobSecurity = (id: string, path: string, benchmark = id.endsWith(".HK") ? BENCH.HK : BENCH.US): JobSecurity => ({
  id, file: path, zone: id.endsWith(".HK") ? "Asia/Hong_Kong" : "America/New_York", close: "16:00", benchmark,
});

function compareObservations(ours: EventStudyResult, ref: Ref): void {
  expect(ours.observations).toHaveLength(ref.observations.length);
  for (const r of ref.observations) {
    const o = ours.observations.find((x) => x.security === r.security && x.event === r.event)!;
    const at = `${r.security} ${r.event}`;
    expect(o.status, at).toBe(r.status);
    if (r.status !== "ok") continue;
    expect(o.day0, at).toBe(r.day0);
    expect(o.n, at).toBe(r.n);
    for (const [a, b, what] of [[o.alpha, r.alpha, "alpha"], [o.beta, r.beta, "beta"], [o.sigma, r.sigma, "sigma"]] as const) {
      close(a, b, 1e-10, `${at} ${what}`);
      track(a, b);
    }
    r.ar!.forEach((b, j) => {
      close(o.ar[j]!.ar, b, 1e-10, `${at} AR day ${o.ar[j]!.day}`);
      track(o.ar[j]!.ar, b);
    });
    r.windows!.forEach((w, j) => {
      const ow = o.windows[j]!;
      expect(ow.k, `${at} k ${w.from}:${w.to}`).toBe(w.k);
      for (const [a, b, what] of [[ow.car, w.car, "CAR"], [ow.t, w.t, "t"], [ow.p, w.p, "p"]] as const) {
        close(a, b, 1e-10, `${at} ${what} ${w.from}:${w.to}`);
        track(a, b);
      }
    });
  }
}

function compareAggregates(ours: EventStudyResult, ref: Ref): void {
  ref.aggregates.forEach((r, i) => {
    const a = ours.aggregates[i]!;
    const at = `${r.from}:${r.to}`;
    expect(a.n, at).toBe(r.n);
    close(a.caar, r.caar, 1e-10, `${at} CAAR`);
    close(a.meanCorrelation, r.meanCorrelation, 1e-10, `${at} r̄`);
    for (const k of Object.keys(r.tests) as (keyof typeof a.tests)[]) {
      close(a.tests[k], r.tests[k], 1e-10, `${at} ${k}`);
      close(a.p[k], r.p[k], 1e-9, `${at} p ${k}`);
      track(a.tests[k], r.tests[k]);
    }
  });
}

describe.skipIf(Boolean(skipWhy))("event study vs statsmodels/numpy/scipy on real prices (HK vs ^HSI, US vs ^GSPC, the 2025 catalysts)", () => {
  const tmp = tempDir("rerate-ev-ref-");
  let store: Store;
  let ours: EventStudyResult;
  let ref: Ref;
  let events: ReturnType<typeof readEventsFile>;

  beforeAll(async () => {
    store = await openStore(join(tmp.dir, "ref.duckdb"));
    await importFiles(store, { kind: "prices", files: [...HK, ...US].map(file).concat(BENCH.HK.file, BENCH.US.file), now: "2026-12-01T00:00:00Z" });
    events = readEventsFile(join(REPO, "examples/catalysts-2025.csv"));
    ours = await computeEventStudy(store, { securities: [...HK, ...US], events, windows: WINDOWS });
    ref = runReference([...HK, ...US].map((id) => jobSecurity(id, file(id))), events.map((e) => ({ id: e.id, timestamp: e.timestamp })));
  }, 120_000);
  afterAll(() => {
    store?.close();
    tmp.cleanup();
    console.info(`event-study reference: max relative difference ${maxRel.toExponential(2)} over α, β, σ, ARs, CARs, t, p and the tests (statsmodels ${ref?.versions.statsmodels})`);
  });

  it("locates day 0 like pandas' time-zone database and skips the same security-events", () => {
    for (const r of ref.observations) {
      const o = ours.observations.find((x) => x.security === r.security && x.event === r.event)!;
      expect(o.status, `${r.security} ${r.event}`).toBe(r.status);
      if (r.status === "ok") expect(o.day0, `${r.security} ${r.event}`).toBe(r.day0);
    }
    expect(ours.observations.filter((o) => o.status === "ok").length).toBeGreaterThan(120);
  });

  it("agrees with statsmodels OLS per security-event to 1e-10: α, β, σ, every AR, CAR, t and p", () => {
    compareObservations(ours, ref);
  });

  it("agrees on every window's N, CAAR, r̄ and the seven tests with their p-values to 1e-10", () => {
    compareAggregates(ours, ref);
  });

  it("merges one security's overlapping windows, so N counts each cluster of catalysts once", () => {
    const wide = ours.aggregates.find((a) => a.from === -5 && a.to === 5)!;
    const narrow = ours.aggregates.find((a) => a.from === 0 && a.to === 0)!;
    expect(wide.merged.length).toBeGreaterThan(0);
    expect(wide.n).toBeLessThan(narrow.n);
    expect(narrow.n).toBeLessThanOrEqual(ours.observations.filter((o) => o.status === "ok").length);
  });

  it("agrees when a stock misses sessions (a halt) and the benchmark misses days: gaps reported, never filled", async () => {
    // Copies with rows removed, in the temp dir only: 9988.HK as HALT.HK without five sessions, ^HSI as ^HSIGAP without two.
    const cut = (src: string, dest: string, drop: readonly string[]) => {
      const rows = readFileSync(src, "utf8").split(/\r?\n/).slice(3).filter((l) => /^\d{4}-/.test(l)).map((l) => l.split(","));
      writeFileSync(dest, ["Date,Close", ...rows.filter((r) => !drop.includes(r[0]!.slice(0, 10)) && Number(r[1]) > 0).map((r) => `${r[0]!.slice(0, 10)},${r[1]}`)].join("\n"));
      return dest;
    };
    const halt = cut(file("9988.HK"), join(tmp.dir, "HALT.HK.csv"), ["2025-09-25", "2025-08-13", "2025-06-10", "2025-06-11", "2025-06-12"]);
    const gap = cut(BENCH.HK.file, join(tmp.dir, "^HSIGAP.csv"), ["2025-09-02", "2025-05-20"]);
    const master = join(tmp.dir, "master.csv");
    writeFileSync(master, "id,name_en,exchange,currency,country,kind\nHALT.HK,Alibaba with a halt,HKEX,HKD,CN,equity\n^HSIGAP,Hang Seng with gaps,INDEX,HKD,HK,index\n");
    await importFiles(store, { kind: "securities", files: [master], now: "2026-12-01T00:00:00Z" });
    await importFiles(store, { kind: "prices", files: [halt, gap], now: "2026-12-01T00:00:00Z" });
    const mine = await computeEventStudy(store, { securities: ["HALT.HK", "0700.HK"], events, windows: WINDOWS, benchmark: "^HSIGAP" });
    const bench = { id: "^HSIGAP", file: gap };
    const theirs = runReference([jobSecurity("HALT.HK", halt, bench), jobSecurity("0700.HK", file("0700.HK"), bench)], events.map((e) => ({ id: e.id, timestamp: e.timestamp })));
    compareObservations(mine, theirs);
    compareAggregates(mine, theirs);
    const qwen = mine.observations.find((o) => o.security === "HALT.HK" && o.event === "alibaba-apsara-qwen3-max-2025-09-24")!;
    expect(qwen.windows.find((w) => w.from === 0 && w.to === 5)!.missingDays).toEqual([1, 2]);
    expect(qwen.notes.some((n) => n.includes("no HALT.HK price on 2025-09-25 (day +1)"))).toBe(true);
    const results = mine.observations.find((o) => o.security === "0700.HK" && o.event === "alibaba-results-2025-08-29")!;
    expect(results.windows.find((w) => w.from === 0 && w.to === 1)!.missingDays).toEqual([1]);
    expect(mine.securities.find((s) => s.id === "HALT.HK")!.missingPrices).toEqual(["2025-06-10", "2025-06-11", "2025-06-12", "2025-08-13", "2025-09-25"]);
  });
});
