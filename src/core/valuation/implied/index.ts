export type { DcfModel, DcfValuation, ImpliedSolution } from "./types.js";
export { createGrowthSchedule } from "./growth-schedule.js";
export { priceDcf } from "./price-dcf.js";
export { solveImpliedGrowth, type ImpliedGrowthOptions } from "./solve-implied-growth.js";
export { solveImpliedCostOfEquity, type ImpliedCostOfEquityOptions } from "./solve-implied-cost-of-equity.js";
export { impliedEquityRiskPremium, solveImpliedEquityRiskPremium, type ImpliedErpSolution } from "./implied-erp.js";
export { costOfEquity, countryExposureLambda, countryRiskPremium, type CostOfEquityInputs } from "./country-risk.js";
export { wallRiskPremium, type WallRiskPremium } from "./wall-risk-premium.js";
export { DEFAULT_COUNTRY_RISK_PREMIUMS, DEFAULT_HORIZON_YEARS, DEFAULT_MATURE_ERP, DEFAULT_RISK_FREE_RATES } from "./defaults.js";
