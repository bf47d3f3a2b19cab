import { z } from "zod";
import { Currency, Exchange, LocalizedText, SecurityId } from "./common.js";
import { GLOSSARY } from "./glossary.js";

export const SECURITY_KINDS = ["equity", "adr", "index", "etf", "fx"] as const;

/** One listing: a share line, a depositary receipt, an index, an ETF or an FX pair. */
export const Security = z.strictObject({
  id: SecurityId,
  name: LocalizedText,
  exchange: Exchange,
  currency: Currency.describe("Currency the listing trades in."),
  country: z.string().regex(/^[A-Z]{2}$/).optional().describe(GLOSSARY.country),
  sector: z.string().min(1).optional(),
  industry: z.string().min(1).optional(),
  fiscalYearEndMonth: z.int().min(1).max(12).optional().describe(GLOSSARY.fiscalYearEndMonth),
  reportingCurrency: Currency.optional().describe("Currency the issuer reports its accounts in (CNY for Alibaba, USD for SMIC)."),
  kind: z.enum(SECURITY_KINDS).describe(GLOSSARY.kind),
  issuer: z.string().min(1).optional().describe(GLOSSARY.issuer),
  sharesPerListing: z.number().positive().default(1).describe(GLOSSARY.sharesPerListing),
  source: z.string().optional().describe(GLOSSARY.source),
});
export type Security = z.infer<typeof Security>;
export type SecurityInput = z.input<typeof Security>;
