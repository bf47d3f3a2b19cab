import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { resolveStaticPath } from "../../src/server/routes/static.js";
import { tempDir } from "../helpers/paths.js";

const { dir, cleanup } = tempDir("rerate-web-");
const root = join(dir, "dist");
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  mkdirSync(join(root, "assets"), { recursive: true });
  writeFileSync(join(root, "index.html"), "<!doctype html><title>rerate</title>");
  writeFileSync(join(root, "assets", "app-abc123.js"), "console.log(1)");
  writeFileSync(join(root, ".env"), "SECRET=1");
  writeFileSync(join(dir, "secret.txt"), "outside the root");
  app = createApp({ store: async () => { throw new Error("no store needed"); }, webRoot: root });
});
afterAll(cleanup);

describe("static dashboard files", () => {
  it("serves index.html at / and hashed assets with long caching and security headers", async () => {
    const index = await app.request("/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await index.text()).toContain("<title>rerate</title>");
    expect(index.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(index.headers.get("x-frame-options")).toBe("DENY");
    const js = await app.request("/assets/app-abc123.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toContain("immutable");
    const head = await app.request("/", { method: "HEAD" });
    expect(head.status).toBe(200);
  });

  it("never serves a file outside the root, a dot-file, or an encoded traversal", async () => {
    for (const url of [
      "/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/assets/..%2f..%2fsecret.txt",
      "/..%5csecret.txt", "/%00index.html", "/.env", "/assets/%2e%2e/%2e%2e/secret.txt", "/%252e%252e/secret.txt", "/nope.js",
    ]) {
      const res = await app.request(url);
      expect([url, res.status]).toEqual([url, 404]);
      const text = await res.text();
      expect(text).not.toContain("outside the root");
      expect(text).not.toContain("SECRET");
    }
  });

  it("resolveStaticPath(root, path) stays inside the root", () => {
    expect(resolveStaticPath("/srv/web", "/assets/a.js")).toBe("/srv/web/assets/a.js");
    expect(resolveStaticPath("/srv/web", "/a/../../etc/passwd")).toBeUndefined();
    expect(resolveStaticPath("/srv/web", "/%2e%2e/etc/passwd")).toBeUndefined();
    expect(resolveStaticPath("/srv/web", "/%E0%A4%A")).toBeUndefined();
    expect(resolveStaticPath("/srv/web", "/a\\..\\b")).toBeUndefined();
  });

  it("says how to build the dashboard when it is missing", async () => {
    const bare = createApp({ store: async () => { throw new Error("unused"); }, webRoot: join(dir, "missing") });
    const res = await bare.request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build:web");
    expect((await bare.request("/api/health")).status).toBe(200);
  });
});
