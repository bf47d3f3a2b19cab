import { EmptyDataError, InvalidInputError } from "../errors.js";
import { CURRENCIES, IsoDate, type Currency } from "../models/common.js";
import { convertAmount, createFxLookup, type FxConverted } from "../core/valuation/index.js";
import { readFxRates } from "../store/fx.js";
import type { Store } from "../store/open.js";

function currency(v: string, name: string): Currency {
  const c = v.toUpperCase();
  if (!(CURRENCIES as readonly string[]).includes(c)) throw InvalidInputError.at({ column: name, value: v, reason: `is not a known currency (${CURRENCIES.join(", ")})` });
  return c as Currency;
}

/**
 * Converts an amount between currencies with the store's rates as of a date (latest fixing on or before it;
 * inverse and USD crosses allowed), reporting the pairs, rates and dates used.
 * @throws InvalidInputError on a bad amount, currency or date; EmptyDataError when no usable rate exists.
 */
export async function convertWithStore(store: Store, req: { amount: string | number; from: string; to: string; date: string; maxStaleDays?: number }): Promise<FxConverted> {
  const amount = typeof req.amount === "number" ? req.amount : Number(req.amount);
  if (!Number.isFinite(amount)) throw InvalidInputError.at({ column: "amount", value: String(req.amount), reason: "is not a number" });
  if (!IsoDate.safeParse(req.date).success) throw InvalidInputError.at({ column: "--date", value: req.date, reason: "is not a date (YYYY-MM-DD)" });
  const from = currency(req.from, "from");
  const to = currency(req.to, "to");
  const fx = createFxLookup(await readFxRates(store, req.date));
  const r = convertAmount(amount, from, to, req.date, fx, req.maxStaleDays !== undefined ? { maxStaleDays: req.maxStaleDays } : {});
  if (r.value === undefined) throw new EmptyDataError(`${r.message}: import FX rates (rerate import fx FILE) or load the demo`);
  return r as FxConverted;
}
