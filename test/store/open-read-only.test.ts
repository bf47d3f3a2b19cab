import { existsSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { commandOf, describeHolder, parseLockHolder, withLockRetry } from "../../src/store/lock.js";
import { SCHEMA_VERSION } from "../../src/store/migrate.js";
import { openStore } from "../../src/store/open.js";
import { tempDir } from "../helpers/paths.js";

const { dir, cleanup } = tempDir("rerate-ro-");
afterAll(cleanup);

describe("openStore(path, { readOnly: true })", () => {
  it("creates and migrates a missing store first, then opens it read-only (writes fail)", async () => {
    const db = join(dir, "new.duckdb");
    expect(existsSync(db)).toBe(false);
    const s = await openStore(db, { readOnly: true });
    expect(s.readOnly).toBe(true);
    const v = await s.all<{ value: string }>("SELECT value FROM rerate_meta WHERE key = 'schema_version'");
    expect(v[0]!.value).toBe(String(SCHEMA_VERSION));
    await expect(s.run("INSERT INTO rerate_meta VALUES ('x', 'y')")).rejects.toThrow(/read-only/i);
    s.close();
  });

  it("recovers an interrupted import's leftover rows (with write access, once) before reading", async () => {
    const db = join(dir, "torn.duckdb");
    const w = await openStore(db);
    await w.run("INSERT INTO sources VALUES (1, 'prices', 'a.csv', NULL, false, now()::TIMESTAMP, 0)");
    await w.run("INSERT INTO securities (id, name_en, exchange, currency, kind, source_id) VALUES ('OK.HK', 'ok', 'HKEX', 'HKD', 'equity', 1), ('TORN.HK', 'torn', 'HKEX', 'HKD', 'equity', 9001)");
    w.close();
    const r = await openStore(db, { readOnly: true });
    expect(r.readOnly).toBe(true);
    expect(r.recovered).toEqual({ securities: 1 }); // TORN.HK names source 9001, which was never recorded
    expect((await r.all<{ id: string }>("SELECT id FROM securities ORDER BY id")).map((x) => x.id)).toEqual(["OK.HK"]);
    r.close();
  });

  it("refuses a store of a newer schema with E_STORE_VERSION, writing nothing", async () => {
    const db = join(dir, "future.duckdb");
    const inst = await DuckDBInstance.create(db);
    const conn = await inst.connect();
    await conn.run("CREATE TABLE rerate_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
    await conn.run(`INSERT INTO rerate_meta VALUES ('schema_version', '${SCHEMA_VERSION + 1}')`);
    conn.closeSync();
    inst.closeSync();
    await expect(openStore(db, { readOnly: true })).rejects.toMatchObject({ code: "E_STORE_VERSION" });
  });
});

describe("lock holders", () => {
  const DUCKDB = 'IO Error: Could not set lock on file "/x/s.duckdb": Conflicting lock is held in /usr/bin/node (PID 6870). See also https://duckdb.org/docs/stable/connect/concurrency';

  it("parseLockHolder(message) reads DuckDB's PID, and nothing from other errors", () => {
    expect(parseLockHolder(DUCKDB)).toEqual({ pid: 6870 });
    expect(parseLockHolder("IO Error: Cannot open database in read-only mode: database does not exist")).toBeUndefined();
  });

  it("commandOf(pid) shows a rerate process as `rerate <args>`, and describeHolder says pid and command", () => {
    const read = () => ["/usr/bin/node", "/opt/rerate/bin/rerate.js", "--db", "s.duckdb", "serve", "--port", "8780", ""].join("\0");
    expect(commandOf(1, read)).toBe("rerate --db s.duckdb serve --port 8780");
    expect(commandOf(1, () => { throw new Error("ENOENT"); })).toBeUndefined();
    expect(describeHolder({ pid: 7, command: "rerate serve" })).toBe("pid 7 (rerate serve)");
    expect(describeHolder({})).toBe("another process");
  });

  it("withLockRetry retries a lock conflict until it clears, telling onWait once", async () => {
    let clock = 0;
    let attempts = 0;
    const told: string[] = [];
    const out = await withLockRetry("s.duckdb", async () => {
      if (++attempts < 4) throw new Error(DUCKDB);
      return "open";
    }, { waitMs: 10_000, onWait: (h) => told.push(h), now: () => clock, sleep: async (ms) => void (clock += ms) });
    expect(out).toBe("open");
    expect(attempts).toBe(4);
    expect(told).toEqual(["pid 6870" + (commandOf(6870) !== undefined ? ` (${commandOf(6870)})` : "")]);
    expect(clock).toBe(50 + 100 + 200); // backoff doubles from 50 ms
  });

  it("gives up after waitMs with E_STORE_BUSY naming the store and holder; passes other errors through at once", async () => {
    let clock = 0;
    await expect(withLockRetry("s.duckdb", async () => { throw new Error(DUCKDB); }, { waitMs: 1_000, now: () => clock, sleep: async (ms) => void (clock += ms) }))
      .rejects.toMatchObject({ code: "E_STORE_BUSY", message: expect.stringMatching(/^store s\.duckdb is in use by pid 6870.*waited 1\.0 s/) });
    let calls = 0;
    await expect(withLockRetry("s.duckdb", async () => { calls++; throw new Error("disk on fire"); }, { waitMs: 1_000 })).rejects.toThrow("disk on fire");
    expect(calls).toBe(1);
  });
});
