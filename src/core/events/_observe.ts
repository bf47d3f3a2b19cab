import { carOf } from "./car.js";
import { fitNormalModel } from "./fit-normal-model.js";
import type { NormalFit } from "./normal-model.js";
import { studentTwoSidedP } from "./p-values.js";
import type { Moments } from "./moments.js";
import { prefixMoments, type MomentPrefix } from "./prefix-sums.js";
import type { ObservationOutcome, WindowOutcome } from "./outcomes.js";
import type { DayRange, EventStudySpec } from "./study-spec.js";

const NO_DAYS: readonly number[] = Object.freeze([]);

/** Per-series inputs the observation step reads. Internal. */
export interface SeriesView {
  returns: ArrayLike<number>;
  market: ArrayLike<number> | undefined;
  prefix: MomentPrefix;
}

/**
 * Fits the model on the estimation window and computes the span's ARs and each window's CAR for one
 * security-event, all in the prefix's re-centred coordinates (α shifted back for the outcome).
 * @param ar where to write the span's abnormal returns (a view into one buffer per study: fewer allocations)
 * @param tmp a scratch Moments object
 * @returns the outcome and the fit in re-centred coordinates (for the residual pass and merged windows)
 */
export function observe(view: SeriesView, day0: number, spec: EventStudySpec, span: DayRange, ar: Float64Array, tmp: Moments): { outcome: ObservationOutcome; fit?: NormalFit } {
  const { returns, market, prefix } = view;
  const T = returns.length;
  if (!(day0 >= 0 && day0 < T)) return { outcome: { status: "skipped", skip: { code: "day0-outside-data", estimationDays: 0 } } };
  const est = prefixMoments(prefix, day0 + spec.estimation.from, day0 + spec.estimation.to + 1, tmp);
  if (est.n < spec.minEstimationDays) return { outcome: { status: "skipped", skip: { code: "short-estimation", estimationDays: est.n } } };
  const fit = fitNormalModel(spec.model, est);
  if (fit === undefined) return { outcome: { status: "skipped", skip: { code: "constant-benchmark", estimationDays: est.n } } };
  const cr = prefix.shiftR;
  const cm = prefix.shiftM;
  for (let tau = span.from, j = 0; tau <= span.to; tau++, j++) {
    const i = day0 + tau;
    if (i < 0 || i >= T) {
      ar[j] = NaN;
      continue;
    }
    const r = returns[i]!;
    const m = market === undefined ? 0 : market[i]!;
    ar[j] = r - r === 0 && m - m === 0 ? r - cr - fit.alpha - fit.beta * (m - cm) : NaN;
  }
  const windows = spec.windows.map((w): WindowOutcome => {
    const c = carOf(fit, prefixMoments(prefix, day0 + w.from, day0 + w.to + 1, tmp));
    let missingDays: readonly number[] = NO_DAYS;
    if (c.k < w.to - w.from + 1) {
      const days: number[] = [];
      for (let tau = w.from; tau <= w.to; tau++) if (!(ar[tau - span.from]! - ar[tau - span.from]! === 0)) days.push(tau);
      missingDays = days;
    }
    // One object literal with every field, so all window outcomes share one shape.
    const t = c.k > 0 && c.variance > 0 ? c.car / Math.sqrt(c.variance) : undefined;
    const out: WindowOutcome = { from: w.from, to: w.to, k: c.k, car: c.k > 0 ? c.car : NaN, variance: c.variance, missingDays, t, p: studentTwoSidedP(t, fit.df) };
    return out;
  });
  const unshifted: NormalFit = { ...fit, alpha: fit.alpha + cr - fit.beta * cm, meanMarket: fit.meanMarket + cm };
  return { outcome: { status: "ok", fit: unshifted, ar, windows }, fit };
}
