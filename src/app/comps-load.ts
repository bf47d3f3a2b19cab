import type { Currency, Estimate, Fundamental, FxRate } from "../models/index.js";
import { isoToDayNumber } from "../core/dates.js";
import type { PriceColumns } from "../core/valuation/index.js";
import { readEstimates, readFundamentals } from "../store/fundamentals.js";
import { readFxRates } from "../store/fx.js";
import type { Store } from "../store/open.js";
import { readClosesOnOrBefore, readPrices } from "../store/prices.js";
import { getSecurities, type StoredSecurity } from "../store/securities.js";
import type { PeerGroup } from "./comps.js";
import { mapToInt32 } from "../core/typed-arrays.js";

/** A security of a group that could not be valued at all, and why. */
export interface MissingMember {
  group: string;
  security: string;
  reason: string;
}

/** What valuing a set of groups on one date needs, read once. */
export interface ValuationInputs {
  securities: Map<string, StoredSecurity>;
  /** Last close on or before the date, per security (absent: no price yet). */
  prices: Map<string, { date: string; close: number; currency: Currency }>;
  fundamentals: Fundamental[];
  estimates: Estimate[];
  fx: FxRate[];
  missing: MissingMember[];
}

const uniq = (xs: readonly string[]) => [...new Set(xs)];
const entitiesOf = (secs: Iterable<StoredSecurity>) => uniq([...secs].flatMap((s) => (s.issuer !== undefined ? [s.id, s.issuer] : [s.id])));

async function readSecurities(store: Store, groups: readonly PeerGroup[], missing: MissingMember[]): Promise<Map<string, StoredSecurity>> {
  const found = await getSecurities(store, groups.flatMap((g) => g.securities));
  const out = new Map<string, StoredSecurity>();
  for (const g of groups) {
    for (const id of g.securities) {
      const s = found.get(id);
      if (s === undefined) missing.push({ group: g.id, security: id, reason: "not in the store (import a security master, or check the symbol)" });
      else out.set(id, s);
    }
  }
  return out;
}

/**
 * Reads everything needed to value the groups' securities as of a date: the security master rows, each last close on
 * or before the date, fundamentals and estimates of their issuers known by then, and FX fixings up to then.
 * Securities not in the store, or with no price yet, are listed in `missing` with the reason.
 */
export async function loadValuationInputs(store: Store, groups: readonly PeerGroup[], asOf: string): Promise<ValuationInputs> {
  const missing: MissingMember[] = [];
  const securities = await readSecurities(store, groups, missing);
  const prices = new Map<string, { date: string; close: number; currency: Currency }>();
  const closes = await readClosesOnOrBefore(store, [...securities.keys()], asOf);
  for (const s of securities.values()) {
    const p = closes.get(s.id);
    if (p !== undefined) prices.set(s.id, { date: p.date, close: p.close, currency: p.currency as Currency });
  }
  for (const g of groups) {
    for (const id of g.securities) {
      if (securities.has(id) && !prices.has(id)) missing.push({ group: g.id, security: id, reason: `no price on or before ${asOf}` });
    }
  }
  const entities = entitiesOf(securities.values());
  return {
    securities, prices, missing,
    // Only the versions point-in-time selection keeps: a store with years of monthly consensus sends a few rows per figure, not thousands.
    fundamentals: await readFundamentals(store, entities, asOf, { latest: true }),
    estimates: await readEstimates(store, entities, asOf, { latest: true }),
    fx: await readFxRates(store, asOf),
  };
}

/** What valuing the groups on many dates needs: closes as columns up to the last date, and every row up to it. */
export interface PanelInputs {
  securities: Map<string, StoredSecurity>;
  prices: Map<string, PriceColumns>;
  fundamentals: Fundamental[];
  estimates: Estimate[];
  fx: FxRate[];
  missing: MissingMember[];
}

/** Reads the groups' securities for a history ending on `to` (rows known later are left out). */
export async function loadPanelInputs(store: Store, groups: readonly PeerGroup[], to: string): Promise<PanelInputs> {
  const missing: MissingMember[] = [];
  const securities = await readSecurities(store, groups, missing);
  const prices = new Map<string, PriceColumns>();
  for (const s of securities.values()) {
    const p = await readPrices(store, s.id, { to });
    prices.set(s.id, {
      days: mapToInt32(p.dates, (d) => isoToDayNumber(d)),
      close: p.close,
      currency: (p.currency || s.currency) as Currency,
    });
  }
  const entities = entitiesOf(securities.values());
  return {
    securities, prices, missing,
    fundamentals: await readFundamentals(store, entities, to),
    estimates: await readEstimates(store, entities, to),
    fx: await readFxRates(store, to),
  };
}

export { usesSyntheticData } from "../store/provenance.js";
