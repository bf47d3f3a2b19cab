import { listValue, LIST, VARCHAR } from "@duckdb/node-api";
import type { LocalizedText } from "../models/common.js";
import type { Store } from "./open.js";

/** A saved peer group. */
export interface StoredPeerGroup {
  id: string;
  name: LocalizedText;
  securities: string[];
  createdAt: string;
  updatedAt: string;
}

function rowToGroup(r: Record<string, unknown>): StoredPeerGroup {
  const name: LocalizedText = { en: String(r.name_en) };
  if (r.name_zh_hant !== null) name["zh-Hant"] = String(r.name_zh_hant);
  if (r.name_zh_hans !== null) name["zh-Hans"] = String(r.name_zh_hans);
  return { id: String(r.id), name, securities: (r.securities as string[]).map(String), createdAt: String(r.created_at), updatedAt: String(r.updated_at) };
}

const SELECT = `SELECT id, name_en, name_zh_hant, name_zh_hans, securities,
  strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS updated_at FROM peer_groups`;

/**
 * Saves a peer group, replacing one of the same id (its creation time is kept).
 * @param now ISO timestamp (UTC), passed in by the caller.
 * @returns whether the group was created (true) or replaced (false).
 */
export async function savePeerGroup(store: Store, group: { id: string; name: LocalizedText; securities: readonly string[] }, now: string): Promise<boolean> {
  return store.transaction(async () => {
    const existing = await getPeerGroup(store, group.id);
    await store.run("DELETE FROM peer_groups WHERE id = $id", { id: group.id });
    await store.run(
      `INSERT INTO peer_groups VALUES ($id, $en, $hant, $hans, $secs, CAST($created AS TIMESTAMP), CAST($updated AS TIMESTAMP))`,
      {
        id: group.id, en: group.name.en, hant: group.name["zh-Hant"] ?? null, hans: group.name["zh-Hans"] ?? null,
        secs: listValue([...group.securities]), created: (existing?.createdAt ?? now).replace("Z", ""), updated: now.replace("Z", ""),
      },
      { secs: LIST(VARCHAR) },
    );
    return existing === undefined;
  });
}

/** One saved group, or undefined. */
export async function getPeerGroup(store: Store, id: string): Promise<StoredPeerGroup | undefined> {
  const rows = await store.all<Record<string, unknown>>(`${SELECT} WHERE id = $id`, { id });
  return rows[0] ? rowToGroup(rows[0]) : undefined;
}

/** Every saved group, by id. */
export async function listPeerGroups(store: Store): Promise<StoredPeerGroup[]> {
  const rows = await store.all<Record<string, unknown>>(`${SELECT} ORDER BY id`);
  return rows.map(rowToGroup);
}

/** Deletes a saved group; returns whether it existed. */
export async function deletePeerGroup(store: Store, id: string): Promise<boolean> {
  return store.transaction(async () => {
    const existed = (await getPeerGroup(store, id)) !== undefined;
    await store.run("DELETE FROM peer_groups WHERE id = $id", { id });
    return existed;
  });
}
