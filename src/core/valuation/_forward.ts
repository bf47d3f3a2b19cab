import type { Currency } from "../../models/index.js";
import { notMeaningful, type Draft } from "./_evaluate.js";
import { currencyOf, EPS_METRICS, findEstimate, recordFigure, requireFreshEstimate, visibleEstimates } from "./_inputs.js";
import { calendarisedNtmEps, ntmWeightFy1 } from "./calendarise.js";
import { forwardFiscalYears } from "./fiscal-year.js";
import type { ForwardHorizon } from "./types.js";

/** FY1 and FY2 for the draft's asOf, using estimates' exact period ends where given. Internal. */
export function draftFiscalYears(d: Draft): ReturnType<typeof forwardFiscalYears> {
  const month = d.ctx.security.fiscalYearEndMonth;
  if (month === undefined) {
    const note = "fiscalYearEndMonth not set on the security; December assumed";
    if (!d.inputs.notes.includes(note)) d.inputs.notes.push(note);
  }
  const knownEnds = new Map<string, string>();
  for (const e of visibleEstimates(d)) {
    if (e.periodEnd !== undefined && /^FY\d{4}$/.test(e.fiscalPeriod)) knownEnds.set(e.fiscalPeriod, e.periodEnd);
  }
  return forwardFiscalYears(d.ctx.asOf, month ?? 12, knownEnds);
}

function needFyEps(d: Draft, label: string, role: string, weight?: number): { value: number; currency: Currency } {
  const est = findEstimate(d, EPS_METRICS, label);
  if (est === undefined) {
    const estimator = d.ctx.options?.estimator ?? "consensus";
    notMeaningful("missing_input", `no ${estimator} EPS estimate for ${label} observed on or before ${d.ctx.asOf}`);
  }
  recordFigure(d, role, est, weight);
  requireFreshEstimate(d, est, `${role} ${est.metric}`);
  return { value: est.value, currency: currencyOf(d, est) };
}

/**
 * Forward EPS per ordinary share in the reporting currency for FY1, FY2 or calendarised NTM
 * (f · FY1 + (1 − f) · FY2), recording the estimates and the calendarisation. Internal.
 */
export function needForwardEps(d: Draft, horizon: ForwardHorizon): { value: number; currency: Currency; label: string } {
  const years = draftFiscalYears(d);
  if (horizon === "FY1") return { ...needFyEps(d, years.fy1, `EPS FY1 (${years.fy1})`), label: `EPS FY1 ${years.fy1}` };
  if (horizon === "FY2") return { ...needFyEps(d, years.fy2, `EPS FY2 (${years.fy2})`), label: `EPS FY2 ${years.fy2}` };
  const f = ntmWeightFy1(d.ctx.asOf, years.fy1End);
  const e1 = needFyEps(d, years.fy1, `EPS FY1 (${years.fy1})`, f);
  const e2 = needFyEps(d, years.fy2, `EPS FY2 (${years.fy2})`, 1 - f);
  if (e1.currency !== e2.currency) notMeaningful("missing_input", `EPS estimates for ${years.fy1} (${e1.currency}) and ${years.fy2} (${e2.currency}) are in different currencies`);
  d.inputs.calendarisation = { fy1: years.fy1, fy2: years.fy2, fy1End: years.fy1End, weightFy1: f };
  const ntm = calendarisedNtmEps(d.ctx.asOf, years.fy1End, e1.value, e2.value) as { value: number };
  return { value: ntm.value, currency: e1.currency, label: `EPS NTM (${years.fy1}/${years.fy2})` };
}
