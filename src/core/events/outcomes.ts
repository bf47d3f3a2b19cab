import type { NormalFit } from "./normal-model.js";

/** Why a security-event has no result. */
export type SkipCode = "day0-outside-data" | "no-benchmark" | "short-estimation" | "constant-benchmark";

/** The CAR of one window for one security-event. */
export interface WindowOutcome {
  from: number;
  to: number;
  /** Days of the window with an abnormal return. */
  k: number;
  car: number;
  /** Forecast-error-corrected Var(CAR). */
  variance: number;
  /** CAR / √Var, Student t with the fit's df; undefined when Var is 0. */
  t: number | undefined;
  p: number | undefined;
  /** Relative days of the window without a return (missing price, missing benchmark, or past the data). */
  missingDays: readonly number[];
}

/** One security-event's result. */
export interface ObservationOutcome {
  status: "ok" | "skipped";
  skip?: { code: SkipCode; estimationDays: number };
  /** The fitted model with α in return units. */
  fit?: NormalFit;
  /** Abnormal returns of the days of the window span (see {@link windowSpan}), NaN where missing. */
  ar?: Float64Array;
  windows?: WindowOutcome[];
  /** Share of positive abnormal returns in the estimation window (generalised sign test). */
  positiveShare?: number;
}
