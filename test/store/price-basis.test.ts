import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RerateError } from "../../src/errors.js";
import { openStore } from "../../src/store/open.js";
import { readPriceBases } from "../../src/store/price-basis.js";
import { clearStagedPrices, mergeStagedPrices, stagePrices, type PriceBatch } from "../../src/store/prices.js";
import { tempDir } from "../helpers/paths.js";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

// Two bars, 2025-09-22 and 2025-09-23 (day numbers 20353 and 20354 since 1970-01-01).
const batch = (security: string, close: number[], basis?: "raw" | "adjusted"): PriceBatch => ({
  security, currency: "USD", sourceId: 1, days: [20353, 20354], open: [NaN, NaN], high: [NaN, NaN], low: [NaN, NaN], close,
  adjClose: [NaN, NaN], volume: [NaN, NaN], ...(basis ? { basis } : {}),
});

async function merge(store: Awaited<ReturnType<typeof openStore>>, batches: PriceBatch[]) {
  await stagePrices(store, batches);
  try {
    return await store.transaction(() => mergeStagedPrices(store));
  } finally {
    await clearStagedPrices(store);
  }
}

describe("price_series: the basis of each stored series (migration 003)", () => {
  it("mergeStagedPrices records a new series' basis (raw by default) and refuses another basis for it, leaving prices as they were", async () => {
    const store = await openStore(":memory:");
    await merge(store, [batch("AAA", [10, 11]), batch("BBB", [20, 21], "adjusted")]);
    expect(Object.fromEntries(await readPriceBases(store, ["AAA", "BBB"]))).toEqual({ AAA: "raw", BBB: "adjusted" });
    // A provider or the demo staging adjusted closes for the raw AAA: refused, whatever the dates.
    const err = await merge(store, [batch("AAA", [9.8, 10.8], "adjusted")]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RerateError);
    expect((err as RerateError).message).toContain("AAA's price series is on the raw basis");
    const closes = await store.all<{ close: number }>("SELECT close FROM prices WHERE security = 'AAA' ORDER BY date");
    expect(closes.map((r) => r.close)).toEqual([10, 11]);
    store.close();
  });

  it("a store written before version 3 gets price_series = raw for every security it has prices of", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, "old.duckdb");
    const store = await openStore(path);
    await store.run("INSERT INTO prices VALUES ('OLD', DATE '2025-09-22', NULL, NULL, NULL, 5, NULL, NULL, 'USD', 1)");
    // Back to version 2: no price_series table, as an older rerate left it.
    await store.run("DROP TABLE price_series");
    await store.run("UPDATE rerate_meta SET value = '2' WHERE key = 'schema_version'");
    store.close();
    const reopened = await openStore(path);
    expect(Object.fromEntries(await readPriceBases(reopened, ["OLD"]))).toEqual({ OLD: "raw" });
    reopened.close();
  });
});
