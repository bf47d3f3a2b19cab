import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DuckDBConnection, DuckDBInstance, LIST, VARCHAR, INTEGER, listValue, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";
import { RerateError } from "../errors.js";
import { type LockWait, parseLockHolder, withLockRetry } from "./lock.js";
import { migrate, SCHEMA_VERSION } from "./migrate.js";
import { countUnsourcedRows, removeUnsourcedRows } from "./recover.js";

/** Default store path, relative to the working directory. */
export const DEFAULT_DB_PATH = ".rerate/rerate.duckdb";

/** The synthetic demo's own store (`rerate demo` without --db), so the demo never mixes with real work. */
export const DEMO_DB_PATH = ".rerate/demo.duckdb";

/** Resolves the store path: explicit argument, then RERATE_DB, then the default. */
export function resolveDbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const p = explicit ?? env.RERATE_DB ?? DEFAULT_DB_PATH;
  return p === ":memory:" ? p : resolve(p);
}

type Params = Record<string, DuckDBValue> | DuckDBValue[];
type Types = Record<string, DuckDBType | undefined> | DuckDBType[];

/** A list of strings as a bound parameter, typed so that an empty list binds too. */
export function varcharList(items: readonly string[]): { value: DuckDBValue; type: DuckDBType } {
  return { value: listValue([...items]), type: LIST(VARCHAR) };
}

/** A list of integers as a bound parameter. */
export function integerList(items: readonly number[]): { value: DuckDBValue; type: DuckDBType } {
  return { value: listValue([...items]), type: LIST(INTEGER) };
}

/** An open rerate store: one DuckDB instance and connection, migrated to the current schema. */
export class Store {
  private depth = 0;
  /**
   * Rows removed when the store was opened because their source was never recorded: what an import killed
   * during its commit can leave (see {@link removeUnsourcedRows}); per table, empty when there were none.
   */
  recovered: Record<string, number> = {};
  constructor(
    readonly path: string,
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    /** Opened READ_ONLY: other processes may read it at the same time; writes fail. */
    readonly readOnly = false,
  ) {}

  /** Runs a statement (parameterised: never interpolate values). */
  async run(sql: string, params?: Params, types?: Types): Promise<void> {
    await this.conn.run(sql, params, types);
  }

  /** Runs a query and returns its rows as plain JS objects (dates as Date, bigints as bigint). */
  async all<T = Record<string, unknown>>(sql: string, params?: Params, types?: Types): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql, params, types);
    return reader.getRowObjectsJson() as T[];
  }

  /** Runs a query and returns its columns as JS arrays keyed by column name. */
  async columns(sql: string, params?: Params): Promise<Record<string, unknown[]>> {
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getColumnsObjectJS() as Record<string, unknown[]>;
  }

  /**
   * Runs `fn` inside one transaction: everything it writes lands, or nothing does.
   * Nested calls join the outer transaction.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return fn();
    await this.conn.run("BEGIN TRANSACTION");
    this.depth++;
    try {
      const out = await fn();
      await this.conn.run("COMMIT");
      return out;
    } catch (e) {
      await this.conn.run("ROLLBACK");
      throw e;
    } finally {
      this.depth--;
    }
  }

  /**
   * Runs `fn` inside a transaction that is always rolled back: what `fn` computes (counts, checks) is real,
   * what it writes never lands. For `--dry-run`. Refuses to run inside another transaction, which it could not
   * roll back alone.
   */
  async rehearse<T>(fn: () => Promise<T>): Promise<T> {
    if (this.depth > 0) throw new RerateError("E_INTERNAL", "a rehearsal (dry run) cannot run inside another transaction");
    await this.conn.run("BEGIN TRANSACTION");
    this.depth++;
    try {
      return await fn();
    } finally {
      this.depth--;
      await this.conn.run("ROLLBACK");
    }
  }

  /** Closes the connection and the database (flushing the WAL). */
  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
    stores.delete(this.path);
  }
}

const stores = new Map<string, Promise<Store>>();

/** How to open a store. */
export interface OpenStoreOptions {
  /**
   * Open READ_ONLY: many processes may read one store at once (`rerate serve` and CLI reads), while a writer needs
   * it alone. A store that does not exist yet, needs a migration or holds an interrupted import's rows is first
   * opened for writing once (to create, migrate or recover it), then reopened read-only.
   */
  readOnly?: boolean;
  /** Waiting for another process's lock (default: no wait, E_STORE_BUSY at once). */
  lock?: LockWait;
}

/** Schema version recorded in a store (0 when none), read without writing. */
async function storedVersion(conn: DuckDBConnection): Promise<number> {
  const has = (await conn.runAndReadAll("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'rerate_meta'")).getRowObjectsJS()[0]!;
  if (Number(has.n) === 0) return 0;
  const rows = (await conn.runAndReadAll("SELECT value FROM rerate_meta WHERE key = 'schema_version'")).getRowObjectsJS();
  return rows.length > 0 ? Number(rows[0]!.value) : 0;
}

async function createInstance(key: string, readOnly: boolean, lock: LockWait): Promise<DuckDBInstance> {
  return withLockRetry(key, async () => {
    try {
      return await DuckDBInstance.create(key, readOnly ? { access_mode: "READ_ONLY" } : {});
    } catch (e) {
      // A lock conflict passes up to withLockRetry (which waits or says who holds it); anything else is a bad file.
      if (parseLockHolder((e as Error).message) !== undefined) throw e;
      throw new RerateError("E_INVALID_INPUT", `cannot open store ${key}: ${(e as Error).message}`, { cause: e });
    }
  }, lock);
}

/** Opens read-write, migrates and recovers: what every writer does, and what a reader does first when it must. */
async function openWritable(key: string, lock: LockWait): Promise<Store> {
  if (key !== ":memory:") mkdirSync(dirname(key), { recursive: true });
  const instance = key === ":memory:" ? await DuckDBInstance.create(":memory:") : await createInstance(key, false, lock);
  const conn = await DuckDBConnection.create(instance);
  let recovered: Record<string, number>;
  try {
    await migrate(conn, key);
    recovered = await removeUnsourcedRows(conn);
  } catch (e) {
    conn.closeSync();
    instance.closeSync();
    throw e;
  }
  const store = new Store(key, instance, conn);
  store.recovered = recovered;
  return store;
}

/**
 * Opens read-only; undefined when the store must first be written (missing, older schema, interrupted import).
 * @throws RerateError E_STORE_VERSION when the file was written by a newer rerate.
 */
async function openReadOnly(key: string, lock: LockWait): Promise<Store | undefined> {
  if (!existsSync(key)) return undefined;
  const instance = await createInstance(key, true, lock);
  const conn = await DuckDBConnection.create(instance);
  try {
    const version = await storedVersion(conn);
    if (version > SCHEMA_VERSION) {
      throw new RerateError("E_STORE_VERSION", `store ${key} has schema version ${version}, but this rerate understands up to ${SCHEMA_VERSION}: upgrade rerate, or use another --db`);
    }
    if (version === SCHEMA_VERSION && Object.keys(await countUnsourcedRows(conn)).length === 0) return new Store(key, instance, conn, true);
  } catch (e) {
    conn.closeSync();
    instance.closeSync();
    throw e;
  }
  conn.closeSync();
  instance.closeSync();
  return undefined;
}

/**
 * Opens (creating and migrating if needed) the store at `path`. One instance per path per process.
 * @param path file path, or `:memory:` for a throw-away store.
 * @param options read-only mode and how long to wait for another process's lock.
 * @throws RerateError E_STORE_VERSION when the file was written by a newer rerate; E_STORE_BUSY when another process
 *   holds the store past the wait, naming it (pid and command).
 * @example const store = await openStore(".rerate/rerate.duckdb", { readOnly: true, lock: { waitMs: 30_000 } })
 */
export function openStore(path: string = resolveDbPath(), options: OpenStoreOptions = {}): Promise<Store> {
  const key = path === ":memory:" ? `:memory:${stores.size}:${Math.random()}` : resolve(path);
  const existing = stores.get(key);
  if (existing) return existing;
  const lock = options.lock ?? { waitMs: 0 };
  const opening = (async () => {
    if (path === ":memory:") return openWritable(":memory:", lock).then((s) => new Store(key, s.instance, s.conn));
    if (options.readOnly === true) {
      const ro = await openReadOnly(key, lock);
      if (ro !== undefined) return ro;
      // Create, migrate or recover once with write access, then read like the others.
      const rw = await openWritable(key, lock);
      const recovered = rw.recovered;
      rw.conn.closeSync();
      rw.instance.closeSync();
      const again = await openReadOnly(key, lock);
      if (again === undefined) throw new RerateError("E_INTERNAL", `store ${key} still needs a migration after one was run`);
      again.recovered = recovered;
      return again;
    }
    return openWritable(key, lock);
  })();
  stores.set(key, opening);
  opening.catch(() => stores.delete(key));
  return opening;
}
