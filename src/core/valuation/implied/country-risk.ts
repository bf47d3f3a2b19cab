import { InvalidInputError } from "../../../errors.js";
import { show } from "./_validate.js";

/**
 * Country risk premium in Damodaran's manner: the country's sovereign default spread scaled up by the relative
 * volatility of its equity and bond markets.
 *
 * @param defaultSpread - sovereign default spread over a default-free rate (decimal; China, Jan 2024: 0.0077).
 * @param equityToBondVolatility - σ_equity / σ_bond of the country (or the global multiplier; Jan 2024: 1.34).
 * @returns CRP (decimal per year).
 * @throws InvalidInputError for a negative spread or a non-positive volatility ratio.
 * @example countryRiskPremium(0.0077, 1.34) // 0.010318 (Damodaran's China CRP of 1.03%, January 2024)
 * @see FORMULAS.md "Implied expectations": "CRP = default spread × σ_equity / σ_bond of the country"
 */
export function countryRiskPremium(defaultSpread: number, equityToBondVolatility: number): number {
  if (!(Number.isFinite(defaultSpread) && defaultSpread >= 0)) throw new InvalidInputError(`default spread (${show(defaultSpread)}) must be a decimal ≥ 0`);
  if (!(Number.isFinite(equityToBondVolatility) && equityToBondVolatility > 0)) {
    throw new InvalidInputError(`equity-to-bond volatility ratio (${show(equityToBondVolatility)}) must be positive`);
  }
  return defaultSpread * equityToBondVolatility;
}

/**
 * A company's exposure λ to a country's risk: its share of revenue from the country relative to the average local
 * company's share (λ = 1 for a typical local company; an exporter selling abroad has λ < 1).
 *
 * @param companyShare - the company's revenue share from the country (decimal, 0–1).
 * @param averageLocalShare - the average local company's revenue share from the country (decimal, > 0).
 * @returns λ (a ratio), or `undefined` when either share is missing, negative or the average is zero.
 * @example countryExposureLambda(0.3, 0.75) // 0.4
 * @see FORMULAS.md "Implied expectations": "λ = company's revenue share from the country / average local company's share"
 */
export function countryExposureLambda(companyShare: number | undefined, averageLocalShare: number | undefined): number | undefined {
  if (companyShare === undefined || averageLocalShare === undefined) return undefined;
  if (!(Number.isFinite(companyShare) && companyShare >= 0 && Number.isFinite(averageLocalShare) && averageLocalShare > 0)) return undefined;
  return companyShare / averageLocalShare;
}

/** Inputs of {@link costOfEquity}; rates decimal per year. */
export interface CostOfEquityInputs {
  riskFreeRate: number;
  /** Beta against the mature market; default 1. */
  beta?: number;
  /** Mature-market equity risk premium. */
  matureErp: number;
  /** Country risk premium; default 0. */
  countryRiskPremium?: number;
  /** Exposure to the country's risk; default 1. */
  lambda?: number;
}

/**
 * Cost of equity with country risk: k = r_f + β · mature ERP + λ · CRP.
 *
 * @param inputs - risk-free rate, beta (default 1), mature ERP, CRP (default 0), λ (default 1), decimals per year.
 * @returns k (decimal per year).
 * @throws InvalidInputError when an input is not a finite number.
 * @example costOfEquity({ riskFreeRate: 0.04, beta: 1.2, matureErp: 0.046, countryRiskPremium: 0.0103, lambda: 0.5 }) // 0.04 + 0.0552 + 0.00515 = 0.10035
 * @see FORMULAS.md "Implied expectations": "cost of equity = r_f + β · mature ERP + λ · CRP"
 */
export function costOfEquity(inputs: CostOfEquityInputs): number {
  const { riskFreeRate, beta = 1, matureErp, countryRiskPremium: crp = 0, lambda = 1 } = inputs;
  for (const [name, v] of [["risk-free rate", riskFreeRate], ["beta", beta], ["mature ERP", matureErp], ["country risk premium", crp], ["lambda", lambda]] as const) {
    if (!Number.isFinite(v)) throw new InvalidInputError(`${name} (${show(v)}) must be a finite number`);
  }
  return riskFreeRate + beta * matureErp + lambda * crp;
}
