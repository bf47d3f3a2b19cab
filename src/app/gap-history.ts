import { InvalidInputError } from "../errors.js";
import {
  aggregateSeries, createFxDateMemo, createFxLookup, gapHistory, historyDates, multipleSeries, selectIssuerVotes,
  type GapHistory, type LeftOutListing, type ListingRule, type HistoryFrequency, type MultipleKind, type MultipleOptions, type PeerStatistic,
} from "../core/valuation/index.js";
import type { Store } from "../store/open.js";
import type { PeerGroup } from "./comps.js";
import { loadPanelInputs, type MissingMember } from "./comps-load.js";

/** A request for {@link computeGapHistory}. */
export interface GapHistoryRequest {
  a: PeerGroup;
  b: PeerGroup;
  metric: MultipleKind;
  statistic: PeerStatistic;
  from: string;
  to: string;
  every: HistoryFrequency;
  options?: MultipleOptions;
  /** One issuer, one vote: which listing of an issuer votes (default "first"); "per-listing" counts every listing. */
  listing?: ListingRule;
}

/** The gap history of two groups, with what it was computed on. */
export interface GapHistoryResult extends GapHistory {
  metric: MultipleKind;
  from: string;
  to: string;
  every: HistoryFrequency;
  /** Members that could not be valued on any date (not in the store). */
  missing: MissingMember[];
  /** Listings left out of their group's aggregate on every date (one issuer, one vote). */
  leftOut: LeftOutListing[];
}

/**
 * The valuation gap of A to B on each month end (or Friday) between two dates, each point point in time: closes on
 * or before the date, fundamentals known and estimates observed by then, FX of that date. Today's gap (the last
 * point, `to`) is placed in that history as a percentile.
 *
 * @throws InvalidInputError for bad dates or a range of more than 20 years of weekly points.
 */
export async function computeGapHistory(store: Store, req: GapHistoryRequest): Promise<GapHistoryResult> {
  const dates = historyDates(req.from, req.to, req.every);
  if (dates.length > 2000) throw InvalidInputError.at({ column: "--history", value: `${req.from}:${req.to}`, reason: `gives ${dates.length} points; use at most 2,000 (e.g. --every month)` });
  const panel = await loadPanelInputs(store, [req.a, req.b], req.to);
  const fx = createFxLookup(panel.fx);
  const memo = createFxDateMemo(fx, dates, { maxStaleDays: req.options?.maxStaleDays });
  const kinds: MultipleKind[] = req.statistic === "capWeighted" ? [req.metric, "marketCapUsd"] : [req.metric];
  const leftOut: LeftOutListing[] = [];
  const seriesOf = (g: PeerGroup) => {
    const values: Float64Array[] = [];
    const caps: Float64Array[] = [];
    const present = g.securities.flatMap((id) => {
      const s = panel.securities.get(id);
      return s !== undefined && panel.prices.has(id) ? [s] : [];
    });
    const votes = selectIssuerVotes(g.id, present, req.listing ?? "first");
    leftOut.push(...votes.leftOut);
    for (const id of votes.voters) {
      const security = panel.securities.get(id);
      const prices = panel.prices.get(id);
      if (security === undefined || prices === undefined) continue;
      const [v, cap] = multipleSeries(
        { security, prices, fundamentals: panel.fundamentals, estimates: panel.estimates, fx, ...(req.options !== undefined ? { options: req.options } : {}) },
        dates, kinds, memo,
      );
      values.push((v as { values: Float64Array }).values);
      if (cap !== undefined) caps.push(cap.values);
    }
    return aggregateSeries(values.length > 0 ? values : [new Float64Array(dates.length).fill(Number.NaN)], req.statistic, req.statistic === "capWeighted" ? (caps.length > 0 ? caps : [new Float64Array(dates.length)]) : undefined);
  };
  const history = gapHistory(dates, seriesOf(req.a), seriesOf(req.b));
  return { ...history, metric: req.metric, from: req.from, to: req.to, every: req.every, missing: panel.missing, leftOut };
}
