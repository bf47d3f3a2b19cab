import { newFundamentals } from "../core/valuation/point-in-time.js";
import type { Fundamental } from "../models/fundamental.js";
import { fundamentalToRow, FUNDAMENTALS_TABLE, readFundamentals } from "../store/fundamentals.js";
import type { Store } from "../store/open.js";
import type { MergeCounts } from "../store/prices.js";
import { upsertRows } from "../store/upsert.js";

/**
 * Writes provider figures (fetched, or read from saved provider files) with their source ids, inside the
 * caller's transaction: one row per natural key (the last), and only figures that tell the store something new
 * (newFundamentals: the same figure seen again on a later day is not a new version). One path for
 * `rerate fetch` and `rerate import sec`, so both give the same store.
 * @returns added/updated counts, with the figures already known counted as unchanged.
 */
export async function landFundamentals(store: Store, list: readonly { row: Fundamental; src: number }[]): Promise<MergeCounts> {
  const candidates = [...new Map(list.map((x) => [`${x.row.entity}\0${x.row.metric}\0${x.row.fiscalPeriod}\0${x.row.knownFrom}`, x])).values()];
  const stored = await readFundamentals(store, [...new Set(candidates.map((x) => x.row.entity))]);
  const keep = new Set(newFundamentals(candidates.map((x) => x.row), stored));
  const rows = candidates.filter((x) => keep.has(x.row));
  const counts: MergeCounts = rows.length > 0
    ? await upsertRows(store, FUNDAMENTALS_TABLE, rows.map((x) => fundamentalToRow(x.row)), rows.map((x) => x.src))
    : { added: 0, updated: 0, unchanged: 0 };
  return { ...counts, unchanged: counts.unchanged + candidates.length - rows.length };
}
