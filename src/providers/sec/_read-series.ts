import { addDays, daysBetween } from "../../core/dates.js";
import { CURRENCIES, type Currency } from "../../models/common.js";
import type { Fundamental } from "../../models/fundamental.js";
import { durationKind, fiscalLabel } from "../fiscal-periods.js";
import { seriesKey, type Series, type Span, type Version } from "./_versions.js";
import type { ConceptMapping } from "./concepts.js";
import type { SecCompanyFacts, SecFact } from "./wire.js";

/** Days (inclusive) a year-to-date span of six or nine fiscal months may last (26/27 and 39/40 weeks included). */
const YTD6_DAYS = [175, 191] as const;
const YTD9_DAYS = [266, 282] as const;

export interface ReadContext {
  yearEnds: readonly string[];
  /** The issuer's reporting currency: wins over a convenience translation filed beside it. */
  primary: Currency | undefined;
  /** Ordinary shares per ADS of the listing, to bring per-ADS figures to per ordinary share. */
  sharesPerListing: number | undefined;
  skip: (why: string) => void;
}

interface Candidate {
  span: Span;
  label: string;
  fact: SecFact;
  currency: Currency | undefined;
  unit: Fundamental["unit"];
  /** Position of the concept in the mapping's preference list. */
  rank: number;
  /** Ordinary shares per unit the value is given for: 1 per share, the ADS ratio per ADS. */
  perAds: number;
}

type UnitRead = { currency?: Currency; unit: Fundamental["unit"]; perAds: number } | "unknown-currency" | "per-ads-without-ratio" | undefined;

/** Currency and unit of an XBRL unit key (`USD`, `CNY/shares`, `USD/ADS`, `shares`) for a mapping; undefined when it does not fit. */
function readUnit(key: string, want: ConceptMapping["unit"], sharesPerListing: number | undefined): UnitRead {
  const isCurrency = (c: string): c is Currency => (CURRENCIES as readonly string[]).includes(c);
  if (want === "shares") return key === "shares" ? { unit: "shares", perAds: 1 } : undefined;
  const m = want === "perShare" ? /^([A-Z]{3})\/(shares|ADS|ADSs|ADR|ADRs)$/i.exec(key) : /^([A-Z]{3})$/.exec(key);
  if (m === null) return undefined;
  const code = m[1]!.toUpperCase();
  if (!isCurrency(code)) return "unknown-currency";
  const perAds = want === "perShare" && m[2]!.toLowerCase() !== "shares";
  if (perAds && sharesPerListing === undefined) return "per-ads-without-ratio";
  return { currency: code, unit: want === "perShare" ? "perShare" : "currency", perAds: perAds ? sharesPerListing! : 1 };
}

/**
 * Whether a duration starting on `start` starts a fiscal year: the day after a known fiscal-year end, or after the
 * end of the year before a known one (the first year of a filer's data).
 */
function startsFiscalYear(yearEnds: readonly string[], start: string): boolean {
  const before = addDays(start, -1);
  return yearEnds.some((y) => {
    const d = daysBetween(before, y);
    return Math.abs(d) <= 7 || (d >= 357 && d <= 378);
  });
}

/** Span and label of a fact, or why it cannot be placed. */
function place(fact: SecFact, m: ConceptMapping, yearEnds: readonly string[]): { span: Span; label: string } | string {
  if (m.period === "instant") {
    const label = fact.start === undefined ? fiscalLabel(yearEnds, fact.end, true) : undefined;
    return label === undefined ? "no fiscal period (no fiscal-year end within a year)" : { span: "FY", label };
  }
  if (fact.start === undefined) return "no fiscal period (no fiscal-year end within a year)";
  const kind = durationKind(fact.start, fact.end);
  if (kind === "year") {
    const label = fiscalLabel(yearEnds, fact.end, true);
    return label?.startsWith("FY") ? { span: "FY", label } : "no fiscal period (no fiscal-year end within a year)";
  }
  if (kind === "quarter") {
    const label = fiscalLabel(yearEnds, fact.end, false);
    return label === undefined ? "no fiscal period (no fiscal-year end within a year)" : { span: "Q", label };
  }
  const days = daysBetween(fact.start, fact.end) + 1;
  const label = fiscalLabel(yearEnds, fact.end, false);
  if (label !== undefined && startsFiscalYear(yearEnds, fact.start)) {
    if (days >= YTD6_DAYS[0] && days <= YTD6_DAYS[1] && label.endsWith("Q2")) return { span: "YTD6", label };
    if (days >= YTD9_DAYS[0] && days <= YTD9_DAYS[1] && label.endsWith("Q3")) return { span: "YTD9", label };
  }
  return "duration neither a fiscal year, a quarter, nor six or nine months from a fiscal-year start";
}

/**
 * Reads the facts of one mapping into versions per span and fiscal period: per filing date the preferred
 * candidate, then a version only where the value (or period end) changes, so a figure repeated by later
 * filings is kept once (its first filing) and a restatement is kept beside the original.
 */
export function readSeries(facts: SecCompanyFacts, m: Pick<ConceptMapping, "concepts" | "period" | "unit">, ctx: ReadContext): Series {
  const groups = new Map<string, Candidate[]>();
  m.concepts.forEach((qname, rank) => {
    const [tax, name] = qname.split(":") as [string, string];
    for (const [unitKey, list] of Object.entries(facts.facts[tax]?.[name]?.units ?? {})) {
      const unit = readUnit(unitKey, m.unit, ctx.sharesPerListing);
      if (unit === undefined) continue;
      if (typeof unit === "string") {
        const why = unit === "unknown-currency" ? `unit ${unitKey} is not a currency rerate knows` : `unit ${unitKey} is per ADS and the listing's ADS ratio is not known (import the security master or pass --symbol)`;
        list.forEach(() => ctx.skip(why));
        continue;
      }
      for (const fact of list) {
        const placed = place(fact, m as ConceptMapping, ctx.yearEnds);
        if (typeof placed === "string") {
          ctx.skip(placed);
          continue;
        }
        if (fact.filed < fact.end && m.period === "duration") {
          ctx.skip("filed before its period ended");
          continue;
        }
        const key = seriesKey(placed.span, placed.label);
        const g = groups.get(key) ?? [];
        g.push({ ...placed, fact, currency: unit.currency, unit: unit.unit, rank, perAds: unit.perAds });
        groups.set(key, g);
      }
    }
  });
  const out: Series = new Map();
  for (const [key, list] of groups) out.set(key, collapse(list, ctx.primary));
  return out;
}

function collapse(list: Candidate[], primary: Currency | undefined): Version[] {
  const byFiled = new Map<string, Candidate>();
  for (const c of list) {
    const prev = byFiled.get(c.fact.filed);
    if (prev === undefined || better(c, prev, primary)) byFiled.set(c.fact.filed, c);
  }
  const out: Version[] = [];
  let last: Candidate | undefined;
  for (const filed of [...byFiled.keys()].sort()) {
    const c = byFiled.get(filed)!;
    const value = c.perAds === 1 ? c.fact.val : Number((c.fact.val / c.perAds).toPrecision(15));
    if (last !== undefined && last.fact.val / last.perAds === value && last.fact.end === c.fact.end && last.currency === c.currency) continue;
    last = c;
    const filing = `${c.fact.form} ${c.fact.accn}`;
    out.push({
      span: c.span, label: c.label, periodEnd: c.fact.end, value, currency: c.currency, unit: c.unit, knownFrom: c.fact.filed,
      reference: `SEC ${filing}${c.perAds !== 1 ? `, per ADS ÷ ${c.perAds}` : ""}`, filings: [filing], parts: [],
    });
  }
  return out;
}

function better(a: Candidate, b: Candidate, primary: Currency | undefined): boolean {
  // A 20-F may add a convenience translation (USD beside CNY) for the same period: the reporting currency wins.
  if (a.currency !== b.currency && primary !== undefined && (a.currency === primary || b.currency === primary)) return a.currency === primary;
  // A figure per ordinary share wins over the same figure per ADS.
  if ((a.perAds === 1) !== (b.perAds === 1)) return a.perAds === 1;
  if (a.rank !== b.rank) return a.rank < b.rank;
  const fa = a.fact.frame !== undefined;
  const fb = b.fact.frame !== undefined;
  if (fa !== fb) return fa;
  if (a.fact.end !== b.fact.end) return a.fact.end > b.fact.end;
  return a.fact.accn > b.fact.accn;
}
