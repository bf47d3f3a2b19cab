import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveCacheDir, ResponseCache } from "../../src/providers/cache.js";
import { tempDir } from "../helpers/paths.js";

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));
function cache(): { c: ResponseCache; dir: string } {
  const t = tempDir("rerate-cache-");
  dirs.push(t.cleanup);
  return { c: new ResponseCache(join(t.dir, "cache")), dir: join(t.dir, "cache") };
}
const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name)) : []);

describe("ResponseCache", () => {
  it("read() returns what write() saved while it is younger than the TTL, then nothing", () => {
    const { c } = cache();
    c.write("yahoo", "prices", "chart AAPL 2020-01-01..2020-01-02", { a: [1, 2] }, 1_000_000);
    expect(c.read("yahoo", "prices", "chart AAPL 2020-01-01..2020-01-02", 60, 1_000_000 + 59_000)).toEqual({ raw: { a: [1, 2] }, savedAt: 1_000_000 });
    expect(c.read("yahoo", "prices", "chart AAPL 2020-01-01..2020-01-02", 60, 1_000_000 + 61_000)).toBeUndefined();
  });

  it("keeps providers, models and keys apart", () => {
    const { c } = cache();
    c.write("yahoo", "prices", "k", 1, 0);
    expect(c.read("yahoo", "estimates", "k", 60, 0)).toBeUndefined();
    expect(c.read("sec", "prices", "k", 60, 0)).toBeUndefined();
    expect(c.read("yahoo", "prices", "k2", 60, 0)).toBeUndefined();
    expect(c.read("yahoo", "prices", "k", 60, 0)?.raw).toBe(1);
  });

  it("write() is atomic: no temporary file is left and one JSON file holds the entry with its human-readable key", () => {
    const { c, dir } = cache();
    c.write("sec", "fundamentals", "companyfacts NVDA", { facts: {} }, 5);
    const all = files(dir);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatch(/sec\/fundamentals\/[0-9a-f]{32}\.json$/);
    expect(JSON.parse(readFileSync(all[0]!, "utf8"))).toEqual({ savedAt: 5, provider: "sec", model: "fundamentals", key: "companyfacts NVDA", raw: { facts: {} } });
  });

  it("read() removes a corrupt entry (a half-written file from an older crash) and reports a miss", () => {
    const { c, dir } = cache();
    c.write("yahoo", "quotes", "quote BABA", { x: 1 }, 0);
    const f = files(dir)[0]!;
    writeFileSync(f, '{"savedAt": 0, "raw": {"x"');
    expect(c.read("yahoo", "quotes", "quote BABA", 60, 0)).toBeUndefined();
    expect(files(dir)).toHaveLength(0);
  });

  it("resolveCacheDir(explicit, env) prefers the argument, then RERATE_CACHE_DIR, then .rerate/cache", () => {
    expect(resolveCacheDir("/x/c", { RERATE_CACHE_DIR: "/y" })).toBe("/x/c");
    expect(resolveCacheDir(undefined, { RERATE_CACHE_DIR: "/y" })).toBe("/y");
    expect(resolveCacheDir(undefined, {})).toMatch(/\.rerate\/cache$/);
  });
});
