/**
 * One code path: the five companyfacts documents of ../shared/data/sec imported with `rerate import sec` leave the
 * same fundamentals in the store as `rerate fetch --provider sec` of the same documents served by the local fake
 * SEC (test/providers/_fake-server.ts). Only the source of each row differs (the file, or the provider).
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchIntoStore } from "../../src/app/fetch.js";
import { importFiles } from "../../src/app/import/import-files.js";
import { openStore, type Store } from "../../src/store/open.js";
import { hasSharedData, tempDir } from "../helpers/paths.js";
import { startFakeServer, type FakeServer } from "../providers/_fake-server.js";
import { SEC_FILES, TICKERS } from "./_sec.js";

const ROWS = `SELECT entity, metric, fiscal_period, strftime(period_end, '%Y-%m-%d') AS period_end, value, currency, unit,
  strftime(known_from, '%Y-%m-%d') AS known_from, reference FROM fundamentals ORDER BY ALL`;

describe.runIf(hasSharedData)("real data: rerate import sec = rerate fetch --provider sec of the same documents", () => {
  let srv: FakeServer;
  const t = tempDir("rerate-sec-same-");
  const stores: Store[] = [];
  beforeAll(async () => {
    srv = await startFakeServer();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await srv.close();
    t.cleanup();
  });

  it("gives the same fundamentals, row for row", async () => {
    const fetched = await openStore(join(t.dir, "fetched.duckdb"));
    const imported = await openStore(join(t.dir, "imported.duckdb"));
    stores.push(fetched, imported);
    const f = await fetchIntoStore(fetched, {
      provider: "sec", symbols: ["NVDA", "GOOGL", "AAPL", "MRVL", "SNOW"], now: () => new Date("2026-06-30T00:00:00Z"), cacheDir: false,
      env: { RERATE_SEC_USER_AGENT: "Jane Analyst jane.never.stored@example.com" },
      http: { baseUrls: srv.baseUrls, retries: 1, backoffMs: 1, timeoutMs: 20_000, rateLimits: { sec: 1000 } },
    });
    const i = await importFiles(imported, { kind: "sec", files: SEC_FILES, tickers: TICKERS, now: "2026-06-30T00:00:00Z" });
    expect(f.tables.fundamentals.added).toBeGreaterThan(5 * 300);
    expect(i.added).toBe(f.tables.fundamentals.added);
    const a = await fetched.all(ROWS);
    const b = await imported.all(ROWS);
    expect(b.length).toBe(a.length);
    expect(b).toEqual(a);
    // The derived figures are among them (FY − 9M quarters and EBITDA).
    expect(a.filter((r) => String((r as { reference: string }).reference).startsWith("SEC derived")).length).toBeGreaterThan(500);
  }, 120_000);
});
