import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DuckDBConnection } from "@duckdb/node-api";
import { RerateError } from "../errors.js";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered migrations `NNN_name.sql`, in order. */
export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(dir + f, "utf8") }));
}

/** The schema version this build of rerate writes. */
export const SCHEMA_VERSION = Math.max(...listMigrations().map((m) => m.version));

/**
 * Brings a store to {@link SCHEMA_VERSION}, each migration in its own transaction.
 * @throws RerateError E_STORE_VERSION when the store was written by a newer rerate.
 */
export async function migrate(conn: DuckDBConnection, path: string): Promise<number> {
  await conn.run("CREATE TABLE IF NOT EXISTS rerate_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
  const rows = (await conn.runAndReadAll("SELECT value FROM rerate_meta WHERE key = 'schema_version'")).getRowObjectsJS();
  const current = rows.length > 0 ? Number(rows[0]!.value) : 0;
  if (current > SCHEMA_VERSION) {
    throw new RerateError(
      "E_STORE_VERSION",
      `store ${path} has schema version ${current}, but this rerate understands up to ${SCHEMA_VERSION}: upgrade rerate, or use another --db`,
    );
  }
  for (const m of listMigrations()) {
    if (m.version <= current) continue;
    await conn.run("BEGIN TRANSACTION");
    try {
      await conn.run(m.sql);
      await conn.run(
        "INSERT OR REPLACE INTO rerate_meta VALUES ('schema_version', $v)",
        { v: String(m.version) },
      );
      await conn.run("COMMIT");
    } catch (e) {
      await conn.run("ROLLBACK");
      throw e;
    }
  }
  return SCHEMA_VERSION;
}
