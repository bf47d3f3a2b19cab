import type { Currency } from "../../models/index.js";
import { daysBetween } from "../dates.js";
import {
  DEFAULT_MAX_STALE_DAYS,
  type FxFailure,
  type FxLeg,
  type FxOptions,
  type FxQuoteLookup,
  type FxResolved,
} from "./fx-types.js";

/** The fresher of the stored pair (a, b) and its inverse (b, a), used in the direction a → b. */
function findLeg(a: Currency, b: Currency, date: string, lookup: FxQuoteLookup): FxLeg | undefined {
  const usable = (q: ReturnType<FxQuoteLookup>) =>
    q !== undefined && Number.isFinite(q.rate) && q.rate > 0 && q.date <= date ? q : undefined;
  const direct = usable(lookup(a, b, date));
  const inverse = usable(lookup(b, a, date));
  // Prefer the fresher fixing; on a tie the direct quote (no inversion).
  const inverted = inverse !== undefined && (direct === undefined || inverse.date > direct.date);
  const q = inverted ? inverse : direct;
  if (q === undefined) return undefined;
  const leg: FxLeg = { pair: `${q.base}${q.quote}`, base: q.base, quote: q.quote, rate: q.rate, date: q.date, inverted };
  if (q.source !== undefined) leg.source = q.source;
  return leg;
}

/**
 * Rate from one currency to another on a date: identity, the stored pair, its inverse (1 / rate), or a cross
 * through a pivot currency (default USD: HKD→CNY = USDCNY / USDHKD). Among the routes found, the one whose
 * oldest fixing is freshest wins; a direct route wins a tie.
 *
 * @param from - currency of the amount to convert.
 * @param to - currency wanted.
 * @param date - as-of date (ISO YYYY-MM-DD); only fixings dated on or before it are used.
 * @param lookup - where stored fixings come from (see `createFxLookup`).
 * @param options - `maxStaleDays` (default 7 calendar days), `pivot` (default USD).
 * @returns the rate (units of `to` per unit of `from`) with the legs used and their age, or an {@link FxFailure}
 *   (`value` undefined) with reason `no_rate` or `stale_rate` and a message naming the pair and dates.
 * @example resolveFxRate("HKD", "CNY", "2025-09-30", lookup) // { rate: 7.2 / 7.8, path: [USDHKD inverted, USDCNY], … }
 * @see FORMULAS.md "Multiples": "converted at the as-of date's rate … State the rate used."
 */
export function resolveFxRate(
  from: Currency,
  to: Currency,
  date: string,
  lookup: FxQuoteLookup,
  options: FxOptions = {},
): FxResolved | FxFailure {
  const maxStaleDays = options.maxStaleDays ?? DEFAULT_MAX_STALE_DAYS;
  const pivot = options.pivot ?? "USD";
  if (from === to) return { from, to, date, rate: 1, path: [], staleDays: 0 };

  const routes: FxLeg[][] = [];
  const direct = findLeg(from, to, date, lookup);
  if (direct !== undefined) routes.push([direct]);
  if (from !== pivot && to !== pivot) {
    const first = findLeg(from, pivot, date, lookup);
    const second = first !== undefined ? findLeg(pivot, to, date, lookup) : undefined;
    if (first !== undefined && second !== undefined) routes.push([first, second]);
  }
  if (routes.length === 0) {
    const via = from !== pivot && to !== pivot ? `, nor via ${pivot}` : "";
    return {
      from, to, date, reason: "no_rate",
      message: `no FX rate for ${from}→${to} on or before ${date} (looked for ${from}${to} and ${to}${from}${via})`,
    };
  }

  const staleness = (path: FxLeg[]) => Math.max(...path.map((leg) => daysBetween(leg.date, date)));
  let best = routes[0] as FxLeg[];
  for (const route of routes.slice(1)) if (staleness(route) < staleness(best)) best = route;
  const staleDays = staleness(best);
  if (staleDays > maxStaleDays) {
    const oldest = best.reduce((a, b) => (b.date < a.date ? b : a));
    return {
      from, to, date, reason: "stale_rate",
      message: `latest FX rate for ${from}→${to} uses ${oldest.pair} of ${oldest.date}, ${staleDays} days before ${date} (maxStaleDays ${maxStaleDays})`,
    };
  }
  // Multiply the direct legs and divide by the inverted ones once, so HKD→CNY is exactly USDCNY / USDHKD.
  const numerator = best.reduce((r, leg) => (leg.inverted ? r : r * leg.rate), 1);
  const denominator = best.reduce((r, leg) => (leg.inverted ? r * leg.rate : r), 1);
  const rate = numerator / denominator;
  return { from, to, date, rate, path: best, staleDays };
}
