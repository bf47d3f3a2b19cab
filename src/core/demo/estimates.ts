import type { Currency } from "../../models/common.js";
import type { Estimate } from "../../models/fundamental.js";
import { addDays, daysBetween, endOfMonth, isWeekend } from "../dates.js";
import { createStream } from "./random.js";
import type { IssuerModel } from "./issuer-model.js";

/** How many not-yet-reported fiscal years consensus covers on each date (FY1, FY2 and the one after). */
export const ESTIMATE_YEARS = 3;

/**
 * Month-end observation dates: the last weekday of every month from `from` to `to`, plus `to`.
 * @example estimateDates("2025-08-15", "2025-10-15") // ["2025-08-29", "2025-09-30", "2025-10-15"]
 */
export function estimateDates(from: string, to: string): string[] {
  const out: string[] = [];
  const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  for (let k = monthIndex(from); k <= monthIndex(to); k++) {
    let d = endOfMonth(Math.floor(k / 12), (k % 12) + 1);
    while (isWeekend(d)) d = addDays(d, -1);
    if (d >= from && d <= to) out.push(d);
  }
  if (out[out.length - 1] !== to) out.push(to);
  return out;
}

/**
 * Consensus estimates (epsDiluted, revenue) of the next {@link ESTIMATE_YEARS} unreported fiscal years on
 * every month-end. Each fiscal year starts with an error of about ±8% (EPS) / ±4% (revenue) against the
 * model's eventual figure, shrinking linearly to zero over the last 1,000 days before the release.
 */
export function createEstimateRows(model: IssuerModel, currency: Currency, from: string, to: string, seed: number, source: string): Estimate[] {
  const random = createStream(seed, `estimates:${model.issuer}`);
  const bias = model.years.map(() => ({ eps: 0.08 * random.nextNormal(), revenue: 0.04 * random.nextNormal() }));
  const rows: Estimate[] = [];
  for (const asOf of estimateDates(from, to)) {
    let taken = 0;
    model.years.forEach((year, i) => {
      if (year.knownFrom <= asOf || taken >= ESTIMATE_YEARS) return;
      taken++;
      const fade = Math.min(1, daysBetween(asOf, year.knownFrom) / 1000);
      const b = bias[i] ?? { eps: 0, revenue: 0 };
      const eps = year.epsDiluted + Math.abs(year.epsDiluted) * (b.eps * fade + 0.004 * random.nextNormal());
      const revenue = year.revenue * (1 + b.revenue * fade + 0.002 * random.nextNormal());
      const base = { entity: model.issuer, fiscalPeriod: `FY${year.fiscalYear}`, periodEnd: year.periodEnd, currency, asOf, estimator: "consensus", source };
      rows.push({ ...base, metric: "epsDiluted", value: Math.round(eps * 1e4) / 1e4, unit: "perShare" });
      rows.push({ ...base, metric: "revenue", value: Math.round(revenue), unit: "currency" });
    });
  }
  return rows;
}
