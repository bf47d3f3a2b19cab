import type { Holiday } from "./holiday.js";

/**
 * NYSE and NASDAQ full-day closures, 2022–2026. A Saturday holiday closes the Friday before, a Sunday
 * holiday the Monday after, except that New Year's Day on a Saturday closes nothing (2022). Early closes
 * (13:00 ET) are trading days. Includes the National Day of Mourning for President Carter (2025-01-09).
 * @see https://www.nyse.com/markets/hours-calendars
 */
export const US_HOLIDAYS: readonly Holiday[] = [
  { date: "2022-01-17", name: "Martin Luther King Jr. Day" },
  { date: "2022-02-21", name: "Washington's Birthday" },
  { date: "2022-04-15", name: "Good Friday" },
  { date: "2022-05-30", name: "Memorial Day" },
  { date: "2022-06-20", name: "Juneteenth National Independence Day (observed)" },
  { date: "2022-07-04", name: "Independence Day" },
  { date: "2022-09-05", name: "Labor Day" },
  { date: "2022-11-24", name: "Thanksgiving Day" },
  { date: "2022-12-26", name: "Christmas Day (observed)" },

  { date: "2023-01-02", name: "New Year's Day (observed)" },
  { date: "2023-01-16", name: "Martin Luther King Jr. Day" },
  { date: "2023-02-20", name: "Washington's Birthday" },
  { date: "2023-04-07", name: "Good Friday" },
  { date: "2023-05-29", name: "Memorial Day" },
  { date: "2023-06-19", name: "Juneteenth National Independence Day" },
  { date: "2023-07-04", name: "Independence Day" },
  { date: "2023-09-04", name: "Labor Day" },
  { date: "2023-11-23", name: "Thanksgiving Day" },
  { date: "2023-12-25", name: "Christmas Day" },

  { date: "2024-01-01", name: "New Year's Day" },
  { date: "2024-01-15", name: "Martin Luther King Jr. Day" },
  { date: "2024-02-19", name: "Washington's Birthday" },
  { date: "2024-03-29", name: "Good Friday" },
  { date: "2024-05-27", name: "Memorial Day" },
  { date: "2024-06-19", name: "Juneteenth National Independence Day" },
  { date: "2024-07-04", name: "Independence Day" },
  { date: "2024-09-02", name: "Labor Day" },
  { date: "2024-11-28", name: "Thanksgiving Day" },
  { date: "2024-12-25", name: "Christmas Day" },

  { date: "2025-01-01", name: "New Year's Day" },
  { date: "2025-01-09", name: "National Day of Mourning for President Jimmy Carter" },
  { date: "2025-01-20", name: "Martin Luther King Jr. Day" },
  { date: "2025-02-17", name: "Washington's Birthday" },
  { date: "2025-04-18", name: "Good Friday" },
  { date: "2025-05-26", name: "Memorial Day" },
  { date: "2025-06-19", name: "Juneteenth National Independence Day" },
  { date: "2025-07-04", name: "Independence Day" },
  { date: "2025-09-01", name: "Labor Day" },
  { date: "2025-11-27", name: "Thanksgiving Day" },
  { date: "2025-12-25", name: "Christmas Day" },

  { date: "2026-01-01", name: "New Year's Day" },
  { date: "2026-01-19", name: "Martin Luther King Jr. Day" },
  { date: "2026-02-16", name: "Washington's Birthday" },
  { date: "2026-04-03", name: "Good Friday" },
  { date: "2026-05-25", name: "Memorial Day" },
  { date: "2026-06-19", name: "Juneteenth National Independence Day" },
  { date: "2026-07-03", name: "Independence Day (observed)" },
  { date: "2026-09-07", name: "Labor Day" },
  { date: "2026-11-26", name: "Thanksgiving Day" },
  { date: "2026-12-25", name: "Christmas Day" },
];
