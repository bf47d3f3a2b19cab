import { InvalidInputError } from "../errors.js";
import type { Store } from "../store/open.js";
import { storeHasRealMarketData, storeHasSynthetic } from "../store/synthetic.js";

/** Kinds of data whose rows would mix with the demo's synthetic market (securities and events are public facts). */
export const MARKET_DATA_KINDS: ReadonlySet<string> = new Set(["prices", "fundamentals", "estimates", "fx"]);

/**
 * Refuses to write real market data into a store that holds the synthetic demo, unless allowed.
 * @param what what is being written, for the message (e.g. "import prices")
 * @throws InvalidInputError naming the store and the way out
 */
export async function refuseRealIntoSynthetic(store: Store, what: string, allow: boolean | undefined): Promise<void> {
  if (allow || !(await storeHasSynthetic(store))) return;
  throw InvalidInputError.at({
    column: "--db", value: store.path,
    reason: `holds the synthetic demo market: ${what} would mix real and synthetic rows; use another store (--db FILE; the demo's own is .rerate/demo.duckdb) or pass --allow-synthetic-mix`,
  });
}

/**
 * Refuses to load the synthetic demo into a store that holds real market data, unless allowed.
 * @throws InvalidInputError naming the store and the way out
 */
export async function refuseSyntheticIntoReal(store: Store, allow: boolean | undefined): Promise<void> {
  if (allow || !(await storeHasRealMarketData(store))) return;
  throw InvalidInputError.at({
    column: "--db", value: store.path,
    reason: "holds real market data: loading the synthetic demo into it would mix synthetic and real rows; run the demo without --db (it uses .rerate/demo.duckdb) or pass --allow-synthetic-mix",
  });
}
