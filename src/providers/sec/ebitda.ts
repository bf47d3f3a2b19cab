import { readSeries, type ReadContext } from "./_read-series.js";
import { combineVersions, type Series, type Version } from "./_versions.js";
import { DA_SCHEMES } from "./concepts.js";
import { deriveQuarters } from "./derive-quarters.js";
import type { SecCompanyFacts } from "./wire.js";

const shortName = (qname: string) => qname.split(":")[1]!;

/**
 * EBITDA = operating income + depreciation and amortisation, per fiscal year and quarter, each value derived
 * (reference `SEC derived (operating income + <D&A concepts>): <filings>`), known from the latest of its parts'
 * filings. D&A is read per period through the first of {@link DA_SCHEMES} the filer tagged for that period; its
 * quarters are de-cumulated from year-to-date cash-flow amounts like any flow.
 * @param facts - the companyfacts document.
 * @param operatingIncome - operating income with its derived quarters (deriveQuarters).
 * @param ctx - the issuer's fiscal-year ends and reporting currency.
 * @returns EBITDA versions by series key (FY and Q spans only); periods without D&A are absent.
 * @example ebitdaSeries(googl, oi, ctx).get("FY FY2024")?.[0]?.value // 112,390m + 15,311m = 127,701m
 * @see FORMULAS.md "EV/EBITDA"
 */
export function ebitdaSeries(facts: SecCompanyFacts, operatingIncome: Series, ctx: ReadContext): Series {
  const byConcept = new Map<string, Series>();
  const quiet: ReadContext = { ...ctx, skip: () => {} };
  const seriesOf = (concept: string): Series => {
    let s = byConcept.get(concept);
    if (s === undefined) {
      s = deriveQuarters(readSeries(facts, { concepts: [concept], period: "duration", unit: "currency" }, quiet));
      byConcept.set(concept, s);
    }
    return s;
  };
  const out: Series = new Map();
  for (const [key, oi] of operatingIncome) {
    const last = oi[oi.length - 1]!;
    if (last.span !== "FY" && last.span !== "Q") continue;
    const scheme = DA_SCHEMES.find((s) => s.parts.every((p) => p.optional === true || seriesOf(p.concept).has(key)));
    if (scheme === undefined) continue;
    const names = scheme.parts.map((p) => shortName(p.concept)).join(" + ");
    const da: Version[] = scheme.parts.length === 1 ? seriesOf(scheme.parts[0]!.concept).get(key)! : combineVersions({
      parts: scheme.parts.map((p) => ({ versions: seriesOf(p.concept).get(key), sign: 1 as const, ...(p.optional ? { optional: true } : {}) })),
      span: last.span, label: last.label, periodEnd: last.periodEnd, how: names,
    });
    const ebitda = combineVersions({
      parts: [{ versions: oi, sign: 1 }, { versions: da, sign: 1 }],
      span: last.span, label: last.label, periodEnd: last.periodEnd, how: `operating income + ${names}`,
    });
    if (ebitda.length > 0) out.set(key, ebitda);
  }
  return out;
}
