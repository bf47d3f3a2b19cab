import type { PreparedSeries } from "./prepare-series.js";
import { formatDayRange, type EventStudySpec } from "./study-spec.js";

/** Why an estimation window has fewer valid days than it spans, counted by cause. */
export interface EstimationShortfall {
  /** Sessions the window spans (estimation.to − estimation.from + 1). */
  span: number;
  /** Of those, sessions before the security's first return, i.e. up to and including its first price (the event is too early in its history). */
  beforeHistory: number;
  /** Sessions on the grid without a security return (a missing price on the day or the one before, a gap). */
  missingReturns: number;
  /** Sessions with a security return but no benchmark return (market models need both). */
  missingBenchmark: number;
}

/**
 * Counts what the estimation window of one security-event lacks, by cause.
 * @param p the security's prepared series; @param day0 the grid index of day 0
 * @returns counts over the window's sessions (sessions before the grid count as before-history)
 * @example estimationShortfall(p, 100, { ...spec, estimation: { from: -250, to: -11 } }).beforeHistory // 150
 */
export function estimationShortfall(p: PreparedSeries, day0: number, spec: Pick<EventStudySpec, "estimation" | "model">): EstimationShortfall {
  const lo = day0 + spec.estimation.from;
  const hi = day0 + spec.estimation.to;
  const out: EstimationShortfall = { span: hi - lo + 1, beforeHistory: 0, missingReturns: 0, missingBenchmark: 0 };
  const needsMarket = spec.model !== "mean-adjusted";
  for (let i = lo; i <= hi; i++) {
    if (i < 1) {
      // Index 0 has no return either: the first price opens the history.
      out.beforeHistory++;
      continue;
    }
    if (i >= p.returns.length) continue;
    const r = p.returns[i]!;
    if (!Number.isFinite(r)) out.missingReturns++;
    else if (needsMarket && p.market !== undefined && !Number.isFinite(p.market[i]!)) out.missingBenchmark++;
  }
  return out;
}

/**
 * The reason for a too-short estimation window in one sentence, naming the causes that apply.
 * @param valid the valid estimation days found; @param first the security's first price date
 * @example describeShortEstimation(27, spec, { span: 240, beforeHistory: 213, missingReturns: 0, missingBenchmark: 0 }, "2023-01-03", "ORCL", "^GSPC")
 *   // "only 27 valid estimation days in -250:-11 (need ≥ 120): 213 of its 240 sessions come before ORCL's first return (prices start 2023-01-03): the event is too early in the history"
 */
export function describeShortEstimation(
  valid: number, spec: Pick<EventStudySpec, "estimation" | "minEstimationDays">, s: EstimationShortfall, first: string | undefined, security: string, benchmark: string | undefined,
): string {
  const causes: string[] = [];
  if (s.beforeHistory > 0) causes.push(`${s.beforeHistory} of its ${s.span} sessions come before ${security}'s first return (prices start ${first ?? "nowhere"}): the event is too early in the history`);
  if (s.missingReturns > 0) causes.push(`${s.missingReturns} sessions have no ${security} return (prices missing on the day or the session before)`);
  if (s.missingBenchmark > 0) causes.push(`${s.missingBenchmark} sessions have no ${benchmark ?? "benchmark"} return (benchmark prices missing)`);
  if (causes.length === 0) causes.push(`prices start ${first ?? "nowhere"}`);
  return `only ${valid} valid estimation days in ${formatDayRange(spec.estimation)} (need ≥ ${spec.minEstimationDays}): ${causes.join("; ")}`;
}
