import type { Currency } from "../../../models/index.js";

/**
 * Mature-market equity risk premium: Damodaran's figure for 1 January 2024 (4.60%), from his country risk premium
 * dataset (ctryprem, "Enter the current risk premium for a mature equity market"). Override per analysis.
 */
export const DEFAULT_MATURE_ERP = 0.046;

/**
 * Country risk premiums (decimal) from Damodaran's January 2024 dataset: rating-based default spread × 1.34
 * (China A1: 0.77% → 1.03%; Hong Kong Aa3: 0.65% → 0.88%; United States Aaa: 0). Keyed by ISO country code.
 */
export const DEFAULT_COUNTRY_RISK_PREMIUMS: Readonly<Record<string, number>> = { CN: 0.0103, HK: 0.0088, TW: 0.0088, US: 0 };

/**
 * Risk-free rates (decimal per year) used when the user gives none: ASSUMPTIONS, roughly the 10-year government
 * yields of late 2025 (US Treasury about 4.1%, Hong Kong Government Bond about 3.0%, China Government Bond about
 * 1.8%). Not market data: every output that uses them says so, and `--rf` overrides them.
 */
export const DEFAULT_RISK_FREE_RATES: Readonly<Partial<Record<Currency, number>>> = { USD: 0.041, HKD: 0.03, CNY: 0.018, CNH: 0.018 };

/** Explicit years of a reverse DCF unless told otherwise. */
export const DEFAULT_HORIZON_YEARS = 10;
