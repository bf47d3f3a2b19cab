import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import type { Store } from "../../src/store/open.js";
import { createFixtureStore } from "./_fixture.js";

let store: Store;
let cleanup: () => void;
const logged: unknown[] = [];
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  ({ store, cleanup } = await createFixtureStore());
  app = createApp({ store: async () => store, logError: (e) => logged.push(e) });
});
afterAll(() => cleanup());

const get = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
};

describe("HTTP API: comps and the wall", () => {
  it("GET /api/health", async () => {
    expect(await get("/api/health")).toEqual({ status: 200, body: { ok: true } });
  });

  it("GET /api/comps returns the table with inputs", async () => {
    const r = await get("/api/comps?symbols=BABA,9988.HK&asOf=2025-09-30&metrics=pe,fpe");
    expect(r.status).toBe(200);
    const rows = r.body.rows as { security: { id: string }; multiples: { trailingPE: { value: number; inputs: { price: unknown } } } }[];
    expect(rows.map((x) => x.security.id)).toEqual(["BABA", "9988.HK"]);
    expect(rows[0]!.multiples.trailingPE.value).toBeCloseTo(18, 10);
    expect(rows[0]!.multiples.trailingPE.inputs.price).toEqual({ date: "2025-09-30", close: 120, currency: "USD", ageDays: 0 });
    expect(r.body.metrics).toEqual(["trailingPE", "forwardPENtm"]);
  });

  it("GET /api/wall returns gap, closing and history", async () => {
    const r = await get("/api/wall?a=BABA&b=AMZN%20LOSS&asOf=2025-09-30&metric=pe&close=0.5&history=2025-06-01:");
    expect(r.status).toBe(200);
    const gaps = r.body.gaps as { trailingPE: { median: { discount: number } } };
    expect(gaps.trailingPE.median.discount).toBeCloseTo(-0.55, 12);
    expect((r.body.history as { percentile: number }).percentile).toBe(75);
    expect((r.body.closing as { scenarios: { price: number }[] }[])[0]!.scenarios[0]!.price).toBeCloseTo(193.333333, 5);
  });

  it("GET /api/check-multiple and /api/groups", async () => {
    const r = await get("/api/check-multiple?symbol=baba&claim=15&around=2025-09-30&window=0");
    expect(r.status).toBe(200);
    expect(r.body.reproducedBy).toEqual(["TTM.diluted.listing", "FY1.diluted.listing"]);
    const g = await get("/api/groups");
    expect((g.body as unknown as { id: string }[]).map((x) => x.id)).toEqual(["china", "us"]);
  });

  it("answers 400 naming the parameter for bad or unknown input", async () => {
    const cases: [string, RegExp][] = [
      ["/api/comps", /query parameter symbols is required/],
      ["/api/comps?symbols=BABA&asOf=2025-02-30", /query parameter asOf "2025-02-30"/],
      ["/api/comps?symbols=BABA&metrics=pe,nope", /query parameter metrics "nope" is not a metric here/],
      ["/api/comps?symbols=BABA&currency=XXX", /query parameter currency "XXX" is not a currency/],
      ["/api/comps?symbols=BABA&colour=red", /query parameter colour "red" is not a parameter of this route/],
      ["/api/comps?symbols=../../etc/passwd.csv", /query parameter symbols "..\/..\/etc\/passwd.csv" is a file; here give symbols or @group names/],
      ["/api/wall?a=BABA", /query parameter b is required/],
      ["/api/wall?a=BABA&b=AMZN&close=2.5", /query parameter close "2.5" must be a fraction/],
      ["/api/wall?a=BABA&b=AMZN&history=yesterday", /query parameter history "yesterday" must be FROM:TO/],
      ["/api/check-multiple?symbol=BABA&claim=-1", /query parameter claim "-1" must be a positive multiple/],
    ];
    for (const [url, message] of cases) {
      const r = await get(url);
      expect([url, r.status]).toEqual([url, 400]);
      expect(r.body.error!.code).toBe("E_INVALID_INPUT");
      expect(r.body.error!.message).toMatch(message);
    }
  });

  it("maps not-found and empty data through the error catalogue", async () => {
    const unknown = await get("/api/wall?a=@nope&b=AMZN");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error!.message).toContain('query parameter a "@nope": no saved or built-in peer group');
    expect((await get("/api/comps?symbols=BABA&asOf=2020-01-01")).status).toBe(404);
    expect((await get("/api/check-multiple?symbol=BABA&claim=15&around=2019-01-01&window=5")).status).toBe(422);
    expect((await get("/api/nothing-here")).status).toBe(404);
  });

  it("answers 500 without a stack trace when something breaks, and logs it on the server", async () => {
    const broken = createApp({ store: async () => { throw new TypeError("disk on fire at /secret/path.ts:12"); }, logError: (e) => logged.push(e) });
    const res = await broken.request("/api/comps?symbols=BABA");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "E_INTERNAL", message: "internal error (logged on the server)" } });
    expect(text).not.toMatch(/secret|at |\.ts/);
    expect(logged.some((e) => e instanceof TypeError)).toBe(true);
  });
});
