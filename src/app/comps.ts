import { NotFoundError, EmptyDataError } from "../errors.js";
import type { LocalizedText } from "../models/common.js";
import {
  aggregateMultiples, closingScenarios, computeMultiples, createFxLookup, selectIssuerVotes, valuationGap,
  type ClosingScenario, type LeftOutListing, type ListingRule, type MultipleAggregate, type MultipleKind, type MultipleOptions, type MultipleResult, type SecurityMultiples, type ValuationGap,
} from "../core/valuation/index.js";
import type { Store } from "../store/open.js";
import { latestPriceDate, usesSyntheticData } from "../store/provenance.js";
import type { StoredSecurity } from "../store/securities.js";
import { loadValuationInputs } from "./comps-load.js";
import { computeGapHistory, type GapHistoryResult } from "./gap-history.js";
import { addDays } from "../core/dates.js";

/** A named list of securities. */
export interface PeerGroup {
  id: string;
  name: LocalizedText;
  securities: readonly string[];
}

/** Multiples the comps table aggregates and compares between groups. */
export const COMPS_METRICS = ["trailingPE", "forwardPENtm", "forwardPEFy1", "evToEbitda", "priceToSales"] as const satisfies readonly MultipleKind[];
export type CompsMetric = (typeof COMPS_METRICS)[number];

export interface CompsRow {
  group: string;
  security: StoredSecurity;
  multiples: SecurityMultiples;
}

export interface CompsResult {
  asOf: string;
  /** True when any price, fundamental or estimate used comes from the synthetic demo. */
  synthetic: boolean;
  groups: PeerGroup[];
  rows: CompsRow[];
  /** Securities that could not be valued at all (not in the store, or no price), with the reason. */
  missing: { group: string; security: string; reason: string }[];
  /** Per group id, per metric. */
  aggregates: Record<string, Record<CompsMetric, MultipleAggregate>>;
  /** Listings left out of their group's aggregates: one issuer, one vote (see `selectIssuerVotes`). */
  leftOut: LeftOutListing[];
  /** Gap of the first group to the second, per metric, on the median and the harmonic mean. */
  gap: Record<CompsMetric, { median?: ValuationGap; harmonicMean?: ValuationGap }>;
  /** For each security of the first group: price if its multiple closed x of the way to the second group's median. */
  closing: { metric: CompsMetric; security: string; price: number; currency: string; multiple: number; scenarios: ClosingScenario[] }[];
  /** The gap of the first group to the second on trailing P/E (median) at each month end before asOf (see `computeGapHistory`). */
  history?: GapHistoryResult;
}

const valueOf = (r: MultipleResult): number | undefined => ("value" in r ? r.value : undefined);

export { latestPriceDate } from "../store/provenance.js";

/**
 * Comps of peer groups as of a date: every multiple of every security (point in time, FX at the as-of date),
 * peer aggregates per group, the gap of the first group to the second and the gap-closing prices.
 * @throws NotFoundError when no security of any group has a price; EmptyDataError with fewer than two groups.
 */
export async function computeComps(
  store: Store,
  req: {
    groups: readonly PeerGroup[]; asOf?: string; closingFractions?: readonly number[]; closingMetric?: CompsMetric;
    /** Gap history: default monthly over the three years to asOf on trailing P/E (median); false for none. */
    history?: { from?: string; metric?: CompsMetric } | false;
    /** One issuer, one vote: which listing of an issuer votes (default "first"); "per-listing" counts every listing. */
    listing?: ListingRule;
    /** Options of the multiples (freshness limits, P/E cap, …). */
    options?: MultipleOptions;
  },
): Promise<CompsResult> {
  if (req.groups.length < 2) throw new EmptyDataError("comps need two peer groups to compare");
  const all = req.groups.flatMap((g) => g.securities);
  const asOf = req.asOf ?? (await latestPriceDate(store, all));
  if (asOf === undefined) throw new NotFoundError(`no prices for any of ${all.join(", ")}: load the demo (rerate demo) or import prices`);
  const inputs = await loadValuationInputs(store, req.groups, asOf);
  const fx = createFxLookup(inputs.fx);
  const rows: CompsRow[] = [];
  const missing: CompsResult["missing"] = inputs.missing;
  for (const g of req.groups) {
    for (const id of g.securities) {
      const security = inputs.securities.get(id);
      const price = inputs.prices.get(id);
      if (security === undefined || price === undefined) continue;
      const multiples = computeMultiples({ security, asOf, price, fundamentals: inputs.fundamentals, estimates: inputs.estimates, fx, ...(req.options !== undefined ? { options: req.options } : {}) });
      rows.push({ group: g.id, security, multiples });
    }
  }
  const aggregates: CompsResult["aggregates"] = {};
  const leftOut: LeftOutListing[] = [];
  for (const g of req.groups) {
    const votes = selectIssuerVotes(g.id, rows.filter((r) => r.group === g.id).map((r) => r.security), req.listing ?? "first");
    leftOut.push(...votes.leftOut);
    const mine = rows.filter((r) => r.group === g.id && votes.voters.includes(r.security.id));
    aggregates[g.id] = Object.fromEntries(COMPS_METRICS.map((m) => [m, aggregateMultiples(mine.map((r) => {
      const res = r.multiples[m];
      const cap = valueOf(r.multiples.marketCapUsd);
      return { id: r.security.id, ...("value" in res ? { value: res.value } : { nm: res.nm, message: res.message }), ...(cap !== undefined ? { marketCap: cap } : {}) };
    }))])) as Record<CompsMetric, MultipleAggregate>;
  }
  const [a, b] = [req.groups[0]!.id, req.groups[1]!.id];
  const gap = Object.fromEntries(COMPS_METRICS.map((m) => {
    const med = valuationGap(aggregates[a]![m].median, aggregates[b]![m].median);
    const hm = valuationGap(aggregates[a]![m].harmonicMean, aggregates[b]![m].harmonicMean);
    return [m, { ...(med ? { median: med } : {}), ...(hm ? { harmonicMean: hm } : {}) }];
  })) as CompsResult["gap"];
  const metric = req.closingMetric ?? "forwardPENtm";
  const target = aggregates[b]![metric].median;
  const closing: CompsResult["closing"] = [];
  for (const r of rows.filter((x) => x.group === a)) {
    const m = valueOf(r.multiples[metric]);
    const res = r.multiples[metric];
    const scenarios = closingScenarios(res.inputs.price?.close, m, target, req.closingFractions);
    if (scenarios && m !== undefined) closing.push({ metric, security: r.security.id, price: res.inputs.price!.close, currency: res.inputs.price!.currency, multiple: m, scenarios });
  }
  const synthetic = await usesSyntheticData(store, rows.map((r) => r.security));
  const result: CompsResult = { asOf, synthetic, groups: [...req.groups], rows, missing, aggregates, leftOut, gap, closing };
  if (req.history !== false) {
    result.history = await computeGapHistory(store, {
      a: req.groups[0]!, b: req.groups[1]!, metric: req.history?.metric ?? "trailingPE", statistic: "median",
      from: req.history?.from ?? addDays(asOf, -3 * 365), to: asOf, every: "month",
      ...(req.listing !== undefined ? { listing: req.listing } : {}),
      ...(req.options !== undefined ? { options: req.options } : {}),
    });
  }
  return result;
}
