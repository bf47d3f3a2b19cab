import { toSimpleContributions } from "./simple-contributions.js";
import type { AttributionPoint, AttributionResult, FxBasis } from "./types.js";

const show = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

function invalid(p: AttributionPoint): { nm: "negative_earnings" | "missing_input"; message: string } | undefined {
  for (const [name, v] of [["price", p.price], ["fx", p.fx ?? 1], ["translation", p.translation ?? 1]] as const) {
    if (!(Number.isFinite(v) && v > 0)) return { nm: "missing_input", message: `${name} on ${p.date} (${show(v)}) must be a positive number` };
  }
  if (!Number.isFinite(p.eps)) return { nm: "missing_input", message: `EPS on ${p.date} (${show(p.eps)}) is missing` };
  if (p.eps <= 0) return { nm: "negative_earnings", message: `EPS on ${p.date} (${show(p.eps)}) is not positive: P/E is n.m., so is its change` };
  const tri = p.totalReturnIndex;
  if (tri !== undefined && !(Number.isFinite(tri) && tri > 0)) {
    return { nm: "missing_input", message: `total-return index on ${p.date} (${show(tri)}) must be a positive number` };
  }
  return undefined;
}

/**
 * A period's return in the investor's currency split into earnings growth, multiple change, FX and dividends:
 * ln(P1 X1 / P0 X0) + ln(TR/PR) = ln(E1/E0) + ln(PE1/PE0) + ln(X1/X0) + [ln(TR1/TR0) − ln(P1/P0)], with PE = P/E in the
 * listing currency. Each part is also given as its contribution to the simple return.
 *
 * @param start - price, EPS per listing (listing currency), optional total-return index, FX and translation at t0.
 * @param end - the same at t1, EPS on the same definition.
 * @param fxBasis - "listing" (default, FORMULAS.md) or "reporting" (earnings growth in the reporting currency).
 * @returns the log and simple contributions with their totals, or an n.m. result (EPS ≤ 0 at either end:
 *   `negative_earnings`; a missing or non-positive price, rate or index: `missing_input`). The dividend term is 0
 *   unless both ends carry a total-return index.
 * @example attributeReturn({ date: "2025-01-02", price: 100, eps: 10 }, { date: "2025-10-31", price: 150, eps: 11 }).log // earnings ln 1.1 = 0.09531, multiple ln(13.636/10) = 0.31015
 * @see FORMULAS.md "Attribution"
 */
export function attributeReturn(start: AttributionPoint, end: AttributionPoint, fxBasis: FxBasis = "listing"): AttributionResult {
  const bad = invalid(start) ?? invalid(end);
  if (bad !== undefined) return { from: start.date, to: end.date, ...bad };
  const withDividends = start.totalReturnIndex !== undefined && end.totalReturnIndex !== undefined;
  const peFrom = start.price / start.eps;
  const peTo = end.price / end.eps;
  const listingFx = Math.log((end.fx ?? 1) / (start.fx ?? 1));
  const translation = Math.log((end.translation ?? 1) / (start.translation ?? 1));
  const listingEarnings = Math.log(end.eps / start.eps);
  const log = {
    // reporting basis: EPS in the reporting currency = listing EPS / translation, so its growth loses the translation term
    earnings: fxBasis === "reporting" ? listingEarnings - translation : listingEarnings,
    multiple: Math.log(peTo / peFrom),
    fx: fxBasis === "reporting" ? listingFx + translation : listingFx,
    dividends: withDividends
      ? Math.log((end.totalReturnIndex as number) / (start.totalReturnIndex as number)) - Math.log(end.price / start.price)
      : 0,
  };
  const { simple, simpleReturn, logReturn } = toSimpleContributions(log);
  return { from: start.date, to: end.date, fxBasis, log, logReturn, simple, simpleReturn, peFrom, peTo, withDividends };
}
