import type { Currency } from "../../models/common.js";
import type { Fundamental } from "../../models/fundamental.js";

/**
 * What span a reported duration covers: a fiscal year, a fiscal quarter (three months), or a year-to-date
 * amount ending at the second (six months) or third (nine months) quarter. Internal to the SEC transform.
 */
export type Span = "FY" | "Q" | "YTD6" | "YTD9";

/** One value of one metric and period as known from one date: reported by a filing, or derived from parts. */
export interface Version {
  span: Span;
  /** FY2025, or the quarter the span ends in (2025Q2 for a Q2 quarter or a six-month year to date). */
  label: string;
  periodEnd: string;
  value: number;
  currency: Currency | undefined;
  unit: Fundamental["unit"];
  knownFrom: string;
  /** `SEC 10-K 0001045810-24-000029` for a reported value; `SEC derived (FY − 9M YTD): 10-K …, 10-Q …` for a derived one. */
  reference: string;
  /** Filings the value comes from (`10-K 0001045810-24-000029`), each once. */
  filings: readonly string[];
  /** The versions a derived value was computed from (empty for a reported one). */
  parts: readonly Version[];
}

/** Versions of one metric, keyed by {@link seriesKey}, each list in knownFrom order. */
export type Series = Map<string, Version[]>;

export const seriesKey = (span: Span, label: string): string => `${span} ${label}`;

/** Rounds away binary noise of a difference (2.94 − 2.13 = 0.8099999999999998 → 0.81). */
const clean = (v: number): number => Number(v.toPrecision(15));

/** The version of a list known latest on `day` (lists are in knownFrom order), or undefined. */
export function knownOn(list: readonly Version[] | undefined, day: string): Version | undefined {
  let hit: Version | undefined;
  for (const v of list ?? []) if (v.knownFrom <= day) hit = v;
  return hit;
}

export interface CombineSpec {
  /** Each part's versions; an optional part counts as 0 until a version of it is known. */
  parts: readonly { versions: readonly Version[] | undefined; sign: 1 | -1; optional?: boolean }[];
  /**
   * Index of the part whose new version (a new filing) triggers a new derived value; the others are read as
   * known on that date. Without it any part's new version does. An anchor keeps a restatement of a small part
   * (a split-adjusted nine months) from being mixed with an unrestated whole (a pre-split year).
   */
  anchor?: number;
  /** Span, label and period end of the result. */
  span: Span;
  label: string;
  periodEnd: string;
  /** How the value is made, for the reference: `FY − 9M YTD`, `operating income + D&A`. */
  how: string;
}

/**
 * A derived value through time: on each date a part gets a new version (point in time), the signed sum of the
 * parts' versions known on that date, known from that date, i.e. from the latest of its parts' filings. A value
 * equal to the previous one is not repeated; parts in different currencies or units give nothing.
 * @returns derived versions in knownFrom order (empty when the required parts are never all known).
 */
export function combineVersions(spec: CombineSpec): Version[] {
  const days = [...new Set(spec.parts.flatMap((p) => (p.versions ?? []).map((v) => v.knownFrom)))].sort();
  const out: Version[] = [];
  let anchorSeen: Version | undefined;
  for (const day of days) {
    const cur = spec.parts.map((p) => knownOn(p.versions, day));
    if (spec.parts.some((p, i) => cur[i] === undefined && !p.optional)) continue;
    if (spec.anchor !== undefined) {
      if (out.length > 0 && cur[spec.anchor] === anchorSeen) continue;
      anchorSeen = cur[spec.anchor];
    }
    const present = cur.filter((v): v is Version => v !== undefined);
    if (new Set(present.map((v) => v.currency)).size > 1 || new Set(present.map((v) => v.unit)).size > 1) continue;
    const value = clean(spec.parts.reduce((s, p, i) => s + p.sign * (cur[i]?.value ?? 0), 0));
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.value === value) continue;
    const filings = [...new Set(present.flatMap((v) => v.filings))];
    out.push({
      span: spec.span, label: spec.label, periodEnd: spec.periodEnd, value, currency: present[0]!.currency, unit: present[0]!.unit,
      knownFrom: day, reference: `SEC derived (${spec.how}): ${filings.join(", ")}`, filings, parts: present,
    });
  }
  return out;
}

/** A version as a stored fundamental. */
export function toRow(v: Version, entity: string, metric: Fundamental["metric"]): Fundamental {
  return {
    entity, metric, fiscalPeriod: v.label, periodEnd: v.periodEnd, value: v.value,
    ...(v.currency !== undefined ? { currency: v.currency } : {}), unit: v.unit, knownFrom: v.knownFrom, reference: v.reference,
  };
}
