/** Identifiers of the trading calendars rerate ships. */
export const CALENDAR_IDS = ["HK", "US", "CN", "FX"] as const;

/**
 * A trading calendar:
 * - `HK`: Hong Kong Exchanges (HKEX);
 * - `US`: NYSE and NASDAQ (one holiday schedule);
 * - `CN`: mainland exchanges, Shanghai (SSE) and Shenzhen (SZSE);
 * - `FX`: the demo's daily FX fixings (weekdays except 1 January and 25 December).
 */
export type CalendarId = (typeof CALENDAR_IDS)[number];

/** A weekday on which an exchange is closed for the whole day. */
export interface Holiday {
  /** ISO date, always a Monday–Friday. */
  date: string;
  /** English name as the exchange or the government gazette gives it. */
  name: string;
}

/** First and last date the holiday lists cover; questions outside this range are an error, not a guess. */
export const CALENDAR_COVERAGE = { from: "2022-01-01", to: "2026-12-31" } as const;
