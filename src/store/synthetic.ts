import type { Store } from "./open.js";

/** Whether any recorded source of the store is synthetic (the demo market). */
export async function storeHasSynthetic(store: Store): Promise<boolean> {
  const rows = await store.all<{ n: bigint }>("SELECT count(*) AS n FROM sources WHERE synthetic");
  return Number(rows[0]!.n) > 0;
}

/** Whether the store holds market data (prices, fundamentals, estimates or FX rates) from a source that is not synthetic. */
export async function storeHasRealMarketData(store: Store): Promise<boolean> {
  const rows = await store.all<{ n: bigint }>(
    `SELECT count(*) AS n FROM sources s WHERE NOT s.synthetic AND (
       EXISTS (SELECT 1 FROM prices p WHERE p.source_id = s.id) OR EXISTS (SELECT 1 FROM fundamentals f WHERE f.source_id = s.id)
       OR EXISTS (SELECT 1 FROM estimates e WHERE e.source_id = s.id) OR EXISTS (SELECT 1 FROM fx_rates x WHERE x.source_id = s.id))`,
  );
  return Number(rows[0]!.n) > 0;
}
