import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeImplied } from "../../src/app/implied.js";
import { createApp } from "../../src/server/app.js";
import type { Store } from "../../src/store/open.js";
import { demoStore } from "../server/_demo.js";

let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await demoStore();
  app = createApp({ store: async () => store, logError: () => {} });
});
afterAll(() => store.close());

const get = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
};

describe("GET /api/implied, /api/wall-premium, /api/bands", () => {
  it("/api/implied returns what computeImplied returns for the same request", async () => {
    const r = await get("/api/implied?symbol=9988.HK&solve=coe&horizon=10");
    expect(r.status).toBe(200);
    const direct = await computeImplied(store, { security: "9988.HK", solve: "coe", horizonYears: 10 });
    expect(r.body).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it("/api/implied refuses a bad rate with 400 naming the parameter", async () => {
    const r = await get("/api/implied?symbol=9988.HK&rf=abc");
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toContain("query parameter rf");
    const u = await get("/api/implied?symbol=9988.HK&bogus=1");
    expect(u.status).toBe(400);
    expect(u.body.error!.message).toContain("bogus");
  });

  it("/api/wall-premium compares the demo groups; /api/bands gives today's percentile", async () => {
    const w = await get("/api/wall-premium?a=@china&b=@us");
    expect(w.status).toBe(200);
    expect(w.body).toHaveProperty("rows");
    const b = await get("/api/bands?symbol=9988.HK&from=2024-01-01");
    expect(b.status).toBe(200);
    expect((b.body as { dates: string[] }).dates[0]! >= "2024-01-01").toBe(true);
    const missing = await get("/api/bands");
    expect(missing.status).toBe(400);
    expect(missing.body.error!.message).toContain("query parameter symbol");
  });
});
