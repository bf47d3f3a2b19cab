import { fileURLToPath } from "node:url";
import { createDemoMarket, DEMO_FROM, DEMO_SECURITY_SPECS, DEMO_SEED, DEMO_SHOCKS, DEMO_SOURCE, DEMO_TO } from "../core/demo/index.js";
import { toDayNumber } from "../core/dates.js";
import { ESTIMATES_TABLE, FUNDAMENTALS_TABLE, estimateToRow, fundamentalToRow } from "../store/fundamentals.js";
import { FX_TABLE, fxToRow } from "../store/fx.js";
import type { Store } from "../store/open.js";
import { clearStagedPrices, mergeStagedPrices, stagePrices } from "../store/prices.js";
import { insertSource } from "../store/sources.js";
import { upsertRows } from "../store/upsert.js";
import { importFiles } from "./import/import-files.js";
import { refuseSyntheticIntoReal } from "./synthetic-mix.js";
import type { PeerGroup } from "./comps.js";

/** The bundled security master (public facts, see ../shared/FACTS.md) and the 2025 catalysts. */
export const DEMO_SECURITIES_FILE = fileURLToPath(new URL("../../examples/securities.csv", import.meta.url));
export const DEMO_EVENTS_FILE = fileURLToPath(new URL("../../examples/catalysts-2025.csv", import.meta.url));

/** The thesis' two peer groups: China platforms against US platforms. */
export const DEMO_GROUPS: readonly PeerGroup[] = [
  { id: "china", name: { en: "China platforms", "zh-Hant": "中國平台股", "zh-Hans": "中国平台股" }, securities: ["9988.HK", "0700.HK", "9888.HK", "3690.HK", "9618.HK", "PDD", "1810.HK"] },
  { id: "us", name: { en: "US platforms", "zh-Hant": "美國平台股", "zh-Hans": "美国平台股" }, securities: ["AMZN", "MSFT", "GOOGL", "META", "ORCL"] },
];

/** Whether the synthetic demo market is already in the store. */
export async function isDemoLoaded(store: Store): Promise<boolean> {
  const rows = await store.all<{ n: string }>("SELECT count(*) AS n FROM sources WHERE location = $l", { l: DEMO_SOURCE });
  return Number(rows[0]!.n) > 0;
}

export interface DemoLoadResult {
  loaded: boolean;
  securities: number;
  priceRows: number;
  fundamentals: number;
  estimates: number;
  fxRates: number;
  events: number;
}

/**
 * Loads the demo universe in one transaction, unless it is there already: the security master and the 2025
 * catalysts (real, public facts) and a seeded synthetic market (prices, fundamentals, estimates, FX) whose
 * rows carry the source `demo:synthetic` (marked synthetic) so every output can say so.
 * @param now import time (ISO), passed in by the caller.
 * @param opts.allowSyntheticMix load even into a store holding real market data (refused otherwise)
 */
export async function loadDemo(store: Store, now: string, opts: { allowSyntheticMix?: boolean } = {}): Promise<DemoLoadResult> {
  if (await isDemoLoaded(store)) {
    return { loaded: false, securities: 0, priceRows: 0, fundamentals: 0, estimates: 0, fxRates: 0, events: 0 };
  }
  await refuseSyntheticIntoReal(store, opts.allowSyntheticMix);
  const market = createDemoMarket({ seed: DEMO_SEED, from: DEMO_FROM, to: DEMO_TO, securities: DEMO_SECURITY_SPECS, shocks: DEMO_SHOCKS });
  return store.transaction(async () => {
    const secs = await importFiles(store, { kind: "securities", files: [DEMO_SECURITIES_FILE], now });
    const events = await importFiles(store, { kind: "events", files: [DEMO_EVENTS_FILE], now });
    const src = await insertSource(store, { kind: "demo", location: DEMO_SOURCE, synthetic: true, importedAt: now, rowsRead: 0 });
    await stagePrices(store, market.prices.map((p) => ({
      security: p.security, currency: p.currency, sourceId: src, days: p.dates.map(toDayNumber),
      open: p.open, high: p.high, low: p.low, close: p.close, adjClose: p.adjClose, volume: p.volume,
    })));
    let priceRows: number;
    try {
      priceRows = (await mergeStagedPrices(store)).added;
    } finally {
      await clearStagedPrices(store);
    }
    const f = await upsertRows(store, FUNDAMENTALS_TABLE, market.fundamentals.map(fundamentalToRow), src);
    const e = await upsertRows(store, ESTIMATES_TABLE, market.estimates.map(estimateToRow), src);
    const x = await upsertRows(store, FX_TABLE, market.fx.map(fxToRow), src);
    return {
      loaded: true, securities: secs.added + secs.updated, priceRows, fundamentals: f.added, estimates: e.added, fxRates: x.added,
      events: events.added + events.updated,
    };
  });
}
