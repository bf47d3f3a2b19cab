import type { Currency } from "../../models/common.js";
import { unitOfMetric, type Fundamental, type Metric } from "../../models/fundamental.js";
import type { IssuerModel, PeriodFigures } from "./issuer-model.js";

const PERIOD_METRICS = ["revenue", "netIncome", "ebitda", "epsDiluted", "sharesDiluted", "cash", "totalDebt"] as const satisfies readonly Metric[];

/**
 * The reported fundamentals of an issuer: every fiscal year and quarter released by `asOf`
 * (knownFrom ≤ asOf), one row per metric, entity = issuer id, per-share figures per ordinary share.
 * @param source the label every row carries (the demo's "demo:synthetic")
 */
export function createFundamentalRows(model: IssuerModel, currency: Currency, asOf: string, source: string): Fundamental[] {
  const rows: Fundamental[] = [];
  const push = (fiscalPeriod: string, p: PeriodFigures, metric: Metric, value: number) => {
    const unit = unitOfMetric(metric);
    rows.push({
      entity: model.issuer, metric, fiscalPeriod, periodEnd: p.periodEnd, value,
      ...(unit === "shares" ? {} : { currency }), unit, knownFrom: p.knownFrom, source,
    });
  };
  for (const year of model.years) {
    year.quarters.forEach((q, i) => {
      if (q.knownFrom > asOf) return;
      for (const metric of PERIOD_METRICS) push(`${year.fiscalYear}Q${i + 1}`, q, metric, q[metric]);
    });
    if (year.knownFrom > asOf) continue;
    for (const metric of PERIOD_METRICS) push(`FY${year.fiscalYear}`, year, metric, year[metric]);
    push(`FY${year.fiscalYear}`, year, "dividendsPerShare", year.dividendsPerShare);
  }
  return rows;
}
