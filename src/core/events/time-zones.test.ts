import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utcMsToZoned, utcOffsetMinutes, zonedTimeToUtcMs } from "./time-zones.js";

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

/** The offset Intl (the system's tz database) gives: allowed in tests, never in src/core. */
function intlOffset(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return (Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute")) - Math.floor(ms / 60000) * 60000) / 60000;
}

describe("utcOffsetMinutes(zone, utcMs)", () => {
  it("switches New York to summer time at 02:00 local on the second Sunday of March and back on the first Sunday of November (2007 rules)", () => {
    // 2025: 9 March 07:00 UTC (02:00 EST) and 2 November 06:00 UTC (02:00 EDT).
    expect(utcOffsetMinutes("America/New_York", utc(2025, 3, 9, 6, 59))).toBe(-300);
    expect(utcOffsetMinutes("America/New_York", utc(2025, 3, 9, 7, 0))).toBe(-240);
    expect(utcOffsetMinutes("America/New_York", utc(2025, 11, 2, 5, 59))).toBe(-240);
    expect(utcOffsetMinutes("America/New_York", utc(2025, 11, 2, 6, 0))).toBe(-300);
  });

  it("uses the 1987–2006 rules before 2007 (first Sunday of April, last Sunday of October)", () => {
    expect(utcOffsetMinutes("America/New_York", utc(2006, 4, 2, 6, 59))).toBe(-300);
    expect(utcOffsetMinutes("America/New_York", utc(2006, 4, 2, 7, 0))).toBe(-240);
    expect(utcOffsetMinutes("America/New_York", utc(2006, 10, 29, 6, 0))).toBe(-300);
    expect(utcOffsetMinutes("America/New_York", utc(2006, 3, 20))).toBe(-300); // 2007 rules would say summer
  });

  it("keeps Hong Kong and Shanghai at UTC+8 all year", () => {
    for (const ms of [utc(2025, 1, 15), utc(2025, 7, 15)]) {
      expect(utcOffsetMinutes("Asia/Hong_Kong", ms)).toBe(480);
      expect(utcOffsetMinutes("Asia/Shanghai", ms)).toBe(480);
    }
  });

  it("agrees with the system time-zone database for any instant 1992–2035 (Shanghai observed summer time 1986–91)", () => {
    fc.assert(fc.property(fc.integer({ min: utc(1992, 1, 1) / 60000, max: utc(2035, 12, 31) / 60000 }), (minute) => {
      const ms = minute * 60000;
      for (const z of ["America/New_York", "Asia/Hong_Kong", "Asia/Shanghai"] as const) expect(utcOffsetMinutes(z, ms)).toBe(intlOffset(z, ms));
    }), { numRuns: 2000 });
  });
});

describe("zonedTimeToUtcMs(zone, date, minutes) and utcMsToZoned(zone, ms)", () => {
  it("puts the closes of 9 Sep 2025 at 20:00 UTC in New York and 08:00 UTC in Hong Kong", () => {
    expect(zonedTimeToUtcMs("America/New_York", "2025-09-09", 960)).toBe(utc(2025, 9, 9, 20));
    expect(zonedTimeToUtcMs("America/New_York", "2025-12-09", 960)).toBe(utc(2025, 12, 9, 21));
    expect(zonedTimeToUtcMs("Asia/Hong_Kong", "2025-09-09", 960)).toBe(utc(2025, 9, 9, 8));
  });

  it("reads the 24 Sep 09:30 Hangzhou keynote as the evening of 23 Sep in New York", () => {
    expect(utcMsToZoned("America/New_York", utc(2025, 9, 24, 1, 30))).toEqual({ date: "2025-09-23", minutesOfDay: 21 * 60 + 30 });
  });

  it("round-trips local wall times; a time in the spring-forward gap reads as standard time; a repeated one as its first occurrence", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 1439 }), (d, minutes) => {
      const date = new Date(utc(1995, 1, 1) + d * 86400000).toISOString().slice(0, 10);
      const ms = zonedTimeToUtcMs("America/New_York", date, minutes);
      const back = utcMsToZoned("America/New_York", ms);
      const inGap = back.date !== date || back.minutesOfDay !== minutes;
      if (inGap) expect(minutes >= 120 && minutes < 180).toBe(true);
    }), { numRuns: 3000 });
    expect(zonedTimeToUtcMs("America/New_York", "2025-03-09", 150)).toBe(utc(2025, 3, 9, 7, 30));
    expect(zonedTimeToUtcMs("America/New_York", "2025-11-02", 90)).toBe(utc(2025, 11, 2, 5, 30));
  });
});
