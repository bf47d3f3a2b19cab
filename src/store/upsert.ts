import { listValue, VARCHAR, LIST } from "@duckdb/node-api";
import type { Store } from "./open.js";
import type { MergeCounts } from "./prices.js";
import { quoteIdent } from "./sql.js";

export type ColumnType = "varchar" | "double" | "date" | "integer" | "boolean" | "varchar[]";

export interface TableSpec {
  table: string;
  /** Columns in table order, with their types; `source_id` is added by the merge. */
  columns: readonly { name: string; type: ColumnType }[];
  /** Natural key columns. */
  key: readonly string[];
}

type Cell = string | number | boolean | null | undefined | readonly string[];

const STAGE_TYPE: Record<ColumnType, string> = {
  varchar: "VARCHAR", double: "DOUBLE", date: "VARCHAR", integer: "INTEGER", boolean: "BOOLEAN", "varchar[]": "VARCHAR[]",
};

/**
 * Upserts rows on their natural key: new keys are inserted, changed rows replaced (the newer value wins and
 * carries `sourceId`), identical rows left alone. Run inside a transaction.
 * @param rows one array of cells per row, in `spec.columns` order.
 */
export async function upsertRows(store: Store, spec: TableSpec, rows: readonly (readonly Cell[])[], sourceId: number | readonly number[]): Promise<MergeCounts> {
  const stage = `stage_${spec.table}`;
  const colsDef = [...spec.columns.map((c) => `${quoteIdent(c.name)} ${STAGE_TYPE[c.type]}`), "source_id INTEGER"].join(", ");
  await store.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(stage)} (${colsDef})`);
  const app = await store.conn.createAppender(stage, "main", "temp");
  try {
    rows.forEach((row, r) => {
      spec.columns.forEach((c, j) => {
        const v = row[j];
        if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) app.appendNull();
        else if (c.type === "double") app.appendDouble(Number(v));
        else if (c.type === "integer") app.appendInteger(Number(v));
        else if (c.type === "boolean") app.appendBoolean(Boolean(v));
        else if (c.type === "varchar[]") app.appendList(listValue((v as readonly string[]).slice()), LIST(VARCHAR));
        else app.appendVarchar(String(v));
      });
      app.appendInteger(typeof sourceId === "number" ? sourceId : sourceId[r]!);
      app.endRow();
    });
    app.flushSync();
  } finally {
    app.closeSync();
  }
  const t = quoteIdent(spec.table);
  const s = quoteIdent(stage);
  const sel = spec.columns
    .map((c) => (c.type === "date" ? `CAST(s.${quoteIdent(c.name)} AS DATE) AS ${quoteIdent(c.name)}` : `s.${quoteIdent(c.name)}`))
    .join(", ");
  const keyJoin = spec.key.map((k) => `t.${quoteIdent(k)} = c.${quoteIdent(k)}`).join(" AND ");
  const keyJoinS = spec.key.map((k) => {
    const c = spec.columns.find((x) => x.name === k)!;
    return `t.${quoteIdent(k)} = ${c.type === "date" ? `CAST(s.${quoteIdent(k)} AS DATE)` : `s.${quoteIdent(k)}`}`;
  }).join(" AND ");
  const differs = spec.columns
    .filter((c) => !spec.key.includes(c.name))
    .map((c) => `t.${quoteIdent(c.name)} IS DISTINCT FROM ${c.type === "date" ? `CAST(s.${quoteIdent(c.name)} AS DATE)` : `s.${quoteIdent(c.name)}`}`)
    .join(" OR ");
  const k0 = quoteIdent(spec.key[0]!);
  await store.run(`CREATE OR REPLACE TEMP TABLE stage_changes AS
    SELECT ${sel}, s.source_id, t.${k0} IS NULL AS is_new FROM ${s} s LEFT JOIN ${t} t ON ${keyJoinS}
    WHERE t.${k0} IS NULL${differs ? ` OR ${differs}` : ""}`);
  const counts = await store.all<{ added: bigint; changed: bigint }>(
    "SELECT count(*) FILTER (WHERE is_new) AS added, count(*) FILTER (WHERE NOT is_new) AS changed FROM stage_changes",
  );
  const added = Number(counts[0]!.added);
  const updated = Number(counts[0]!.changed);
  if (updated > 0) await store.run(`DELETE FROM ${t} t USING stage_changes c WHERE NOT c.is_new AND ${keyJoin}`);
  const names = spec.columns.map((c) => quoteIdent(c.name)).join(", ");
  await store.run(`INSERT INTO ${t} (${names}, source_id) SELECT ${names}, source_id FROM stage_changes`);
  await store.run("DROP TABLE stage_changes");
  await store.run(`DROP TABLE ${s}`);
  return { added, updated, unchanged: rows.length - added - updated };
}
