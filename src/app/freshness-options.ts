import { z } from "zod";
import { InvalidInputError } from "../errors.js";
import { DEFAULT_FRESHNESS, type FreshnessLimits } from "../core/valuation/types.js";

/**
 * The freshness limits as options of comps, wall, check-multiple and bands: one name per limit, the same in the
 * library (`MultipleOptions`), the API (query parameters) and the thesis file (`freshness:`), and as a
 * kebab-case flag on the command line (`--max-annual-age-days 500`).
 */
export const FRESHNESS_OPTIONS: readonly { key: keyof FreshnessLimits; flag: string; help: string }[] = [
  { key: "maxAnnualAgeDays", flag: "--max-annual-age-days", help: `oldest fiscal-year figure used, days from its period end (default ${DEFAULT_FRESHNESS.maxAnnualAgeDays} ≈ 15 months)` },
  { key: "maxInterimAgeDays", flag: "--max-interim-age-days", help: `oldest last quarter of a TTM sum, days from its end (default ${DEFAULT_FRESHNESS.maxInterimAgeDays} ≈ 7 months)` },
  { key: "maxHalfYearAgeDays", flag: "--max-half-year-age-days", help: `oldest last half-year of a TTM sum, days from its end (default ${DEFAULT_FRESHNESS.maxHalfYearAgeDays} ≈ 10 months)` },
  { key: "maxSharesAgeDays", flag: "--max-shares-age-days", help: `oldest share count used, days from its period end (default ${DEFAULT_FRESHNESS.maxSharesAgeDays})` },
  { key: "maxEstimateAgeDays", flag: "--max-estimate-age-days", help: `oldest estimate used, days since it was observed (default ${DEFAULT_FRESHNESS.maxEstimateAgeDays})` },
];

/** The freshness limits as a command's option values (days as typed), for its options interface to extend. */
export type FreshnessFlags = { [K in keyof FreshnessLimits]?: string };

/** Freshness query parameters of an API route (each optional, days as text), to spread into a route's query schema. */
export const FRESHNESS_QUERY = {
  maxAnnualAgeDays: z.string().optional(),
  maxInterimAgeDays: z.string().optional(),
  maxHalfYearAgeDays: z.string().optional(),
  maxSharesAgeDays: z.string().optional(),
  maxEstimateAgeDays: z.string().optional(),
} as const;

/** The limits of a request as the `options` field of a use-case request, or nothing when none is given. */
export function freshnessRequest(limits: Partial<FreshnessLimits>): { options?: Partial<FreshnessLimits> } {
  return Object.keys(limits).length > 0 ? { options: limits } : {};
}

/**
 * Reads the freshness limits given (whole days from 0 to 36,600); limits not given stay undefined (the defaults apply).
 * @param raw - values by option key, e.g. commander's `cmd.opts()` or an API query.
 * @param where - how errors name the option: "cli" (`--max-annual-age-days`) or "query" (`query parameter maxAnnualAgeDays`).
 * @throws InvalidInputError naming the option and echoing the value.
 * @example parseFreshnessOptions({ maxAnnualAgeDays: "500" }, "cli") // { maxAnnualAgeDays: 500 }
 */
export function parseFreshnessOptions(raw: Readonly<Record<string, unknown>>, where: "cli" | "query"): Partial<FreshnessLimits> {
  const out: Partial<FreshnessLimits> = {};
  for (const o of FRESHNESS_OPTIONS) {
    const v = raw[o.key];
    if (v === undefined) continue;
    const text = String(v).trim();
    const days = Number(text.replace(/d$/i, ""));
    if (text === "" || !Number.isInteger(days) || days < 0 || days > 36_600) {
      throw InvalidInputError.at({ column: where === "cli" ? o.flag : `query parameter ${o.key}`, value: String(v), reason: "must be a whole number of days from 0 to 36600, e.g. 456" });
    }
    out[o.key] = days;
  }
  return out;
}
