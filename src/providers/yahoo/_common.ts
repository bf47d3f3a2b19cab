import { InvalidInputError } from "../../errors.js";
import { CURRENCIES, type Currency } from "../../models/common.js";
import { parseItemQuery, providerSchemaError, type ItemQuery } from "../contract.js";

/** Yahoo symbols: 9988.HK, 688256.SS, 000001.SZ, AAPL, BRK-B, ^HSI, USDHKD=X. */
export const YAHOO_SYMBOL = /^[A-Za-z0-9^][A-Za-z0-9.^=_-]*$/;

/** A currency code from Yahoo, checked against rerate's list; E_PROVIDER_SCHEMA naming the field otherwise. */
export function yahooCurrency(model: string, field: string, value: string): Currency {
  const c = value.toUpperCase();
  if (value !== c || !(CURRENCIES as readonly string[]).includes(c)) {
    throw providerSchemaError("yahoo", model, field, `is not a currency rerate knows (${CURRENCIES.join(", ")})`, value);
  }
  return c as Currency;
}

/** Like {@link yahooCurrency} but undefined for an absent or unknown code. */
export function optionalCurrency(value: string | null | undefined): Currency | undefined {
  return value !== null && value !== undefined && (CURRENCIES as readonly string[]).includes(value) ? (value as Currency) : undefined;
}

/** A query with a date range, both ends required (executeQuery fills defaults). */
export function parseRangeQuery(params: ItemQuery): ItemQuery & { from: string; to: string } {
  const q = parseItemQuery(params, YAHOO_SYMBOL);
  if (q.from === undefined || q.to === undefined) throw InvalidInputError.at({ column: q.from === undefined ? "--from" : "--to", reason: "is required for daily series" });
  return q as ItemQuery & { from: string; to: string };
}

/** The ISO date part of an ISO date-time. */
export const dayOf = (iso: string): string => iso.slice(0, 10);
