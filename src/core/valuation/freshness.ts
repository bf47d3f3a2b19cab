import type { Estimate, Fundamental } from "../../models/index.js";
import { daysBetween } from "../dates.js";
import { DEFAULT_FRESHNESS, type FreshnessLimits, type MultipleOptions, type NmReason } from "./types.js";

/** What a reported figure is used as: a flow or balance-sheet figure, or a share count. */
export type FigureUse = "figure" | "shares";

/** Why an input is too old: the n.m. reason, the age, the limit and the option that sets it, and a message. */
export interface Staleness {
  reason: Extract<NmReason, "stale_fundamentals" | "stale_estimates" | "stale_shares">;
  ageDays: number;
  limitDays: number;
  option: keyof FreshnessLimits;
  message: string;
}

/** Limits that accept any age: what stale inputs would give, shown apart and never counted (check-multiple). */
export const NO_FRESHNESS_LIMITS: Readonly<FreshnessLimits> = {
  maxAnnualAgeDays: Number.POSITIVE_INFINITY,
  maxInterimAgeDays: Number.POSITIVE_INFINITY,
  maxHalfYearAgeDays: Number.POSITIVE_INFINITY,
  maxSharesAgeDays: Number.POSITIVE_INFINITY,
  maxEstimateAgeDays: Number.POSITIVE_INFINITY,
};

/** Whether an n.m. reason says an input is too old. */
export function isStaleReason(reason: NmReason | undefined): reason is Staleness["reason"] {
  return reason === "stale_fundamentals" || reason === "stale_estimates" || reason === "stale_shares";
}

/** The freshness limits in force: each option of `options`, else its default ({@link DEFAULT_FRESHNESS}). */
export function freshnessLimits(options?: MultipleOptions): FreshnessLimits {
  return {
    maxAnnualAgeDays: options?.maxAnnualAgeDays ?? DEFAULT_FRESHNESS.maxAnnualAgeDays,
    maxInterimAgeDays: options?.maxInterimAgeDays ?? DEFAULT_FRESHNESS.maxInterimAgeDays,
    maxHalfYearAgeDays: options?.maxHalfYearAgeDays ?? DEFAULT_FRESHNESS.maxHalfYearAgeDays,
    maxSharesAgeDays: options?.maxSharesAgeDays ?? DEFAULT_FRESHNESS.maxSharesAgeDays,
    maxEstimateAgeDays: options?.maxEstimateAgeDays ?? DEFAULT_FRESHNESS.maxEstimateAgeDays,
  };
}

/** The option limiting a reported figure's age: shares, else by its period (FY2025 annual, 2025Q2 interim, 2025H1 half). */
export function limitOption(fiscalPeriod: string, use: FigureUse): keyof FreshnessLimits {
  if (use === "shares") return "maxSharesAgeDays";
  if (fiscalPeriod.startsWith("FY")) return "maxAnnualAgeDays";
  return fiscalPeriod.includes("H") ? "maxHalfYearAgeDays" : "maxInterimAgeDays";
}

const plural = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/**
 * Whether a reported figure is too old on asOf: its period ended more calendar days before asOf than the limit
 * for its kind (an age equal to the limit is still fresh).
 *
 * @param row - the figure (its `periodEnd` and `knownFrom` are quoted in the message).
 * @param asOf - ISO date of the valuation.
 * @param limits - from {@link freshnessLimits}.
 * @param use - "shares" for a share count (`stale_shares`), else "figure" (`stale_fundamentals`).
 * @param label - how the message names the figure, e.g. "EPS TTM 2021Q3–2022Q2".
 * @returns the staleness, or undefined when the figure is fresh enough.
 * @example staleFigure({ fiscalPeriod: "FY2022", periodEnd: "2022-12-31", … }, "2025-09-24", limits, "figure", "EPS FY2022")
 *   // { reason: "stale_fundamentals", ageDays: 998, limitDays: 456, … }
 * @see README "Freshness of every figure"
 */
export function staleFigure(row: Pick<Fundamental, "fiscalPeriod" | "periodEnd" | "knownFrom">, asOf: string, limits: FreshnessLimits, use: FigureUse, label: string): Staleness | undefined {
  const option = limitOption(row.fiscalPeriod, use);
  const limitDays = limits[option];
  const ageDays = daysBetween(row.periodEnd, asOf);
  if (!(ageDays > limitDays)) return undefined;
  return {
    reason: use === "shares" ? "stale_shares" : "stale_fundamentals", ageDays, limitDays, option,
    message: `${label}: its period ended ${row.periodEnd}, ${plural(ageDays)} before asOf ${asOf} (known from ${row.knownFrom}); older than ${option} ${limitDays}`,
  };
}

/**
 * Whether an estimate is too old on asOf: observed more than `maxEstimateAgeDays` calendar days before asOf.
 * @returns the staleness (`stale_estimates`), or undefined when fresh enough.
 * @example staleEstimate({ asOf: "2025-08-01", … }, "2025-09-24", limits, "EPS FY1 FY2026") // 54 days > 45: stale
 */
export function staleEstimate(e: Pick<Estimate, "asOf">, asOf: string, limits: FreshnessLimits, label: string): Staleness | undefined {
  const limitDays = limits.maxEstimateAgeDays;
  const ageDays = daysBetween(e.asOf, asOf);
  if (!(ageDays > limitDays)) return undefined;
  return {
    reason: "stale_estimates", ageDays, limitDays, option: "maxEstimateAgeDays",
    message: `${label}: observed ${e.asOf}, ${plural(ageDays)} before asOf ${asOf}; older than maxEstimateAgeDays ${limitDays}`,
  };
}
