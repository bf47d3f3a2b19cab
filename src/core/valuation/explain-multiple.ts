import { fmt } from "./_inputs.js";
import type { FigureUsed, FxUsed, MultipleResult } from "./types.js";

function showValue(r: MultipleResult): string {
  if (r.value === undefined) return `n.m. (${r.nm}: ${r.message})`;
  if (r.unit === "x") return `${r.value.toFixed(2)}x`;
  if (r.unit === "ratio") return `${(100 * r.value).toFixed(2)}%`;
  return `${fmt(r.value)} ${r.inputs.currency ?? ""}`.trim();
}

function showFigure(f: FigureUsed): string {
  const unit = f.unit === "perShare" ? " per share" : "";
  const period = `${f.fiscalPeriod}${f.periodEnd !== undefined ? ` to ${f.periodEnd}` : ""}`;
  const when = f.origin === "estimate" ? `estimate of ${f.estimator ?? "?"} observed ${f.knownFrom}` : `known from ${f.knownFrom}`;
  const weight = f.weight !== undefined && f.weight !== 1 ? `, weight ${fmt(f.weight)}` : "";
  const source = f.source !== undefined ? `, source ${f.source}` : "";
  const age = f.origin === "estimate" ? ` [${f.ageDays} d old]` : ` [${f.ageDays} d after its period end, ${f.knownAgeDays} d after known]`;
  return `  ${f.role}: ${f.metric} ${period} = ${fmt(f.value)}${f.currency !== undefined ? " " + f.currency : ""}${unit} (${when}${weight}${source})${age}`;
}

function showFx(x: FxUsed): string {
  const legs = x.path.map((l) => `${l.pair} ${fmt(l.rate)} of ${l.date}${l.inverted ? " inverted" : ""}`).join(" × ");
  return `  FX for ${x.what}: ${x.from}→${x.to} ${fmt(x.rate)} on ${x.date} via ${legs}${x.staleDays > 0 ? ` (${x.staleDays} day${x.staleDays === 1 ? "" : "s"} old)` : ""}`;
}

/**
 * Plain-text explanation of a result for `--explain`: the value or n.m. reason, the formula, the price, each
 * figure with its period, date and source, the per-listing factor, each FX rate with its pairs and dates,
 * calendarisation weights, and the numerator and denominator compared. English; pure (no I/O).
 *
 * @param result - any result of the multiple functions.
 * @returns lines of text, the first naming the kind and the value.
 * @example explainMultiple(trailingPE(ctx))[0] // "trailingPE = 18.00x"
 * @see PRODUCT.md "Principles": "Every number is traceable: which source, which filing or quote, which as-of date, which FX rate."
 */
export function explainMultiple(result: MultipleResult): string[] {
  const i = result.inputs;
  const lines = [`${result.kind} = ${showValue(result)}`, `  formula: ${i.formula} (as of ${i.asOf})`];
  if (i.price !== undefined) lines.push(`  price: ${fmt(i.price.close)} ${i.price.currency} on ${i.price.date}${i.price.ageDays ? ` [${i.price.ageDays} d old]` : ""}`);
  lines.push(...i.figures.map(showFigure));
  if (i.sharesPerListing !== 1 && i.figures.some((f) => f.unit === "perShare" || f.unit === "shares")) {
    lines.push(`  shares per listing unit: ${fmt(i.sharesPerListing)}`);
  }
  lines.push(...i.fx.map(showFx));
  if (i.calendarisation !== undefined) {
    const c = i.calendarisation;
    lines.push(`  calendarised: f = ${fmt(c.weightFy1)} (days to ${c.fy1} end ${c.fy1End} / 365) on ${c.fy1}, 1 − f on ${c.fy2}`);
  }
  if (i.numerator !== undefined && i.denominator !== undefined) {
    lines.push(`  = ${fmt(i.numerator)} / ${fmt(i.denominator)}${i.currency !== undefined ? ` (${i.currency})` : ""}`);
  }
  lines.push(...i.notes.map((n) => `  note: ${n}`));
  return lines;
}
