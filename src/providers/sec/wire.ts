import { z } from "zod";
import { isIsoDate } from "../../core/dates.js";

// Wire shapes of SEC EDGAR: they never leave this folder. Objects are deliberately not strict: the SEC adds
// fields without notice, and only the fields read here are checked (a missing or mistyped one is an error).

const Day = z.string().refine(isIsoDate, "is not a date YYYY-MM-DD");

/** One reported value of a concept (companyfacts `facts.<taxonomy>.<concept>.units.<unit>[i]`). */
export const SecFact = z.object({
  start: Day.optional(),
  end: Day,
  val: z.number().finite(),
  accn: z.string().min(1),
  fy: z.number().int().nullable().optional(),
  fp: z.string().nullable().optional(),
  form: z.string().min(1),
  filed: Day,
  frame: z.string().optional(),
});
export type SecFact = z.infer<typeof SecFact>;

/** One concept: its label and its facts by unit (USD, USD/shares, shares, CNY …). */
export const SecConcept = z.object({
  label: z.string().nullable().optional(),
  units: z.record(z.string(), z.array(SecFact)),
});
export type SecConcept = z.infer<typeof SecConcept>;

/** The companyfacts document, outer shape only (concepts are checked one by one when read). */
export const SecCompanyFactsOuter = z.object({
  cik: z.union([z.number().int(), z.string().regex(/^\d+$/)]),
  entityName: z.string(),
  facts: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type SecCompanyFactsOuter = z.infer<typeof SecCompanyFactsOuter>;

/** The part of companyfacts rerate keeps (cached): the concepts it maps, checked. */
export const SecCompanyFacts = z.object({
  cik: z.union([z.number().int(), z.string().regex(/^\d+$/)]),
  entityName: z.string(),
  facts: z.record(z.string(), z.record(z.string(), SecConcept)),
});
export type SecCompanyFacts = z.infer<typeof SecCompanyFacts>;

/** www.sec.gov/files/company_tickers.json: `{ "0": { cik_str, ticker, title }, … }`. */
export const SecTickerFile = z.record(z.string(), z.object({
  cik_str: z.number().int().positive(),
  ticker: z.string().min(1),
  title: z.string(),
}));
