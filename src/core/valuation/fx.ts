import type { Currency } from "../../models/index.js";
import type { FxConverted, FxFailure, FxOptions, FxQuoteLookup } from "./fx-types.js";
import { resolveFxRate } from "./resolve-fx-rate.js";

/**
 * Converts an amount between currencies at the latest fixing on or before a date (identity, direct, inverse
 * 1 / rate, or a cross via USD), and reports the rate, the stored pairs used with their dates, and their age.
 *
 * @param amount - the amount in `from` (any scale: units, per share, millions).
 * @param from - currency of `amount`.
 * @param to - currency wanted.
 * @param date - as-of date (ISO YYYY-MM-DD).
 * @param rates - the fixings lookup (see `createFxLookup`).
 * @param options - `maxStaleDays` (default 7 calendar days), `pivot` (default USD).
 * @returns `{ value, rate, path, staleDays, … }` with `value` in `to`; or an {@link FxFailure} whose `value` is
 *   undefined and whose `reason` is `no_rate`, `stale_rate` or `invalid_amount` (amount not a finite number).
 * @example convertAmount(48, "CNY", "USD", "2025-09-30", lookup) // USDCNY 7.2 → { value: 6.6667, rate: 0.13889, path: [{ pair: "USDCNY", inverted: true, … }] }
 * @see FORMULAS.md "Multiples": "every ratio takes numerator and denominator in one currency, converted at the as-of date's rate"
 */
export function convertAmount(
  amount: number,
  from: Currency,
  to: Currency,
  date: string,
  rates: FxQuoteLookup,
  options: FxOptions = {},
): FxConverted | FxFailure {
  if (!Number.isFinite(amount)) {
    return { from, to, date, reason: "invalid_amount", message: `amount (${amount}) to convert from ${from} to ${to} is not a finite number` };
  }
  const resolved = resolveFxRate(from, to, date, rates, options);
  if ("reason" in resolved) return resolved;
  return { ...resolved, amount, value: amount * resolved.rate };
}
