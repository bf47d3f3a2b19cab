import type { Currency, Fundamental, Metric, Security } from "../../models/index.js";
import { evaluate, notMeaningful, type Draft } from "./_evaluate.js";
import { draftFiscalYears } from "./_forward.js";
import {
  currencyOf, fmt, findEstimate, needLatestFigure, needPrice, recordFigure, requireFreshEstimate, requireFreshFigure, toComparisonCurrency, visibleFundamentals,
} from "./_inputs.js";
import { needFyEpsOnLatestBasis } from "./_fy-eps.js";
import { peFromEps } from "./_pe.js";
import { needTrailingFourQuarters } from "./_ttm.js";
import { calendarisedNtmEps, ntmWeightFy1 } from "./calendarise.js";
import type { MultipleContext, MultipleKind, MultipleResult } from "./types.js";

/** Which earnings period: last reported fiscal year, last four quarters (two halves for half-yearly reporters), forward FY1 / FY2, calendarised NTM. */
export type PePeriod = "FY" | "TTM" | "FY1" | "FY2" | "NTM";
/**
 * Which EPS: diluted, basic, net income / diluted shares (reported periods only), or the company's adjusted
 * (non-GAAP) EPS, diluted before basic (reported periods only; most quoted P/Es of Chinese ADRs are on it).
 */
export type PeEps = "diluted" | "basic" | "netIncome" | "adjusted";
/**
 * How EPS meets the listing's price: per listing unit (EPS × sharesPerListing, the right way), or per ordinary share
 * with the depositary ratio ignored (a common slip that inflates an ADS's P/E by the ratio).
 */
export type PeListing = "listing" | "share";

/** One way of computing a P/E that a note might have used. */
export interface PeDefinition {
  /** Stable id, e.g. "NTM.diluted.listing". */
  id: string;
  period: PePeriod;
  eps: PeEps;
  listing: PeListing;
}

const PERIODS: readonly PePeriod[] = ["FY", "TTM", "FY1", "FY2", "NTM"];
const KIND: Record<PePeriod, MultipleKind> = { FY: "trailingPE", TTM: "ttmPE", FY1: "forwardPEFy1", FY2: "forwardPEFy2", NTM: "forwardPENtm" };
const METRICS: Record<Exclude<PeEps, "netIncome">, readonly Metric[]> = { diluted: ["epsDiluted"], basic: ["epsBasic"], adjusted: ["epsAdjustedDiluted", "epsAdjusted"] };

/**
 * Every P/E definition that applies to a listing: each period × EPS basis (net income / diluted shares and adjusted
 * EPS only for reported periods) × listing basis ("share" only when the listing represents several ordinary shares).
 *
 * @param security - the listing (its sharesPerListing decides whether the per-share variant exists).
 * @returns the definitions, the conventional one (`FY.diluted.listing`) first within each period.
 * @example peDefinitions(baba).length // 28 = (4 + 4 + 2 + 2 + 2) EPS bases × 2 listing bases
 */
export function peDefinitions(security: Security): PeDefinition[] {
  const listings: PeListing[] = (security.sharesPerListing ?? 1) !== 1 ? ["listing", "share"] : ["listing"];
  const out: PeDefinition[] = [];
  for (const period of PERIODS) {
    const bases: PeEps[] = period === "FY" || period === "TTM" ? ["diluted", "basic", "netIncome", "adjusted"] : ["diluted", "basic"];
    for (const eps of bases) for (const listing of listings) out.push({ id: `${period}.${eps}.${listing}`, period, eps, listing });
  }
  return out;
}

/** Net income / diluted shares of the same fiscal period (or the latest diluted count when that period has none). */
function perShareFromNetIncome(d: Draft, netIncome: { value: number; currency: Currency; label: string; period: string }): number {
  const sameRow = visibleFundamentals(d).filter((r) => r.metric === "sharesDiluted" && r.fiscalPeriod === netIncome.period);
  let shares: Fundamental;
  if (sameRow.length > 0) {
    shares = sameRow.reduce((a, r) => (r.knownFrom > a.knownFrom ? r : a));
    recordFigure(d, "diluted shares", shares);
    requireFreshFigure(d, shares, "shares", `diluted shares ${shares.fiscalPeriod}`);
  } else shares = needLatestFigure(d, "diluted shares", ["sharesDiluted"], false, "shares");
  if (!(shares.value > 0)) notMeaningful("non_positive_input", `diluted shares ${shares.fiscalPeriod} (${fmt(shares.value)}) is not positive`);
  return netIncome.value / shares.value;
}

/** EPS per ordinary share in its reporting currency under a definition. */
function epsUnder(d: Draft, def: PeDefinition): { value: number; currency: Currency; label: string } {
  if (def.period === "FY") {
    if (def.eps === "netIncome") {
      const row = needLatestFigure(d, "net income", ["netIncome"], true);
      const label = `net income ${row.fiscalPeriod} / diluted shares`;
      return { value: perShareFromNetIncome(d, { value: row.value, currency: currencyOf(d, row), label, period: row.fiscalPeriod }), currency: currencyOf(d, row), label };
    }
    const { row, value } = needFyEpsOnLatestBasis(d, "EPS", METRICS[def.eps]);
    return { value, currency: currencyOf(d, row), label: `${def.eps === "adjusted" ? "adjusted EPS" : "EPS"} ${row.fiscalPeriod}` };
  }
  if (def.period === "TTM") {
    if (def.eps === "netIncome") {
      const ttm = needTrailingFourQuarters(d, "net income", ["netIncome"]);
      const last = d.inputs.figures[d.inputs.figures.length - 1] as { fiscalPeriod: string };
      return { value: perShareFromNetIncome(d, { ...ttm, period: last.fiscalPeriod }), currency: ttm.currency, label: `${ttm.label} / diluted shares` };
    }
    return needTrailingFourQuarters(d, def.eps === "adjusted" ? "adjusted EPS" : "EPS", METRICS[def.eps]);
  }
  const metric = METRICS[def.eps as "diluted" | "basic"][0] as Metric;
  const years = draftFiscalYears(d);
  const need = (label: string, role: string, weight?: number) => {
    const est = findEstimate(d, [metric], label);
    if (est === undefined) notMeaningful("missing_input", `no ${d.ctx.options?.estimator ?? "consensus"} ${metric} estimate for ${label} observed on or before ${d.ctx.asOf}`);
    recordFigure(d, role, est, weight);
    requireFreshEstimate(d, est, `${role} ${est.metric}`);
    return { value: est.value, currency: currencyOf(d, est) };
  };
  if (def.period === "FY1") return { ...need(years.fy1, `EPS FY1 (${years.fy1})`), label: `EPS FY1 ${years.fy1}` };
  if (def.period === "FY2") return { ...need(years.fy2, `EPS FY2 (${years.fy2})`), label: `EPS FY2 ${years.fy2}` };
  const f = ntmWeightFy1(d.ctx.asOf, years.fy1End);
  const e1 = need(years.fy1, `EPS FY1 (${years.fy1})`, f);
  const e2 = need(years.fy2, `EPS FY2 (${years.fy2})`, 1 - f);
  if (e1.currency !== e2.currency) notMeaningful("missing_input", `EPS estimates for ${years.fy1} and ${years.fy2} are in different currencies`);
  d.inputs.calendarisation = { fy1: years.fy1, fy2: years.fy2, fy1End: years.fy1End, weightFy1: f };
  const ntm = calendarisedNtmEps(d.ctx.asOf, years.fy1End, e1.value, e2.value) as { value: number };
  return { value: ntm.value, currency: e1.currency, label: `EPS NTM (${years.fy1}/${years.fy2})` };
}

/**
 * A P/E under one definition, with the n.m. rules and explained inputs of `trailingPE` / `forwardPE`. With
 * `listing: "share"` the EPS per ordinary share is set against the listing's price without the depositary ratio
 * (the result is then P/E × sharesPerListing, and a note says so).
 *
 * @param ctx - the listing, asOf, price, fundamentals, estimates, FX and options.
 * @param def - the definition (see {@link peDefinitions}).
 * @returns the P/E in x, or n.m. with its reason.
 * @example peUnderDefinition(ctx, { id: "FY.diluted.share", period: "FY", eps: "diluted", listing: "share" }).value // 144 = 18 × 8 for BABA
 * @see FORMULAS.md "Multiples": trailing, TTM, forward and calendarised NTM P/E
 */
export function peUnderDefinition(ctx: MultipleContext, def: PeDefinition): MultipleResult {
  const ratio = def.listing === "listing" ? "× sharesPerListing" : "per ordinary share, ratio ignored";
  return evaluate(ctx, KIND[def.period], "x", `price / (${def.period} ${def.eps} EPS ${ratio})`, (d) => {
    const price = needPrice(d);
    const eps = epsUnder(d, def);
    const factor = def.listing === "listing" ? d.inputs.sharesPerListing : 1;
    if (def.listing === "share") d.inputs.notes.push(`EPS per ordinary share against the price of one listing unit (${fmt(d.inputs.sharesPerListing)} shares): ratio not applied`);
    const perListing = toComparisonCurrency(d, eps.value * factor, eps.currency, `${eps.label} per ${def.listing === "listing" ? "listing" : "share"}`);
    return peFromEps(d, price, perListing, eps.label);
  });
}

/** Whether a value reproduces a claimed multiple: |value / claim − 1| ≤ tolerance. */
export function reproducesClaim(value: number | undefined, claim: number, tolerance: number): boolean {
  return value !== undefined && Number.isFinite(value) && Math.abs(value / claim - 1) <= tolerance;
}
