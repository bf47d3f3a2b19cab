import { varcharList, type Store } from "./open.js";

/** What the store holds of one security's daily prices. */
export interface PriceCoverageRow {
  security: string;
  first: string;
  last: string;
  /** The last date on or before the as-of date asked about (absent when every price is later). */
  lastOnOrBefore?: string;
  rows: number;
  /** Rows that also carry an adjusted close. */
  adjRows: number;
  /** Distinct price bases the store records for the series (when it records one), e.g. ["adjusted"]. */
  bases?: string[];
  synthetic: boolean;
}

/** The latest figure of one metric of one entity known by a date. */
export interface LatestFigureRow {
  entity: string;
  metric: string;
  fiscalPeriod: string;
  periodEnd: string;
  knownFrom: string;
  reference?: string;
  source: string;
  /** Versions of any period of this metric known only after the date (filed later). */
  knownLater: number;
}

/** The latest consensus observation of one metric of one entity by a date. */
export interface LatestEstimateRow {
  entity: string;
  metric: string;
  /** The observation date. */
  asOf: string;
  /** Fiscal periods estimated on that date, in order. */
  fiscalPeriods: string[];
  estimator: string;
  source: string;
}

/** One FX pair's fixings in the store. */
export interface FxCoverageRow {
  base: string;
  quote: string;
  first: string;
  last: string;
  rows: number;
}

/**
 * Per security: first and last price date (and the last on or before `asOf`), rows, rows with an adjusted close,
 * the basis its series was stored on (raw or adjusted), synthetic or not.
 */
export async function readPriceCoverage(store: Store, ids: readonly string[], asOf: string): Promise<Map<string, PriceCoverageRow>> {
  if (ids.length === 0) return new Map();
  const list = varcharList([...new Set(ids)]);
  // The basis each series was stored on (price_series, recorded by every import and fetch since schema 3).
  const rows = await store.all<Record<string, unknown>>(
    `SELECT p.security, strftime(min(p.date), '%Y-%m-%d') AS first, strftime(max(p.date), '%Y-%m-%d') AS last,
            strftime(max(p.date) FILTER (WHERE p.date <= CAST($asOf AS DATE)), '%Y-%m-%d') AS last_asof,
            count(*) AS n, count(p.adj_close) AS adj, bool_or(s.synthetic) AS synthetic, any_value(ps.basis) AS basis
     FROM prices p JOIN sources s ON s.id = p.source_id LEFT JOIN price_series ps ON ps.security = p.security
     WHERE p.security IN (SELECT unnest($ids)) GROUP BY p.security`,
    { ids: list.value, asOf }, { ids: list.type },
  );
  return new Map(rows.map((r) => {
    const row: PriceCoverageRow = {
      security: String(r.security), first: String(r.first), last: String(r.last), rows: Number(r.n), adjRows: Number(r.adj), synthetic: Boolean(r.synthetic),
    };
    if (r.last_asof !== null) row.lastOnOrBefore = String(r.last_asof);
    if (r.basis !== null && r.basis !== undefined) row.bases = [String(r.basis)];
    return [row.security, row];
  }));
}

/**
 * Per entity and metric, the figure with the latest period end known on `asOf` (its latest version), and how many
 * versions of that metric were filed only after `asOf`.
 */
export async function readLatestFigures(store: Store, entities: readonly string[], asOf: string): Promise<LatestFigureRow[]> {
  if (entities.length === 0) return [];
  const list = varcharList([...new Set(entities)]);
  const rows = await store.all<Record<string, unknown>>(
    `WITH known AS (
       SELECT f.entity, f.metric, f.fiscal_period, f.period_end, f.known_from, f.reference, s.location
       FROM fundamentals f JOIN sources s ON s.id = f.source_id
       WHERE f.entity IN (SELECT unnest($ids)) AND f.known_from <= CAST($asOf AS DATE)
       QUALIFY row_number() OVER (PARTITION BY f.entity, f.metric ORDER BY f.period_end DESC, f.known_from DESC) = 1),
     later AS (
       SELECT entity, metric, count(*) AS n FROM fundamentals
       WHERE entity IN (SELECT unnest($ids)) AND known_from > CAST($asOf AS DATE) GROUP BY entity, metric)
     SELECT k.entity, k.metric, k.fiscal_period, strftime(k.period_end, '%Y-%m-%d') AS period_end,
            strftime(k.known_from, '%Y-%m-%d') AS known_from, k.reference, k.location, coalesce(l.n, 0) AS later
     FROM known k LEFT JOIN later l USING (entity, metric) ORDER BY k.entity, k.metric`,
    { ids: list.value, asOf }, { ids: list.type },
  );
  return rows.map((r) => ({
    entity: String(r.entity), metric: String(r.metric), fiscalPeriod: String(r.fiscal_period), periodEnd: String(r.period_end),
    knownFrom: String(r.known_from), ...(r.reference !== null ? { reference: String(r.reference) } : {}), source: String(r.location), knownLater: Number(r.later),
  }));
}

/** Per entity and metric, the latest consensus observation on or before `asOf` and the fiscal periods it covers. */
export async function readLatestEstimates(store: Store, entities: readonly string[], asOf: string): Promise<LatestEstimateRow[]> {
  if (entities.length === 0) return [];
  const list = varcharList([...new Set(entities)]);
  const rows = await store.all<Record<string, unknown>>(
    `WITH obs AS (
       SELECT e.entity, e.metric, e.fiscal_period, e.as_of, e.estimator, s.location,
              max(e.as_of) OVER (PARTITION BY e.entity, e.metric) AS latest
       FROM estimates e JOIN sources s ON s.id = e.source_id
       WHERE e.entity IN (SELECT unnest($ids)) AND e.as_of <= CAST($asOf AS DATE))
     SELECT entity, metric, strftime(as_of, '%Y-%m-%d') AS as_of, list(DISTINCT fiscal_period ORDER BY fiscal_period) AS periods,
            min(estimator) AS estimator, min(location) AS location
     FROM obs WHERE as_of = latest GROUP BY entity, metric, as_of ORDER BY entity, metric`,
    { ids: list.value, asOf }, { ids: list.type },
  );
  return rows.map((r) => ({
    entity: String(r.entity), metric: String(r.metric), asOf: String(r.as_of), fiscalPeriods: (r.periods as unknown[]).map(String),
    estimator: String(r.estimator), source: String(r.location),
  }));
}

/** First and last fixing and row count of every stored FX pair that involves one of the currencies (up to `asOf`). */
export async function readFxCoverage(store: Store, currencies: readonly string[], asOf: string): Promise<FxCoverageRow[]> {
  if (currencies.length === 0) return [];
  const list = varcharList([...new Set(currencies)]);
  const rows = await store.all<Record<string, unknown>>(
    `SELECT base, quote, strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last, count(*) AS n
     FROM fx_rates WHERE (base IN (SELECT unnest($c)) OR quote IN (SELECT unnest($c))) AND date <= CAST($asOf AS DATE)
     GROUP BY base, quote ORDER BY base, quote`,
    { c: list.value, asOf }, { c: list.type },
  );
  return rows.map((r) => ({ base: String(r.base), quote: String(r.quote), first: String(r.first), last: String(r.last), rows: Number(r.n) }));
}
