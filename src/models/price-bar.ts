import { z } from "zod";
import { Currency, IsoDate, SecurityId } from "./common.js";
import { GLOSSARY } from "./glossary.js";

const price = (d: string) => z.number().positive().optional().describe(d);

/** One daily bar of one listing. close is required and positive; the rest may be missing. */
export const PriceBar = z.strictObject({
  security: SecurityId,
  date: IsoDate.describe(GLOSSARY.date),
  open: price(GLOSSARY.open),
  high: price(GLOSSARY.high),
  low: price(GLOSSARY.low),
  close: z.number().positive().describe(GLOSSARY.close),
  adjClose: price(GLOSSARY.adjClose),
  volume: z.number().nonnegative().optional().describe(GLOSSARY.volume),
  currency: Currency,
});
export type PriceBar = z.infer<typeof PriceBar>;

/**
 * Price bars of one security in columns (the shape DuckDB returns and core computes on).
 * Missing values are NaN in the Float64Arrays.
 */
export interface PriceColumns {
  security: string;
  currency: string;
  dates: string[];
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  adjClose: Float64Array;
  volume: Float64Array;
}
