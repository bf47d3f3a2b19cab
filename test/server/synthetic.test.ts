import { describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { openStore } from "../../src/store/open.js";
import { demoStore } from "./_demo.js";

describe("the API says when the store holds the synthetic demo (issue 13)", () => {
  it("GET /api/store → { synthetic: true, notice } and X-Rerate-Synthetic on every /api answer, cached ones too", async () => {
    const app = createApp({ store: demoStore });
    const info = await app.request("/api/store");
    expect(await info.json()).toMatchObject({ synthetic: true, notice: expect.stringContaining("SYNTHETIC DEMO") });
    for (let i = 0; i < 2; i++) {
      // The second request is answered from the response cache.
      const r = await app.request("/api/comps?symbols=@china&asOf=2025-09-30");
      expect(r.status).toBe(200);
      expect(r.headers.get("X-Rerate-Synthetic")).toBe("true");
    }
    expect((await app.request("/api/health")).headers.get("X-Rerate-Synthetic")).toBe("true");
  });

  it("a store without the demo: synthetic false, no header", async () => {
    const store = await openStore(":memory:");
    const app = createApp({ store: async () => store });
    expect(await (await app.request("/api/store")).json()).toEqual({ synthetic: false });
    expect((await app.request("/api/health")).headers.get("X-Rerate-Synthetic")).toBeNull();
    store.close();
  });
});
