import { varcharList, type Store } from "./open.js";

/** The latest price date among the securities: the default as-of date of an analysis. */
export async function latestPriceDate(store: Store, securities: readonly string[]): Promise<string | undefined> {
  const ids = varcharList(securities);
  const rows = await store.all<{ d: string | null }>(
    "SELECT strftime(max(date), '%Y-%m-%d') AS d FROM prices WHERE security IN (SELECT unnest($ids))", { ids: ids.value }, { ids: ids.type },
  );
  return rows[0]?.d ?? undefined;
}

/**
 * Whether any price of the securities, or any fundamental or estimate of their entities (the security and its
 * issuer), comes from a synthetic source (the demo): outputs that use such data must say so.
 */
export async function usesSyntheticData(store: Store, securities: readonly { id: string; issuer?: string }[]): Promise<boolean> {
  const ids = varcharList(securities.map((s) => s.id));
  const entities = varcharList(securities.flatMap((s) => (s.issuer ? [s.id, s.issuer] : [s.id])));
  const rows = await store.all<{ s: boolean | null }>(
    `SELECT bool_or(synthetic) AS s FROM sources WHERE id IN (
       SELECT source_id FROM prices WHERE security IN (SELECT unnest($ids))
       UNION SELECT source_id FROM fundamentals WHERE entity IN (SELECT unnest($entities))
       UNION SELECT source_id FROM estimates WHERE entity IN (SELECT unnest($entities)))`,
    { ids: ids.value, entities: entities.value }, { ids: ids.type, entities: entities.type },
  );
  return Boolean(rows[0]?.s);
}
