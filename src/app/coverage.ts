import { NotFoundError } from "../errors.js";
import { daysBetween } from "../core/dates.js";
import type { MultipleKind } from "../core/valuation/index.js";
import {
  readFxCoverage, readLatestEstimates, readLatestFigures, readPriceCoverage,
  type FxCoverageRow, type LatestEstimateRow, type LatestFigureRow, type PriceCoverageRow,
} from "../store/coverage.js";
import type { Store } from "../store/open.js";
import { getSecurities, listSecurities, type StoredSecurity } from "../store/securities.js";
import { computePeerComps, DEFAULT_COMPS_METRICS } from "./comps-table.js";

/**
 * Ages past which `coverage` puts a fetch or import on its to-do list (calendar days before the as-of date). The
 * multiples' own n.m. rules are whatever `computeMultiples` applies; these only say what to refresh.
 */
export const COVERAGE_LIMITS = {
  /** Last close: 10 days (the multiples' stale-price rule). */
  priceDays: 10,
  /** FX fixing: 7 days (the multiples' stale-FX rule). */
  fxDays: 7,
  /** Latest annual period end: ~15 months. */
  annualDays: 457,
  /** Latest interim (quarter or half) period end: ~7 months. */
  interimDays: 213,
  /** Latest consensus observation: 45 days. */
  estimateDays: 45,
} as const;

/** Fundamentals without which the main multiples cannot be built (P/E; market cap; P/S). */
const KEY_METRICS: readonly (readonly string[])[] = [["epsDiluted", "epsBasic"], ["sharesOutstanding", "sharesDiluted"], ["revenue"]];

/** What to fetch or import, for one security. */
export interface CoverageTodo {
  security: string;
  code: "not_in_store" | "no_prices" | "stale_prices" | "no_fundamentals" | "stale_fundamentals" | "missing_metric" | "no_estimates" | "stale_estimates" | "no_fx" | "stale_fx";
  /** Facts for the message: dates, ages, metric or pair. */
  detail: Record<string, string | number>;
  /** Commands that would fill the gap. */
  commands: string[];
}

/** A figure with its age at the as-of date. */
export interface FigureCoverage extends LatestFigureRow {
  /** Days from the period's end to the as-of date. */
  periodAgeDays: number;
  /** Days from when it was known (filed) to the as-of date. */
  knownAgeDays: number;
}

export interface EstimateCoverage extends LatestEstimateRow {
  /** Days from the observation to the as-of date. */
  ageDays: number;
}

export interface FxPairCoverage {
  /** The pair needed, as USD/XXX. */
  pair: string;
  currency: string;
  /** The stored pair (USD/HKD or HKD/USD), absent when none is stored. */
  stored?: FxCoverageRow;
  /** Days from the last fixing to the as-of date. */
  ageDays?: number;
}

/** What the store holds for one security, and what is n.m. on the as-of date and why. */
export interface SecurityCoverage {
  security: StoredSecurity;
  prices?: PriceCoverageRow & {
    /** The basis the series was stored on (raw or adjusted), or "unknown" for a series stored before bases were recorded. */
    basis: string;
    /** Days from the last close on or before the as-of date to it (absent when every price is later). */
    ageDays?: number;
  };
  /** Latest figure per metric of the issuer (and of the listing itself), known on the as-of date. */
  fundamentals: FigureCoverage[];
  estimates: EstimateCoverage[];
  /** USD pairs of the listing and reporting currencies (none for a USD-only security). */
  fx: FxPairCoverage[];
  /** The multiples on the as-of date: a value, or n.m. with the reason `computeMultiples` gave. */
  multiples: { kind: MultipleKind; value?: number; nm?: string; message?: string }[];
  todo: CoverageTodo[];
}

export interface CoverageReport {
  asOf: string;
  securities: SecurityCoverage[];
  /** Symbols asked for that are not in the store. */
  notInStore: string[];
  /** Every to-do item, security by security. */
  todo: CoverageTodo[];
  synthetic: boolean;
}

const isInterim = (fiscalPeriod: string) => /Q[1-4]|H[12]/.test(fiscalPeriod);
const listedInUs = (s: StoredSecurity) => s.exchange === "NYSE" || s.exchange === "NASDAQ";

function fundamentalsTodo(s: StoredSecurity, figures: readonly FigureCoverage[]): CoverageTodo[] {
  const fetch = `rerate fetch --symbols ${s.id}`;
  const importCmd = listedInUs(s) ? `rerate import sec <companyfacts.json> --symbol ${s.id}` : "rerate import fundamentals <file>";
  const entity = s.issuer ?? s.id;
  if (figures.length === 0) return [{ security: s.id, code: "no_fundamentals", detail: { entity }, commands: [importCmd, fetch] }];
  const out: CoverageTodo[] = [];
  const eps = figures.find((f) => f.metric === "epsDiluted") ?? figures.find((f) => f.metric === "epsBasic");
  const latest = eps ?? [...figures].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0]!;
  const limit = isInterim(latest.fiscalPeriod) ? COVERAGE_LIMITS.interimDays : COVERAGE_LIMITS.annualDays;
  if (latest.periodAgeDays > limit) {
    out.push({ security: s.id, code: "stale_fundamentals", detail: { entity, metric: latest.metric, period: latest.fiscalPeriod, periodEnd: latest.periodEnd, days: latest.periodAgeDays }, commands: [importCmd, fetch] });
  }
  for (const alternatives of KEY_METRICS) {
    if (!figures.some((f) => alternatives.includes(f.metric))) out.push({ security: s.id, code: "missing_metric", detail: { entity, metric: alternatives[0]! }, commands: [importCmd, fetch] });
  }
  return out;
}

function estimatesTodo(s: StoredSecurity, estimates: readonly EstimateCoverage[]): CoverageTodo[] {
  const commands = [`rerate fetch --provider yahoo --symbols ${s.id}`, "rerate import estimates <file>"];
  if (estimates.length === 0) return [{ security: s.id, code: "no_estimates", detail: { entity: s.issuer ?? s.id }, commands }];
  const latest = estimates.reduce((a, b) => (b.asOf > a.asOf ? b : a));
  return latest.ageDays > COVERAGE_LIMITS.estimateDays
    ? [{ security: s.id, code: "stale_estimates", detail: { entity: s.issuer ?? s.id, observed: latest.asOf, days: latest.ageDays }, commands }]
    : [];
}

function fxCoverage(s: StoredSecurity, stored: readonly FxCoverageRow[], asOf: string): FxPairCoverage[] {
  const needed = [...new Set([s.currency, s.reportingCurrency].filter((c): c is NonNullable<typeof c> => c !== undefined && c !== "USD"))];
  return needed.map((c) => {
    const rows = stored.filter((r) => (r.base === "USD" && r.quote === c) || (r.base === c && r.quote === "USD"));
    const best = rows.sort((a, b) => b.last.localeCompare(a.last))[0];
    return { pair: `USD/${c}`, currency: c, ...(best !== undefined ? { stored: best, ageDays: daysBetween(best.last, asOf) } : {}) };
  });
}

/**
 * Coverage of securities in the store on a date: per security the price range (rows, basis), the latest figure per
 * fundamental metric with its period end, known-from date and ages, the latest consensus observation per metric,
 * the FX pairs its currencies need, and every comps multiple on the date (value, or n.m. with the reason that
 * `computeMultiples` gives), ending with a to-do list of fetches and imports (see {@link COVERAGE_LIMITS}).
 *
 * @param req - `securities` (default: every listing in the store, no indices or FX) and `asOf` (explicit: the CLI
 *   passes today).
 * @throws NotFoundError when the store holds none of the securities asked for.
 */
export async function computeCoverage(store: Store, req: { securities?: readonly string[]; asOf: string }): Promise<CoverageReport> {
  const asked = req.securities ?? (await listSecurities(store)).filter((s) => s.kind !== "index" && s.kind !== "fx").map((s) => s.id);
  const found = await getSecurities(store, asked);
  const notInStore = asked.filter((id) => !found.has(id));
  const secs = asked.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  if (secs.length === 0 && notInStore.length === 0) throw new NotFoundError("the store holds no securities: import a security master, or run rerate demo");
  const ids = secs.map((s) => s.id);
  const entities = [...new Set(secs.flatMap((s) => (s.issuer !== undefined ? [s.id, s.issuer] : [s.id])))];
  const [prices, figures, estimates, fx] = await Promise.all([
    readPriceCoverage(store, ids, req.asOf),
    readLatestFigures(store, entities, req.asOf),
    readLatestEstimates(store, entities, req.asOf),
    readFxCoverage(store, [...new Set(secs.flatMap((s) => [s.currency, s.reportingCurrency ?? s.currency]))], req.asOf),
  ]);
  const comps = ids.some((id) => prices.has(id))
    ? await computePeerComps(store, { groups: [{ id: "coverage", name: { en: "coverage" }, securities: ids }], asOf: req.asOf, metrics: DEFAULT_COMPS_METRICS, listing: "per-listing" })
      .catch((e: unknown) => (e instanceof NotFoundError ? undefined : Promise.reject(e)))
    : undefined;
  const out: SecurityCoverage[] = secs.map((s) => {
    const mine = (e: string) => e === s.id || e === s.issuer;
    const p = prices.get(s.id);
    const figs = figures.filter((f) => mine(f.entity)).map((f) => ({ ...f, periodAgeDays: daysBetween(f.periodEnd, req.asOf), knownAgeDays: daysBetween(f.knownFrom, req.asOf) }));
    const ests = estimates.filter((e) => mine(e.entity)).map((e) => ({ ...e, ageDays: daysBetween(e.asOf, req.asOf) }));
    const pairs = fxCoverage(s, fx, req.asOf);
    const row = comps?.rows.find((r) => r.security.id === s.id);
    const multiples = row === undefined ? [] : DEFAULT_COMPS_METRICS.map((kind) => {
      const m = row.multiples[kind];
      return m.value !== undefined ? { kind, value: m.value } : { kind, nm: m.nm, message: m.message };
    });
    const todo: CoverageTodo[] = [];
    const priceCmds = [`rerate fetch --provider yahoo --symbols ${s.id}`, "rerate import prices <file>"];
    const priceAge = p?.lastOnOrBefore !== undefined ? daysBetween(p.lastOnOrBefore, req.asOf) : undefined;
    if (p === undefined || priceAge === undefined) todo.push({ security: s.id, code: "no_prices", detail: {}, commands: priceCmds });
    else if (priceAge > COVERAGE_LIMITS.priceDays) todo.push({ security: s.id, code: "stale_prices", detail: { last: p.lastOnOrBefore!, days: priceAge }, commands: priceCmds });
    todo.push(...fundamentalsTodo(s, figs), ...estimatesTodo(s, ests));
    for (const f of pairs) {
      const commands = ["rerate fetch --provider fx", "rerate import fx <file>"];
      if (f.stored === undefined) todo.push({ security: s.id, code: "no_fx", detail: { pair: f.pair }, commands });
      else if ((f.ageDays ?? 0) > COVERAGE_LIMITS.fxDays) todo.push({ security: s.id, code: "stale_fx", detail: { pair: f.pair, last: f.stored.last, days: f.ageDays! }, commands });
    }
    return {
      security: s,
      ...(p !== undefined ? { prices: { ...p, basis: p.bases !== undefined && p.bases.length > 0 ? p.bases.join("+") : "unknown", ...(priceAge !== undefined ? { ageDays: priceAge } : {}) } } : {}),
      fundamentals: figs, estimates: ests, fx: pairs, multiples, todo,
    };
  });
  const todo = [
    ...out.flatMap((c) => c.todo),
    ...notInStore.map((id): CoverageTodo => ({ security: id, code: "not_in_store", detail: {}, commands: ["rerate import securities <file>", `rerate fetch --symbols ${id}`] })),
  ];
  return { asOf: req.asOf, securities: out, notInStore, todo, synthetic: out.some((c) => c.prices?.synthetic === true) || (comps?.synthetic ?? false) };
}
