import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, formatIsoDate, isWeekend, toDayNumber, fromDayNumber } from "../dates.js";
import { CN_HOLIDAYS } from "./holidays-cn.js";
import { HK_HOLIDAYS } from "./holidays-hk.js";
import { US_HOLIDAYS } from "./holidays-us.js";
import { CALENDAR_COVERAGE, type Holiday } from "./holiday.js";

const LISTS: Record<string, readonly Holiday[]> = { HK: HK_HOLIDAYS, US: US_HOLIDAYS, CN: CN_HOLIDAYS };

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher): an independent check of Good Friday. */
function easter(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return formatIsoDate(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/** n-th (1-based; -1 = last) weekday `dow` of a month. */
function nthWeekday(year: number, month: number, dow: number, n: number): string {
  if (n > 0) {
    const first = formatIsoDate(year, month, 1);
    return addDays(first, ((dow - dayOfWeek(first) + 7) % 7) + 7 * (n - 1));
  }
  const last = fromDayNumber(toDayNumber(formatIsoDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1)) - 1);
  return addDays(last, -((dayOfWeek(last) - dow + 7) % 7));
}

/** NYSE rule 7.2: Saturday → Friday before, Sunday → Monday after. */
const observed = (d: string): string => (dayOfWeek(d) === 6 ? addDays(d, -1) : dayOfWeek(d) === 0 ? addDays(d, 1) : d);

function nyseByRule(year: number): string[] {
  const out = [
    nthWeekday(year, 1, 1, 3), nthWeekday(year, 2, 1, 3), addDays(easter(year), -2), nthWeekday(year, 5, 1, -1),
    observed(`${year}-06-19`), observed(`${year}-07-04`), nthWeekday(year, 9, 1, 1), nthWeekday(year, 11, 4, 4),
    observed(`${year}-12-25`),
  ];
  if (dayOfWeek(`${year}-01-01`) !== 6) out.push(observed(`${year}-01-01`)); // no Friday close for a Saturday New Year
  return out.sort();
}

describe("holiday lists", () => {
  for (const [id, list] of Object.entries(LISTS)) {
    it(`${id}_HOLIDAYS are weekdays, sorted, unique and inside the coverage`, () => {
      const dates = list.map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      for (const h of list) {
        expect(isWeekend(h.date), h.date).toBe(false);
        expect(h.date >= CALENDAR_COVERAGE.from && h.date <= CALENDAR_COVERAGE.to).toBe(true);
        expect(h.name.length).toBeGreaterThan(0);
      }
      for (let y = 2022; y <= 2026; y++) expect(dates.some((d) => d.startsWith(`${y}-`)), `${id} ${y}`).toBe(true);
    });
  }

  it("easter(year) reference is right on known years", () => {
    expect([2022, 2023, 2024, 2025, 2026].map(easter)).toEqual(["2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20", "2026-04-05"]);
  });

  it("US_HOLIDAYS match the NYSE rules year by year, plus the 2025-01-09 day of mourning", () => {
    for (let year = 2022; year <= 2026; year++) {
      const listed = US_HOLIDAYS.map((h) => h.date).filter((d) => d.startsWith(`${year}-`) && d !== "2025-01-09");
      expect(listed, String(year)).toEqual(nyseByRule(year));
    }
    expect(US_HOLIDAYS.some((h) => h.date === "2025-01-09")).toBe(true);
  });

  it("HK_HOLIDAYS hold the fixed-date and Easter holidays whenever they fall on a weekday", () => {
    const hk = new Set(HK_HOLIDAYS.map((h) => h.date));
    for (let year = 2022; year <= 2026; year++) {
      for (const md of ["01-01", "05-01", "07-01", "10-01", "12-25"]) {
        const d = `${year}-${md}`;
        // a Sunday holiday moves to Monday; a Saturday one is lost
        if (dayOfWeek(d) === 0) expect(hk.has(addDays(d, 1)), d).toBe(true);
        else if (dayOfWeek(d) !== 6) expect(hk.has(d), d).toBe(true);
      }
      expect(hk.has(addDays(easter(year), -2)), `Good Friday ${year}`).toBe(true);
      const monday = addDays(easter(year), 1);
      expect(hk.has(monday) || hk.has(addDays(monday, 1)), `Easter Monday ${year}`).toBe(true);
    }
  });

  it("HK_HOLIDAYS hold each Lunar New Year with its Sunday substitution", () => {
    const hk = new Set(HK_HOLIDAYS.map((h) => h.date));
    // 2023: LNY day 1 is Sunday 22 Jan → 23, 24 and the fourth day 25 Jan are holidays.
    expect(["2023-01-23", "2023-01-24", "2023-01-25"].every((d) => hk.has(d))).toBe(true);
    // 2024: LNY Saturday 10 Feb, Sunday 11 → Monday 12 (third day) and Tuesday 13 (fourth day).
    expect(["2024-02-12", "2024-02-13"].every((d) => hk.has(d))).toBe(true);
    expect(["2025-01-29", "2025-01-30", "2025-01-31"].every((d) => hk.has(d))).toBe(true);
  });

  it("CN_HOLIDAYS give the A-share session counts the exchanges published", () => {
    const weekdays = (year: number) => {
      let n = 0;
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (!isWeekend(d)) n++;
      return n;
    };
    const count = (year: number) => weekdays(year) - CN_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).length;
    expect([2023, 2024, 2025].map(count)).toEqual([242, 242, 243]);
  });
});
