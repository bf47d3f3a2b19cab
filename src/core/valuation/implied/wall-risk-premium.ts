import { median } from "../../stats/median.js";

/** The valuation wall as a risk premium: the gap in implied premia between two peer groups against λ · CRP. */
export interface WallRiskPremium {
  /** Median implied premium (or cost of equity) of group A and of group B (decimal per year). */
  medianA: number;
  medianB: number;
  /** medianA − medianB: the extra return the market demands of A (decimal per year; negative = A is the safer). */
  gap: number;
  /** λ · CRP: the part country risk explains, in Damodaran's manner. */
  explained: number;
  /** gap − λ · CRP: what country risk does not explain (the wall's own premium). */
  unexplained: number;
  /** gap / CRP: the λ at which country risk alone would explain the gap; undefined when CRP is 0. */
  impliedLambda?: number;
  countryRiskPremium: number;
  lambda: number;
  /** Values used of each group (finite ones). */
  nA: number;
  nB: number;
}

/**
 * The valuation wall expressed as a risk premium: the gap between the median implied equity risk premium of group
 * A (e.g. China platforms) and group B (US platforms), compared with the country risk premium × λ that Damodaran's
 * cost of equity would add for A's country. Compare ERPs (k − r_f in each security's own currency) so that
 * different risk-free rates do not pass for risk.
 *
 * @param a - implied premia of group A (decimal per year); missing and non-finite values skipped.
 * @param b - implied premia of group B.
 * @param countryRiskPremium - CRP of A's country relative to B's (decimal; China, Jan 2024: 0.0103).
 * @param lambda - A's exposure to that country (default 1: a typical local company).
 * @returns medians, gap, explained (λ · CRP) and unexplained parts, or `undefined` when either group has no value.
 * @example wallRiskPremium([0.08, 0.07, 0.09], [0.05, 0.045], 0.0103).unexplained // 0.08 − 0.0475 − 0.0103 = 0.0222
 * @see FORMULAS.md "Implied expectations": "cost of equity = r_f + β · mature ERP + λ · CRP"
 */
export function wallRiskPremium(
  a: Iterable<number | null | undefined>,
  b: Iterable<number | null | undefined>,
  countryRiskPremium: number,
  lambda = 1,
): WallRiskPremium | undefined {
  const xs = [...a].filter((x): x is number => typeof x === "number" && Number.isFinite(x));
  const ys = [...b].filter((x): x is number => typeof x === "number" && Number.isFinite(x));
  const medianA = median(xs);
  const medianB = median(ys);
  if (medianA === undefined || medianB === undefined || !Number.isFinite(countryRiskPremium) || !Number.isFinite(lambda)) return undefined;
  const gap = medianA - medianB;
  const explained = lambda * countryRiskPremium;
  const out: WallRiskPremium = {
    medianA, medianB, gap, explained, unexplained: gap - explained, countryRiskPremium, lambda, nA: xs.length, nB: ys.length,
  };
  if (countryRiskPremium !== 0) out.impliedLambda = gap / countryRiskPremium;
  return out;
}
