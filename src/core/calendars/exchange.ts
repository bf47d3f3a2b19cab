import type { Exchange } from "../../models/common.js";
import type { CalendarId } from "./holiday.js";

const BY_EXCHANGE: Partial<Record<Exchange, CalendarId>> = {
  HKEX: "HK",
  NYSE: "US",
  NASDAQ: "US",
  SSE: "CN",
  SZSE: "CN",
  FX: "FX",
};

/**
 * The trading calendar of an exchange.
 * @returns `undefined` for exchanges without a bundled calendar (INDEX, OTC, BSE, …): an index follows
 *   the calendar of the market it measures, which the caller must say.
 * @example calendarForExchange("NASDAQ") // "US"
 */
export function calendarForExchange(exchange: Exchange): CalendarId | undefined {
  return BY_EXCHANGE[exchange];
}
