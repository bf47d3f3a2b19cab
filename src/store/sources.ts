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
  const rows = await store.all<{ id: number }>("SELECT coalesce(max(id), 0) + 1 AS id FROM sources");
  const id = Number(rows[0]!.id);
  await store.run(
    "INSERT INTO sources VALUES ($id, $kind, $location, $sha, $synthetic, CAST($at AS TIMESTAMP), $rows)",
    { id, kind: s.kind, location: s.location, sha: s.sha256 ?? null, synthetic: s.synthetic ?? false, at: s.importedAt, rows: s.rowsRead ?? 0 },
  );
  return id;
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
