import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { API_ROUTES } from "../../src/server/routes/docs.js";
import type { Store } from "../../src/store/open.js";
import { demoStore } from "./_demo.js";

let store: Store;
const logged: unknown[] = [];
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await demoStore();
  app = createApp({ store: async () => store, logError: (e) => logged.push(e) });
});
afterAll(() => store.close());

type Json = Record<string, unknown> & { error?: { code: string; message: string } };
const get = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
};
const post = async (url: string, body: unknown) => {
  const res = await app.request(url, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "Content-Type": "application/json" } });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

describe("HTTP API: events, scenarios, attribution, docs", () => {
  it("GET /api/events lists the 2025 catalysts and /api/securities the demo universe", async () => {
    const ev = await get("/api/events");
    expect(ev.status).toBe(200);
    const events = ev.body as unknown as { id: string; securities: string[] }[];
    expect(events.length).toBe(14);
    expect(events.map((e) => e.id)).toContain("h20-halt-2025-08-21");
    const sec = (await get("/api/securities")).body as unknown as { id: string }[];
    expect(sec.map((s) => s.id)).toEqual(expect.arrayContaining(["9988.HK", "BABA", "AMZN"]));
  });

  it("GET /api/event-study runs a study with CAR path and tests", async () => {
    const r = await get("/api/event-study?events=h20-halt-2025-08-21&securities=0981.HK,1347.HK&windows=0:1,-1:1");
    expect(r.status).toBe(200);
    const body = r.body as unknown as { aggregates: { from: number; to: number; n: number; caar: number; p: Record<string, number> }[]; path: { day: number }[]; synthetic: boolean };
    expect(body.synthetic).toBe(true);
    expect(body.aggregates.map((a) => [a.from, a.to, a.n])).toEqual([[0, 1, 2], [-1, 1, 2]]);
    expect(Number.isFinite(body.aggregates[0]!.caar)).toBe(true);
    expect(body.path.length).toBeGreaterThan(2);
    const group = await get("/api/event-study?events=oracle-results-2025-09-09&securities=@us&windows=0:1");
    expect(group.status, JSON.stringify(group.body)).toBe(200);
    expect((group.body as unknown as { securities: { id: string }[] }).securities.map((s) => s.id)).toEqual(["AMZN", "MSFT", "GOOGL", "META", "ORCL"]);
    expect((await get("/api/event-study?events=h20-halt-2025-08-21&securities=us.csv")).status).toBe(400);
    const hk = await get("/api/event-study?events=h20-halt-2025-08-21&exchange=HKEX&windows=0:1");
    expect(hk.status, JSON.stringify(hk.body)).toBe(200);
    expect((hk.body as unknown as { securities: { id: string }[] }).securities.map((s) => s.id)).toEqual(expect.arrayContaining(["0981.HK", "9988.HK", "0700.HK"]));
  });

  it("GET /api/scenarios lists the example and returns its drivers", async () => {
    const list = (await get("/api/scenarios")).body as unknown as { id: string }[];
    expect(list.map((m) => m.id)).toEqual(["china-ai-capex"]);
    const m = await get("/api/scenarios/china-ai-capex");
    expect(m.status).toBe(200);
    expect(Object.keys(m.body.drivers as object)).toContain("domestic_share");
    expect(m.body.years).toEqual([2025, 2026, 2027]);
  });

  it("POST /api/scenarios/:id/run streams progress then a seeded result; edits change it", async () => {
    const run = async (body: unknown) => {
      const r = await post("/api/scenarios/china-ai-capex/run", body);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toContain("application/x-ndjson");
      return r.text.trim().split("\n").map((l) => JSON.parse(l) as { type: string; result?: { draws: number; series: { label: string; stats: { mean: number; histogram?: { counts: number[] } } }[] } });
    };
    const lines = await run({ draws: 5000, seed: 7 });
    expect(lines.some((l) => l.type === "progress")).toBe(true);
    const last = lines[lines.length - 1]!;
    expect(last.type).toBe("result");
    const total = last.result!.series.find((s) => s.label === "domestic_accel_revenue_3y")!;
    expect(total.stats.histogram!.counts.length).toBeGreaterThan(5);
    const again = (await run({ draws: 5000, seed: 7 })).at(-1)!.result!.series.find((s) => s.label === "domestic_accel_revenue_3y")!;
    expect(again.stats.mean).toBe(total.stats.mean);
    // Spending a fixed 80% of capex on accelerators instead of ~50% raises the domestic revenue.
    const edited = (await run({ draws: 5000, seed: 7, drivers: { accel_share: 80 } })).at(-1)!.result!.series.find((s) => s.label === "domestic_accel_revenue_3y")!;
    expect(edited.stats.mean).toBeGreaterThan(total.stats.mean * 1.3);
  });

  it("POST /api/scenarios/:id/tornado returns bars widest first", async () => {
    const r = await post("/api/scenarios/china-ai-capex/tornado", { output: "domestic_accel_revenue_3y" });
    expect(r.status).toBe(200);
    const t = JSON.parse(r.text) as { base: number; bars: { driver: string; swing: number }[] };
    expect(t.base).toBeGreaterThan(0);
    expect(t.bars.length).toBeGreaterThan(3);
    expect(t.bars[0]!.swing).toBeGreaterThanOrEqual(t.bars[1]!.swing);
  });

  it("GET /api/attribution splits a return into parts that sum to it, with a waterfall", async () => {
    const r = await get("/api/attribution?symbols=9988.HK&from=2025-01-02&to=2025-10-31");
    expect(r.status).toBe(200);
    const w = r.body.waterfall as { part: string; value: number }[];
    expect(w.map((x) => x.part)).toEqual(["earnings", "multiple", "fx", "dividends"]);
    const row = (r.body.rows as { result: { simpleReturn: number } }[])[0]!;
    expect(w.reduce((a, x) => a + x.value, 0)).toBeCloseTo(row.result.simpleReturn, 10);
    const g = await get("/api/attribution?symbols=@china&from=2025-01-02&to=2025-10-31");
    expect(g.status).toBe(200);
    expect((g.body.waterfall as unknown[]).length).toBe(4);
  });

  it("GET /api/docs documents every route with parameters and an example", async () => {
    const r = await get("/api/docs");
    expect(r.status).toBe(200);
    const routes = r.body.routes as { method: string; path: string; params: unknown[]; example: string }[];
    for (const path of ["/api/comps", "/api/wall", "/api/event-study", "/api/scenarios/:id/run", "/api/attribution", "/api/theses/:id", "/api/docs"]) {
      expect(routes.map((x) => x.path)).toContain(path);
    }
    for (const x of routes) expect(x.example.length).toBeGreaterThan(0);
    // Every documented GET example without a path parameter answers 200.
    for (const x of API_ROUTES.filter((d) => d.method === "GET" && !d.path.includes(":") && !d.path.startsWith("/api/theses"))) {
      const res = await app.request(x.example);
      expect([x.example, res.status]).toEqual([x.example, 200]);
    }
  });
});

describe("HTTP API: validation, errors and headers", () => {
  it("answers 400 naming the parameter for bad or unknown input", async () => {
    const cases: [string, RegExp][] = [
      ["/api/event-study", /query parameter events is required/],
      ["/api/event-study?events=h20-halt-2025-08-21&windows=5:1", /query parameter windows "5:1" starts after it ends/],
      ["/api/event-study?events=h20-halt-2025-08-21&model=capm", /query parameter model "capm" must be one of market/],
      ["/api/event-study?events=h20-halt-2025-08-21&confidence=2", /query parameter confidence "2" must be a level/],
      ["/api/event-study?events=h20-halt-2025-08-21&colour=red", /query parameter colour "red" is not a parameter of this route/],
      ["/api/attribution?symbols=9988.HK&from=2025-01-02", /query parameter to is required/],
      ["/api/attribution?symbols=9988.HK&from=2025-13-02&to=2025-10-31", /query parameter from "2025-13-02"/],
      ["/api/attribution?symbols=9988.HK&from=2025-10-31&to=2025-01-02", /query parameter to "2025-01-02" must be after from/],
      ["/api/attribution?symbols=/etc/passwd&from=2025-01-02&to=2025-10-31", /query parameter symbols "\/etc\/passwd" is a file/],
      ["/api/attribution?symbols=9988.HK&from=2025-01-02&to=2025-10-31&basis=sideways", /query parameter basis "sideways"/],
      ["/api/scenarios/..%2F..%2Fetc%2Fpasswd", /path parameter id "..\/..\/etc\/passwd" is not a model id/],
      ["/api/theses/..%2Fpackage", /path parameter id "..\/package" is not a thesis id/],
    ];
    for (const [url, message] of cases) {
      const r = await get(url);
      expect([url, r.status]).toEqual([url, 400]);
      expect(r.body.error!.code).toBe("E_INVALID_INPUT");
      expect(r.body.error!.message).toMatch(message);
    }
  });

  it("answers 400 for bad scenario bodies before streaming", async () => {
    const cases: [unknown, RegExp][] = [
      ["{not json", /request body is not valid JSON/],
      [{ draws: 0 }, /body field draws "0"/],
      [{ draws: 1e9 }, /body field draws "1000000000"/],
      [{ drivers: { nope: 3 } }, /body field drivers "nope" is not a driver of this model/],
      [{ scenario: "sideways" }, /sideways/],
      [{ colour: "red" }, /body field colour "red" is not a parameter of this route/],
      [{ drivers: { accel_share: { dist: { type: "pert", min: 60, mode: 50, max: 40 } } } }, /accel_share/],
    ];
    for (const [body, message] of cases) {
      const r = await post("/api/scenarios/china-ai-capex/run", body);
      expect([body, r.status]).toEqual([body, 400]);
      const e = JSON.parse(r.text) as { error: { code: string; message: string } };
      expect(e.error.code).toBe("E_INVALID_INPUT");
      expect(e.error.message).toMatch(message);
    }
  });

  it("maps unknown things to 404 and never sends a stack trace", async () => {
    expect((await get("/api/scenarios/no-such-model")).status).toBe(404);
    expect((await get("/api/theses/no-such-thesis")).status).toBe(404);
    const ev = await get("/api/event-study?events=no-such-event");
    expect(ev.status).toBe(404);
    expect(ev.body.error!.message).toContain('"no-such-event"');
    const sec = await get("/api/event-study?events=h20-halt-2025-08-21&securities=NOPE");
    expect(sec.status).toBe(404);
    expect((await get("/api/nothing-here")).status).toBe(404);
    for (const r of [ev, sec]) expect(JSON.stringify(r.body)).not.toMatch(/\bat \S+:\d+:\d+|node_modules|\.ts:\d+/);
  });

  it("an unexpected error is a 500 with no stack, logged on the server", async () => {
    const broken = createApp({ store: async () => { throw new Error("disk on fire at /secret/path.ts:1:2"); }, logError: (e) => logged.push(e) });
    const res = await broken.request("/api/events");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("disk on fire");
    expect(text).not.toContain("/secret/path");
    expect(JSON.parse(text)).toEqual({ error: { code: "E_INTERNAL", message: "internal error (logged on the server)" } });
    expect(logged.some((e) => String(e).includes("disk on fire"))).toBe(true);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("sends security headers on API responses, errors included", async () => {
    for (const url of ["/api/health", "/api/nothing-here", "/api/event-study"]) {
      const res = await app.request(url);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });
});

describe("HTTP API: theses and the route list", () => {
  it("GET /api/docs documents exactly the routes the app serves", () => {
    const served = new Set(app.routes.filter((r) => r.path.startsWith("/api/") && r.method !== "ALL") /* middleware is not a route */.map((r) => `${r.method} ${r.path}`));
    const documented = new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`));
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it("GET /api/theses lists the bundled thesis and /api/theses/:id checks every claim", async () => {
    const list = (await get("/api/theses")).body as unknown as { id: string; claims: { id: string }[] }[];
    const thesis = list.find((x) => x.id === "china-tech-rerating");
    expect(thesis, "examples/china-tech-rerating.yaml").toBeDefined();
    const r = await get("/api/theses/china-tech-rerating?asOf=2025-10-31");
    expect(r.status).toBe(200);
    expect(r.body.asOf).toBe("2025-10-31");
    const results = r.body.results as { claim: { id: string }; verdict: string }[];
    expect(results.map((x) => x.claim.id)).toEqual(thesis!.claims.map((c) => c.id));
    for (const x of results) expect(["holds", "fails", "insufficient"]).toContain(x.verdict);
    expect((await get("/api/theses/china-tech-rerating?asOf=tomorrow")).status).toBe(400);
  });
});
