import type { Store } from "./open.js";

export interface SourceInput {
  kind: string;
  location: string;
  sha256?: string;
  synthetic?: boolean;
  /** Import time, ISO timestamp; the app layer passes the clock in. */
  importedAt: string;
  rowsRead?: number;
}

export interface SourceRow {
  id: number;
  kind: string;
  location: string;
  sha256: string | null;
  synthetic: boolean;
  importedAt: string;
  rowsRead: number;
}

/** Records one import and returns its id (call inside the import's transaction). */
export async function insertSource(store: Store, s: SourceInput): Promise<number> {
  return (await insertSources(store, [s]))[0]!;
}

/** Records several imports at once (one statement) and returns their ids in order. */
export async function insertSources(store: Store, list: readonly SourceInput[]): Promise<number[]> {
  if (list.length === 0) return [];
  const rows = await store.all<{ id: number }>("SELECT coalesce(max(id), 0) + 1 AS id FROM sources");
  const first = Number(rows[0]!.id);
  const app = await store.conn.createAppender("sources");
  try {
    list.forEach((s, i) => {
      app.appendInteger(first + i);
      app.appendVarchar(s.kind);
      app.appendVarchar(s.location);
      if (s.sha256 === undefined) app.appendNull(); else app.appendVarchar(s.sha256);
      app.appendBoolean(s.synthetic ?? false);
      app.appendVarchar(s.importedAt);
      app.appendBigInt(BigInt(s.rowsRead ?? 0));
      app.endRow();
    });
    app.flushSync();
  } finally {
    app.closeSync();
  }
  return list.map((_, i) => first + i);
}

/** All recorded imports, newest first. */
export async function listSources(store: Store): Promise<SourceRow[]> {
  const rows = await store.all<Record<string, unknown>>("SELECT * FROM sources ORDER BY id DESC");
  return rows.map((r) => ({
    id: Number(r.id),
    kind: String(r.kind),
    location: String(r.location),
    sha256: r.sha256 === null ? null : String(r.sha256),
    synthetic: Boolean(r.synthetic),
    importedAt: String(r.imported_at),
    rowsRead: Number(r.rows_read),
  }));
}
