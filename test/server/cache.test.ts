import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { responseCache } from "../../src/server/cache.js";
import { demoStore } from "./_demo.js";

function app(o: { generation?: () => number } = {}) {
  let calls = 0;
  const a = new Hono();
  a.use("/api/*", responseCache({ paths: /^\/api\/data$/, max: 2, ...o }));
  a.get("/api/data", async (c) => {
    calls++;
    await new Promise((r) => setTimeout(r, 20));
    const n = Number(c.req.query("n") ?? 0);
    return n < 0 ? c.json({ error: "bad" }, 400) : c.json({ n, calls });
  });
  a.get("/api/other", (c) => c.json({ calls: ++calls }));
  a.post("/api/write", (c) => c.json({ ok: true }));
  a.post("/api/refused", (c) => c.json({ error: "no" }, 403));
  return { a, calls: () => calls };
}

describe("responseCache(paths)", () => {
  it("answers a repeated GET from the cache, and concurrent ones with one computation", async () => {
    const { a, calls } = app();
    const [r1, r2] = await Promise.all([a.request("/api/data?n=1"), a.request("/api/data?n=1")]);
    expect(await r1.json()).toEqual({ n: 1, calls: 1 });
    expect(await r2.json()).toEqual({ n: 1, calls: 1 });
    const r3 = await a.request("/api/data?n=1");
    expect(r3.headers.get("x-rerate-cache")).toBe("hit");
    expect(calls()).toBe(1);
  });

  it("does not cache errors or other paths, and any write empties it", async () => {
    const { a, calls } = app();
    await a.request("/api/data?n=-1");
    await a.request("/api/data?n=-1");
    expect(calls()).toBe(2);
    await a.request("/api/other");
    await a.request("/api/other");
    expect(calls()).toBe(4);
    await a.request("/api/data?n=2");
    await a.request("/api/write", { method: "POST" });
    const after = await a.request("/api/data?n=2");
    expect(after.headers.get("x-rerate-cache")).toBe("miss");
    expect(calls()).toBe(6);
  });

  it("keeps at most max entries, dropping the least recently used", async () => {
    const { a, calls } = app();
    for (const n of [1, 2, 3]) await a.request(`/api/data?n=${n}`);
    await a.request("/api/data?n=3");
    expect(calls()).toBe(3);
    await a.request("/api/data?n=1");
    expect(calls()).toBe(4);
  });

  it("a POST to an unknown route (404) or a refused one (403) leaves the cache alone", async () => {
    const { a, calls } = app();
    await a.request("/api/data?n=5");
    await a.request("/api/nowhere", { method: "POST" });
    await a.request("/api/refused", { method: "POST" });
    const after = await a.request("/api/data?n=5");
    expect(after.headers.get("x-rerate-cache")).toBe("hit");
    expect(calls()).toBe(1);
  });

  it("a new store generation (the server reopened a store another process may have written) empties it", async () => {
    let gen = 1;
    const { a, calls } = app({ generation: () => gen });
    await a.request("/api/data?n=7");
    expect((await a.request("/api/data?n=7")).headers.get("x-rerate-cache")).toBe("hit");
    gen = 2;
    expect((await a.request("/api/data?n=7")).headers.get("x-rerate-cache")).toBe("miss");
    expect(calls()).toBe(2);
  });
});

describe("createApp's cache", () => {
  it("survives POSTs to unknown routes, cross-site POSTs and scenario calls (nothing the server does writes)", async () => {
    const store = await demoStore();
    const a = createApp({ store: async () => store, logError: () => undefined });
    const url = "http://127.0.0.1/api/implied?symbol=9988.HK&asOf=2025-09-30";
    expect((await a.request(url)).headers.get("x-rerate-cache")).toBe("miss");
    await a.request("http://127.0.0.1/api/nowhere", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    await a.request("http://127.0.0.1/api/nowhere", { method: "DELETE" });
    await a.request("http://127.0.0.1/api/scenarios/no-such/run", { method: "POST", headers: { "Content-Type": "text/plain", Origin: "http://attacker.example" }, body: "{}" });
    const again = await a.request(url);
    expect(again.status).toBe(200);
    expect(again.headers.get("x-rerate-cache")).toBe("hit");
    store.close();
  });
});
