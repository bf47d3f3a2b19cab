import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";

// Two real processes on one store file: `rerate serve` (a child on a free 127.0.0.1 port) and the CLI (this process).
// DuckDB lets many processes open a file READ_ONLY, or one open it read-write.
const tmp = tempDir("rerate-concurrency-");
const db = join(tmp.dir, "store.duckdb");
const prices = join(tmp.dir, "p.csv");

interface Served { url: string; child: ChildProcess; pid: number; stop: () => Promise<number | null> }

async function serve(env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "test/helpers/cli-child.ts"), "--db", db, "serve", "--port", "0"], {
    cwd: REPO, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env },
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line: ${out} ${err}`)), 60_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on("exit", () => reject(new Error(`serve exited: ${out} ${err}`)));
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
  return { url, child, pid: child.pid!, stop: () => (child.kill("SIGTERM"), exited) };
}

beforeAll(async () => {
  writeFileSync(prices, "Date,Open,High,Low,Close,Adj Close,Volume\n2025-01-02,10,11,9,10.5,10.5,1000\n2025-01-03,10.5,11,10,10.8,10.8,1200\n");
  const r = await runCli(["--db", db, "import", "prices", prices, "--symbol", "TEST.HK", "--currency", "HKD"]);
  expect(r.code, r.err).toBe(0);
});
afterAll(() => tmp.cleanup());

describe("the CLI beside a running `rerate serve` on the same store", () => {
  it("reads while the server holds the store; a write waits, names the holder (pid, command), and gives up with E_STORE_BUSY (75)", async () => {
    // The server keeps the store open for a minute after a request, so the CLI meets its lock for sure.
    const s = await serve({ RERATE_SERVE_IDLE_MS: "60000" });
    try {
      const api = await fetch(`${s.url}/api/securities`);
      expect(api.status).toBe(200);
      expect(JSON.stringify(await api.json())).toContain("TEST.HK");

      const read = await runCli(["--db", db, "prices", "TEST.HK", "--json"]);
      expect(read.code, read.err).toBe(0);
      const { bars } = JSON.parse(read.out) as { bars: { date: string; close: number }[] };
      expect(bars.map((b) => b.close)).toEqual([10.5, 10.8]); // the two closes of p.csv
      expect(read.err).toBe("");
      for (const argv of [["securities", "--json"], ["sources", "--json"], ["groups", "list", "--json"]]) {
        const r = await runCli(["--db", db, ...argv]);
        expect(r.code, `${argv.join(" ")}: ${r.err}`).toBe(0);
      }

      const t0 = Date.now();
      const write = await runCli(["--db", db, "--lock-wait", "1", "groups", "save", "pair", "TEST.HK", "BABA"]);
      const waited = Date.now() - t0;
      expect(write.code).toBe(75);
      expect(write.err).toContain(`in use by pid ${s.pid} (rerate --db ${db} serve --port 0)`);
      expect(write.err).toMatch(/waiting up to 1 s/);
      expect(write.err).toContain("[E_STORE_BUSY]");
      expect(write.err).not.toMatch(/\n\s+at /); // no stack trace
      expect(waited).toBeGreaterThanOrEqual(900);

      // A writer with a longer wait gets the store as soon as the server lets it go (here: when it stops).
      const pending = runCli(["--db", db, "--lock-wait", "60", "groups", "save", "pair", "TEST.HK", "BABA"]);
      await new Promise((r) => setTimeout(r, 500));
      expect(await s.stop()).toBe(0);
      const done = await pending;
      expect(done.code, done.err).toBe(0);
      expect(done.err).toContain(`in use by pid ${s.pid}`);
    } finally {
      s.child.kill("SIGTERM");
    }
  }, 120_000);

  it("a write goes through between requests of a server that lets the store go when idle, and the server then sees it", async () => {
    const s = await serve({ RERATE_SERVE_IDLE_MS: "200" });
    try {
      expect((await fetch(`${s.url}/api/groups`)).status).toBe(200);
      const write = await runCli(["--db", db, "--lock-wait", "30", "groups", "save", "trio", "TEST.HK", "BABA", "9988.HK"]);
      expect(write.code, write.err).toBe(0);
      const groups = (await (await fetch(`${s.url}/api/groups`)).json()) as { id: string; securities: string[] }[];
      expect(groups.find((g) => g.id === "trio")?.securities).toEqual(["TEST.HK", "BABA", "9988.HK"]);
      // Reads and the server keep working together afterwards.
      const read = await runCli(["--db", db, "prices", "TEST.HK", "--json"]);
      expect(read.code, read.err).toBe(0);
      expect((await fetch(`${s.url}/api/securities`)).status).toBe(200);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  }, 120_000);
});
