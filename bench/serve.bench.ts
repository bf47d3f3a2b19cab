/**
 * API latency benchmark (not a test): `rerate serve` on the demo store in its own process on 127.0.0.1, and this
 * process sending requests at a fixed rate (open loop: a request leaves every 1/rate s whether or not earlier ones
 * have answered, so a slow server shows up as latency, not as a lower offered rate). For the comps, wall and
 * event-study routes it prints p50, p99, max and the achieved requests/s. Goal (issue 7): p99 < 50 ms at 200 req/s.
 * Repeated queries are answered from the server's response cache, so it then also times cold queries (a new as-of
 * date each time) one at a time.
 *
 *   npm run bench:serve                         # 200 req/s for 10 s per route
 *   npm run bench:serve -- --rate 400 --seconds 5
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RATE = arg("--rate", 200);
const SECONDS = arg("--seconds", 10);
const REPO = resolve(import.meta.dirname, "..");
const ROUTES = [
  "/api/comps?symbols=@china,@us&asOf=2025-09-30",
  "/api/wall?a=@china&b=@us&metric=fpe&asOf=2025-09-30",
  "/api/event-study?events=h20-halt-2025-08-21&securities=0981.HK,1347.HK&windows=0:1,-1:1",
];

const dir = mkdtempSync(join(tmpdir(), "rerate-bench-serve-"));
const db = join(dir, "bench.duckdb");
const cli = (args: string[]) => spawn(process.execPath, ["--import", "tsx", join(REPO, "test/helpers/cli-child.ts"), "--db", db, ...args], { cwd: REPO, stdio: ["ignore", "pipe", "inherit"] });

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

async function main(): Promise<void> {
  const demo = cli(["demo", "--json", "--out", join(dir, "out")]);
  demo.stdout.resume();
  if ((await new Promise<number | null>((r) => demo.on("exit", r))) !== 0) throw new Error("rerate demo failed");
  const server = cli(["serve", "--port", "0"]);
  try {
    const base = await new Promise<string>((resolveUrl, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
      server.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolveUrl(m[1]!);
        }
      });
    });
    console.log(`rerate serve at ${base}; ${RATE} req/s for ${SECONDS} s per route (open loop)`);
    console.log("route".padEnd(92), "p50 ms".padStart(8), "p99 ms".padStart(8), "max ms".padStart(8), "req/s".padStart(8), "errors".padStart(7));
    for (const route of ROUTES) {
      for (let i = 0; i < 20; i++) await (await fetch(base + route)).arrayBuffer(); // warm-up: JIT, DuckDB caches
      const total = RATE * SECONDS;
      const latencies: number[] = [];
      let errors = 0;
      const started = performance.now();
      const pending: Promise<void>[] = [];
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const t0 = performance.now();
        pending.push(fetch(base + route).then(async (res) => {
          await res.arrayBuffer();
          if (!res.ok) errors++;
          latencies.push(performance.now() - t0);
        }, () => void errors++));
      }
      await Promise.all(pending);
      const elapsed = (performance.now() - started) / 1000;
      const sorted = latencies.sort((a, b) => a - b);
      console.log(route.padEnd(92), quantile(sorted, 0.5).toFixed(1).padStart(8), quantile(sorted, 0.99).toFixed(1).padStart(8),
        (sorted[sorted.length - 1] ?? NaN).toFixed(1).padStart(8), (latencies.length / elapsed).toFixed(0).padStart(8), String(errors).padStart(7));
    }
    // Cold queries: every request a different as-of date, so the response cache never answers; one at a time.
    const cold = async (label: string, make: (asOf: string) => string) => {
      const latencies: number[] = [];
      for (let i = 0; i < 60; i++) {
        const asOf = new Date(Date.UTC(2024, 0, 2 + 5 * i)).toISOString().slice(0, 10);
        const t0 = performance.now();
        const res = await fetch(base + make(asOf));
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${label}: HTTP ${res.status}`);
        latencies.push(performance.now() - t0);
      }
      const sorted = latencies.sort((a, b) => a - b);
      console.log(`${label} (cold, 60 distinct dates, one at a time)`.padEnd(92), quantile(sorted, 0.5).toFixed(1).padStart(8), quantile(sorted, 0.99).toFixed(1).padStart(8),
        (sorted[sorted.length - 1] ?? NaN).toFixed(1).padStart(8));
    };
    await cold("/api/comps?symbols=@china,@us", (d) => `/api/comps?symbols=@china,@us&asOf=${d}`);
    await cold("/api/wall?a=@china&b=@us&metric=fpe", (d) => `/api/wall?a=@china&b=@us&metric=fpe&asOf=${d}`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.on("exit", r));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
