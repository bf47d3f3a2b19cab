import type { FxRate } from "../models/fx-rate.js";
import type { Store } from "./open.js";
import type { TableSpec } from "./upsert.js";

export const FX_TABLE: TableSpec = {
  table: "fx_rates",
  key: ["base", "quote", "date"],
  columns: [
    { name: "base", type: "varchar" },
    { name: "quote", type: "varchar" },
    { name: "date", type: "date" },
    { name: "rate", type: "double" },
  ],
};

export function fxToRow(r: FxRate): (string | number)[] {
  return [r.base, r.quote, r.date, r.rate];
}

/** All FX rates (optionally up to a date), sorted by pair and date. */
export async function readFxRates(store: Store, upTo?: string): Promise<FxRate[]> {
  const rows = await store.all<Record<string, unknown>>(
    `SELECT base, quote, strftime(date, '%Y-%m-%d') AS date, rate, s.location FROM fx_rates f JOIN sources s ON s.id = f.source_id
     WHERE $upTo IS NULL OR date <= CAST($upTo AS DATE) ORDER BY base, quote, date`,
    { upTo: upTo ?? null },
  );
  return rows.map((r) => ({
    base: r.base as FxRate["base"], quote: r.quote as FxRate["quote"], date: String(r.date), rate: Number(r.rate), source: String(r.location),
  }));
}
