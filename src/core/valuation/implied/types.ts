/**
 * A discounted-cash-flow model of one equity, as data (STYLE.md: the model is data, engines are functions over it).
 * Rates are decimals per year (0.085 = 8.5%); cash flows are in one currency, per share or in total, as long as the
 * price they are compared with is on the same footing.
 *
 * Years 1…n1 (`highGrowthYears`) grow at `growthPath[t − 1]` where given, else at `growth`; years n1+1…n1+n2
 * (`fadeYears`) fade linearly from `growth` to `terminalGrowth` (year n1 + j grows at g − (g − g_T)·j/n2, so the
 * last fade year grows at g_T, Damodaran's three-stage convention); then a terminal value at year n = n1 + n2:
 * Gordon, CF_n (1 + g_T) / (k − g_T), or an exit multiple × earnings of year n.
 */
export interface DcfModel {
  /** CF_0: the base-year cash flow (earnings or free cash flow); must be positive. */
  cashFlow0: number;
  /** High growth per year for stage 1 (decimal). The unknown when solving for growth. */
  growth: number;
  /** Fixed growth of the first years (e.g. consensus), overriding `growth` year by year; length ≤ highGrowthYears. */
  growthPath?: readonly number[];
  /** n1: years of stage 1 (integer ≥ 0). */
  highGrowthYears: number;
  /** n2: years over which growth fades linearly to `terminalGrowth` (integer ≥ 0; 0 = two-stage model). */
  fadeYears?: number;
  /** g_T: growth after the explicit years (decimal per year); the target of the fade. */
  terminalGrowth: number;
  /** When set, the terminal value is this multiple × earnings of year n (a P/E or P/FCF in x), not Gordon's. */
  exitMultiple?: number;
  /** k: the cost of equity (decimal per year). The unknown when solving for the cost of equity. */
  discountRate: number;
  /** Share of earnings paid out as cash to equity (decimal, (0, 1]); default 1 (cash flow = earnings). */
  payoutRatio?: number;
}

/** The value of a {@link DcfModel} and its parts. */
export interface DcfValuation {
  /** Present value of all cash flows (same footing as `cashFlow0`: per share or total). */
  value: number;
  /** Present value of the explicit years' cash flows. */
  presentValueExplicit: number;
  /** Present value of the terminal value. */
  presentValueTerminal: number;
  /** Terminal value at year n (undiscounted). */
  terminalValue: number;
  /** Years of the explicit period: n = highGrowthYears + fadeYears. */
  years: number;
  /** Growth of each explicit year, length n. */
  growthRates: Float64Array;
  /** Earnings of years 1…n (before payout). */
  earnings: Float64Array;
  /** Cash flows to equity of years 1…n (earnings × payout). */
  cashFlows: Float64Array;
}

/** A solved unknown with the check that it reproduces the price. */
export interface ImpliedSolution {
  /** The implied rate (growth or cost of equity), decimal per year. */
  rate: number;
  /** The model with the solved rate filled in. */
  model: DcfModel;
  /** The model's value at the solved rate: equals the price to about 1e-10 relative. */
  value: number;
  /** Brent iterations used. */
  iterations: number;
}
