import { createGrowthSchedule } from "./growth-schedule.js";
import type { DcfModel, DcfValuation } from "./types.js";
import { validateDcfModel } from "./_validate.js";

/**
 * The value of a DCF model without validation or allocation beyond the schedule: the function the solvers
 * evaluate. Internal: callers validate first.
 */
export function dcfValue(model: DcfModel): number {
  return valueParts(model).value;
}

function valueParts(model: DcfModel): Omit<DcfValuation, "growthRates" | "earnings" | "cashFlows"> & { earnings: number[]; rates: Float64Array } {
  const rates = createGrowthSchedule(model);
  const k = model.discountRate;
  const payout = model.payoutRatio ?? 1;
  const n = rates.length;
  let e = model.cashFlow0;
  let discount = 1;
  let pvExplicit = 0;
  const earnings: number[] = [];
  for (let t = 0; t < n; t++) {
    e *= 1 + (rates[t] as number);
    discount /= 1 + k;
    earnings.push(e);
    pvExplicit += payout * e * discount;
  }
  const terminalValue = model.exitMultiple !== undefined
    ? model.exitMultiple * e
    : (payout * e * (1 + model.terminalGrowth)) / (k - model.terminalGrowth);
  const pvTerminal = terminalValue * discount;
  return { value: pvExplicit + pvTerminal, presentValueExplicit: pvExplicit, presentValueTerminal: pvTerminal, terminalValue, years: n, earnings, rates };
}

/**
 * Value of equity cash flows: V = Σ_{t=1..n} payout·E_t / (1+k)^t + TV / (1+k)^n, with E_t = E_{t−1}(1 + g_t) from
 * E_0 = cashFlow0, the growth schedule of {@link createGrowthSchedule}, and TV = payout·E_n (1+g_T) / (k − g_T)
 * (Gordon) or exitMultiple × E_n.
 *
 * @param model - the model (rates decimal per year, cash flows per share or total).
 * @returns the value with its explicit and terminal parts and the year-by-year growth, earnings and cash flows.
 * @throws InvalidInputError for a non-positive base cash flow or, with a Gordon terminal, a discount rate not
 *   above terminal growth ("discount rate (0.02) must exceed terminal growth (0.03)"), and other bad parameters.
 * @example priceDcf({ cashFlow0: 35.146, growth: 0.085, highGrowthYears: 5, terminalGrowth: 0.0422, discountRate: 0.0787 }).value // ≈ 1211.9 (Damodaran, S&P 500, Jan 2005)
 * @see FORMULAS.md "Implied expectations": "Two-stage value of equity cash flows"
 */
export function priceDcf(model: DcfModel): DcfValuation {
  validateDcfModel(model);
  const p = valueParts(model);
  const payout = model.payoutRatio ?? 1;
  const earnings = Float64Array.from(p.earnings);
  return {
    value: p.value,
    presentValueExplicit: p.presentValueExplicit,
    presentValueTerminal: p.presentValueTerminal,
    terminalValue: p.terminalValue,
    years: p.years,
    growthRates: p.rates,
    earnings,
    cashFlows: earnings.map((e) => e * payout),
  };
}
