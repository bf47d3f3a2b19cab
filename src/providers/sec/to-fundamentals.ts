import { CURRENCIES, type Currency } from "../../models/common.js";
import type { Fundamental, Metric } from "../../models/fundamental.js";
import { durationKind } from "../fiscal-periods.js";
import { readSeries, type ReadContext } from "./_read-series.js";
import { knownOn, seriesKey, toRow, type Series, type Version } from "./_versions.js";
import { SEC_CONCEPTS } from "./concepts.js";
import { deriveQuarters } from "./derive-quarters.js";
import { ebitdaSeries } from "./ebitda.js";
import type { SecCompanyFacts } from "./wire.js";

export interface SecTransformResult {
  rows: Fundamental[];
  /** Facts not mapped, by reason (unknown currency, a duration that is no fiscal span, no fiscal period …). */
  skipped: Record<string, number>;
}

export interface SecTransformOptions {
  /** Issuer or listing id the figures are stored against. */
  entity: string;
  /** Keep periods ending in [from, to] (ISO dates) when given. */
  from?: string | undefined;
  to?: string | undefined;
  /** Ordinary shares per ADS (the security master's sharesPerListing): per-ADS figures are divided by it. */
  sharesPerListing?: number | undefined;
}

/** The currency most of the issuer's revenue and net income facts are in: its reporting currency. */
function primaryCurrency(facts: SecCompanyFacts): Currency | undefined {
  const n = new Map<string, number>();
  for (const m of SEC_CONCEPTS.filter((x) => x.metric === "revenue" || x.metric === "netIncome")) {
    for (const qname of m.concepts) {
      const [tax, name] = qname.split(":") as [string, string];
      for (const [unit, list] of Object.entries(facts.facts[tax]?.[name]?.units ?? {})) n.set(unit, (n.get(unit) ?? 0) + list.length);
    }
  }
  const top = [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return top !== undefined && (CURRENCIES as readonly string[]).includes(top) ? (top as Currency) : undefined;
}

/** The issuer's fiscal-year ends: end dates of every annual duration among the mapped concepts. */
function fiscalYearEnds(facts: SecCompanyFacts): string[] {
  const ends = new Set<string>();
  for (const m of SEC_CONCEPTS) {
    if (m.period !== "duration") continue;
    for (const qname of m.concepts) {
      const [tax, name] = qname.split(":") as [string, string];
      for (const list of Object.values(facts.facts[tax]?.[name]?.units ?? {})) {
        for (const f of list) if (f.start !== undefined && durationKind(f.start, f.end) === "year") ends.add(f.end);
      }
    }
  }
  return [...ends].sort();
}

/** Implied shares of a quarter and of its anchor span must agree within this factor, else the EPS parts mix share bases. */
const EPS_SHARE_BASIS_FACTOR = 2;
/** Below this (in currency per share) an EPS is too rounded to imply a share count. */
const EPS_MIN_FOR_CHECK = 0.05;

/**
 * Drops a derived quarterly EPS whose implied share count (net income / EPS) differs from its anchor's (the
 * year or year to date it was taken from) by more than a factor of 2: its parts are on different share bases
 * (a split between the 10-Q and the 10-K), and their difference is no EPS.
 */
function onOneShareBasis(eps: Series, netIncome: Series, skip: (why: string) => void): Series {
  const out: Series = new Map();
  for (const [key, list] of eps) {
    out.set(key, list.filter((v) => {
      const anchor = v.parts[0];
      if (anchor === undefined || v.span !== "Q" || Math.abs(v.value) < EPS_MIN_FOR_CHECK || anchor.value === 0) return true;
      const niQ = knownOn(netIncome.get(key), v.knownFrom);
      const niA = knownOn(netIncome.get(seriesKey(anchor.span, anchor.label)), v.knownFrom);
      if (niQ === undefined || niA === undefined || niA.value === 0) return true;
      const ratio = (niQ.value / v.value) / (niA.value / anchor.value);
      if (ratio > 0 && ratio <= EPS_SHARE_BASIS_FACTOR && ratio >= 1 / EPS_SHARE_BASIS_FACTOR) return true;
      skip("derived quarterly EPS on a share basis other than its net income's (a split between the filings): left out");
      return false;
    }));
  }
  return out;
}

/**
 * SEC company facts → rerate fundamentals (pure). Each fact becomes a figure of its fiscal period (FY2024, 2025Q1,
 * placed by the issuer's own fiscal-year ends, not by the filing's fy/fp, which name the filing), with its period
 * end, currency and the filing date as knownFrom. The same figure repeated in later filings is kept once (its
 * first filing); a later filing with a different value is a restatement and is kept beside it, so a
 * point-in-time read picks the value known on its date.
 *
 * Derived figures (reference `SEC derived (…): <filings>`, known from the latest of their parts' filings):
 * - quarters of flows the issuer does not file as three-month amounts: Q4 = FY − 9M YTD (or FY − Q1 − Q2 − Q3),
 *   Q2 = 6M YTD − Q1, Q3 = 9M YTD − 6M YTD; never balances or share counts. EPS likewise (Q4 EPS = FY EPS − 9M
 *   EPS, so the four quarters add up to the reported year as analysts build TTM EPS; the share counts of the
 *   spans differ, so a quarter's EPS is approximate), left out when its parts are on different share bases;
 * - EBITDA = operating income + depreciation and amortisation (ebitda.ts), per year and quarter.
 * Per-ADS figures (unit `USD/ADS`) are brought to per ordinary share by `sharesPerListing`; a per-share figure wins.
 * Units outside rerate's currencies and durations that are no fiscal span are skipped and counted.
 * @param facts - the checked companyfacts document (mapped concepts only is enough).
 * @param opts - entity, optional from/to period-end range, the listing's ADS ratio.
 * @returns rows sorted by metric, fiscal period and knownFrom, and the skipped-fact counts.
 * @example toFundamentals(nvda, { entity: "nvidia" }).rows.find((r) => r.metric === "revenue" && r.fiscalPeriod === "FY2024")
 *   // { value: 60922000000, periodEnd: "2024-01-28", knownFrom: "2024-02-21", reference: "SEC 10-K 0001045810-24-000029", … }
 * @see https://www.sec.gov/edgar/sec-api-documentation
 */
export function toFundamentals(facts: SecCompanyFacts, opts: SecTransformOptions): SecTransformResult {
  const skipped: Record<string, number> = {};
  const ctx: ReadContext = {
    yearEnds: fiscalYearEnds(facts), primary: primaryCurrency(facts), sharesPerListing: opts.sharesPerListing,
    skip: (why) => (skipped[why] = (skipped[why] ?? 0) + 1),
  };
  const byMetric = new Map<Metric, Series>();
  for (const m of SEC_CONCEPTS) {
    const read = readSeries(facts, m, ctx);
    byMetric.set(m.metric, m.period === "duration" && m.unit !== "shares" ? deriveQuarters(read) : read);
  }
  const ni = byMetric.get("netIncome")!;
  for (const metric of ["epsBasic", "epsDiluted"] as const) byMetric.set(metric, onOneShareBasis(byMetric.get(metric)!, ni, ctx.skip));
  byMetric.set("ebitda", ebitdaSeries(facts, byMetric.get("operatingIncome")!, ctx));

  const rows: Fundamental[] = [];
  const inRange = (v: Version) => (opts.from === undefined || v.periodEnd >= opts.from) && (opts.to === undefined || v.periodEnd <= opts.to);
  for (const [metric, series] of byMetric) {
    for (const list of series.values()) for (const v of list) if ((v.span === "FY" || v.span === "Q") && inRange(v)) rows.push(toRow(v, opts.entity, metric));
  }
  rows.sort((a, b) => cmp(a.metric, b.metric) || cmp(a.fiscalPeriod, b.fiscalPeriod) || cmp(a.knownFrom, b.knownFrom));
  return { rows, skipped };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
