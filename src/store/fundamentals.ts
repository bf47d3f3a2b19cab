import type { Estimate, Fundamental } from "../models/fundamental.js";
import { varcharList, type Store } from "./open.js";
import type { TableSpec } from "./upsert.js";

export const FUNDAMENTALS_TABLE: TableSpec = {
  table: "fundamentals",
  key: ["entity", "metric", "fiscal_period", "known_from"],
  columns: [
    { name: "entity", type: "varchar" },
    { name: "metric", type: "varchar" },
    { name: "fiscal_period", type: "varchar" },
    { name: "period_end", type: "date" },
    { name: "value", type: "double" },
    { name: "currency", type: "varchar" },
    { name: "unit", type: "varchar" },
    { name: "known_from", type: "date" },
    { name: "reference", type: "varchar" },
  ],
};

export const ESTIMATES_TABLE: TableSpec = {
  table: "estimates",
  key: ["entity", "metric", "fiscal_period", "as_of", "estimator"],
  columns: [
    { name: "entity", type: "varchar" },
    { name: "metric", type: "varchar" },
    { name: "fiscal_period", type: "varchar" },
    { name: "period_end", type: "date" },
    { name: "value", type: "double" },
    { name: "currency", type: "varchar" },
    { name: "unit", type: "varchar" },
    { name: "as_of", type: "date" },
    { name: "estimator", type: "varchar" },
    { name: "reference", type: "varchar" },
  ],
};

export function fundamentalToRow(f: Fundamental): (string | number | null)[] {
  return [f.entity, f.metric, f.fiscalPeriod, f.periodEnd, f.value, f.currency ?? null, f.unit, f.knownFrom, f.reference ?? null];
}

export function estimateToRow(e: Estimate): (string | number | null)[] {
  return [e.entity, e.metric, e.fiscalPeriod, e.periodEnd ?? null, e.value, e.currency ?? null, e.unit, e.asOf, e.estimator, e.reference ?? null];
}

/**
 * Fundamentals of the given entities known on `asOf` (knownFrom ≤ asOf). All versions known by then are
 * returned (restatements included) so that core can pick the latest per period; pass no asOf for all.
 */
export async function readFundamentals(store: Store, entities: readonly string[], asOf?: string, options: { latest?: boolean } = {}): Promise<Fundamental[]> {
  if (entities.length === 0) return [];
  // latest: only the version with the latest knownFrom per (entity, metric, fiscal period), the one
  // pointInTimeFundamentals keeps; the key is the primary key less knownFrom, so there are no ties.
  const rows = await store.all<Record<string, unknown>>(
    `SELECT f.entity, f.metric, f.fiscal_period, strftime(f.period_end, '%Y-%m-%d') AS period_end, f.value, f.currency, f.unit,
            strftime(f.known_from, '%Y-%m-%d') AS known_from, f.reference, s.location
     FROM fundamentals f JOIN sources s ON s.id = f.source_id
     WHERE f.entity IN (SELECT unnest($entities)) AND ($asOf IS NULL OR f.known_from <= CAST($asOf AS DATE))
     ${options.latest ? "QUALIFY row_number() OVER (PARTITION BY f.entity, f.metric, f.fiscal_period ORDER BY f.known_from DESC) = 1" : ""}
     ORDER BY f.entity, f.metric, f.period_end, f.known_from`,
    { entities: varcharList(entities).value, asOf: asOf ?? null },
    { entities: varcharList([]).type },
  );
  return rows.map((r) => {
    const f: Fundamental = {
      entity: String(r.entity), metric: r.metric as Fundamental["metric"], fiscalPeriod: String(r.fiscal_period),
      periodEnd: String(r.period_end), value: Number(r.value), unit: r.unit as Fundamental["unit"], knownFrom: String(r.known_from),
      source: String(r.location),
    };
    if (r.currency !== null) f.currency = r.currency as Fundamental["currency"];
    if (r.reference !== null) f.reference = String(r.reference);
    return f;
  });
}

/**
 * Estimates of the given entities observed on or before `asOf`; with `latest`, only the latest observation
 * per (entity, metric, fiscal period, estimator), the one pointInTimeEstimates keeps.
 */
export async function readEstimates(store: Store, entities: readonly string[], asOf?: string, options: { latest?: boolean } = {}): Promise<Estimate[]> {
  if (entities.length === 0) return [];
  const rows = await store.all<Record<string, unknown>>(
    `SELECT e.entity, e.metric, e.fiscal_period, strftime(e.period_end, '%Y-%m-%d') AS period_end, e.value, e.currency, e.unit,
            strftime(e.as_of, '%Y-%m-%d') AS as_of, e.estimator, e.reference, s.location
     FROM estimates e JOIN sources s ON s.id = e.source_id
     WHERE e.entity IN (SELECT unnest($entities)) AND ($asOf IS NULL OR e.as_of <= CAST($asOf AS DATE))
     ${options.latest ? "QUALIFY row_number() OVER (PARTITION BY e.entity, e.metric, e.fiscal_period, e.estimator ORDER BY e.as_of DESC) = 1" : ""}
     ORDER BY e.entity, e.metric, e.fiscal_period, e.as_of`,
    { entities: varcharList(entities).value, asOf: asOf ?? null },
    { entities: varcharList([]).type },
  );
  return rows.map((r) => {
    const e: Estimate = {
      entity: String(r.entity), metric: r.metric as Estimate["metric"], fiscalPeriod: String(r.fiscal_period),
      value: Number(r.value), unit: r.unit as Estimate["unit"], asOf: String(r.as_of), estimator: String(r.estimator),
      source: String(r.location),
    };
    if (r.period_end !== null) e.periodEnd = String(r.period_end);
    if (r.currency !== null) e.currency = r.currency as Estimate["currency"];
    if (r.reference !== null) e.reference = String(r.reference);
    return e;
  });
}
