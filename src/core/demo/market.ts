import type { Estimate, Fundamental } from "../../models/fundamental.js";
import type { FxRate } from "../../models/fx-rate.js";
import type { PriceColumns } from "../../models/price-bar.js";
import { CALENDAR_COVERAGE } from "../calendars/index.js";
import { parseIsoDate } from "../dates.js";
import { createEstimateRows } from "./estimates.js";
import { createFundamentalRows } from "./fundamentals.js";
import { createIssuerModel } from "./issuer-model.js";
import { createDemoPrices } from "./prices.js";
import { createTimeline } from "./timeline.js";
import { DEMO_FROM, DEMO_SECURITY_SPECS, DEMO_SEED, DEMO_SOURCE, DEMO_TO } from "./specs.js";
import { DEMO_SHOCKS } from "./shocks.js";
import type { DemoSecuritySpec, DemoShock } from "./spec.js";

/** What to generate. */
export interface DemoMarketOptions {
  /** Integer seed: same seed, same market, on any machine. */
  seed: number;
  /** First and last calendar date (inclusive), within 2022-01-01..2026-12-31 (the calendars' coverage). */
  from: string;
  to: string;
  securities: readonly DemoSecuritySpec[];
  /** Catalyst-like jumps, each setting one session's return exactly. */
  shocks?: readonly DemoShock[];
}

/** A synthetic market. Every row is labelled `source: "demo:synthetic"`; prices are columns per security. */
export interface DemoMarket {
  source: typeof DEMO_SOURCE;
  seed: number;
  from: string;
  to: string;
  /** One entry per security, in the order of `securities`, on the security's own trading calendar. */
  prices: PriceColumns[];
  /** Reported figures per issuer (entity = issuer id), only those released by `to`. */
  fundamentals: Fundamental[];
  /** Month-end consensus for the next fiscal years, per issuer. */
  estimates: Estimate[];
  /** Daily USD-based fixings (USD/HKD, USD/CNY, …) on weekdays except 1 Jan and 25 Dec. */
  fx: FxRate[];
}

/**
 * Generates a synthetic cross-market universe (pure and deterministic for a seed): factor-model prices
 * on each exchange's calendar, ADRs at parity with their Hong Kong lines, banded FX, and fundamentals
 * and estimates calibrated so that on `to` each issuer's trailing P/E equals its spec's target.
 * @throws RangeError for a bad range, duplicate ids, unknown parity/shock targets or missing FX
 * @example const m = createDemoMarket({ seed: DEMO_SEED, from: DEMO_FROM, to: DEMO_TO, securities: DEMO_SECURITY_SPECS, shocks: DEMO_SHOCKS });
 */
export function createDemoMarket(opts: DemoMarketOptions): DemoMarket {
  const { seed, from, to, securities } = opts;
  if (!Number.isInteger(seed)) throw new RangeError(`seed (${seed}) must be an integer`);
  parseIsoDate(from);
  parseIsoDate(to);
  if (!(from < to)) throw new RangeError(`from (${from}) must be before to (${to})`);
  if (from < CALENDAR_COVERAGE.from || to > CALENDAR_COVERAGE.to) {
    throw new RangeError(`range ${from}..${to} must lie within the calendars' coverage ${CALENDAR_COVERAGE.from}..${CALENDAR_COVERAGE.to}`);
  }
  const seen = new Set<string>();
  for (const s of securities) {
    if (seen.has(s.id)) throw new RangeError(`security id "${s.id}" appears twice in securities`);
    seen.add(s.id);
  }

  const { columns, fxSeries, fxTable } = createDemoPrices(seed, createTimeline(from, to), securities, opts.shocks ?? []);
  const fx = fxSeries.flatMap((s) => s.dates.map((date, i): FxRate => ({ base: "USD", quote: s.quote, date, rate: s.rates[i] ?? NaN, source: DEMO_SOURCE })));

  const fundamentals: Fundamental[] = [];
  const estimates: Estimate[] = [];
  const firstFiscalYear = Number(from.slice(0, 4)) - 2;
  const lastFiscalYear = Number(to.slice(0, 4)) + 3;
  securities.forEach((spec, i) => {
    if (spec.model !== "factor" || spec.fundamentals === undefined) return;
    const f = spec.fundamentals;
    const col = columns[i];
    const last = (col?.dates.length ?? 0) - 1;
    const lastDate = col?.dates[last];
    if (col === undefined || lastDate === undefined) throw new RangeError(`${spec.id}: no session between ${from} and ${to} to calibrate on`);
    const price = fxTable.convert(col.close[last] ?? NaN, spec.currency, f.reportingCurrency, lastDate);
    const model = createIssuerModel(
      f, { asOf: to, priceInReportingCurrency: price, sharesPerListing: spec.sharesPerListing, dividendYield: spec.dividendYield },
      firstFiscalYear, lastFiscalYear, seed,
    );
    fundamentals.push(...createFundamentalRows(model, f.reportingCurrency, to, DEMO_SOURCE));
    estimates.push(...createEstimateRows(model, f.reportingCurrency, from, to, seed, DEMO_SOURCE));
  });

  return { source: DEMO_SOURCE, seed, from, to, prices: columns, fundamentals, estimates, fx };
}

/**
 * The bundled demo: {@link DEMO_SECURITY_SPECS} with {@link DEMO_SHOCKS}, seed {@link DEMO_SEED},
 * from {@link DEMO_FROM} to {@link DEMO_TO}.
 */
export function createDefaultDemoMarket(): DemoMarket {
  return createDemoMarket({ seed: DEMO_SEED, from: DEMO_FROM, to: DEMO_TO, securities: DEMO_SECURITY_SPECS, shocks: DEMO_SHOCKS });
}
