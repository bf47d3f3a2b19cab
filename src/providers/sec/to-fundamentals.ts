import { CURRENCIES, type Currency } from "../../models/common.js";
import type { Fundamental, Metric } from "../../models/fundamental.js";
import { SEC_CONCEPTS, type ConceptMapping } from "./concepts.js";
import { durationKind, fiscalLabel } from "../fiscal-periods.js";
import type { SecCompanyFacts, SecFact } from "./wire.js";

interface Candidate {
  metric: Metric;
  fiscalPeriod: string;
  fact: SecFact;
  currency: Currency | undefined;
  unit: Fundamental["unit"];
  /** Position of the concept in the mapping's preference list. */
  rank: number;
}

export interface SecTransformResult {
  rows: Fundamental[];
  /** Facts not mapped, by reason (unknown currency, year-to-date duration, no fiscal period …). */
  skipped: Record<string, number>;
}

/** Currency and unit of an XBRL unit key (`USD`, `CNY/shares`, `shares`) for a mapping; undefined when it does not fit. */
function readUnit(key: string, want: ConceptMapping["unit"]): { currency?: Currency; unit: Fundamental["unit"] } | "unknown-currency" | undefined {
  const isCurrency = (c: string): c is Currency => (CURRENCIES as readonly string[]).includes(c);
  if (want === "shares") return key === "shares" ? { unit: "shares" } : undefined;
  const m = want === "perShare" ? /^([A-Z]{3})\/shares$/.exec(key) : /^([A-Z]{3})$/.exec(key);
  if (m === null) return undefined;
  if (!isCurrency(m[1]!)) return "unknown-currency";
  return { currency: m[1], unit: want === "perShare" ? "perShare" : "currency" };
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

/**
 * SEC company facts → rerate fundamentals (pure). Each fact becomes a figure of its fiscal period (FY2024, 2025Q1,
 * placed by the issuer's own fiscal-year ends, not by the filing's fy/fp, which name the filing), with its period
 * end, currency and the filing date as knownFrom. The same figure repeated in later filings is kept once (its
 * first filing); a later filing with a different value is a restatement and is kept beside it, so a
 * point-in-time read picks the value known on its date. Year-to-date durations (six and nine months) and units
 * outside rerate's currencies are skipped and counted.
 * @param facts - the checked companyfacts document (mapped concepts only is enough).
 * @param opts.entity - issuer or listing id the figures are stored against.
 * @param opts.from, opts.to - keep periods ending in [from, to] (ISO dates) when given.
 * @returns rows sorted by metric, fiscal period and knownFrom, and the skipped-fact counts.
 * @example toFundamentals(nvda, { entity: "nvidia" }).rows.find((r) => r.metric === "revenue" && r.fiscalPeriod === "FY2024")
 *   // { value: 60922000000, periodEnd: "2024-01-28", knownFrom: "2024-02-21", reference: "SEC 10-K 0001045810-24-000029", … }
 * @see https://www.sec.gov/edgar/sec-api-documentation
 */
export function toFundamentals(facts: SecCompanyFacts, opts: { entity: string; from?: string | undefined; to?: string | undefined }): SecTransformResult {
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  const yearEnds = fiscalYearEnds(facts);
  const primary = primaryCurrency(facts);
  const groups = new Map<string, Candidate[]>();
  for (const m of SEC_CONCEPTS) {
    m.concepts.forEach((qname, rank) => {
      const [tax, name] = qname.split(":") as [string, string];
      for (const [unitKey, list] of Object.entries(facts.facts[tax]?.[name]?.units ?? {})) {
        const unit = readUnit(unitKey, m.unit);
        if (unit === undefined) continue;
        if (unit === "unknown-currency") {
          list.forEach(() => skip(`unit ${unitKey} is not a currency rerate knows`));
          continue;
        }
        for (const fact of list) {
          let label: string | undefined;
          if (m.period === "duration") {
            const kind = fact.start === undefined ? undefined : durationKind(fact.start, fact.end);
            if (kind === undefined) {
              skip("duration neither a fiscal year nor a quarter (year-to-date)");
              continue;
            }
            label = fiscalLabel(yearEnds, fact.end, kind === "year");
            if (kind === "year" && label !== undefined && !label.startsWith("FY")) label = undefined;
          } else {
            label = fact.start === undefined ? fiscalLabel(yearEnds, fact.end, true) : undefined;
          }
          if (label === undefined) {
            skip("no fiscal period (no fiscal-year end within a year)");
            continue;
          }
          if (fact.filed < fact.end && m.period === "duration") {
            skip("filed before its period ended");
            continue;
          }
          if ((opts.from !== undefined && fact.end < opts.from) || (opts.to !== undefined && fact.end > opts.to)) continue;
          const key = `${m.metric}\0${label}`;
          const list2 = groups.get(key) ?? [];
          list2.push({ metric: m.metric, fiscalPeriod: label, fact, currency: unit.currency, unit: unit.unit, rank });
          groups.set(key, list2);
        }
      }
    });
  }
  const rows: Fundamental[] = [];
  for (const list of groups.values()) rows.push(...collapse(list, opts.entity, primary));
  rows.sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) || cmp(a.fiscalPeriod, b.fiscalPeriod) || cmp(a.knownFrom, b.knownFrom));
  return { rows, skipped };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One metric and fiscal period across filings: per filing date the preferred concept (then a fact SEC assigned
 * to a calendar frame, then the later accession); then a row only where the value (or period end) changes.
 */
function collapse(list: Candidate[], entity: string, primary: Currency | undefined): Fundamental[] {
  const byFiled = new Map<string, Candidate>();
  for (const c of list) {
    const prev = byFiled.get(c.fact.filed);
    if (prev === undefined || better(c, prev, primary)) byFiled.set(c.fact.filed, c);
  }
  const out: Fundamental[] = [];
  let last: Candidate | undefined;
  for (const filed of [...byFiled.keys()].sort()) {
    const c = byFiled.get(filed)!;
    if (last !== undefined && last.fact.val === c.fact.val && last.fact.end === c.fact.end && last.currency === c.currency) continue;
    last = c;
    out.push({
      entity, metric: c.metric, fiscalPeriod: c.fiscalPeriod, periodEnd: c.fact.end, value: c.fact.val,
      ...(c.currency !== undefined ? { currency: c.currency } : {}), unit: c.unit, knownFrom: c.fact.filed,
      reference: `SEC ${c.fact.form} ${c.fact.accn}`,
    });
  }
  return out;
}

function better(a: Candidate, b: Candidate, primary: Currency | undefined): boolean {
  // A 20-F may add a convenience translation (USD beside CNY) for the same period: the reporting currency wins.
  if (a.currency !== b.currency && primary !== undefined && (a.currency === primary || b.currency === primary)) return a.currency === primary;
  if (a.rank !== b.rank) return a.rank < b.rank;
  const fa = a.fact.frame !== undefined;
  const fb = b.fact.frame !== undefined;
  if (fa !== fb) return fa;
  if (a.fact.end !== b.fact.end) return a.fact.end > b.fact.end;
  return a.fact.accn > b.fact.accn;
}
