import { calendarForExchange } from "../calendars/exchange.js";
import type { CalendarId } from "../calendars/holiday.js";
import type { Exchange } from "../../models/common.js";

const BY_COUNTRY: Readonly<Record<string, CalendarId>> = { HK: "HK", US: "US", CN: "CN" };
const BY_CURRENCY: Readonly<Record<string, CalendarId>> = { HKD: "HK", USD: "US", CNY: "CN" };

/**
 * The trading calendar a listing follows: its exchange's; for an index (or a listing on an exchange without
 * a bundled calendar) the calendar of its country, else of its currency (HKD → HK, USD → US, CNY → CN).
 * @returns the calendar and what it was inferred from, or `undefined` when nothing says
 * @example calendarOfListing({ exchange: "INDEX", country: "HK", currency: "HKD" }) // { calendar: "HK", basis: "country" }
 */
export function calendarOfListing(listing: { exchange: Exchange; country?: string; currency?: string }): { calendar: CalendarId; basis: "exchange" | "country" | "currency" } | undefined {
  const byExchange = calendarForExchange(listing.exchange);
  if (byExchange !== undefined && byExchange !== "FX") return { calendar: byExchange, basis: "exchange" };
  if (listing.exchange === "FX") return undefined;
  const byCountry = listing.exchange === "INDEX" && listing.country !== undefined ? BY_COUNTRY[listing.country] : undefined;
  if (byCountry !== undefined) return { calendar: byCountry, basis: "country" };
  const byCurrency = listing.currency !== undefined ? BY_CURRENCY[listing.currency] : undefined;
  return byCurrency !== undefined ? { calendar: byCurrency, basis: "currency" } : undefined;
}
