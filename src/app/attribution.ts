import { InvalidInputError, NotFoundError } from "../errors.js";
import type { Currency } from "../models/index.js";
import {
  attributeGroup, attributeReturn, type AttributionPoint, type AttributionResult, type FxBasis, type GroupAttribution,
} from "../core/attribution/index.js";
import { addDays } from "../core/dates.js";
import {
  createFxLookup, forwardPE, marketCap, resolveFxRate, trailingPE, type FxQuoteLookup, type MultipleContext, type MultipleResult,
} from "../core/valuation/index.js";
import { readFxRates } from "../store/fx.js";
import type { Store } from "../store/open.js";
import { readPrices } from "../store/prices.js";
import type { PeerGroup } from "./comps.js";
import { loadValuationData, usesSyntheticData, type ValuationData } from "./implied.js";
import { readPriceBases, type PriceBasis } from "../store/price-basis.js";

/** Which EPS the earnings term and the P/E use: last fiscal year (trailing) or calendarised next twelve months. */
export type EpsBasis = "trailing" | "forward";

export interface AttributionRequest {
  /** One or more securities; or a group. */
  securities?: readonly string[];
  group?: PeerGroup;
  from: string;
  to: string;
  /** The investor's currency (default: the listing currency when all agree, else USD). */
  currency?: Currency;
  basis?: EpsBasis;
  fxBasis?: FxBasis;
  /** Group weights at the start: "equal" (default) or "cap" (USD market cap on the start date). */
  weights?: "equal" | "cap";
}

/** One end of a security's period, with what was used. */
export interface PointUsed {
  /** The date asked for and the session of the close used (on or before it). */
  date: string;
  priceDate: string;
  /** Close per listing unit (listing currency). */
  price: number;
  /** Adjusted close (total-return index), when stored. */
  adjClose?: number;
  /** EPS per listing unit in the listing currency, and the P/E. */
  eps: number;
  pe: number;
  /** What EPS is, e.g. "EPS FY2025" or "EPS NTM (FY2026/FY2027)". */
  epsLabel: string;
  /** Investor currency per listing currency, and listing currency per reporting currency. */
  fx: number;
  translation: number;
  /** USD market cap (for weights). */
  marketCapUsd?: number;
}

export interface AttributionRow {
  security: string;
  listingCurrency: Currency;
  /** The stored series' basis: raw closes (with adjusted closes beside them or not), or adjusted closes only. */
  priceBasis?: PriceBasis;
  /**
   * What the return is: `total` (raw closes with the dividend term from adjusted closes at both ends, or an
   * adjusted-only series whose price term already holds the dividends) or `price` (closes only, dividend term 0).
   */
  returnBasis?: "total" | "price";
  start?: PointUsed;
  end?: PointUsed;
  result: AttributionResult;
}

export interface AttributionReport {
  from: string;
  to: string;
  currency: Currency;
  basis: EpsBasis;
  fxBasis: FxBasis;
  weights: "equal" | "cap";
  synthetic: boolean;
  group?: PeerGroup;
  rows: AttributionRow[];
  /** The group (or several securities) taken together; undefined for one security or no usable member. */
  aggregate?: GroupAttribution;
  notes: string[];
}

const SESSION_LOOKBACK_DAYS = 10;

/** The last bar on or before a date, with its adjusted close. */
async function barOnOrBefore(store: Store, id: string, date: string): Promise<{ date: string; close: number; adjClose?: number; currency: Currency } | undefined> {
  const p = await readPrices(store, id, { from: addDays(date, -SESSION_LOOKBACK_DAYS), to: date });
  for (let i = p.dates.length - 1; i >= 0; i--) {
    const close = p.close[i]!;
    if (!(close > 0)) continue;
    const adj = p.adjClose[i]!;
    return { date: p.dates[i]!, close, currency: p.currency as Currency, ...(adj > 0 ? { adjClose: adj } : {}) };
  }
  return undefined;
}

const fail = (r: MultipleResult) => (r.value === undefined ? r.message : "");

/** Price, EPS and rates of one listing on one date; a string says why there are none. */
function pointOf(data: ValuationData, date: string, bar: { date: string; close: number; adjClose?: number; currency: Currency }, basis: EpsBasis, investor: Currency): PointUsed | string {
  // No cap: the attribution of a 250x stock still adds up; n.m. only for EPS ≤ 0.
  const ctx: MultipleContext = {
    security: data.security, asOf: date, price: { date: bar.date, close: bar.close, currency: bar.currency },
    fundamentals: data.fundamentals, estimates: data.estimates, fx: data.fx, options: { peCap: Number.POSITIVE_INFINITY },
  };
  const pe = basis === "trailing" ? trailingPE(ctx, "FY") : forwardPE(ctx, "NTM");
  if (pe.value === undefined) return `${date}: P/E ${basis} n.m. (${fail(pe)})`;
  const fx = resolveFxRate(bar.currency, investor, date, data.fx);
  if ("reason" in fx) return `${date}: ${fx.message}`;
  const eps = pe.inputs.denominator!;
  const label = pe.inputs.figures.length === 1 ? `EPS ${pe.inputs.figures[0]!.fiscalPeriod}` : `EPS NTM (${pe.inputs.calendarisation?.fy1}/${pe.inputs.calendarisation?.fy2})`;
  const cap = marketCap(ctx, "USD");
  return {
    date, priceDate: bar.date, price: bar.close, ...(bar.adjClose !== undefined ? { adjClose: bar.adjClose } : {}), eps, pe: pe.value, epsLabel: label,
    fx: fx.rate, translation: pe.inputs.fx[0]?.rate ?? 1, ...(cap.value !== undefined ? { marketCapUsd: cap.value } : {}),
  };
}

const toPoint = (p: PointUsed, withDividends: boolean): AttributionPoint => ({
  date: p.date, price: p.price, eps: p.eps, fx: p.fx, translation: p.translation,
  ...(withDividends && p.adjClose !== undefined ? { totalReturnIndex: p.adjClose } : {}),
});

/**
 * Re-rating attribution between two dates: each security's return in the investor's currency split into earnings
 * growth, multiple change, FX and dividends (point in time at both ends), and for several securities or a group
 * the buy-and-hold portfolio's split. A security that cannot be attributed is a row with its reason.
 * @throws InvalidInputError when from ≥ to or no security is named; NotFoundError when no security has a price.
 */
export async function computeAttribution(store: Store, req: AttributionRequest): Promise<AttributionReport> {
  if (!(req.from < req.to)) throw new InvalidInputError(`from (${req.from}) must be before to (${req.to})`);
  const ids = [...(req.securities ?? []), ...(req.group?.securities ?? [])];
  if (ids.length === 0) throw new InvalidInputError("name a security or a group to attribute");
  const basis = req.basis ?? "trailing";
  const fxBasis = req.fxBasis ?? "listing";
  const weights = req.weights ?? "equal";
  const fx: FxQuoteLookup = createFxLookup(await readFxRates(store, req.to));
  const notes: string[] = [];
  const loaded: { data: ValuationData; start?: Awaited<ReturnType<typeof barOnOrBefore>>; end?: Awaited<ReturnType<typeof barOnOrBefore>> }[] = [];
  const missing: AttributionRow[] = [];
  for (const id of ids) {
    try {
      const data = await loadValuationData(store, id, req.to, fx);
      loaded.push({ data, start: await barOnOrBefore(store, id, req.from), end: await barOnOrBefore(store, id, req.to) });
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      missing.push({ security: id, listingCurrency: "USD", result: { from: req.from, to: req.to, nm: "missing_input", message: e.message } });
    }
  }
  if (loaded.every((l) => l.start === undefined || l.end === undefined)) {
    throw new NotFoundError(`no prices for ${ids.join(", ")} around ${req.from} and ${req.to}: load the demo (rerate demo) or import prices`);
  }
  const listingCurrencies = new Set(loaded.map((l) => l.data.security.currency));
  const currency: Currency = req.currency ?? (listingCurrencies.size === 1 ? [...listingCurrencies][0]! : "USD");

  const bases = await readPriceBases(store, loaded.map((l) => l.data.security.id));
  const rows: AttributionRow[] = [];
  for (const l of loaded) {
    const id = l.data.security.id;
    const priceBasis = bases.get(id) ?? "raw";
    const row: AttributionRow = { security: id, listingCurrency: l.data.security.currency, priceBasis, result: { from: req.from, to: req.to, nm: "missing_input", message: "" } };
    rows.push(row);
    if (!l.start || !l.end) {
      row.result = { from: req.from, to: req.to, nm: "missing_input", message: `no price within ${SESSION_LOOKBACK_DAYS} days before ${l.start ? req.to : req.from}` };
      continue;
    }
    const s = pointOf(l.data, req.from, l.start, basis, currency);
    const e = pointOf(l.data, req.to, l.end, basis, currency);
    if (typeof s !== "string") row.start = s;
    if (typeof e !== "string") row.end = e;
    if (typeof s === "string" || typeof e === "string") {
      const message = [s, e].filter((x): x is string => typeof x === "string").join("; ");
      row.result = { from: req.from, to: req.to, nm: /negative|zero/.test(message) ? "negative_earnings" : "missing_input", message };
      continue;
    }
    const withDividends = priceBasis === "raw" && s.adjClose !== undefined && e.adjClose !== undefined;
    row.returnBasis = withDividends || priceBasis === "adjusted" ? "total" : "price";
    if (priceBasis === "adjusted") notes.push(`${id}: prices stored as adjusted closes only: dividends are inside the price term (dividend term 0) and a P/E before the last dividend uses an adjusted price`);
    else if (!withDividends) notes.push(`${id}: no adjusted close at both ends, dividend term left at 0 (price return)`);
    row.result = attributeReturn(toPoint(s, withDividends), toPoint(e, withDividends), fxBasis);
  }
  rows.push(...missing);

  let aggregate: GroupAttribution | undefined;
  if (ids.length > 1) {
    aggregate = attributeGroup(rows.map((r) => {
      const w = weights === "cap" ? r.start?.marketCapUsd ?? Number.NaN : 1;
      return { id: r.security, result: r.result, weight: w };
    }));
  }
  const found = loaded.map((l) => l.data.security);
  return {
    from: req.from, to: req.to, currency, basis, fxBasis, weights, synthetic: found.length > 0 && (await usesSyntheticData(store, found)),
    ...(req.group ? { group: req.group } : {}), rows, ...(aggregate ? { aggregate } : {}), notes,
  };
}
