import { InvalidInputError } from "../../../errors.js";
import { solveImpliedCostOfEquity, type ImpliedCostOfEquityOptions } from "./solve-implied-cost-of-equity.js";
import type { DcfModel, ImpliedSolution } from "./types.js";
import { show } from "./_validate.js";

/**
 * Implied equity risk premium: the implied cost of equity less the risk-free rate of the security's currency.
 *
 * @param costOfEquity - implied cost of equity k (decimal per year).
 * @param riskFreeRate - risk-free rate of the currency the price and cash flows are in (decimal per year).
 * @returns k − r_f (decimal per year), or `undefined` when either input is missing or not finite.
 * @example impliedEquityRiskPremium(0.0787, 0.0422) // 0.0365
 * @see FORMULAS.md "Implied expectations": "Implied ERP = k − r_f"
 */
export function impliedEquityRiskPremium(costOfEquity: number | undefined, riskFreeRate: number | undefined): number | undefined {
  if (costOfEquity === undefined || riskFreeRate === undefined || !Number.isFinite(costOfEquity) || !Number.isFinite(riskFreeRate)) return undefined;
  return costOfEquity - riskFreeRate;
}

/** An implied cost of equity with the risk-free rate it is measured against. */
export interface ImpliedErpSolution extends ImpliedSolution {
  riskFreeRate: number;
  /** k − r_f (decimal per year). */
  equityRiskPremium: number;
}

/**
 * The equity risk premium a price implies, in Damodaran's manner: solve the cost of equity (IRR) of the expected
 * cash flows, then subtract the risk-free rate.
 *
 * @param model - the model, `discountRate` ignored (the unknown).
 * @param price - the price or index level, on the same footing as `cashFlow0`.
 * @param riskFreeRate - risk-free rate of the price's currency (decimal per year).
 * @param options - as {@link solveImpliedCostOfEquity}.
 * @returns the implied cost of equity (`rate`), the risk-free rate and the ERP.
 * @throws InvalidInputError as {@link solveImpliedCostOfEquity}, or for a risk-free rate that is not a finite rate above −1.
 * @example solveImpliedEquityRiskPremium({ cashFlow0: 35.146, growth: 0.085, highGrowthYears: 5, terminalGrowth: 0.0422, discountRate: 0 }, 1211.92, 0.0422).equityRiskPremium // ≈ 0.0365
 * @see A. Damodaran, "Equity Risk Premiums (ERP): Determinants, Estimation and Implications" (implied ERP for the S&P 500)
 */
export function solveImpliedEquityRiskPremium(
  model: DcfModel,
  price: number,
  riskFreeRate: number,
  options: ImpliedCostOfEquityOptions = {},
): ImpliedErpSolution {
  if (!(Number.isFinite(riskFreeRate) && riskFreeRate > -1)) {
    throw new InvalidInputError(`risk-free rate (${show(riskFreeRate)}) must be a decimal rate above −1 (0.042 = 4.2%)`);
  }
  const s = solveImpliedCostOfEquity(model, price, options);
  return { ...s, riskFreeRate, equityRiskPremium: s.rate - riskFreeRate };
}
