import type { Fundamental, Metric } from "../../models/index.js";
import { notMeaningful, type Draft } from "./_evaluate.js";
import { needLatestFigure, visibleFundamentals } from "./_inputs.js";
import { annualShareBasis } from "./_share-basis.js";

/**
 * The latest fiscal-year EPS (needLatestFigure's choice, recorded as filed) on the share basis of the latest
 * filing known on asOf (see annualShareBasis): a pre-split FY EPS is divided by the split ratio, with a note;
 * n.m. `missing_input` when the bases differ by no split ratio.
 */
export function needFyEpsOnLatestBasis(d: Draft, role: string, metrics: readonly Metric[]): { row: Fundamental; value: number } {
  const row = needLatestFigure(d, role, metrics, true);
  const basis = annualShareBasis(row, visibleFundamentals(d), d.ctx.security.issuer);
  if ("error" in basis) notMeaningful("missing_input", basis.error);
  if (basis.note !== undefined) {
    d.inputs.notes.push(basis.note);
    // As the TTM sum records it: the figure as filed, weighted by the factor that put it on the latest basis.
    const f = d.inputs.figures[d.inputs.figures.length - 1];
    if (f !== undefined) f.weight = basis.factor;
  }
  return { row, value: row.value * basis.factor };
}
