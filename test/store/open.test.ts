import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, resolveDbPath } from "../../src/store/open.js";
import { SCHEMA_VERSION } from "../../src/store/migrate.js";
import { tempDir } from "../helpers/paths.js";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe("openStore(path)", () => {
  it("creates the file and its folder, migrates, and records the schema version", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const store = await openStore(join(dir, "nested", "x.duckdb"));
    const rows = await store.all<{ value: string }>("SELECT value FROM rerate_meta WHERE key = 'schema_version'");
    expect(rows[0]!.value).toBe(String(SCHEMA_VERSION));
    const tables = await store.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1");
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(
      ["estimates", "events", "fundamentals", "fx_rates", "prices", "quality_issues", "rerate_meta", "securities", "sources"],
    ));
    store.close();
  });

  it("returns the same instance for the same path within a process", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const a = await openStore(join(dir, "x.duckdb"));
    const b = await openStore(join(dir, "x.duckdb"));
    expect(a).toBe(b);
    a.close();
  });

  it("refuses a store written by a newer rerate with E_STORE_VERSION", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, "future.duckdb");
    const inst = await DuckDBInstance.create(path);
    const conn = await inst.connect();
    await conn.run("CREATE TABLE rerate_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
    await conn.run(`INSERT INTO rerate_meta VALUES ('schema_version', '${SCHEMA_VERSION + 1}')`);
    conn.closeSync();
    inst.closeSync();
    await expect(openStore(path)).rejects.toMatchObject({ code: "E_STORE_VERSION", message: expect.stringContaining(`schema version ${SCHEMA_VERSION + 1}`) });
  });

  it("rolls a failed transaction back entirely", async () => {
    const store = await openStore(":memory:");
    await expect(store.transaction(async () => {
      await store.run("INSERT INTO sources VALUES (1, 'prices', 'x', NULL, false, now()::TIMESTAMP, 0)");
      throw new Error("boom");
    })).rejects.toThrow("boom");
    expect(Number((await store.all<{ n: string }>("SELECT count(*) AS n FROM sources"))[0]!.n)).toBe(0);
    store.close();
  });
});

describe("resolveDbPath(explicit, env)", () => {
  it("prefers --db, then RERATE_DB, then .rerate/rerate.duckdb", () => {
    expect(resolveDbPath("/a/b.duckdb", { RERATE_DB: "/c.duckdb" })).toBe("/a/b.duckdb");
    expect(resolveDbPath(undefined, { RERATE_DB: "/c.duckdb" })).toBe("/c.duckdb");
    expect(resolveDbPath(undefined, {})).toBe(join(process.cwd(), ".rerate/rerate.duckdb"));
    expect(resolveDbPath(":memory:", {})).toBe(":memory:");
  });
});
