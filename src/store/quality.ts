import type { Store } from "./open.js";

export interface QualityRow {
  security: string | null;
  date: string | null;
  check: string;
  detail: string;
  source: string;
}

/** Appends data-quality findings, each with the import (source) it came from; run inside the import's transaction. */
export async function insertQualityIssues(
  store: Store,
  rows: readonly { sourceId: number; security?: string; date?: string; check: string; detail: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const app = await store.conn.createAppender("quality_issues");
  try {
    for (const r of rows) {
      app.appendInteger(r.sourceId);
      if (r.security === undefined) app.appendNull(); else app.appendVarchar(r.security);
      if (r.date === undefined) app.appendNull(); else app.appendVarchar(r.date);
      app.appendVarchar(r.check);
      app.appendVarchar(r.detail);
      app.endRow();
    }
    app.flushSync();
  } finally {
    app.closeSync();
  }
}

/** Findings currently on record, optionally for one security, with the file they came from. */
export async function listQualityIssues(store: Store, security?: string): Promise<QualityRow[]> {
  return store.all<QualityRow>(
    `SELECT q.security, strftime(q.date, '%Y-%m-%d') AS date, q.check_id AS "check", q.detail, s.location AS source
     FROM quality_issues q JOIN sources s ON s.id = q.source_id
     WHERE $sec IS NULL OR q.security = $sec ORDER BY q.security, q.date, q.check_id`,
    { sec: security ?? null },
  );
}
