// The contract every fetcher keeps (STYLE.md "Providers"): parse the query → extract raw wire data → transform to
// validated rows, pure. Each case gets its raw data from the fake server (recorded responses), so adding a
// fetcher without a case here fails the first test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RerateError } from "../../src/errors.js";
import { MODEL_SCHEMAS, type ExtractContext, type Fetcher, type ItemQuery, type ModelName, type TransformContext } from "../../src/providers/contract.js";
import { createProviderHttp } from "../../src/providers/execute.js";
import { modelsOf, PROVIDERS } from "../../src/providers/registry.js";
import { hasSharedData } from "../helpers/paths.js";
import { startFakeServer, type FakeServer } from "./_fake-server.js";

const UA = "Jane Analyst jane.contract@example.com";
const NOW = new Date("2025-09-27T00:00:00Z");

/** One case per provider and model: a query the fake server can answer and a listing context. */
const CASES: Record<string, { query: ItemQuery; ctx?: Partial<TransformContext>; needsSharedData?: boolean }> = {
  "yahoo/prices": { query: { symbol: "9988.HK", from: "2025-09-22", to: "2025-09-26" } },
  "yahoo/quotes": { query: { symbol: "BABA" }, needsSharedData: true },
  "yahoo/fundamentals": { query: { symbol: "BABA" }, ctx: { listing: { id: "BABA", issuer: "alibaba", sharesPerListing: 8 } }, needsSharedData: true },
  "yahoo/estimates": { query: { symbol: "9988.HK" } },
  "sec/fundamentals": { query: { symbol: "MRVL" }, needsSharedData: true },
  "fx/fx": { query: { symbol: "EURUSD=X", from: "2020-01-01", to: "2020-01-02" }, needsSharedData: true },
};

const fetchers = PROVIDERS.flatMap((p) => modelsOf(p).map((m) => ({ id: `${p.id}/${m}`, provider: p.id, model: m, fetcher: p.fetchers[m] as Fetcher<ModelName> })));

let srv: FakeServer;
beforeAll(async () => {
  srv = await startFakeServer();
});
afterAll(() => srv.close());

function extractContext(baseUrls: Record<string, string>): ExtractContext {
  return {
    http: createProviderHttp({ baseUrls, timeoutMs: 1000, retries: 1, backoffMs: 1, rateLimits: { yahoo: 1000, sec: 1000 } }),
    credential: (env) => (env === "RERATE_SEC_USER_AGENT" ? UA : undefined),
    asOf: "2025-09-27",
    now: () => NOW,
    resource: async (_k, _ttl, load, parse) => parse(await load()),
  };
}

/** Every number in a JSON value turned into a string: a schema change no fetcher may swallow. */
function numbersToStrings(v: unknown): unknown {
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map(numbersToStrings);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, numbersToStrings(x)]));
  return v;
}

const deepFreeze = <T>(v: T): T => {
  if (v !== null && typeof v === "object") {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
};

it("every fetcher in the registry has a contract case", () => {
  expect(fetchers.map((f) => f.id).sort()).toEqual(Object.keys(CASES).sort());
});

describe.each(fetchers)("fetcher $id", ({ id, provider, model, fetcher }) => {
  const c = CASES[id]!;
  const run = !c.needsSharedData || hasSharedData;

  it("parseQuery() accepts the case and refuses bad symbols and dates with E_INVALID_INPUT", () => {
    expect(fetcher.parseQuery(c.query).symbol).toBeTruthy();
    for (const bad of [{ symbol: "" }, { symbol: "a b" }, { symbol: "../etc" }, { ...c.query, from: "2025-13-01" }, { ...c.query, from: "2025-02-01", to: "2025-01-01" }]) {
      expect(() => fetcher.parseQuery(bad), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: "E_INVALID_INPUT" }));
    }
  });

  it("cacheKey() is stable, names the item and holds no credential", () => {
    const q = fetcher.parseQuery(c.query);
    expect(fetcher.cacheKey(q)).toBe(fetcher.cacheKey(fetcher.parseQuery(c.query)));
    expect(fetcher.cacheKey(q).toUpperCase()).toContain(q.symbol.toUpperCase().replace("/", "").replace(/=X$/, "").slice(0, 6));
    expect(fetcher.cacheKey(q)).not.toContain("jane");
    expect(fetcher.ttlSeconds).toBeGreaterThan(0);
    expect(fetcher.model).toBe(model);
  });

  it.runIf(run)("extract() → JSON-safe raw data; transform() → rows of the model's schema, pure and repeatable", async () => {
    const q = fetcher.parseQuery(c.query);
    const raw = await fetcher.extract(q, extractContext(srv.baseUrls));
    expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
    const ctx: TransformContext = { provider, ...c.ctx };
    const frozen = deepFreeze(structuredClone(raw));
    const rows = fetcher.transform(q, frozen, ctx);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(MODEL_SCHEMAS[model].safeParse(r).success).toBe(true);
    expect(fetcher.transform(q, JSON.parse(JSON.stringify(raw)), ctx)).toEqual(rows);
    expect(frozen).toEqual(raw);

    for (const garbage of [null, {}, [], "<html>", numbersToStrings(raw)]) {
      let err: unknown;
      try {
        fetcher.transform(q, garbage, ctx);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(garbage).slice(0, 40)).toBeInstanceOf(RerateError);
      expect((err as RerateError).code).toBe("E_PROVIDER_SCHEMA");
      expect((err as RerateError).message).toMatch(new RegExp(`^${provider === "fx" ? "yahoo" : provider} \\w+: field "[^"]+" `));
    }
  });

  it("extract() against a server that keeps failing ends in E_PROVIDER_HTTP", async () => {
    const fail = await startFakeServer();
    try {
      fail.inject(/./, ...Array.from({ length: 20 }, () => ({ status: 503 })));
      const q = fetcher.parseQuery(c.query);
      await expect(fetcher.extract(q, extractContext(fail.baseUrls))).rejects.toMatchObject({ code: "E_PROVIDER_HTTP" });
    } finally {
      await fail.close();
    }
  });
});
