import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { responseCache } from "../../src/server/cache.js";

function app() {
  let calls = 0;
  const a = new Hono();
  a.use("/api/*", responseCache({ paths: /^\/api\/data$/, max: 2 }));
  a.get("/api/data", async (c) => {
    calls++;
    await new Promise((r) => setTimeout(r, 20));
    const n = Number(c.req.query("n") ?? 0);
    return n < 0 ? c.json({ error: "bad" }, 400) : c.json({ n, calls });
  });
  a.get("/api/other", (c) => c.json({ calls: ++calls }));
  a.post("/api/write", (c) => c.json({ ok: true }));
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
});
