import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "../../src/cli/context.js";
import { loadDemo } from "../../src/app/demo.js";
import { openStore } from "../../src/store/open.js";
import { tempDir } from "../helpers/paths.js";

const { dir, cleanup } = tempDir("rerate-recover-");
afterAll(cleanup);

const count = async (db: string, table: string) => {
  const s = await openStore(db);
  const n = Number((await s.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
  s.close();
  return n;
};

describe("opening a store after an import interrupted in its commit", () => {
  it("removes rows whose source was never recorded (what DuckDB can bring back after a kill), and nothing else", async () => {
    const db = join(dir, "torn.duckdb");
    const store = await openStore(db);
    await loadDemo(store, "2026-01-01T00:00:00Z");
    const before = {
      prices: Number((await store.all<{ n: bigint }>("SELECT count(*) AS n FROM prices"))[0]!.n),
      sources: Number((await store.all<{ n: bigint }>("SELECT count(*) AS n FROM sources"))[0]!.n),
    };
    expect(store.recovered).toEqual({});
    // The torn state: rows of a transaction whose sources never landed (source ids no source has).
    await store.run(`INSERT INTO prices SELECT security, date + INTERVAL 4000 DAY, open, high, low, close, adj_close, volume, currency, 9001
                     FROM prices WHERE security = '9988.HK'`);
    await store.run("INSERT INTO quality_issues SELECT 9001, security, date, check_id, detail FROM quality_issues LIMIT 3");
    const added = Number((await store.all<{ n: bigint }>("SELECT count(*) AS n FROM prices WHERE source_id = 9001"))[0]!.n);
    expect(added).toBeGreaterThan(100);
    store.close();

    const lines: string[] = [];
    const ctx = createContext({ db, lang: "en", json: false }, { err: (s) => lines.push(s) });
    const reopened = await ctx.store();
    expect(reopened.recovered.prices).toBe(added);
    expect(lines.join("\n")).toMatch(/interrupted while it committed; its leftover rows were removed \(prices: \d+/);
    await ctx.close();
    expect(await count(db, "prices")).toBe(before.prices);
    expect(await count(db, "sources")).toBe(before.sources);
    const again = await openStore(db);
    expect(again.recovered).toEqual({}); // nothing left to remove
    again.close();
  });
});
