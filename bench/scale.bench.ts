/**
 * Scale benchmark (not a test, issue 19): how each cost grows with the work. The same four workloads at 1×, 4× and
 * 16× a base size, each size in its own child process (so its peak resident set is its own), seeded synthetic data:
 *
 *   import      N files × 2,600 daily rows in the Hong Kong CSV layout, imported into a fresh store (validated,
 *               transactional); base 100 files (260,000 rows); store size on disk measured after close
 *   comps       bench/comps.bench.ts --rerate-only: N securities, 10 years, comps of 100 groups + the weekly gap
 *               history; base 1,000 securities (in memory, no store)
 *   events      market-model event study, N securities × 3,000 days × 20 event dates, all seven tests, one thread
 *               (rerate's core on aligned returns, as in bench:events); base 500 securities (10,000 security-events)
 *   montecarlo  examples/china-ai-capex.yaml, one thread; base 62,500 draws (16× = 1,000,000, rerate's --draws limit)
 *
 * For each: time (the work only, data generation excluded), peak RSS of the child (including generation), store
 * size, and the fitted exponent k of time ∝ size^k (least squares on logs, bench/growth.ts).
 *
 *   npm run bench:scale                                  # 1×, 4×, 16×
 *   npm run bench:scale -- --sizes 1,2 --only import,events
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { growthExponent } from "./growth.js";

const ROOT = resolve(import.meta.dirname, "..");
const argv = process.argv;
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i > 0 ? argv[i + 1] : undefined;
};

interface ChildResult {
  ms: number;
  maxRssKb: number;
  storeBytes?: number;
  units: number;
}

const WORKLOADS = {
  import: { base: 100, unit: "files", rows: "rows" },
  comps: { base: 1000, unit: "securities", rows: "security-days" },
  events: { base: 500, unit: "securities", rows: "security-events" },
  montecarlo: { base: 62_500, unit: "draws", rows: "draws" },
} as const;
type Workload = keyof typeof WORKLOADS;

const dirSize = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((a, e) => a + (e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);

/** A seeded uniform generator (Park–Miller) and a normal draw from it. */
function rng(seed: number) {
  let s = seed;
  const u = () => (s = (s * 48271) % 2147483647) / 2147483647;
  return { u, g: () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()) };
}

async function childImport(files: number): Promise<ChildResult> {
  const { importFiles } = await import("../src/app/import/import-files.js");
  const { openStore } = await import("../src/store/open.js");
  const dir = mkdtempSync(join(tmpdir(), "rerate-bench-scale-"));
  try {
    const csvDir = join(dir, "csv");
    mkdirSync(csvDir);
    const storeDir = join(dir, "store");
    mkdirSync(storeDir);
    const { g } = rng(20251208);
    const dates: string[] = [];
    for (let d = Date.UTC(2015, 0, 1); dates.length < 2600; d += 86_400_000) {
      const wd = new Date(d).getUTCDay();
      if (wd !== 0 && wd !== 6) dates.push(new Date(d).toISOString().slice(0, 10));
    }
    const paths: string[] = [];
    let rows = 0;
    for (let f = 0; f < files; f++) {
      const sym = `${1000 + f}.HK`;
      const lines = [`Price,Close,High,Low,Open,Volume`, `Ticker,${sym},${sym},${sym},${sym},${sym}`, `Date,,,,,`];
      let p = 20 + (f % 50);
      for (const date of dates) {
        const o = p;
        p = Math.max(0.05, p * Math.exp(0.02 * g()));
        const hi = Math.max(o, p) * 1.01;
        const lo = Math.min(o, p) * 0.99;
        lines.push(`${date},${p.toFixed(4)},${hi.toFixed(4)},${lo.toFixed(4)},${o.toFixed(4)},${Math.round(1e6 * Math.exp(g()))}`);
        rows++;
      }
      const path = join(csvDir, `${sym}.csv`);
      writeFileSync(path, lines.join("\n") + "\n");
      paths.push(path);
    }
    const store = await openStore(join(storeDir, "scale.duckdb"));
    const t0 = performance.now();
    const s = await importFiles(store, { kind: "prices", files: paths, now: "2026-01-01T00:00:00Z" });
    const ms = performance.now() - t0;
    store.close();
    if (s.added !== rows) throw new Error(`import: ${s.added} rows added, ${rows} written`);
    return { ms, maxRssKb: process.resourceUsage().maxRSS, storeBytes: dirSize(storeDir), units: rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function childEvents(S: number): Promise<ChildResult> {
  const { EVENT_STUDY_DEFAULTS, runEventStudy } = await import("../src/core/events/index.js");
  const T = 3000;
  const E = 20;
  const { u, g } = rng(20250924);
  const m = Float64Array.from({ length: T }, (_, t) => (t === 0 ? NaN : 0.0003 + 0.011 * g()));
  const series = Array.from({ length: S }, (_, i) => {
    const beta = 0.4 + (i % 13) * 0.1;
    return { returns: Float64Array.from(m, (x) => (u() < 0.003 ? NaN : 0.0001 * ((i % 7) - 3) + beta * x + (0.012 + (i % 5) * 0.004) * g())), market: m };
  });
  const days = Array.from({ length: E }, (_, k) => 300 + k * 135);
  const obs = series.flatMap((_, i) => days.map((day0) => ({ series: i, day0 })));
  const t0 = performance.now();
  const out = runEventStudy(series, obs, EVENT_STUDY_DEFAULTS);
  const ms = performance.now() - t0;
  if (out.aggregates[0]!.n !== obs.length) throw new Error(`events: N ${out.aggregates[0]!.n} of ${obs.length}`);
  return { ms, maxRssKb: process.resourceUsage().maxRSS, units: obs.length };
}

async function childMonteCarlo(draws: number): Promise<ChildResult> {
  const { loadScenarioModel, runScenarioMonteCarlo } = await import("../src/app/scenario.js");
  const loaded = loadScenarioModel(resolve(ROOT, "examples/china-ai-capex.yaml"));
  const t0 = performance.now();
  await runScenarioMonteCarlo(loaded, { draws, seed: 42, threads: 1 });
  return { ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS, units: draws };
}

function runChild(w: Workload, n: number): ChildResult {
  const node = [process.execPath, "--max-old-space-size=20000", "--import", "tsx"];
  const args = w === "comps"
    ? [...node, join(ROOT, "bench/comps.bench.ts"), "--securities", String(n), "--rerate-only"]
    : [...node, join(ROOT, "bench/scale.bench.ts"), "--child", w, "--n", String(n)];
  const r = spawnSync(args[0]!, args.slice(1), { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`${w} at ${n}: child exited with ${r.status} ${r.signal ?? ""}`);
  const line = r.stdout.trim().split("\n").at(-1)!;
  return JSON.parse(line) as ChildResult;
}

const child = opt("--child") as Workload | undefined;
if (child) {
  const n = Number(opt("--n"));
  const res = child === "import" ? await childImport(n) : child === "events" ? await childEvents(n) : await childMonteCarlo(n);
  console.log(JSON.stringify(res));
} else {
  const sizes = (opt("--sizes") ?? "1,4,16").split(",").map(Number);
  const only = (opt("--only")?.split(",") ?? Object.keys(WORKLOADS)) as Workload[];
  const fmtN = (x: number) => Math.round(x).toLocaleString("en-US");
  const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
  const rowsOut: string[] = ["| workload | size | work | time | peak RSS | store on disk |", "|---|---|---|---|---|---|"];
  const fits: string[] = [];
  for (const w of only) {
    const spec = WORKLOADS[w];
    const res: ChildResult[] = [];
    for (const k of sizes) {
      const n = spec.base * k;
      let r: ChildResult;
      try {
        r = runChild(w, n);
      } catch (e) {
        // A size that fails (e.g. out of memory) is reported, and the larger sizes are not tried.
        rowsOut.push(`| ${w} | ${k}× | ${fmtN(n)} ${spec.unit} | failed: ${(e as Error).message} | | |`);
        break;
      }
      res.push(r);
      process.stderr.write(`${w} ${k}× (${fmtN(n)} ${spec.unit}): ${(r.ms / 1000).toFixed(2)} s, peak RSS ${mb(r.maxRssKb)}${r.storeBytes !== undefined ? `, store ${(r.storeBytes / 2 ** 20).toFixed(0)} MiB` : ""}\n`);
      rowsOut.push(`| ${w} | ${k}× | ${fmtN(n)} ${spec.unit} (${fmtN(r.units)} ${spec.rows}) | ${(r.ms / 1000).toFixed(2)} s | ${mb(r.maxRssKb)} | ${r.storeBytes !== undefined ? `${(r.storeBytes / 2 ** 20).toFixed(0)} MiB` : "—"} |`);
    }
    if (res.length >= 2) {
      const done = sizes.slice(0, res.length);
      const k = growthExponent(done, res.map((r) => r.ms));
      const kMem = growthExponent(done, res.map((r) => r.maxRssKb));
      const first = res[0]!;
      const lastR = res.at(-1)!;
      const perUnit = (lastR.maxRssKb - first.maxRssKb) * 1024 / Math.max(1, lastR.units - first.units);
      fits.push(`${w}: time ∝ size^${k.toFixed(2)} (goal ≤ 1.1${k <= 1.1 ? ", met" : ", NOT met"}); peak RSS ∝ size^${kMem.toFixed(2)}, ${perUnit.toFixed(0)} bytes per extra ${spec.rows.replace(/s$/, "")} beyond ${mb(first.maxRssKb)}`);
    }
  }
  console.log(rowsOut.join("\n"));
  console.log("");
  for (const f of fits) console.log(f);
}
