import { z } from "zod";
import { Currency, IsoDate } from "./common.js";
import { GLOSSARY } from "./glossary.js";

export const METRICS = [
  "revenue", "grossProfit", "operatingIncome", "netIncome", "epsBasic", "epsDiluted", "ebitda", "ebit",
  "totalDebt", "cash", "listedInvestments", "bookValue", "sharesBasic", "sharesDiluted", "sharesOutstanding",
  "dividendsPerShare", "freeCashFlow", "operatingCashFlow", "capex",
  // Adjusted (non-GAAP / non-IFRS) EPS as the company states it: a metric of its own, never GAAP EPS.
  "epsAdjusted", "epsAdjustedDiluted",
] as const;
export const Metric = z.enum(METRICS).describe(GLOSSARY.metric);
export type Metric = z.infer<typeof Metric>;

export const UNITS = ["currency", "perShare", "shares", "ratio", "percent"] as const;
export const Unit = z.enum(UNITS).describe(GLOSSARY.unit);
export type Unit = z.infer<typeof Unit>;

/** FY2025 (fiscal year) or 2025Q2 (fiscal quarter), named by the issuer's fiscal year. */
export const FiscalPeriod = z
  .string()
  .regex(/^(FY\d{4}|\d{4}Q[1-4]|\d{4}H[12])$/, "fiscal period must look like FY2025, 2025Q2 or 2025H1")
  .describe(GLOSSARY.fiscalPeriod);
export type FiscalPeriod = z.infer<typeof FiscalPeriod>;

/**
 * A metric name as files spell it, to the metric's own name where one matches: `eps_adjusted_diluted`,
 * `EPS adjusted diluted` and `eps-adjusted` become `epsAdjustedDiluted` / `epsAdjusted` (snake, kebab or spaced words to
 * camelCase, case-insensitive). Anything else is returned unchanged, for the schema to report.
 * @example canonicalMetricName("eps_adjusted_diluted") // "epsAdjustedDiluted"
 */
export function canonicalMetricName(name: string): string {
  const words = name.trim().split(/[\s_-]+/).filter((w) => w.length > 0);
  if (words.length === 0) return name;
  const camel = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join("");
  const hit = METRICS.find((m) => m.toLowerCase() === camel.toLowerCase());
  return hit ?? name;
}

/** Which unit a metric is naturally counted in. */
export function unitOfMetric(metric: Metric): Unit {
  if (metric.startsWith("eps") || metric === "dividendsPerShare") return "perShare";
  if (metric.startsWith("shares")) return "shares";
  return "currency";
}

/** A reported figure of an issuer (or of one security), stamped with the date it became public. */
export const Fundamental = z.strictObject({
  entity: z.string().min(1).describe("Issuer id (e.g. alibaba) or security id the figure belongs to."),
  metric: Metric,
  fiscalPeriod: FiscalPeriod,
  periodEnd: IsoDate.describe(GLOSSARY.periodEnd),
  value: z.number().finite().describe(GLOSSARY.value),
  currency: Currency.optional().describe("Currency of the value; absent for share counts."),
  unit: Unit,
  knownFrom: IsoDate.describe(GLOSSARY.knownFrom),
  reference: z.string().min(1).optional().describe(GLOSSARY.reference),
  source: z.string().optional().describe(GLOSSARY.source),
});
export type Fundamental = z.infer<typeof Fundamental>;

/** A forecast of a metric for a fiscal period, as observed on a date. */
export const Estimate = z.strictObject({
  entity: z.string().min(1).describe("Issuer id or security id the estimate is for."),
  metric: Metric,
  fiscalPeriod: FiscalPeriod,
  periodEnd: IsoDate.optional().describe(GLOSSARY.periodEnd),
  value: z.number().finite(),
  currency: Currency.optional(),
  unit: Unit,
  asOf: IsoDate.describe(GLOSSARY.asOf),
  estimator: z.string().min(1).default("consensus").describe("consensus, or the analyst/broker the estimate is from."),
  reference: z.string().min(1).optional().describe(GLOSSARY.reference),
  source: z.string().optional().describe(GLOSSARY.source),
});
export type Estimate = z.infer<typeof Estimate>;
