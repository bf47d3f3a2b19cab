import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/paths.js";
import { createFixtureStore } from "./_fixture.js";

let dir: string;
let cleanup: () => void;
beforeAll(async () => {
  const f = await createFixtureStore("serve.duckdb");
  ({ dir, cleanup } = f);
  f.store.close();
});
afterAll(() => cleanup());

describe("rerate serve", () => {
  it("binds 127.0.0.1 on the port asked (0: a free one), answers the API and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "test/helpers/cli-child.ts"), "--db", join(dir, "serve.duckdb"), "serve", "--port", "0"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out} ${err}`)), 30_000);
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    try {
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toEqual({ ok: true });
      const wall = await fetch(`${url}/api/wall?a=BABA&b=AMZN&asOf=2025-09-30&metric=pe`);
      expect(wall.status).toBe(200);
      expect(((await wall.json()) as { gaps: { trailingPE: { median: { discount: number } } } }).gaps.trailingPE.median.discount).toBeCloseTo(-0.55, 12);
    } finally {
      child.kill("SIGTERM");
    }
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code, err).toBe(0);
  });

  it("refuses a bad port with exit 2", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "test/helpers/cli-child.ts"), "--db", ":memory:", "serve", "--port", "99999"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(2);
    expect(err).toContain('--port "99999" must be a port number');
  });
});
