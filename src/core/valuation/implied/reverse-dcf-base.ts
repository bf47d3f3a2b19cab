import type { Currency } from "../../../models/index.js";
import { daysBetween } from "../../dates.js";
import { convertAmount } from "../fx.js";
import { marketCap } from "../market-cap.js";
import { pointInTimeFundamentals } from "../point-in-time.js";
import { trailingPE } from "../trailing-pe.js";
import type { FigureUsed, FxUsed, MultipleContext, PriceUsed } from "../types.js";

/** What a reverse DCF of one listing starts from: its price and base cash flow per listing unit, in one currency. */
export interface ReverseDcfBase {
  basis: "earnings" | "fcf";
  /** Close per listing unit (listing currency). */
  price: PriceUsed;
  /** CF_0 per listing unit in the listing currency: last fiscal year's EPS, or FCF per listing. */
  cashFlow0: number;
  currency: Currency;
  /** Fiscal year of the base figure, e.g. "FY2025". */
  fiscalPeriod: string;
  /** The base figure in its reporting currency per ordinary share (EPS) or in total (FCF). */
  reported: { value: number; currency: Currency };
  figures: FigureUsed[];
  fx: FxUsed[];
  /** price / CF_0 (x). */
  multiple: number;
}

/** Why there is no base: the figure is missing, not positive, or cannot be converted. */
export interface ReverseDcfBaseNm {
  basis: "earnings" | "fcf";
  nm: string;
  message: string;
}

const annual = /^FY\d{4}$/;

/**
 * The base of a reverse DCF for one listing as of a date (point in time): the price and last fiscal year's
 * earnings per listing unit (EPS × sharesPerListing, converted to the listing currency at the as-of rate, as for
 * trailing P/E), or its free cash flow per listing unit (FCF × sharesPerListing / shares, converted likewise).
 *
 * @param ctx - the listing, asOf, price, fundamentals, FX lookup (as for `computeMultiples`).
 * @param basis - "earnings" (default) or "fcf".
 * @returns price, CF_0 and the figures and FX used; or an n.m. with the reason (EPS or FCF ≤ 0, missing figure,
 *   missing FX rate).
 * @example reverseDcfBase(ctx).multiple // the trailing P/E, uncapped
 * @see FORMULAS.md "Implied expectations"
 */
export function reverseDcfBase(ctx: MultipleContext, basis: "earnings" | "fcf" = "earnings"): ReverseDcfBase | ReverseDcfBaseNm {
  // No P/E cap here: a reverse DCF of a 250x stock is still a question worth answering.
  const uncapped: MultipleContext = { ...ctx, options: { ...ctx.options, peCap: Number.POSITIVE_INFINITY } };
  if (basis === "earnings") {
    const pe = trailingPE(uncapped, "FY");
    if (pe.value === undefined) return { basis, nm: pe.nm, message: pe.message };
    const eps = pe.inputs.figures.find((f) => f.role === "EPS")!;
    return {
      basis, price: pe.inputs.price!, cashFlow0: pe.inputs.denominator!, currency: ctx.price.currency, fiscalPeriod: eps.fiscalPeriod,
      reported: { value: eps.value, currency: eps.currency ?? ctx.security.reportingCurrency ?? ctx.price.currency },
      figures: pe.inputs.figures, fx: pe.inputs.fx, multiple: pe.value,
    };
  }
  const cap = marketCap(uncapped);
  if (cap.value === undefined) return { basis, nm: cap.nm, message: cap.message };
  const entities = new Set(ctx.security.issuer !== undefined ? [ctx.security.id, ctx.security.issuer] : [ctx.security.id]);
  const rows = pointInTimeFundamentals(ctx.fundamentals.filter((r) => entities.has(r.entity)), ctx.asOf)
    .filter((r) => r.metric === "freeCashFlow" && annual.test(r.fiscalPeriod))
    .sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : a.periodEnd > b.periodEnd ? -1 : 0));
  const row = rows[0];
  if (row === undefined) return { basis, nm: "missing_input", message: `no freeCashFlow for a fiscal year known on ${ctx.asOf}` };
  const from = row.currency ?? ctx.security.reportingCurrency ?? ctx.price.currency;
  const c = convertAmount(row.value, from, ctx.price.currency, ctx.asOf, ctx.fx, { maxStaleDays: ctx.options?.maxStaleDays });
  if (c.value === undefined) return { basis, nm: "missing_fx", message: `free cash flow ${row.fiscalPeriod}: ${c.message}` };
  if (!(c.value > 0)) return { basis, nm: "negative_earnings", message: `free cash flow ${row.fiscalPeriod} (${row.value} ${from}) is not positive` };
  const price = cap.inputs.price!;
  const figure: FigureUsed = {
    role: "free cash flow", entity: row.entity, metric: row.metric, fiscalPeriod: row.fiscalPeriod, periodEnd: row.periodEnd,
    value: row.value, currency: from, unit: row.unit, origin: "reported", knownFrom: row.knownFrom,
    ageDays: daysBetween(row.periodEnd, ctx.asOf), knownAgeDays: daysBetween(row.knownFrom, ctx.asOf),
    ...(row.source !== undefined ? { source: row.source } : {}),
  };
  const fx: FxUsed[] = [...cap.inputs.fx];
  if (c.path.length > 0) fx.push({ from, to: c.to, date: c.date, rate: c.rate, path: c.path, staleDays: c.staleDays, ageDays: c.staleDays, what: "free cash flow" });
  const multiple = cap.value / c.value;
  return {
    basis, price, cashFlow0: price.close / multiple, currency: ctx.price.currency, fiscalPeriod: row.fiscalPeriod,
    reported: { value: row.value, currency: from }, figures: [...cap.inputs.figures, figure], fx, multiple,
  };
}
