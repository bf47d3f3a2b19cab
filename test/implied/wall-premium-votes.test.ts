import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeWallPremium } from "../../src/app/implied.js";
import { createApp } from "../../src/server/app.js";
import type { Store } from "../../src/store/open.js";
import { createFixtureStore } from "../comps/_fixture.js";

let store: Store;
let cleanup: () => void;
beforeAll(async () => ({ store, cleanup } = await createFixtureStore()));
afterAll(() => cleanup());

const group = (id: string, securities: string[]) => ({ id, name: { en: id }, securities });

describe("computeWallPremium(store, req) with one issuer, one vote", () => {
  it("counts Alibaba once in A's medians and names the listing left out", async () => {
    const a = group("china", ["9988.HK", "BABA"]);
    const r = await computeWallPremium(store, { a, b: group("us", ["AMZN"]), asOf: "2025-09-30" });
    const solved = r.rows.filter((x) => x.impliedCostOfEquity !== undefined).map((x) => x.security);
    expect(solved).toEqual(expect.arrayContaining(["9988.HK", "BABA", "AMZN"]));
    expect(r.leftOut).toEqual([{ group: "china", issuer: "alibaba", security: "BABA", kept: "9988.HK", rule: "first" }]);
    // With one listing voting, A's median cost of equity is 9988.HK's own.
    expect(r.costOfEquity.medianA).toBe(r.rows.find((x) => x.security === "9988.HK")!.impliedCostOfEquity);
    const per = await computeWallPremium(store, { a, b: group("us", ["AMZN"]), asOf: "2025-09-30", listing: "per-listing" });
    expect(per.leftOut).toEqual([]);
    // Per listing: the median of two values is their mean.
    const [x, y] = ["9988.HK", "BABA"].map((id) => per.rows.find((row) => row.security === id)!.impliedCostOfEquity!);
    expect(per.costOfEquity.medianA).toBeCloseTo((x! + y!) / 2, 12);
  });
});

describe("GET /api/wall-premium?listing=…&perListing=…", () => {
  it("takes the listing rule as the comps and wall routes do, and refuses a bad one naming the parameter", async () => {
    const app = createApp({ store: async () => store, cache: false });
    const get = async (q: string) => app.request(`http://127.0.0.1/api/wall-premium?a=9988.HK,BABA&b=AMZN&asOf=2025-09-30${q}`, { headers: { Host: "127.0.0.1" } });
    const first = await (await get("")).json() as { leftOut: { security: string; kept: string }[] };
    expect(first.leftOut.map((l) => [l.security, l.kept])).toEqual([["BABA", "9988.HK"]]);
    // NYSE votes: 9988.HK is left out, BABA kept.
    const nyse = await (await get("&listing=NYSE")).json() as { leftOut: { security: string; kept: string }[] };
    expect(nyse.leftOut.map((l) => [l.security, l.kept])).toEqual([["9988.HK", "BABA"]]);
    const per = await (await get("&perListing=true")).json() as { leftOut: unknown[] };
    expect(per.leftOut).toEqual([]);
    const bad = await get("&perListing=maybe");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("perListing");
  });
});
