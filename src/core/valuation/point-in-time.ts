import type { Estimate, Fundamental } from "../../models/index.js";

/** Keeps, per key, the row with the latest stamp ≤ asOf (a tie goes to the later row in input order). */
function latestPerKey<T>(rows: readonly T[], asOf: string, key: (r: T) => string, stamp: (r: T) => string): T[] {
  const best = new Map<string, { row: T; index: number }>();
  rows.forEach((row, index) => {
    const s = stamp(row);
    if (s > asOf) return;
    const k = key(row);
    const current = best.get(k);
    if (current === undefined || s >= stamp(current.row)) best.set(k, { row, index });
  });
  return [...best.values()].sort((a, b) => a.index - b.index).map((b) => b.row);
}

/**
 * The fundamentals an analyst could have seen on `asOf`: rows with knownFrom ≤ asOf, and where a figure was
 * restated (several rows for one entity, metric and fiscal period), only the one with the latest knownFrom ≤ asOf.
 *
 * @param rows - reported figures, any order; not modified.
 * @param asOf - ISO date of the analysis.
 * @returns a new array, one row per (entity, metric, fiscalPeriod), in input order; empty when nothing was known.
 * @example pointInTimeFundamentals([eps6_0_knownFrom_May, eps5_5_restated_Aug], "2025-06-30") // [eps6_0_knownFrom_May]
 * @see PRODUCT.md "Principles": "an analysis as of a date uses only what was known on that date"
 */
export function pointInTimeFundamentals(rows: readonly Fundamental[], asOf: string): Fundamental[] {
  return latestPerKey(rows, asOf, (r) => `${r.entity}\u0000${r.metric}\u0000${r.fiscalPeriod}`, (r) => r.knownFrom);
}

/**
 * The estimates observable on `asOf`: rows observed on or before asOf, the latest per entity, metric, fiscal
 * period and estimator.
 *
 * @param rows - estimates, any order; not modified.
 * @param asOf - ISO date of the analysis.
 * @param estimator - keep only this estimator's rows (e.g. "consensus"); all estimators when omitted.
 * @returns a new array, one row per (entity, metric, fiscalPeriod, estimator), in input order; possibly empty.
 * @example pointInTimeEstimates(rows, "2025-09-30", "consensus")
 * @see FORMULAS.md "Multiples": "Calendarised forward EPS"
 */
export function pointInTimeEstimates(rows: readonly Estimate[], asOf: string, estimator?: string): Estimate[] {
  const pool = estimator === undefined ? rows : rows.filter((r) => r.estimator === estimator);
  return latestPerKey(
    pool,
    asOf,
    (r) => `${r.entity}\u0000${r.metric}\u0000${r.fiscalPeriod}\u0000${r.estimator}`,
    (r) => r.asOf,
  );
}

/**
 * The fetched figures that tell the store something new: a figure is dropped when the version of its entity,
 * metric and fiscal period in force on its knownFrom (the stored row with the latest knownFrom ≤ it) already has
 * the same value, currency and unit, i.e. the same figure observed again. Kept: first sightings, restatements,
 * and sightings earlier than every stored one (they move the knownFrom back).
 *
 * A provider without announcement dates stamps a figure with its fetch date while that is the earliest proof
 * it was public; without this, every later fetch would add another copy of the same figure.
 * @param fetched - candidate rows; not modified.
 * @param stored - the store's rows for the same entities (all versions).
 * @returns the candidates to write, in input order.
 * @example newFundamentals([eps391_fetchedJun2], [eps391_fetchedJun1]) // []
 */
export function newFundamentals(fetched: readonly Fundamental[], stored: readonly Fundamental[]): Fundamental[] {
  const key = (r: Fundamental) => `${r.entity}\u0000${r.metric}\u0000${r.fiscalPeriod}`;
  const versions = new Map<string, Fundamental[]>();
  for (const r of stored) {
    const list = versions.get(key(r));
    if (list) list.push(r);
    else versions.set(key(r), [r]);
  }
  return fetched.filter((f) => {
    let inForce: Fundamental | undefined;
    for (const v of versions.get(key(f)) ?? []) if (v.knownFrom <= f.knownFrom && (inForce === undefined || v.knownFrom >= inForce.knownFrom)) inForce = v;
    return !(inForce !== undefined && inForce.knownFrom < f.knownFrom && inForce.value === f.value && inForce.currency === f.currency && inForce.unit === f.unit);
  });
}
