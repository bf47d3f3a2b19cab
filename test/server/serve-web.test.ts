import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/paths.js";

describe("rerate serve and the dashboard", () => {
  it("binds 127.0.0.1 by default and answers / (the dashboard or how to build it) with security headers", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "test/helpers/cli-child.ts"), "--db", ":memory:", "serve", "--port", "0"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line: ${out} ${err}`)), 30_000);
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      const res = await fetch(`${url}/`);
      expect([200, 503]).toContain(res.status);
      const text = await res.text();
      if (res.status === 200) expect(text).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
      else expect(text).toContain("npm run build:web");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      const docs = await fetch(`${url}/api/docs`);
      expect(docs.status).toBe(200);
      const traversal = await fetch(`${url}/..%2f..%2fpackage.json`);
      expect(traversal.status).toBe(404);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)))).toBe(0);
  });
});
