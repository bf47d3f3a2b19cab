import { InvalidInputError } from "../errors.js";
import type { Currency } from "../models/index.js";
import {
  impliedPrices, valuationGap, MULTIPLE_UNITS, PEER_STATISTICS,
  type HistoryFrequency, type ImpliedPriceRow, type ListingRule, type MultipleKind, type MultipleOptions, type PeerStatistic, type ValuationGap,
} from "../core/valuation/index.js";
import type { Store } from "../store/open.js";
import type { PeerGroup } from "./comps.js";
import { computePeerComps, DEFAULT_COMPS_METRICS, type PeerComps } from "./comps-table.js";
import { computeGapHistory, type GapHistoryResult } from "./gap-history.js";

/** A request for {@link computeWall}. */
export interface WallRequest {
  a: PeerGroup;
  b: PeerGroup;
  asOf?: string;
  /** The multiple the wall is measured on; default forwardPENtm (calendarised forward P/E). */
  metric?: MultipleKind;
  /** Other metrics to show in the table and gap list; default the comps defaults. */
  metrics?: readonly MultipleKind[];
  /** Which peer aggregate closes the gap and drives the history; default median. */
  statistic?: PeerStatistic;
  /** Fractions of the gap to close; default 0.25, 0.5, 1. */
  close?: readonly number[];
  currency?: Currency;
  /** The gap through time, ending on the as-of date. */
  history?: { from: string; to?: string; every?: HistoryFrequency };
  options?: MultipleOptions;
  /** One issuer, one vote: which listing of an issuer votes (default "first"); "per-listing" counts every listing. */
  listing?: ListingRule;
}

/** The valuation wall between two peer groups. */
export interface Wall {
  asOf: string;
  metric: MultipleKind;
  statistic: PeerStatistic;
  close: number[];
  synthetic: boolean;
  a: PeerGroup;
  b: PeerGroup;
  comps: PeerComps;
  /** Gap of A to B per metric shown, on each aggregate. */
  gaps: Partial<Record<MultipleKind, Partial<Record<PeerStatistic, ValuationGap>>>>;
  /** Each member of A if its multiple closed the fractions of the way to B's aggregate. */
  closing: ImpliedPriceRow[];
  history?: GapHistoryResult;
}

/** Checks a fraction list: finite numbers in (0, 2]. */
function checkFractions(close: readonly number[]): number[] {
  if (close.length === 0) throw InvalidInputError.at({ column: "--close", value: "", reason: "names no fraction; e.g. 0.25,0.5,1" });
  for (const x of close) {
    if (!(Number.isFinite(x) && x > 0 && x <= 2)) throw InvalidInputError.at({ column: "--close", value: String(x), reason: "must be a fraction of the gap in (0, 2], e.g. 0.5 for half" });
  }
  return [...close];
}

/**
 * The valuation wall: comps of two peer groups as of a date, the gap of A to B on every multiple shown (A/B − 1 and
 * the earnings-yield gap, on median, harmonic mean and cap-weighted aggregates), the implied price of each member of
 * A if its multiple closed x of the way to B's aggregate, and, when asked, the gap's history with today's percentile.
 *
 * @throws InvalidInputError for a metric that is not a multiple, bad fractions or dates; NotFoundError when nothing
 *   can be valued.
 */
export async function computeWall(store: Store, req: WallRequest): Promise<Wall> {
  const metric = req.metric ?? "forwardPENtm";
  if (MULTIPLE_UNITS[metric] !== "x") throw InvalidInputError.at({ column: "--metric", value: metric, reason: "is not a multiple; the wall compares multiples (pe, fpe, ev_ebitda, ps, …)" });
  const statistic = req.statistic ?? "median";
  if (!PEER_STATISTICS.includes(statistic)) throw InvalidInputError.at({ column: "--stat", value: String(statistic), reason: `must be one of ${PEER_STATISTICS.join(", ")}` });
  const close = checkFractions(req.close ?? [0.25, 0.5, 1]);
  const metrics = [metric, ...(req.metrics ?? DEFAULT_COMPS_METRICS).filter((m) => m !== metric)];
  const ids = new Set(req.a.securities);
  const overlap = req.b.securities.filter((s) => ids.has(s));
  if (overlap.length > 0) throw InvalidInputError.at({ column: "--b", value: overlap.join(","), reason: "is also in group A; a security can sit on one side of the wall only" });
  const a = { ...req.a, id: req.a.id === req.b.id ? `${req.a.id}-a` : req.a.id };
  const comps = await computePeerComps(store, {
    groups: [a, req.b], metrics,
    ...(req.asOf !== undefined ? { asOf: req.asOf } : {}),
    ...(req.currency !== undefined ? { currency: req.currency } : {}),
    ...(req.options !== undefined ? { options: req.options } : {}),
    ...(req.listing !== undefined ? { listing: req.listing } : {}),
  });
  const aggA = comps.aggregates[a.id] ?? {};
  const aggB = comps.aggregates[req.b.id] ?? {};
  const gaps: Wall["gaps"] = {};
  for (const m of metrics) {
    if (MULTIPLE_UNITS[m] !== "x") continue;
    const per: Partial<Record<PeerStatistic, ValuationGap>> = {};
    for (const s of PEER_STATISTICS) {
      const g = valuationGap(aggA[m]?.[s], aggB[m]?.[s]);
      if (g !== undefined) per[s] = g;
    }
    gaps[m] = per;
  }
  const target = aggB[metric]?.[statistic];
  const closing = impliedPrices(comps.rows.filter((r) => r.group === a.id).map((r) => {
    const res = r.multiples[metric];
    const price = res.inputs.price ?? r.multiples.marketCap.inputs.price;
    return {
      id: r.security.id, currency: price?.currency ?? r.security.currency,
      ...(price !== undefined ? { price: price.close } : {}),
      ...(res.value !== undefined ? { multiple: res.value } : { nm: res.nm }),
    };
  }), target, close);
  const wall: Wall = { asOf: comps.asOf, metric, statistic, close, synthetic: comps.synthetic, a, b: req.b, comps, gaps, closing };
  if (req.history !== undefined) {
    const to = req.history.to ?? comps.asOf;
    wall.history = await computeGapHistory(store, {
      a, b: req.b, metric, statistic, from: req.history.from, to, every: req.history.every ?? "month",
      ...(req.options !== undefined ? { options: req.options } : {}),
      ...(req.listing !== undefined ? { listing: req.listing } : {}),
    });
  }
  return wall;
}
