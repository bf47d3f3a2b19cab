import type { DuckDBConnection } from "@duckdb/node-api";

/** Tables whose every row names the source it came from. */
const SOURCED_TABLES = ["prices", "securities", "fundamentals", "estimates", "fx_rates", "events", "quality_issues"] as const;

/**
 * Removes rows whose source was never recorded, in one transaction, and says how many per table.
 *
 * Every import records its sources and its rows in one transaction, so such rows cannot come from a
 * finished import. They can come from an interrupted one: DuckDB 1.5 writes a large insert's row groups to
 * the file before the commit ("optimistic writes"), and after a SIGKILL during that commit it can bring
 * those row groups back without the rest of the transaction (duckdb/duckdb#25931; seen here as a killed
 * import whose prices reappeared without their sources). Removing them gives back the store as it was
 * before the import, which is what an interrupted import must leave. The check is one anti-join per table.
 * @returns rows removed per table (empty when the store was consistent)
 */
export async function removeUnsourcedRows(conn: DuckDBConnection): Promise<Record<string, number>> {
  const removed = await countUnsourcedRows(conn);
  if (Object.keys(removed).length === 0) return removed;
  await conn.run("BEGIN TRANSACTION");
  try {
    for (const t of Object.keys(removed)) await conn.run(`DELETE FROM ${t} WHERE source_id NOT IN (SELECT id FROM sources)`);
    await conn.run("COMMIT");
  } catch (e) {
    await conn.run("ROLLBACK");
    throw e;
  }
  return removed;
}

/**
 * Rows per table whose source was never recorded (what {@link removeUnsourcedRows} would remove), read without
 * writing: a read-only opener checks this and hands the store to a writer first when it is not empty.
 * @returns counts per table, empty when the store is consistent
 */
export async function countUnsourcedRows(conn: DuckDBConnection): Promise<Record<string, number>> {
  const counts = (await conn.runAndReadAll(
    `SELECT ${SOURCED_TABLES.map((t) => `(SELECT count(*) FROM ${t} WHERE source_id NOT IN (SELECT id FROM sources)) AS ${t}`).join(", ")}`,
  )).getRowObjectsJS()[0]!;
  const removed: Record<string, number> = {};
  for (const t of SOURCED_TABLES) if (Number(counts[t]) > 0) removed[t] = Number(counts[t]);
  return removed;
}
