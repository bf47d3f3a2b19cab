import { z } from "zod";
import { GLOSSARY } from "./glossary.js";

/** ISO calendar date YYYY-MM-DD that exists in the calendar. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** ISO 4217 currencies rerate knows. Unknown codes are an input error, not a silent pass-through. */
export const CURRENCIES = [
  "USD", "HKD", "CNY", "CNH", "EUR", "GBP", "JPY", "TWD", "KRW", "SGD", "AUD", "CAD", "CHF", "INR",
] as const;
export const Currency = z.enum(CURRENCIES).describe(GLOSSARY.currency);
export type Currency = z.infer<typeof Currency>;

export const EXCHANGES = ["HKEX", "NYSE", "NASDAQ", "SSE", "SZSE", "BSE", "TWSE", "OTC", "INDEX", "FX", "OTHER"] as const;
export const Exchange = z.enum(EXCHANGES).describe(GLOSSARY.exchange);
export type Exchange = z.infer<typeof Exchange>;

/** Canonical Yahoo-style symbol: letters, digits and . ^ = - _ only. */
export const SecurityId = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9^][A-Za-z0-9.^=_-]*$/, "symbol may hold only letters, digits and . ^ = - _")
  .describe(GLOSSARY.securityId);
export type SecurityId = z.infer<typeof SecurityId>;

/** Text in the three languages rerate ships; English is required, the Chinese forms are optional. */
export const LocalizedText = z.strictObject({
  en: z.string().min(1),
  "zh-Hant": z.string().min(1).optional(),
  "zh-Hans": z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const LANGS = ["en", "zh-Hant", "zh-Hans"] as const;
export type Lang = (typeof LANGS)[number];
