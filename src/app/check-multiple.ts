import { EmptyDataError, InvalidInputError, NotFoundError } from "../errors.js";
import type { Currency } from "../models/index.js";
import { addDays, isIsoDate } from "../core/dates.js";
import {
  createFxLookup, isStaleReason, NO_FRESHNESS_LIMITS, peDefinitions, peUnderDefinition, reproducesClaim,
  type MultipleOptions, type MultipleResult, type PeDefinition, type StaleInput,
} from "../core/valuation/index.js";
import { readEstimates, readFundamentals } from "../store/fundamentals.js";
import { readFxRates } from "../store/fx.js";
import type { Store } from "../store/open.js";
import { readPrices } from "../store/prices.js";
import { getSecurity, type StoredSecurity } from "../store/securities.js";
import { usesSyntheticData } from "../store/provenance.js";

/** A request for {@link checkMultiple}. */
export interface CheckMultipleRequest {
  security: string;
  /** The multiple a note quotes, in x. */
  claim: number;
  /** Centre of the date range; default the security's last price date. */
  around?: string;
  /** Calendar days either side of `around`; default 30. */
  windowDays?: number;
  /** Relative tolerance: |value / claim − 1| ≤ tolerance reproduces the claim; default 0.05. */
  tolerance?: number;
  options?: MultipleOptions;
}

/** One definition over the range. */
export interface DefinitionCheck {
  definition: PeDefinition;
  /** Value on each trading date of the range (undefined = n.m.), in date order. */
  values: (number | undefined)[];
  /** The result on `around` (or the last date before it), with its inputs. */
  atAround: MultipleResult;
  min?: number;
  max?: number;
  /** Dates whose value reproduces the claim. */
  matches: string[];
  /** The date whose value is closest to the claim, and that value. */
  closest?: { date: string; value: number };
  /**
   * Set when the definition's inputs are too old on some dates of the range (`stale_*`): never counted as
   * reproducing the claim, listed apart with the age of the stale input and what it would have given.
   */
  stale?: StaleDefinition;
}

/** A definition whose figures are stale: on which dates, how old, and the value those figures would give. */
export interface StaleDefinition extends StaleInput {
  reason: "stale_fundamentals" | "stale_estimates" | "stale_shares";
  /** Dates of the range on which it is stale. */
  dates: number;
  /** The date described: `around` when stale there, else the last stale date. */
  date: string;
  message: string;
  /** The value on `date` with no freshness limit (not meaningful: never counted). */
  value?: number;
  /** Dates on which the stale value would have matched the claim. */
  wouldMatch: string[];
}

/** Which definitions and dates reproduce a quoted multiple. */
export interface CheckMultipleResult {
  security: string;
  currency: Currency;
  claim: number;
  tolerance: number;
  around: string;
  from: string;
  to: string;
  /** Trading dates of the security in [from, to]. */
  dates: string[];
  synthetic: boolean;
  definitions: DefinitionCheck[];
  /** Definitions that reproduce the claim on at least one date (from fresh figures only). */
  reproducedBy: string[];
  /** Definitions whose figures are stale on some date of the range (see {@link DefinitionCheck.stale}). */
  staleDefinitions: string[];
  /** The closest value over every definition and date. */
  closest?: { definition: string; date: string; value: number };
}

/**
 * Checks a quoted P/E: computes the security's P/E under every definition (trailing FY, TTM, forward FY1 / FY2,
 * calendarised NTM; diluted, basic or net income / diluted shares; per listing unit or per share with the ADS ratio
 * ignored) on every trading date within `windowDays` of `around`, each point in time, and says which definitions and
 * dates reproduce the claim within the tolerance. A definition whose figures are older than the freshness limits
 * (`req.options`, see MultipleOptions) is n.m. on those dates and never reproduces the claim: it is listed apart
 * with the age of its figures and the value they would give.
 *
 * @throws InvalidInputError for a bad claim, date, window or tolerance; NotFoundError for an unknown security;
 *   EmptyDataError when it has no price in the range.
 */
export async function checkMultiple(store: Store, req: CheckMultipleRequest): Promise<CheckMultipleResult> {
  const tolerance = req.tolerance ?? 0.05;
  const windowDays = req.windowDays ?? 30;
  if (!(Number.isFinite(req.claim) && req.claim > 0)) throw InvalidInputError.at({ column: "--claim", value: String(req.claim), reason: "must be a positive multiple, e.g. 15" });
  if (!(Number.isFinite(tolerance) && tolerance >= 0 && tolerance < 1)) throw InvalidInputError.at({ column: "--tolerance", value: String(tolerance), reason: "must be a fraction in [0, 1), e.g. 0.05 for ±5%" });
  if (!(Number.isInteger(windowDays) && windowDays >= 0 && windowDays <= 3660)) throw InvalidInputError.at({ column: "--window", value: String(windowDays), reason: "must be a whole number of days from 0 to 3660" });
  if (req.around !== undefined && !isIsoDate(req.around)) throw InvalidInputError.at({ column: "--around", value: req.around, reason: "is not a date (YYYY-MM-DD)" });
  const security: StoredSecurity | undefined = await getSecurity(store, req.security);
  if (security === undefined) throw new NotFoundError(`security ${req.security} is not in the store (see rerate securities)`);
  const all = await readPrices(store, security.id);
  if (all.dates.length === 0) throw new EmptyDataError(`no prices for ${security.id}: import prices or load the demo`);
  const around = req.around ?? (all.dates[all.dates.length - 1] as string);
  const from = addDays(around, -windowDays);
  const to = addDays(around, windowDays);
  const idx = all.dates.map((d, i) => [d, i] as const).filter(([d]) => d >= from && d <= to);
  if (idx.length === 0) throw new EmptyDataError(`no price for ${security.id} between ${from} and ${to} (its prices run ${all.dates[0]} to ${all.dates[all.dates.length - 1]})`);
  const dates = idx.map(([d]) => d);
  const entities = security.issuer !== undefined ? [security.id, security.issuer] : [security.id];
  const fundamentals = await readFundamentals(store, entities, to);
  const estimates = await readEstimates(store, entities, to);
  const fx = createFxLookup(await readFxRates(store, to));
  const currency = (all.currency || security.currency) as Currency;
  const valueOn = (def: PeDefinition, date: string, i: number, options = req.options) => peUnderDefinition({
    security, asOf: date, fundamentals, estimates, fx, price: { date, close: all.close[i] as number, currency },
    ...(options !== undefined ? { options } : {}),
  }, def);
  const unlimited: MultipleOptions = { ...req.options, ...NO_FRESHNESS_LIMITS };
  const aroundIdx = Math.max(0, dates.filter((d) => d <= around).length - 1);
  const definitions = peDefinitions(security).map((definition): DefinitionCheck => {
    const results = idx.map(([d, i]) => valueOn(definition, d, i));
    const values = results.map((r) => r.value);
    const finite = values.filter((v): v is number => v !== undefined);
    const out: DefinitionCheck = { definition, values, atAround: results[aroundIdx] as MultipleResult, matches: dates.filter((_, k) => reproducesClaim(values[k], req.claim, tolerance)) };
    if (finite.length > 0) {
      out.min = Math.min(...finite);
      out.max = Math.max(...finite);
      let best = -1;
      values.forEach((v, k) => {
        if (v !== undefined && (best < 0 || Math.abs(v - req.claim) < Math.abs((values[best] as number) - req.claim))) best = k;
      });
      out.closest = { date: dates[best] as string, value: values[best] as number };
    }
    const staleAt = results.map((r, k) => (isStaleReason(r.nm) ? k : -1)).filter((k) => k >= 0);
    if (staleAt.length > 0) {
      const k = staleAt.includes(aroundIdx) ? aroundIdx : (staleAt[staleAt.length - 1] as number);
      const r = results[k] as MultipleResult & { nm: StaleDefinition["reason"] };
      const [d, i] = idx[k] as readonly [string, number];
      const wouldMatch = staleAt.filter((j) => reproducesClaim(valueOn(definition, idx[j]![0], idx[j]![1], unlimited).value, req.claim, tolerance)).map((j) => dates[j] as string);
      const v = valueOn(definition, d, i, unlimited).value;
      out.stale = {
        reason: r.nm, ...(r.stale as StaleInput), dates: staleAt.length, date: d, message: r.message ?? "",
        ...(v !== undefined ? { value: v } : {}), wouldMatch,
      };
    }
    return out;
  });
  const withClosest = definitions.filter((d) => d.closest !== undefined);
  const best = withClosest.reduce<DefinitionCheck | undefined>((a, d) => (a === undefined || Math.abs(d.closest!.value - req.claim) < Math.abs(a.closest!.value - req.claim) ? d : a), undefined);
  return {
    security: security.id, currency, claim: req.claim, tolerance, around, from, to, dates,
    synthetic: await usesSyntheticData(store, [security]),
    definitions,
    reproducedBy: definitions.filter((d) => d.matches.length > 0).map((d) => d.definition.id),
    staleDefinitions: definitions.filter((d) => d.stale !== undefined).map((d) => d.definition.id),
    ...(best?.closest !== undefined ? { closest: { definition: best.definition.id, ...best.closest } } : {}),
  };
}
