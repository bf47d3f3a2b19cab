import { EmptyDataError, InvalidInputError, NotFoundError } from "../errors.js";
import type { Currency } from "../models/index.js";
import { isIsoDate } from "../core/dates.js";
import {
  aggregateMultiples, computeMultiples, createFxLookup, marketCap, MULTIPLE_UNITS, selectIssuerVotes,
  type LeftOutListing, type ListingRule, type MultipleAggregate, type MultipleKind, type MultipleOptions, type MultipleResult, type SecurityMultiples,
} from "../core/valuation/index.js";
import type { Store } from "../store/open.js";
import type { StoredSecurity } from "../store/securities.js";
import type { PeerGroup } from "./comps.js";
import { loadValuationInputs, type MissingMember } from "./comps-load.js";
import { latestPriceDate, usesSyntheticData } from "../store/provenance.js";

/** Metrics a comps table shows when none are asked for. */
export const DEFAULT_COMPS_METRICS: readonly MultipleKind[] = ["trailingPE", "forwardPENtm", "forwardPEFy1", "evToEbitda", "priceToSales"];

/** One security of a comps table. */
export interface PeerCompsRow {
  group: string;
  security: StoredSecurity;
  /** Every multiple, point in time, each with its inputs (for --explain and JSON). */
  multiples: SecurityMultiples;
  /** Market cap in the table's currency. */
  marketCap: MultipleResult;
}

/** A comps table of one or more peer groups as of a date. */
export interface PeerComps {
  asOf: string;
  /** Currency of amounts (market cap); multiples do not depend on it. */
  currency: Currency;
  metrics: MultipleKind[];
  synthetic: boolean;
  groups: PeerGroup[];
  rows: PeerCompsRow[];
  missing: MissingMember[];
  /** Per group id, per metric that is a multiple (x): median, harmonic mean, cap-weighted, mean, min, max, n. */
  aggregates: Record<string, Partial<Record<MultipleKind, MultipleAggregate>>>;
  /** Which listing of an issuer with several in a group votes in the aggregates ("first" unless asked). */
  listing: ListingRule;
  /** Listings shown in the table but left out of their group's aggregates (one issuer, one vote). */
  leftOut: LeftOutListing[];
}

/** A request for {@link computePeerComps}. */
export interface PeerCompsRequest {
  groups: readonly PeerGroup[];
  /** ISO date; default the latest price date of the securities. */
  asOf?: string;
  metrics?: readonly MultipleKind[];
  /** Currency for market caps; default USD. */
  currency?: Currency;
  options?: MultipleOptions;
  /** One issuer, one vote: which listing of an issuer votes (default "first"); "per-listing" counts every listing. */
  listing?: ListingRule;
}

/** Peer aggregate rows of one metric for `aggregateMultiples`, cap-weighted on USD market caps. */
export function aggregateRows(rows: readonly PeerCompsRow[], metric: MultipleKind): MultipleAggregate {
  return aggregateMultiples(rows.map((r) => {
    const res = r.multiples[metric];
    const cap = r.multiples.marketCapUsd.value;
    return {
      id: r.security.id,
      ...(res.value !== undefined ? { value: res.value } : { nm: res.nm, message: res.message }),
      ...(cap !== undefined ? { marketCap: cap } : {}),
    };
  }));
}

/**
 * Comps of one or more peer groups as of a date: every multiple of every security (point in time, FX at the as-of
 * date, explained), market cap in the chosen currency, and peer aggregates per group for each multiple asked for.
 * A security that cannot be valued at all is listed in `missing`; one with n.m. multiples stays in the table.
 * One issuer, one vote: of an issuer's listings in one group only one (`req.listing`, default the first named that
 * could be valued) enters the aggregates; the others stay in the table and are listed in `leftOut`.
 *
 * @throws InvalidInputError for a bad asOf; NotFoundError when no security has a price; EmptyDataError for no groups.
 */
export async function computePeerComps(store: Store, req: PeerCompsRequest): Promise<PeerComps> {
  if (req.groups.length === 0 || req.groups.every((g) => g.securities.length === 0)) throw new EmptyDataError("comps need at least one security");
  if (req.asOf !== undefined && !isIsoDate(req.asOf)) throw InvalidInputError.at({ column: "asOf", value: req.asOf, reason: "is not a date (YYYY-MM-DD)" });
  const all = [...new Set(req.groups.flatMap((g) => g.securities))];
  const asOf = req.asOf ?? (await latestPriceDate(store, all));
  if (asOf === undefined) throw new NotFoundError(`no prices for any of ${all.join(", ")}: load the demo (rerate demo) or import prices`);
  const currency = req.currency ?? "USD";
  const metrics = [...(req.metrics ?? DEFAULT_COMPS_METRICS)];
  const inputs = await loadValuationInputs(store, req.groups, asOf);
  const fx = createFxLookup(inputs.fx);
  const rows: PeerCompsRow[] = [];
  for (const g of req.groups) {
    for (const id of g.securities) {
      const security = inputs.securities.get(id);
      const price = inputs.prices.get(id);
      if (security === undefined || price === undefined) continue;
      const ctx = {
        security, asOf, price, fx, fundamentals: inputs.fundamentals, estimates: inputs.estimates,
        ...(req.options !== undefined ? { options: req.options } : {}),
      };
      const multiples = computeMultiples(ctx);
      rows.push({ group: g.id, security, multiples, marketCap: currency === "USD" ? multiples.marketCapUsd : marketCap(ctx, currency) });
    }
  }
  if (rows.length === 0) {
    throw new NotFoundError(`none of ${all.join(", ")} could be valued on ${asOf}: ${inputs.missing.map((m) => `${m.security} (${m.reason})`).join("; ")}`);
  }
  const aggregates: PeerComps["aggregates"] = {};
  const listing = req.listing ?? "first";
  const leftOut: LeftOutListing[] = [];
  for (const g of req.groups) {
    const mine = rows.filter((r) => r.group === g.id);
    const votes = selectIssuerVotes(g.id, mine.map((r) => r.security), listing);
    leftOut.push(...votes.leftOut);
    const voters = mine.filter((r) => votes.voters.includes(r.security.id));
    aggregates[g.id] = Object.fromEntries(metrics.filter((m) => MULTIPLE_UNITS[m] === "x").map((m) => [m, aggregateRows(voters, m)]));
  }
  const synthetic = await usesSyntheticData(store, [...inputs.securities.values()]);
  return { asOf, currency, metrics, synthetic, groups: [...req.groups], rows, missing: inputs.missing, aggregates, listing, leftOut };
}
