import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DuckDBConnection, DuckDBInstance, LIST, VARCHAR, INTEGER, listValue, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";
import { RerateError } from "../errors.js";
import { migrate } from "./migrate.js";
import { removeUnsourcedRows } from "./recover.js";

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

/**
 * Opens (creating and migrating if needed) the store at `path`. One instance per path per process.
 * @param path file path, or `:memory:` for a throw-away store.
 * @throws RerateError E_STORE_VERSION when the file was written by a newer rerate.
 */
export function openStore(path: string = resolveDbPath()): Promise<Store> {
  const key = path === ":memory:" ? `:memory:${stores.size}:${Math.random()}` : resolve(path);
  const existing = stores.get(key);
  if (existing) return existing;
  const opening = (async () => {
    if (path !== ":memory:") mkdirSync(dirname(key), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path === ":memory:" ? ":memory:" : key);
    } catch (e) {
      throw new RerateError("E_INVALID_INPUT", `cannot open store ${key}: ${(e as Error).message}`, { cause: e });
    }
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
  })();
  stores.set(key, opening);
  opening.catch(() => stores.delete(key));
  return opening;
}
