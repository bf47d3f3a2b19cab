import { describe, expect, it } from "vitest";
import { parseEventArgument } from "./event-argument.js";
import { parseEventTime } from "./event-time.js";

describe("parseEventTime(text)", () => {
  it("reads date-only events without an instant", () => {
    expect(parseEventTime("2025-09-24")).toEqual({ text: "2025-09-24", date: "2025-09-24" });
  });

  it("reads a clock time with an offset or Z as a UTC instant", () => {
    expect(parseEventTime("2025-09-09T16:05-04:00").utcMs).toBe(Date.UTC(2025, 8, 9, 20, 5));
    expect(parseEventTime("2025-09-24T09:30+08:00").utcMs).toBe(Date.UTC(2025, 8, 24, 1, 30));
    expect(parseEventTime("2025-09-15T16:30:15+02:00").utcMs).toBe(Date.UTC(2025, 8, 15, 14, 30, 15));
    expect(parseEventTime("2025-09-24T01:30Z").utcMs).toBe(Date.UTC(2025, 8, 24, 1, 30));
  });

  it("refuses times without an offset, impossible dates and out-of-range clocks, naming the value", () => {
    expect(() => parseEventTime("2025-09-24T10:00")).toThrow(/event time "2025-09-24T10:00" is not a date or a date-time with an offset/);
    expect(() => parseEventTime("2025-02-30")).toThrow(/"2025-02-30" is not an existing date/);
    expect(() => parseEventTime("2025-09-24T24:00+08:00")).toThrow(/clock time out of range/);
    expect(() => parseEventTime("2025-09-24T10:00+15:00")).toThrow(/offset out of range/);
    expect(() => parseEventTime("24/09/2025")).toThrow(/write YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM/);
  });
});

describe("parseEventArgument(text, index)", () => {
  it("splits DATE[THH:MM±HH:MM][=LABEL] and slugs the label into an id", () => {
    expect(parseEventArgument("2025-09-24T10:00+08:00=Qwen3-Max", 0)).toEqual({ id: "qwen3-max", timestamp: "2025-09-24T10:00+08:00", title: "Qwen3-Max" });
    expect(parseEventArgument("2025-09-24", 2)).toEqual({ id: "event-3", timestamp: "2025-09-24", title: "2025-09-24" });
    expect(parseEventArgument("2025-09-24=通义千问", 0).id).toBe("event-1");
  });

  it("refuses an empty label and a bad timestamp", () => {
    expect(() => parseEventArgument("2025-09-24=", 0)).toThrow(/--event "2025-09-24=" has an empty label/);
    expect(() => parseEventArgument("yesterday=x", 0)).toThrow(/"yesterday"/);
  });
});
