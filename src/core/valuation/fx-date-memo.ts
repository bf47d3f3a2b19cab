import { InvalidInputError } from "../../errors.js";
import type { Currency } from "../../models/index.js";
import { isIsoDate, toDayNumber } from "../dates.js";
import type { FxFailureReason, FxOptions, FxQuoteLookup } from "./fx-types.js";
import { resolveFxRate } from "./resolve-fx-rate.js";

/** Day numbers of ISO dates that must strictly ascend. */
export function ascendingDays(dates: readonly string[]): Int32Array {
  const days = new Int32Array(dates.length);
  dates.forEach((d, i) => {
    if (!isIsoDate(d)) throw new InvalidInputError(`date "${d}" must be an existing date written YYYY-MM-DD`);
    if (i > 0 && d <= (dates[i - 1] as string)) throw new InvalidInputError(`dates must ascend: "${d}" follows "${dates[i - 1]}"`);
    days[i] = toDayNumber(d);
  });
  return days;
}

/** Rates of one currency pair on each date of a date list: `rate[i]` is NaN where `failure[i]` says why. */
export interface FxAtDates {
  rate: Float64Array;
  failure: (FxFailureReason | undefined)[];
}

/** Memoised conversion rates over a fixed list of dates, shared by every security of a history. */
export interface FxDateMemo {
  dates: readonly string[];
  /** The dates as day numbers since 1970-01-01 (validated: existing ISO dates, strictly ascending). */
  days: Int32Array;
  options: FxOptions;
  /** Rates from → to on every date (identity: all 1). */
  pair: (from: Currency, to: Currency) => FxAtDates;
}

/**
 * Resolves each currency pair once per date (with {@link resolveFxRate}: direct, inverse or cross via USD, and the
 * staleness rule) and keeps the result, so valuing thousands of securities on the same dates costs one lookup per
 * pair and date.
 *
 * @param lookup - stored fixings (see `createFxLookup`).
 * @param dates - ISO dates, the same list every series will be evaluated on.
 * @param options - `maxStaleDays` (default 7), `pivot` (default USD).
 * @returns the memo; `pair(from, to)` computes a pair on first use.
 * @throws InvalidInputError when a date is not an existing ISO date or the dates do not strictly ascend.
 * @example createFxDateMemo(lookup, ["2025-09-30"]).pair("CNY", "USD").rate[0] // 1 / 7.2
 * @see FORMULAS.md "Multiples": "converted at the as-of date's rate"
 */
export function createFxDateMemo(lookup: FxQuoteLookup, dates: readonly string[], options: FxOptions = {}): FxDateMemo {
  const cache = new Map<string, FxAtDates>();
  const days = ascendingDays(dates);
  return {
    dates,
    days,
    options,
    pair: (from, to) => {
      const k = `${from}${to}`;
      let hit = cache.get(k);
      if (hit === undefined) {
        const rate = new Float64Array(dates.length);
        const failure: (FxFailureReason | undefined)[] = new Array<FxFailureReason | undefined>(dates.length).fill(undefined);
        dates.forEach((date, i) => {
          const r = resolveFxRate(from, to, date, lookup, options);
          if ("reason" in r) {
            rate[i] = Number.NaN;
            failure[i] = r.reason;
          } else rate[i] = r.rate;
        });
        cache.set(k, (hit = { rate, failure }));
      }
      return hit;
    },
  };
}
