import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, parseRetryAfter, ProviderHttpError, redactUrl } from "../../src/providers/http.js";
import { closedPort, startFakeServer, type FakeServer } from "./_fake-server.js";

let srv: FakeServer;
beforeAll(async () => {
  srv = await startFakeServer();
});
afterAll(() => srv.close());

const CONTACT = "Jane Analyst jane.secret@example.com";

/** A client on the fake server whose waits are recorded instead of slept. */
function client(extra: ConstructorParameters<typeof HttpClient>[0] = {}) {
  const waits: number[] = [];
  const http = new HttpClient({
    baseUrls: { "https://api.test": `${srv.url}/t` }, timeoutMs: 300, retries: 2, backoffMs: 10,
    sleep: async (ms) => void waits.push(ms), ...extra,
  });
  return { http, waits };
}

const hits = (path: string) => srv.requests.filter((r) => r.path.startsWith(path)).length;

describe("HttpClient", () => {
  it("request() rewrites the origin to the base URL and returns the body", async () => {
    srv.inject(/^\/t\/ok$/, { json: { a: 1 } });
    const { http } = client();
    expect(await http.json({ provider: "test", url: "https://api.test/ok" })).toEqual({ a: 1 });
    expect(http.target("https://api.test/x?y=1")).toBe(`${srv.url}/t/x?y=1`);
    expect(http.target("https://other.test/x")).toBe("https://other.test/x");
  });

  it("request() retries a 500 with exponential backoff and then succeeds", async () => {
    srv.inject(/^\/t\/flaky$/, { status: 500 }, { status: 502 }, { json: { ok: true } });
    const { http, waits } = client();
    expect(await http.json({ provider: "test", url: "https://api.test/flaky" })).toEqual({ ok: true });
    expect(hits("/t/flaky")).toBe(3);
    // backoff 10 ms, then 10 · 2 = 20 ms
    expect(waits).toEqual([10, 20]);
  });

  it("request() gives up after the last retry with E_PROVIDER_HTTP naming provider, URL and status", async () => {
    srv.inject(/^\/t\/down$/, { status: 503 }, { status: 503 }, { status: 503 });
    const { http } = client();
    const e = await http.json({ provider: "test", url: "https://api.test/down" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProviderHttpError);
    expect((e as ProviderHttpError).code).toBe("E_PROVIDER_HTTP");
    expect((e as Error).message).toBe("test: GET https://api.test/down failed after 3 attempts: HTTP 503 Service Unavailable");
  });

  it("request() honours Retry-After on a 429 (seconds) before retrying", async () => {
    srv.inject(/^\/t\/limited$/, { status: 429, headers: { "retry-after": "2" } }, { json: [1] });
    const { http, waits } = client();
    expect(await http.json({ provider: "test", url: "https://api.test/limited" })).toEqual([1]);
    // the Retry-After wait (2 s), then the regular first backoff (10 ms)
    expect(waits).toEqual([2000, 10]);
  });

  it("request() fails at once when Retry-After asks for longer than maxRetryAfterMs", async () => {
    srv.inject(/^\/t\/later$/, { status: 429, headers: { "retry-after": "3600" } });
    const { http } = client({ maxRetryAfterMs: 60_000 });
    await expect(http.json({ provider: "test", url: "https://api.test/later" })).rejects.toThrow(
      "test: GET https://api.test/later failed: HTTP 429 Too Many Requests (rate limited); Retry-After asks for 3600 s, more than the 60 s rerate waits: try again later",
    );
    expect(hits("/t/later")).toBe(1);
  });

  it("request() times out a server that never answers, retries, then reports the timeout", async () => {
    srv.inject(/^\/t\/hang$/, { hang: true }, { hang: true }, { hang: true });
    const { http } = client({ timeoutMs: 100 });
    await expect(http.json({ provider: "test", url: "https://api.test/hang" })).rejects.toThrow(
      "test: GET https://api.test/hang failed after 3 attempts: no answer within 100 ms (timeout)",
    );
    expect(hits("/t/hang")).toBe(3);
  });

  it("request() reports a refused connection", async () => {
    const http = new HttpClient({ baseUrls: { "https://api.test": await closedPort() }, retries: 1, backoffMs: 1 });
    await expect(http.json({ provider: "test", url: "https://api.test/x" })).rejects.toThrow("failed after 2 attempts: connection refused");
  });

  it("request() retries a body cut short of its Content-Length, then reports it", async () => {
    srv.inject(/^\/t\/cut$/, { truncate: '{"chart":{"res', contentLength: 4000 }, { truncate: '{"chart"', contentLength: 4000 }, { truncate: "{", contentLength: 4000 });
    const { http } = client();
    const e = (await http.json({ provider: "test", url: "https://api.test/cut" }).catch((x: unknown) => x)) as Error;
    expect(e.message).toMatch(/^test: GET https:\/\/api\.test\/cut failed after 3 attempts: /);
    expect(e.message).toMatch(/truncated/);
    expect(hits("/t/cut")).toBe(3);
  });

  it("request() treats a 200 whose body is not JSON as a broken response when JSON is expected", async () => {
    srv.inject(/^\/t\/html$/, { status: 200, body: "<html>maintenance</html>" }, { json: { fine: 1 } });
    const { http } = client();
    expect(await http.json({ provider: "test", url: "https://api.test/html" })).toEqual({ fine: 1 });
    srv.inject(/^\/t\/html2$/, { status: 200, body: '{"a": [1, 2' }, { status: 200, body: '{"a": [1, 2' }, { status: 200, body: '{"a": [1, 2' });
    await expect(client().http.json({ provider: "test", url: "https://api.test/html2" })).rejects.toThrow(/the body is not valid JSON \(truncated or not an API response\)/);
  });

  it("request() does not retry a 404 and keeps its status", async () => {
    const { http } = client();
    const e = (await http.json({ provider: "test", url: "https://api.test/missing" }).catch((x: unknown) => x)) as ProviderHttpError;
    expect(e.status).toBe(404);
    expect(e.message).toMatch(/^test: GET https:\/\/api\.test\/missing failed: HTTP 404 Not Found/);
    expect(hits("/t/missing")).toBe(1);
  });

  it("request() never puts request headers (the SEC contact) into errors, and sends them as given", async () => {
    srv.inject(/^\/t\/ua$/, { status: 500 }, { status: 500 }, { status: 500 });
    const { http } = client();
    const e = (await http.json({ provider: "sec", url: "https://api.test/ua", headers: { "User-Agent": CONTACT } }).catch((x: unknown) => x)) as Error;
    expect(JSON.stringify({ m: e.message, s: e.stack })).not.toContain("jane.secret");
    expect(srv.requests.filter((r) => r.path === "/t/ua").every((r) => r.headers["user-agent"] === CONTACT)).toBe(true);
  });

  it("throttle keeps request starts 1/rate apart: never more than 10 in any second at 10 req/s (virtual clock)", async () => {
    let t = 0;
    const starts: number[] = [];
    const http = new HttpClient({
      rateLimits: { sec: 10 }, now: () => t, sleep: async (ms) => void (t += ms),
      fetch: async () => {
        starts.push(t);
        return new Response("{}", { status: 200 });
      },
    });
    for (let i = 0; i < 35; i++) await http.json({ provider: "sec", url: "https://data.sec.gov/x" });
    // 35 starts at 0, 100, …, 3400 ms
    expect(starts[34]).toBe(3400);
    for (let i = 0; i < starts.length; i++) expect(starts.filter((s) => s >= starts[i]! && s < starts[i]! + 1000).length).toBeLessThanOrEqual(10);
  });

  it("throttle holds against a real server: 12 concurrent SEC requests reach it at most 10 in any second", async () => {
    const http = new HttpClient({ baseUrls: { "https://data.sec.gov": `${srv.url}/rl` }, rateLimits: { sec: 10 } });
    for (let i = 0; i < 12; i++) srv.inject(new RegExp(`^/rl/n${i}$`), { json: { i } });
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 12 }, (_, i) => http.json({ provider: "sec", url: `https://data.sec.gov/n${i}` })));
    const at = srv.requests.filter((r) => r.path.startsWith("/rl/")).map((r) => r.atMs).sort((a, b) => a - b);
    expect(at).toHaveLength(12);
    // the 12th start is at least 11 · 100 ms after the first (a little slack for timer granularity)
    expect(at[11]! - at[0]!).toBeGreaterThanOrEqual(1090);
    for (const a of at) expect(at.filter((b) => b >= a && b < a + 990).length).toBeLessThanOrEqual(10);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1090);
  });

  it("asFetch() hands libraries a Response with status, Location and Set-Cookie intact", async () => {
    srv.inject(/^\/t\/cookie$/, { status: 302, body: "", headers: { location: "https://api.test/next", "set-cookie": "A3=x; Path=/" } });
    const { http } = client();
    const res = await http.asFetch("test", { passThrough: () => true })("https://api.test/cookie", { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://api.test/next");
    expect(res.headers.getSetCookie()).toEqual(["A3=x; Path=/"]);
  });

  it("asFetch() throws E_PROVIDER_HTTP for a 4xx unless passThrough lets it through", async () => {
    const { http } = client();
    await expect(http.asFetch("test")("https://api.test/nothing-here")).rejects.toMatchObject({ code: "E_PROVIDER_HTTP", status: 404 });
    const res = await http.asFetch("test", { passThrough: (_u, s) => s === 404 })("https://api.test/nothing-here");
    expect(res.status).toBe(404);
  });
});

describe("parseRetryAfter / redactUrl", () => {
  it("parseRetryAfter(value, now) reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2", 0)).toBe(2000);
    expect(parseRetryAfter("0.5", 0)).toBe(500);
    // 10 s after the epoch
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:10 GMT", 4000)).toBe(6000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
  });

  it("redactUrl(url) hides session tokens such as Yahoo's crumb", () => {
    expect(redactUrl("https://query2.finance.yahoo.com/v7/finance/quote?symbols=BABA&crumb=abc123")).toBe("https://query2.finance.yahoo.com/v7/finance/quote?symbols=BABA&crumb=…");
  });
});
