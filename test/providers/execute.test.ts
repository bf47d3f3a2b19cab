import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ResponseCache } from "../../src/providers/cache.js";
import { credentialLookup, loadConfig } from "../../src/providers/config.js";
import { createProviderHttp, executeQuery, type ExecuteOptions } from "../../src/providers/execute.js";
import { describeProviders, getFetcher } from "../../src/providers/registry.js";
import { tempDir } from "../helpers/paths.js";
import { FIXTURES, startFakeServer, type FakeServer } from "./_fake-server.js";

let srv: FakeServer;
beforeAll(async () => {
  srv = await startFakeServer();
});
afterAll(() => srv.close());
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup(now = { t: Date.parse("2025-09-27T00:00:00Z") }) {
  const t = tempDir("rerate-exec-");
  cleanups.push(t.cleanup);
  const dir = join(t.dir, "cache");
  const o: ExecuteOptions = {
    http: createProviderHttp({ baseUrls: srv.baseUrls, retries: 1, backoffMs: 1, timeoutMs: 1000 }), cache: new ResponseCache(dir),
    now: () => new Date(now.t),
  };
  return { o, dir, now };
}
const HK = { symbols: ["9988.HK"], from: "2025-09-22", to: "2025-09-26" };
const chartHits = () => srv.requests.filter((r) => r.path.includes("/chart/9988.HK")).length;
const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name)) : []);

describe("registry", () => {
  it("getFetcher() on an unknown provider lists the providers there are", () => {
    expect(() => getFetcher("bloomberg", "prices")).toThrow('no provider "bloomberg"; available: yahoo, sec, fx');
  });

  it("getFetcher() on a model the provider does not serve lists what it serves and who serves the model", () => {
    expect(() => getFetcher("sec", "prices")).toThrow('provider sec does not serve "prices"; it serves fundamentals; "prices" comes from yahoo');
  });

  it("describeProviders() says whether a credential is set, never its value", () => {
    const list = describeProviders((env) => env === "RERATE_SEC_USER_AGENT");
    expect(list.map((p) => [p.id, p.models.map((m) => m.model)])).toEqual([
      ["yahoo", ["prices", "quotes", "fundamentals", "estimates"]], ["sec", ["fundamentals"]], ["fx", ["fx"]],
    ]);
    expect(list[1]!.credentials).toEqual([expect.objectContaining({ env: "RERATE_SEC_USER_AGENT", config: "sec.userAgent", set: true })]);
    expect(list[1]!.requestsPerSecond).toBe(10);
  });
});

describe("executeQuery() and the response cache", () => {
  it("answers a repeat from the cache without a request; --refresh goes to the provider again", async () => {
    const { o } = setup();
    const before = chartHits();
    const a = await executeQuery("yahoo", "prices", HK, o);
    const b = await executeQuery("yahoo", "prices", HK, o);
    expect(b.rows).toEqual(a.rows);
    expect([a.items[0]!.fromCache, b.items[0]!.fromCache]).toEqual([false, true]);
    expect(chartHits() - before).toBe(1);
    const c = await executeQuery("yahoo", "prices", HK, { ...o, refresh: true });
    expect(c.items[0]!.fromCache).toBe(false);
    expect(chartHits() - before).toBe(2);
  });

  it("refetches once the model's time-to-live has passed (configurable per model)", async () => {
    const { o, now } = setup();
    await executeQuery("yahoo", "prices", HK, o);
    now.t += 5 * 3600 * 1000; // 5 h: within the 6 h default
    expect((await executeQuery("yahoo", "prices", HK, o)).items[0]!.fromCache).toBe(true);
    expect((await executeQuery("yahoo", "prices", HK, { ...o, ttlSeconds: { prices: 3600 } })).items[0]!.fromCache).toBe(false);
  });

  it("never keeps a bad response: a changed schema fails and leaves no cache entry; the next good answer is cached", async () => {
    const { o, dir } = setup();
    srv.inject(/chart\/9988\.HK/, { json: { chart: { result: [{ meta: { symbol: "9988.HK" }, timestamp: [1], indicators: { quote: [{}] } }], error: null } } });
    await expect(executeQuery("yahoo", "prices", HK, o)).rejects.toMatchObject({ code: "E_PROVIDER_SCHEMA" });
    expect(cacheFiles(dir)).toEqual([]);
    srv.inject(/chart\/9988\.HK/, { status: 500 }, { status: 500 });
    await expect(executeQuery("yahoo", "prices", HK, o)).rejects.toMatchObject({ code: "E_PROVIDER_HTTP" });
    expect(cacheFiles(dir)).toEqual([]);
    await executeQuery("yahoo", "prices", HK, o);
    expect(cacheFiles(dir)).toHaveLength(1);
  });

  it("replaces cached data this version cannot read with a fresh answer", async () => {
    const { o, dir } = setup();
    await executeQuery("yahoo", "prices", HK, o);
    const [file] = cacheFiles(dir);
    const entry = JSON.parse(readFileSync(file!, "utf8"));
    writeFileSync(file!, JSON.stringify({ ...entry, raw: { chart: "moved" } }));
    const before = chartHits();
    const r = await executeQuery("yahoo", "prices", HK, o);
    expect(r.items[0]!.fromCache).toBe(false);
    expect(chartHits() - before).toBe(1);
    expect(JSON.parse(readFileSync(file!, "utf8")).raw.chart).not.toBe("moved");
  });

  it("skipNotFound: a symbol the provider does not have comes back empty with the reason", async () => {
    const { o } = setup();
    const r = await executeQuery("yahoo", "prices", { symbols: ["9988.HK", "NOPE.HK"], from: "2025-09-22", to: "2025-09-26" }, { ...o, skipNotFound: true });
    expect(r.items.map((i) => [i.symbol, i.rows.length > 0, i.notFound])).toEqual([
      ["9988.HK", true, undefined], ["NOPE.HK", false, expect.stringMatching(/^yahoo: no prices for symbol "NOPE.HK"/)],
    ]);
  });

  it("parses every query before any request: one bad symbol fails the run with nothing fetched", async () => {
    const { o } = setup();
    const before = srv.requests.length;
    await expect(executeQuery("yahoo", "prices", { symbols: ["9988.HK", "bad symbol"], from: "2025-09-22", to: "2025-09-26" }, o)).rejects.toMatchObject({ code: "E_INVALID_INPUT" });
    expect(srv.requests.length).toBe(before);
  });
});

describe("config", () => {
  it("credentialLookup(env, config) takes the environment first, then sec.userAgent from the config file", () => {
    const t = tempDir("rerate-cfg-");
    cleanups.push(t.cleanup);
    const path = join(t.dir, "config.json");
    writeFileSync(path, JSON.stringify({ sec: { userAgent: "Cfg Person cfg@example.com" }, cache: { ttlSeconds: { prices: 60 } } }));
    const cfg = loadConfig(path, {});
    expect(credentialLookup({}, cfg)("RERATE_SEC_USER_AGENT")).toBe("Cfg Person cfg@example.com");
    expect(credentialLookup({ RERATE_SEC_USER_AGENT: "Env Person env@example.com" }, cfg)("RERATE_SEC_USER_AGENT")).toBe("Env Person env@example.com");
    expect(cfg.cache?.ttlSeconds?.prices).toBe(60);
  });

  it("loadConfig() refuses a misspelt key, naming it, and accepts a missing default file", () => {
    const t = tempDir("rerate-cfg-");
    cleanups.push(t.cleanup);
    const path = join(t.dir, "config.json");
    writeFileSync(path, JSON.stringify({ sec: { useragent: "x" } }));
    expect(() => loadConfig(path, {})).toThrow(/config\.json: sec "?.*useragent/);
    expect(loadConfig(undefined, { RERATE_CONFIG: undefined })).toBeDefined();
    expect(existsSync(join(FIXTURES, "README.md"))).toBe(true);
  });
});
