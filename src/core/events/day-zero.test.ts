import { describe, expect, it } from "vitest";
import { tradingDays } from "../calendars/calendar.js";
import { locateDayZero } from "./day-zero.js";
import { describeDayZero } from "./describe-day-zero.js";
import { parseEventTime } from "./event-time.js";
import { SESSION_HOURS } from "./session-hours.js";

const US = tradingDays("US", "2025-07-01", "2025-10-31");
const HK = tradingDays("HK", "2025-07-01", "2025-10-31");
const CN = tradingDays("CN", "2025-07-01", "2025-10-31");
const day0 = (sessions: string[], ts: string, cal: "US" | "HK" | "CN") => locateDayZero(sessions, parseEventTime(ts), SESSION_HOURS[cal]);

describe("locateDayZero(sessions, time, hours) on the 2025 catalysts (FACTS.md)", () => {
  it("Broadcom after the US close on 4 Sep: day 0 is 5 Sep in New York and 5 Sep in Hong Kong", () => {
    expect(day0(US, "2025-09-04T16:15-04:00", "US")).toMatchObject({ date: "2025-09-05", rule: "after-close" });
    expect(day0(HK, "2025-09-04T16:15-04:00", "HK")).toMatchObject({ date: "2025-09-05", rule: "before-open", local: { date: "2025-09-05", time: "04:15" } });
  });

  it("a Beijing-morning announcement is day 0 the same day in Hong Kong and that day in New York", () => {
    expect(day0(HK, "2025-09-24T09:30+08:00", "HK")).toMatchObject({ date: "2025-09-24", rule: "during-session" });
    expect(day0(US, "2025-09-24T09:30+08:00", "US")).toMatchObject({ date: "2025-09-24", rule: "after-close", local: { date: "2025-09-23", time: "21:30" } });
    expect(day0(CN, "2025-09-24T09:30+08:00", "CN")).toMatchObject({ date: "2025-09-24", rule: "during-session" });
  });

  it("Oracle at 16:05 ET on 9 Sep is day 0 on 10 Sep; an event exactly at the close is after it", () => {
    expect(day0(US, "2025-09-09T16:05-04:00", "US")).toMatchObject({ date: "2025-09-10", rule: "after-close" });
    expect(day0(US, "2025-09-09T16:00-04:00", "US")?.date).toBe("2025-09-10");
    expect(day0(US, "2025-09-09T15:59-04:00", "US")).toMatchObject({ date: "2025-09-09", rule: "during-session" });
  });

  it("the Shanghai close is 15:00: a 15:30 report is the next session there but the same session in Hong Kong", () => {
    expect(day0(CN, "2025-08-12T15:30+08:00", "CN")).toMatchObject({ date: "2025-08-13", rule: "after-close" });
    expect(day0(HK, "2025-08-12T15:30+08:00", "HK")).toMatchObject({ date: "2025-08-12", rule: "during-session" });
  });

  it("events on weekends and holidays go to the next session: Mid-Autumn in Hong Kong, National Day in Shanghai", () => {
    expect(day0(US, "2025-09-27T11:00-04:00", "US")).toMatchObject({ date: "2025-09-29", rule: "no-session-that-day" });
    expect(day0(HK, "2025-10-01T10:00+08:00", "HK")).toMatchObject({ date: "2025-10-02", rule: "no-session-that-day" });
    expect(locateDayZero(CN, parseEventTime("2025-10-01"))).toMatchObject({ date: "2025-10-09", rule: "next-session-after-date" });
    expect(locateDayZero(HK, parseEventTime("2025-10-06"))).toMatchObject({ date: "2025-10-06", rule: "on-date" });
  });

  it("applies New York summer time: 15:30 ET is during the session in winter too (16:00 EST = 21:00 UTC)", () => {
    const winter = tradingDays("US", "2025-12-01", "2025-12-31");
    expect(locateDayZero(winter, parseEventTime("2025-12-09T20:30Z"), SESSION_HOURS.US)).toMatchObject({ date: "2025-12-09", rule: "during-session" });
    expect(locateDayZero(US, parseEventTime("2025-09-09T20:30Z"), SESSION_HOURS.US)).toMatchObject({ date: "2025-09-10", rule: "after-close" });
  });

  it("uses the written date when the listing has no session hours, and says when no session follows", () => {
    expect(locateDayZero(US, parseEventTime("2025-09-09T23:00-04:00"))).toMatchObject({ date: "2025-09-09", rule: "date-only-fallback" });
    expect(day0(US, "2025-11-03T10:00-05:00", "US")).toBeUndefined();
    expect(locateDayZero(US, parseEventTime("2026-01-05"))).toBeUndefined();
  });

  it("keeps a session where the stock has no price as day 0: the grid, not the price list, decides", () => {
    const grid = ["2025-09-23", "2025-09-24", "2025-09-25"];
    expect(locateDayZero(grid, parseEventTime("2025-09-24"))?.index).toBe(1);
  });
});

describe("describeDayZero(dz, hours)", () => {
  it("says why in one sentence", () => {
    expect(describeDayZero(day0(US, "2025-09-09T16:05-04:00", "US")!, SESSION_HOURS.US)).toBe(
      "16:05 New York time on 2025-09-09 is after the 16:00 close: day 0 is the next session, 2025-09-10");
    expect(describeDayZero(day0(HK, "2025-09-24T09:30+08:00", "HK")!, SESSION_HOURS.HK)).toBe(
      "09:30 Hong Kong time on 2025-09-24 is during the 09:30–16:00 session: day 0 is 2025-09-24");
    expect(describeDayZero(locateDayZero(CN, parseEventTime("2025-10-01"))!, undefined, "2025-10-01")).toBe(
      "date-only event on 2025-10-01 without a session: day 0 is the next session, 2025-10-09");
  });
});
