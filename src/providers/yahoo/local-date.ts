const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of an instant in an exchange's time zone (a bar stamped 01:30 UTC is that day's Hong Kong
 * session; an FX fixing stamped 23:00 UTC in summer is the next London day).
 * @param iso - an ISO date-time.
 * @param timeZone - IANA zone such as Asia/Hong_Kong; UTC when empty.
 * @example localDate("2020-01-02T14:30:00.000Z", "America/New_York") // "2020-01-02"
 */
export function localDate(iso: string, timeZone: string): string {
  const zone = timeZone || "UTC";
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(zone, f);
  }
  return f.format(new Date(iso));
}
