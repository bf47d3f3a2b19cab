import { z } from "zod";
import { Currency, IsoDate } from "./common.js";
import { GLOSSARY } from "./glossary.js";

/** One daily FX fixing: 1 base = rate quote. */
export const FxRate = z.strictObject({
  base: Currency.describe(GLOSSARY.fxBase),
  quote: Currency.describe(GLOSSARY.fxQuote),
  date: IsoDate,
  rate: z.number().positive().describe(GLOSSARY.rate),
  source: z.string().optional().describe(GLOSSARY.source),
});
export type FxRate = z.infer<typeof FxRate>;
