import type { Currency, Fundamental, Metric } from "../../models/index.js";
import { notMeaningful, type Draft } from "./_evaluate.js";
import { currencyOf, recordFigure, requireFreshFigure, visibleFundamentals } from "./_inputs.js";
import { isPerShare, shareBasis, type BasisSlots } from "./_share-basis.js";
import { addToSlots, emptySlots, trailingPeriods } from "./_trailing-periods.js";

/**
 * Sum of the last four consecutive fiscal quarters of a metric known on asOf, or for a half-yearly reporter of
 * the last two consecutive halves (the first metric in priority order whose latest set is complete; a set that
 * ends later beats priority; see _trailing-periods.ts). A per-share sum spanning a stock split puts the earlier
 * periods on the latest share basis (see _share-basis.ts: weight 1/n, noted) or is n.m. when the break is no split
 * ratio. Records the periods. Internal.
 */
export function needTrailingFourQuarters(d: Draft, role: string, metrics: readonly Metric[]): { value: number; currency: Currency; label: string } {
  const rows = visibleFundamentals(d);
  const slots = metrics.map(() => emptySlots());
  const perShare = isPerShare(metrics);
  const basisSlots: BasisSlots = { netIncome: emptySlots(), sharesDiluted: emptySlots() };
  for (const r of rows) {
    const m = metrics.indexOf(r.metric);
    // Two rows for one period (issuer and listing): the issuer's, as for any other figure.
    if (m >= 0) addToSlots(slots[m]!, r, d.ctx.security.issuer);
    if (perShare && (r.metric === "netIncome" || r.metric === "sharesDiluted")) addToSlots(basisSlots[r.metric], r, d.ctx.security.issuer);
  }
  const periods = trailingPeriods(metrics, slots);
  if (periods === undefined) {
    const seen = slots.flatMap((s, m) => [...s.Q.values(), ...s.H.values()].map((r) => `${metrics[m]} ${r.fiscalPeriod}`));
    const have = seen.length > 0 ? `; have ${seen.sort().join(", ")}` : "";
    notMeaningful("missing_input", `TTM needs four consecutive quarters or two consecutive halves of ${metrics.join(" or ")} known on ${d.ctx.asOf}${have}`);
  }
  const currencies = new Set(periods.map((q) => currencyOf(d, q)));
  if (currencies.size > 1) notMeaningful("missing_input", `TTM periods are in different currencies (${[...currencies].join(", ")})`);
  const basis = perShare ? shareBasis(periods, basisSlots) : { factors: periods.map(() => 1), notes: [] };
  if ("error" in basis) notMeaningful("missing_input", basis.error);
  d.inputs.notes.push(...basis.notes);
  periods.forEach((q, i) => recordFigure(d, `${role} ${q.fiscalPeriod}`, q, basis.factors[i]));
  const first = periods[0] as Fundamental;
  const last = periods[periods.length - 1] as Fundamental;
  const label = `${role} TTM ${first.fiscalPeriod}–${last.fiscalPeriod}`;
  // The sum is as fresh as its last period (a quarter or a half).
  requireFreshFigure(d, last, "figure", `${label} (${last.metric})`);
  return { value: periods.reduce((s, q, i) => s + q.value * basis.factors[i]!, 0), currency: [...currencies][0] as Currency, label };
}
