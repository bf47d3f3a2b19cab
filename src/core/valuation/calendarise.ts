import { InvalidInputError } from "../../errors.js";
import { daysBetween } from "../dates.js";

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * Weight of FY1 in a next-twelve-months figure: f = (days from asOf to the end of FY1) / 365, clipped to [0, 1].
 *
 * @param asOf - ISO date of the analysis.
 * @param fy1End - ISO date FY1 ends (the first fiscal year ending after asOf).
 * @returns f in [0, 1] (0 when FY1 has already ended, 1 when it ends a year or more away).
 * @example ntmWeightFy1("2025-09-30", "2026-03-31") // 182 / 365 = 0.49863
 * @see FORMULAS.md "Multiples": "f = (days from d to the end of FY1)/365"
 */
export function ntmWeightFy1(asOf: string, fy1End: string): number {
  return Math.min(1, Math.max(0, daysBetween(asOf, fy1End) / 365));
}

/**
 * Calendarised next-twelve-months EPS: NTM = f · EPS_FY1 + (1 − f) · EPS_FY2, f = days from asOf to the end of
 * FY1 / 365.
 *
 * @param asOf - ISO date of the analysis.
 * @param fy1End - ISO date FY1 ends.
 * @param epsFy1 - EPS (or any flow) for FY1, currency per share.
 * @param epsFy2 - the same for FY2, in the same currency.
 * @returns `{ value, weightFy1 }` in the currency of the inputs, or `undefined` when an EPS is missing.
 * @example calendarisedNtmEps("2025-09-30", "2026-03-31", 7.0, 8.0) // f = 182/365 → 0.49863·7 + 0.50137·8 = 7.50137
 * @see FORMULAS.md "Multiples": "NTM = f · EPS_FY1 + (1 − f) · EPS_FY2"
 */
export function calendarisedNtmEps(
  asOf: string,
  fy1End: string,
  epsFy1: number | null | undefined,
  epsFy2: number | null | undefined,
): { value: number; weightFy1: number } | undefined {
  if (!finite(epsFy1) || !finite(epsFy2)) return undefined;
  const f = ntmWeightFy1(asOf, fy1End);
  return { value: f * epsFy1 + (1 - f) * epsFy2, weightFy1: f };
}

/**
 * Calendar-year figure from two fiscal years, to compare a March (or any non-December) fiscal year with
 * December reporters: CY_n = (m/12) · FY ending in month m of year n + ((12 − m)/12) · FY ending in year n + 1.
 * For March (m = 3): CY_n = 3/12 · FY(Mar n) + 9/12 · FY(Mar n+1).
 *
 * @param fiscalYearEndMonth - month (1–12) the fiscal years end in; 12 returns the first value unchanged.
 * @param fyEndingInYearN - figure of the fiscal year ending in calendar year n.
 * @param fyEndingInYearN1 - figure of the fiscal year ending in calendar year n + 1.
 * @returns the calendar-year n figure in the unit of the inputs, or `undefined` when a needed input is missing.
 * @throws InvalidInputError when the month is not an integer 1–12.
 * @example calendarYearValue(3, 6.0, 8.0) // 0.25·6 + 0.75·8 = 7.5 (Alibaba FY Mar-2025, FY Mar-2026 → CY2025)
 * @see FORMULAS.md "Multiples": "CY_n = (3/12)·FY ending Mar n + (9/12)·FY ending Mar n+1"
 */
export function calendarYearValue(
  fiscalYearEndMonth: number,
  fyEndingInYearN: number | null | undefined,
  fyEndingInYearN1: number | null | undefined,
): number | undefined {
  if (!Number.isInteger(fiscalYearEndMonth) || fiscalYearEndMonth < 1 || fiscalYearEndMonth > 12) {
    throw new InvalidInputError(`fiscalYearEndMonth (${fiscalYearEndMonth}) must be an integer from 1 to 12`);
  }
  if (!finite(fyEndingInYearN)) return undefined;
  if (fiscalYearEndMonth === 12) return fyEndingInYearN;
  if (!finite(fyEndingInYearN1)) return undefined;
  const w = fiscalYearEndMonth / 12;
  return w * fyEndingInYearN + (1 - w) * fyEndingInYearN1;
}
