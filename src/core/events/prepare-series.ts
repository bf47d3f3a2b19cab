import { alignAsOf, alignToGrid, createSessionGrid } from "./session-grid.js";
import { findReturnGaps, toReturns, type ReturnGap } from "./returns.js";

/** A dated price series (sorted ISO dates; NaN = missing). */
export interface DatedPrices {
  dates: readonly string[];
  prices: ArrayLike<number>;
}

/** A security and its benchmark on the security's session grid, as returns. */
export interface PreparedSeries {
  grid: string[];
  /** Security prices on the grid (NaN where it has none). */
  prices: Float64Array;
  returns: Float64Array;
  /** Benchmark prices and returns on the grid (absent without a benchmark). */
  benchmarkPrices?: Float64Array;
  market?: Float64Array;
  /** How the benchmark was put on the grid. */
  alignment: "same-exchange" | "as-of" | "none";
  /** Grid sessions without a security price (halts, data gaps) and without a benchmark price. */
  missingPrices: number[];
  missingBenchmark: number[];
  /** Security returns that span missing sessions (left out, reported). */
  gaps: ReturnGap[];
}

/**
 * Puts a security and its benchmark on the security's session grid and turns prices into returns
 * (FORMULAS.md "Returns and calendars"). With a benchmark on the same exchange the grid is the union of both
 * series' dates within the security's history, so a session the stock missed is a missing day; with a
 * benchmark on another exchange the grid is the security's own dates and the benchmark enters at its last
 * level on or before each date (its return then spans the same calendar interval as the stock's).
 *
 * @param security the security's adjusted closes
 * @param benchmark the benchmark's closes, or undefined
 * @param options `sameExchange`: whether both follow one trading calendar; `log`: log returns
 * @example prepareStudySeries({ dates, prices }, { dates: hsiDates, prices: hsi }, { sameExchange: true })
 */
export function prepareStudySeries(security: DatedPrices, benchmark: DatedPrices | undefined, options: { sameExchange: boolean; log?: boolean }): PreparedSeries {
  const log = { log: options.log === true };
  const same = benchmark !== undefined && options.sameExchange;
  const grid = createSessionGrid(security.dates, same ? benchmark.dates : undefined);
  const prices = alignToGrid(grid, security.dates, security.prices);
  const missing = (xs: Float64Array) => {
    const out: number[] = [];
    for (let i = 0; i < xs.length; i++) if (!(xs[i]! > 0)) out.push(i);
    return out;
  };
  const out: PreparedSeries = {
    grid, prices, returns: toReturns(prices, log), alignment: benchmark === undefined ? "none" : same ? "same-exchange" : "as-of",
    missingPrices: missing(prices), missingBenchmark: [], gaps: findReturnGaps(prices, log),
  };
  if (benchmark !== undefined) {
    const b = same ? alignToGrid(grid, benchmark.dates, benchmark.prices) : alignAsOf(grid, benchmark.dates, benchmark.prices);
    out.benchmarkPrices = b;
    out.market = toReturns(b, log);
    out.missingBenchmark = missing(b);
  }
  return out;
}
