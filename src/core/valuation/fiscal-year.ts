import { InvalidInputError } from "../../errors.js";
import { endOfMonth } from "../dates.js";

const FY_LABEL = /^FY(\d{4})$/;

/**
 * Last day of a fiscal year from its label, by rerate's convention that a fiscal year is named by the calendar
 * year it ends in (Alibaba FY2026 ends 31 March 2026; NVIDIA FY2026 ends in January 2026).
 * Issuers whose year ends on a weekday rule (NVIDIA, Broadcom) get the month end; a stored `periodEnd` is exact
 * and should be preferred when there is one.
 *
 * @param fiscalPeriod - a fiscal-year label such as "FY2026".
 * @param fiscalYearEndMonth - month (1–12) the issuer's fiscal year ends in; default 12.
 * @returns the ISO date of the last day of that month in the label's year, or `undefined` when the label is not
 *   a fiscal year (e.g. "2025Q2").
 * @throws InvalidInputError when the month is not an integer 1–12.
 * @example fiscalYearEnd("FY2026", 3) // "2026-03-31"
 * @see FORMULAS.md "Multiples": "FY1 (the first fiscal year ending after d)"
 */
export function fiscalYearEnd(fiscalPeriod: string, fiscalYearEndMonth = 12): string | undefined {
  if (!Number.isInteger(fiscalYearEndMonth) || fiscalYearEndMonth < 1 || fiscalYearEndMonth > 12) {
    throw new InvalidInputError(`fiscalYearEndMonth (${fiscalYearEndMonth}) must be an integer from 1 to 12`);
  }
  const m = FY_LABEL.exec(fiscalPeriod);
  if (m === null) return undefined;
  return endOfMonth(Number(m[1]), fiscalYearEndMonth);
}

/**
 * The two fiscal years after a date: FY1 is the first fiscal year ending after `asOf`, FY2 the one after it.
 *
 * @param asOf - ISO date of the analysis.
 * @param fiscalYearEndMonth - month (1–12) the fiscal year ends in; default 12.
 * @param knownEnds - exact period ends by label (e.g. from estimates' periodEnd), preferred over month ends.
 * @returns labels and ISO end dates of FY1 and FY2.
 * @example forwardFiscalYears("2025-09-30", 3) // { fy1: "FY2026", fy1End: "2026-03-31", fy2: "FY2027", fy2End: "2027-03-31" }
 * @see FORMULAS.md "Multiples": "FY1 (the first fiscal year ending after d) and FY2"
 */
export function forwardFiscalYears(
  asOf: string,
  fiscalYearEndMonth = 12,
  knownEnds: ReadonlyMap<string, string> = new Map(),
): { fy1: string; fy1End: string; fy2: string; fy2End: string } {
  const endOf = (year: number) => knownEnds.get(`FY${year}`) ?? (fiscalYearEnd(`FY${year}`, fiscalYearEndMonth) as string);
  // A fiscal year ending after asOf ends in asOf's calendar year or later; one labelled a year earlier may
  // still end after asOf only through an exact periodEnd that runs into the next year (52/53-week years).
  let year = Number(asOf.slice(0, 4)) - 1;
  while (endOf(year) <= asOf) year += 1;
  return { fy1: `FY${year}`, fy1End: endOf(year), fy2: `FY${year + 1}`, fy2End: endOf(year + 1) };
}
