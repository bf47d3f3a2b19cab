import type { Currency, Estimate, Security } from "../../../models/index.js";
import { pointInTimeEstimates } from "../point-in-time.js";

const EPS = ["epsDiluted", "epsBasic"] as const;

/** Consensus growth of the fiscal years after a base year, with the estimates used. */
export interface ConsensusPath {
  /** Growth of FY+1, FY+2, … over the year before (decimal), as long as estimates run and stay positive. */
  growthPath: number[];
  /** The estimates used, per fiscal year. */
  years: { fiscalPeriod: string; value: number; asOf: string; metric: string }[];
  notes: string[];
}

/**
 * Consensus EPS growth path after the last reported fiscal year (point in time): growth of FY+1 over the reported
 * EPS, of FY+2 over FY+1, and so on, from the latest estimate of each year observed on or before asOf. The path
 * stops at the first year without an estimate, in another currency, or with EPS ≤ 0 (growth from a loss is not
 * meaningful), and says why in `notes`.
 *
 * @param input - the listing (its id and issuer select the estimates), asOf, the base year's reported EPS per
 *   ordinary share with its fiscal period and currency, estimates, `maxYears` (default 5), `estimator` (default consensus).
 * @returns the growth rates (decimal per year; possibly empty) and the estimates used.
 * @example consensusGrowthPath({ security, asOf: "2025-10-31", base: { fiscalPeriod: "FY2025", value: 10, currency: "CNY" }, estimates }).growthPath // [0.12, 0.15, 0.1]
 * @see FORMULAS.md "Implied expectations": "given a growth path (consensus for the first years, then fading)"
 */
export function consensusGrowthPath(input: {
  security: Security;
  asOf: string;
  base: { fiscalPeriod: string; value: number; currency: Currency };
  estimates: readonly Estimate[];
  maxYears?: number;
  estimator?: string;
}): ConsensusPath {
  const { security, asOf, base } = input;
  const entities = new Set(security.issuer !== undefined ? [security.id, security.issuer] : [security.id]);
  const visible = pointInTimeEstimates(input.estimates.filter((e) => entities.has(e.entity)), asOf, input.estimator ?? "consensus");
  const m = /^FY(\d{4})$/.exec(base.fiscalPeriod);
  const out: ConsensusPath = { growthPath: [], years: [], notes: [] };
  if (m === null) {
    out.notes.push(`base period ${base.fiscalPeriod} is not a fiscal year: no consensus path`);
    return out;
  }
  let prev = base.value;
  for (let i = 1; i <= (input.maxYears ?? 5); i++) {
    const label = `FY${Number(m[1]) + i}`;
    const est = visible
      .filter((e) => e.fiscalPeriod === label && (EPS as readonly string[]).includes(e.metric))
      .sort((a, b) => EPS.indexOf(a.metric as (typeof EPS)[number]) - EPS.indexOf(b.metric as (typeof EPS)[number]))[0];
    if (est === undefined) break;
    const currency = est.currency ?? security.reportingCurrency ?? security.currency;
    if (currency !== base.currency) {
      out.notes.push(`EPS estimate ${label} is in ${currency}, the reported EPS in ${base.currency}: path stops at ${label}`);
      break;
    }
    if (!(est.value > 0) || !(prev > 0)) {
      out.notes.push(`EPS ${label} (${est.value}) or the year before is not positive: growth is n.m., path stops at ${label}`);
      break;
    }
    out.growthPath.push(est.value / prev - 1);
    out.years.push({ fiscalPeriod: label, value: est.value, asOf: est.asOf, metric: est.metric });
    prev = est.value;
  }
  return out;
}
