import type { Holiday } from "./holiday.js";

/**
 * Shanghai (SSE) and Shenzhen (SZSE) closures on weekdays, 2022–2026, from the exchanges' annual
 * holiday notices (休市安排). The exchanges do not trade on the weekend "make-up working days"
 * (调休) either, so those Saturdays and Sundays stay closed like any weekend.
 * @see http://www.sse.com.cn/disclosure/announcement/general/
 */
export const CN_HOLIDAYS: readonly Holiday[] = [
  ...days("New Year's Day", ["2022-01-03"]),
  ...days("Spring Festival", ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"]),
  ...days("Qingming Festival", ["2022-04-04", "2022-04-05"]),
  ...days("Labour Day", ["2022-05-02", "2022-05-03", "2022-05-04"]),
  ...days("Dragon Boat Festival", ["2022-06-03"]),
  ...days("Mid-Autumn Festival", ["2022-09-12"]),
  ...days("National Day", ["2022-10-03", "2022-10-04", "2022-10-05", "2022-10-06", "2022-10-07"]),

  ...days("New Year's Day", ["2023-01-02"]),
  ...days("Spring Festival", ["2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26", "2023-01-27"]),
  ...days("Qingming Festival", ["2023-04-05"]),
  ...days("Labour Day", ["2023-05-01", "2023-05-02", "2023-05-03"]),
  ...days("Dragon Boat Festival", ["2023-06-22", "2023-06-23"]),
  ...days("Mid-Autumn Festival and National Day", ["2023-09-29", "2023-10-02", "2023-10-03", "2023-10-04", "2023-10-05", "2023-10-06"]),

  ...days("New Year's Day", ["2024-01-01"]),
  ...days("Spring Festival", ["2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-16"]),
  ...days("Qingming Festival", ["2024-04-04", "2024-04-05"]),
  ...days("Labour Day", ["2024-05-01", "2024-05-02", "2024-05-03"]),
  ...days("Dragon Boat Festival", ["2024-06-10"]),
  ...days("Mid-Autumn Festival", ["2024-09-16", "2024-09-17"]),
  ...days("National Day", ["2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07"]),

  ...days("New Year's Day", ["2025-01-01"]),
  ...days("Spring Festival", ["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03", "2025-02-04"]),
  ...days("Qingming Festival", ["2025-04-04"]),
  ...days("Labour Day", ["2025-05-01", "2025-05-02", "2025-05-05"]),
  ...days("Dragon Boat Festival", ["2025-06-02"]),
  ...days("National Day and Mid-Autumn Festival", ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"]),

  ...days("New Year's Day", ["2026-01-01", "2026-01-02"]),
  ...days("Spring Festival", ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23"]),
  ...days("Qingming Festival", ["2026-04-06"]),
  ...days("Labour Day", ["2026-05-01", "2026-05-04", "2026-05-05"]),
  ...days("Dragon Boat Festival", ["2026-06-19"]),
  ...days("Mid-Autumn Festival", ["2026-09-25"]),
  ...days("National Day", ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"]),
];

function days(name: string, dates: readonly string[]): Holiday[] {
  return dates.map((date) => ({ date, name }));
}
