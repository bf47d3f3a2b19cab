import { fromDayNumber } from "../core/dates.js";
import { varcharList, type Store } from "./open.js";

/**
 * Basis of a security's price series: `raw` (close as traded, with an adjusted close beside it when the source
 * gives one) or `adjusted` (the close column itself holds split- and dividend-adjusted closes).
 */
export const PRICE_BASES = ["raw", "adjusted"] as const;
export type PriceBasis = (typeof PRICE_BASES)[number];

/** The recorded basis of each of the securities that has one (securities without prices are absent). */
export async function readPriceBases(store: Store, ids: readonly string[]): Promise<Map<string, PriceBasis>> {
  if (ids.length === 0) return new Map();
  const list = varcharList([...new Set(ids)]);
  const rows = await store.all<{ security: string; basis: PriceBasis }>(
    "SELECT security, basis FROM price_series WHERE security IN (SELECT unnest($ids))", { ids: list.value }, { ids: list.type },
  );
  return new Map(rows.map((r) => [r.security, r.basis]));
}

/** Records the basis of series that have none yet (a series keeps the basis it was first stored on). Inside the import's transaction. */
export async function recordPriceBases(store: Store, bases: ReadonlyMap<string, PriceBasis>): Promise<void> {
  if (bases.size === 0) return;
  const ids = varcharList([...bases.keys()]);
  const values = varcharList([...bases.values()]);
  await store.run(
    `INSERT INTO price_series SELECT s, b FROM (SELECT unnest($ids) AS s, unnest($values) AS b)
     WHERE s NOT IN (SELECT security FROM price_series) AND s IN (SELECT DISTINCT security FROM prices WHERE security IN (SELECT unnest($ids)))`,
    { ids: ids.value, values: values.value }, { ids: ids.type, values: values.type },
  );
}

/** The first stored price date of a security among the given days (day numbers since 1970-01-01), if any. */
export async function firstStoredDateAmong(store: Store, security: string, days: ArrayLike<number>): Promise<string | undefined> {
  if (days.length === 0) return undefined;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < days.length; i++) {
    lo = Math.min(lo, days[i]!);
    hi = Math.max(hi, days[i]!);
  }
  const rows = await store.all<{ d: number }>(
    `SELECT CAST(date - DATE '1970-01-01' AS INTEGER) AS d FROM prices
     WHERE security = $s AND date BETWEEN DATE '1970-01-01' + CAST($lo AS INTEGER) AND DATE '1970-01-01' + CAST($hi AS INTEGER) ORDER BY date`,
    { s: security, lo, hi },
  );
  const want = new Set(Array.from(days));
  const hit = rows.find((r) => want.has(Number(r.d)));
  return hit === undefined ? undefined : fromDayNumber(Number(hit.d));
}

/** First and last stored price date of a security. */
export async function storedPriceRange(store: Store, security: string): Promise<{ first: string; last: string } | undefined> {
  const rows = await store.all<{ first: string | null; last: string | null }>(
    "SELECT strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last FROM prices WHERE security = $s", { s: security },
  );
  const r = rows[0];
  return r?.first ? { first: r.first, last: r.last! } : undefined;
}
