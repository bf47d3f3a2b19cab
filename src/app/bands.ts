import { InvalidInputError, NotFoundError } from "../errors.js";
import type { Currency } from "../models/index.js";
import { multipleBands, type MultipleBands } from "../core/attribution/index.js";
import { forwardPE, trailingPE, type MultipleContext, type MultipleOptions, type NmReason } from "../core/valuation/index.js";
import type { Store } from "../store/open.js";
import { readPrices } from "../store/prices.js";
import { loadValuationData, usesSyntheticData } from "./implied.js";
import type { EpsBasis } from "./attribution.js";

export interface BandsRequest {
  security: string;
  from?: string;
  to?: string;
  /** Freshness limits and other options of the multiples (MultipleOptions). */
  options?: MultipleOptions;
}

/** One multiple's history and where today's value sits in it. */
export interface BandSeries {
  basis: EpsBasis;
  /** "trailing P/E (last FY)" or "forward P/E (NTM)". */
  metric: "trailingPE" | "forwardPENtm";
  /** One value per session (null when n.m. that day). */
  values: (number | null)[];
  /** Sessions with no meaningful multiple, by reason. */
  nmDays: Partial<Record<NmReason, number>>;
  bands: MultipleBands | undefined;
}

export interface BandsResult {
  security: string;
  currency: Currency;
  synthetic: boolean;
  dates: string[];
  trailing: BandSeries;
  forward: BandSeries;
}

/**
 * Where a security's trailing and forward (NTM) P/E sit in their own history: the multiple on every session
 * between `from` and `to` (point in time: each day uses only figures known that day, FX of that day), its mean,
 * ±1 and ±2 sd bands, today's z-score and percentile. n.m. days (EPS ≤ 0, P/E above 200x, no estimate, figures
 * older than the freshness limits of `req.options`) are left out of the statistics and counted by reason.
 * @throws NotFoundError when the security has no prices in the range.
 */
export async function computeBands(store: Store, req: BandsRequest): Promise<BandsResult> {
  if (req.from !== undefined && req.to !== undefined && !(req.from < req.to)) throw new InvalidInputError(`from (${req.from}) must be before to (${req.to})`);
  const data = await loadValuationData(store, req.security, req.to);
  const prices = await readPrices(store, req.security, { ...(req.from ? { from: req.from } : {}), ...(req.to ? { to: req.to } : {}) });
  if (prices.dates.length === 0) throw new NotFoundError(`no prices for ${req.security}${req.from || req.to ? ` between ${req.from ?? "start"} and ${req.to ?? "end"}` : ""}`);
  const currency = prices.currency as Currency;
  const dates: string[] = [];
  const series = { trailing: [] as (number | null)[], forward: [] as (number | null)[] };
  const nm = { trailing: {} as BandSeries["nmDays"], forward: {} as BandSeries["nmDays"] };
  for (let i = 0; i < prices.dates.length; i++) {
    const close = prices.close[i]!;
    if (!(close > 0)) continue;
    const date = prices.dates[i]!;
    dates.push(date);
    const ctx: MultipleContext = {
      security: data.security, asOf: date, price: { date, close, currency }, fundamentals: data.fundamentals, estimates: data.estimates, fx: data.fx,
      ...(req.options !== undefined ? { options: req.options } : {}),
    };
    for (const basis of ["trailing", "forward"] as const) {
      const r = basis === "trailing" ? trailingPE(ctx, "FY") : forwardPE(ctx, "NTM");
      series[basis].push(r.value ?? null);
      if (r.value === undefined) nm[basis][r.nm] = (nm[basis][r.nm] ?? 0) + 1;
    }
  }
  const make = (basis: EpsBasis): BandSeries => ({
    basis, metric: basis === "trailing" ? "trailingPE" : "forwardPENtm", values: series[basis], nmDays: nm[basis],
    bands: multipleBands(series[basis]),
  });
  return {
    security: data.security.id, currency, synthetic: await usesSyntheticData(store, [data.security]), dates,
    trailing: make("trailing"), forward: make("forward"),
  };
}
