import type { Currency, Fundamental, Metric } from "../../models/index.js";
import { notMeaningful, type Draft } from "./_evaluate.js";
import { currencyOf, recordFigure, visibleFundamentals } from "./_inputs.js";

const QUARTER = /^(\d{4})Q([1-4])$/;
const quarterIndex = (p: string) => {
  const m = QUARTER.exec(p);
  return m === null ? undefined : Number(m[1]) * 4 + Number(m[2]) - 1;
};

/**
 * Sum of the last four consecutive fiscal quarters of a metric known on asOf (the first metric in priority order
 * whose latest four are complete; a later complete set beats priority). Records the quarters. Internal.
 */
export function needTrailingFourQuarters(d: Draft, role: string, metrics: readonly Metric[]): { value: number; currency: Currency; label: string } {
  const rows = visibleFundamentals(d);
  let best: { end: number; quarters: Fundamental[] } | undefined;
  const seen: string[] = [];
  for (const metric of metrics) {
    const byIndex = new Map<number, Fundamental>();
    for (const r of rows) {
      const i = r.metric === metric ? quarterIndex(r.fiscalPeriod) : undefined;
      if (i === undefined) continue;
      // Two rows for one quarter (issuer and listing): keep the one known later.
      const prev = byIndex.get(i);
      if (prev === undefined || r.knownFrom >= prev.knownFrom) byIndex.set(i, r);
    }
    if (byIndex.size === 0) continue;
    const last = Math.max(...byIndex.keys());
    seen.push(...[...byIndex.values()].map((r) => `${metric} ${r.fiscalPeriod}`));
    const quarters = [last - 3, last - 2, last - 1, last].map((i) => byIndex.get(i));
    if (quarters.every((q) => q !== undefined) && (best === undefined || last > best.end)) {
      best = { end: last, quarters: quarters as Fundamental[] };
    }
  }
  if (best === undefined) {
    const have = seen.length > 0 ? `; have ${seen.sort().join(", ")}` : "";
    notMeaningful("missing_input", `TTM needs four consecutive quarters of ${metrics.join(" or ")} known on ${d.ctx.asOf}${have}`);
  }
  const currencies = new Set(best.quarters.map((q) => currencyOf(d, q)));
  if (currencies.size > 1) notMeaningful("missing_input", `TTM quarters are in different currencies (${[...currencies].join(", ")})`);
  for (const q of best.quarters) recordFigure(d, `${role} ${q.fiscalPeriod}`, q, 1);
  const first = best.quarters[0] as Fundamental;
  const last = best.quarters[3] as Fundamental;
  return {
    value: best.quarters.reduce((s, q) => s + q.value, 0),
    currency: [...currencies][0] as Currency,
    label: `${role} TTM ${first.fiscalPeriod}–${last.fiscalPeriod}`,
  };
}
