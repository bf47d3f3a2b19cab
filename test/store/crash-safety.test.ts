/**
 * Crash safety: a process killed (SIGKILL, no clean-up) in the middle of an import leaves the store exactly as
 * it was before the import, and the store still opens. Kills land at several points of a large import's run
 * (reading, staging, the merge transaction); each time the store holds either nothing of the import or all of it.
 * (A kill during the commit itself can make DuckDB 1.5 bring back the import's bulk-written prices without its
 * sources; opening the store removes such rows — src/store/recover.ts — and this test sees the store as reopened.)
 */
import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open.js";
import { REPO, SHARED_DATA, hasSharedData, tempDir } from "../helpers/paths.js";

const CHILD = join(REPO, "test/helpers/cli-child.ts");

function runCli(args: string[], killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], { cwd: REPO, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = killAfterMs !== undefined ? setTimeout(() => child.kill("SIGKILL"), killAfterMs) : undefined;
    child.on("exit", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

async function snapshot(db: string): Promise<Record<string, number>> {
  const store = await openStore(db);
  const out: Record<string, number> = {};
  for (const t of ["sources", "securities", "prices", "quality_issues"]) {
    out[t] = Number((await store.all<{ n: string }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n);
  }
  out.checksum = Number((await store.all<{ s: number }>("SELECT coalesce(sum(close), 0) AS s FROM prices"))[0]!.s);
  store.close();
  return out;
}

describe.runIf(hasSharedData)("import killed mid-way", () => {
  const t = tempDir("rerate-crash-");
  const db = join(t.dir, "crash.duckdb");
  const files = hasSharedData ? readdirSync(join(SHARED_DATA, "hk")).filter((f) => f.endsWith(".HK.csv")).sort().slice(0, 200).map((f) => join(SHARED_DATA, "hk", f)) : [];
  let fullMs = 0;
  let before: Record<string, number>;
  let full: Record<string, number>;

  beforeAll(async () => {
    // A store with something in it already, so "unchanged" is checked against real content.
    const small = join(t.dir, "BABA.csv");
    writeFileSync(small, "Date,Open,High,Low,Close,Adj Close,Volume\n2025-09-23,160,165,158,163.1,163.1,1000\n2025-09-24,170,180,169,176.4,176.4,2000\n");
    const r = await runCli(["--db", db, "import", "prices", small]);
    expect(r.code, r.stderr).toBe(0);
    before = await snapshot(db);
    expect(before.prices).toBe(2);
    // Time a complete run of the big import on a scratch copy to place the kills.
    const t0 = performance.now();
    const run = await runCli(["--db", join(t.dir, "timing.duckdb"), "import", "prices", ...files]);
    fullMs = performance.now() - t0;
    expect(run.code, run.stderr).toBe(0);
    full = await snapshot(join(t.dir, "timing.duckdb"));
  }, 300_000);

  afterAll(() => t.cleanup());

  it("leaves the store unchanged and openable whenever the process is killed", async () => {
    let killedBeforeCommit = 0;
    for (const fraction of [0.15, 0.3, 0.55, 0.75, 0.9]) {
      const r = await runCli(["--db", db, "import", "prices", ...files], Math.round(fullMs * fraction));
      const after = await snapshot(db);
      const complete = after.prices === before.prices! + full.prices! && after.sources === before.sources! + full.sources!;
      if (r.signal === "SIGKILL") {
        // All or nothing: a kill lands before the commit (nothing there) or after it (everything there).
        if (!complete) {
          expect(after, `killed at ${fraction}`).toEqual(before);
          killedBeforeCommit++;
          continue;
        }
      } else {
        expect(r.code).toBe(0);
      }
      expect(complete, `at ${fraction}: ${JSON.stringify(after)}`).toBe(true);
      break;
    }
    expect(killedBeforeCommit).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
