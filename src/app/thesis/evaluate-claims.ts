import type { Claim, Condition } from "../../models/thesis.js";
import type { ThesisContext } from "./context.js";

/** holds: the data bear the claim out; fails: they contradict it; insufficient: not enough data to say. */
export type Verdict = "holds" | "fails" | "insufficient";

/** How a figure is read: a fraction shown as a percent, a multiple (x), a p-value, or an amount in a unit. */
export type FigureFormat = "percent" | "multiple" | "probability" | "amount";

/** The number behind a verdict. */
export interface Figure {
  value: number;
  format: FigureFormat;
  /** For amounts: the scenario unit (e.g. "RMB bn"). */
  unit?: string;
}

/** A claim checked as of a date. */
export interface ClaimResult {
  claim: Claim;
  verdict: Verdict;
  figure?: Figure;
  /** A second number that decides the verdict (the p-value of an event claim). */
  p?: number;
  /** Kind-specific facts behind the figure, for tables and the JSON output. */
  detail: Record<string, unknown>;
  /** Why there is not enough data, or what an error said. */
  reason?: string;
}

/** Whether x satisfies a condition such as `>= 0.25`. */
export function satisfies(x: number, c: Condition): boolean {
  switch (c.op) {
    case ">": return x > c.value;
    case ">=": return x >= c.value;
    case "<": return x < c.value;
    case "<=": return x <= c.value;
  }
}

const decide = (x: number | undefined, c: Condition): Verdict => (x === undefined || !Number.isFinite(x) ? "insufficient" : satisfies(x, c) ? "holds" : "fails");

async function evaluateOne(ctx: ThesisContext, claim: Claim): Promise<ClaimResult> {
  switch (claim.kind) {
    case "discount": {
      const w = await ctx.wall(claim.a, claim.b, claim.metric);
      const aggA = w.comps.aggregates[w.a.id]?.[claim.metric];
      const aggB = w.comps.aggregates[w.b.id]?.[claim.metric];
      const gap = w.gaps[claim.metric]?.[claim.statistic];
      const value = gap === undefined ? undefined : -gap.discount;
      const detail = { metric: claim.metric, statistic: claim.statistic, a: aggA?.[claim.statistic], b: aggB?.[claim.statistic], nA: aggA?.nUsed, nB: aggB?.nUsed, asOf: w.asOf };
      if (value === undefined) return { claim, verdict: "insufficient", detail, reason: `no ${claim.statistic} ${claim.metric} for one of the groups` };
      return { claim, verdict: decide(value, claim.holdsIf), figure: { value, format: "percent" }, detail };
    }
    case "premium": {
      const r = await ctx.wallPremium(claim.a, claim.b);
      const p = r.premium;
      if (p === undefined) return { claim, verdict: "insufficient", detail: { notes: r.notes }, reason: "no implied cost of equity for one of the groups" };
      return { claim, verdict: decide(p.gap, claim.holdsIf), figure: { value: p.gap, format: "percent" }, detail: { medianA: p.medianA, medianB: p.medianB, explained: p.explained, unexplained: p.unexplained, countryRiskPremium: p.countryRiskPremium, nA: p.nA, nB: p.nB } };
    }
    case "event": {
      const events = (await ctx.events()).filter((e) => e.id === claim.event);
      if (events.length === 0) return { claim, verdict: "insufficient", detail: {}, reason: `event ${claim.event} is not among the thesis' catalysts on or before ${ctx.asOf}` };
      const study = await ctx.eventStudy(events, [claim.security], [claim.window]);
      const obs = study.observations.find((o) => o.security === claim.security.toUpperCase() && o.event === claim.event) ?? study.observations[0];
      if (obs === undefined || obs.status !== "ok") return { claim, verdict: "insufficient", detail: {}, reason: obs?.reason ?? "no observation" };
      const w = obs.windows.find((x) => x.from === claim.window[0] && x.to === claim.window[1]);
      const detail = { day0: obs.day0, window: claim.window, t: w?.t, beta: obs.beta, benchmark: obs.benchmark, model: study.model };
      if (w === undefined || w.car === null || w.p === null) return { claim, verdict: "insufficient", detail, reason: "the window has missing returns" };
      const verdict: Verdict = satisfies(w.car, claim.car) && w.p < claim.pBelow ? "holds" : "fails";
      return { claim, verdict, figure: { value: w.car, format: "percent" }, p: w.p, detail };
    }
    case "attribution": {
      const to = claim.to ?? ctx.asOf;
      const r = await ctx.attribution({ ...(claim.group !== undefined ? { group: claim.group } : {}), ...(claim.security !== undefined ? { security: claim.security } : {}) }, claim.from, to, claim.basis);
      const first = r.rows[0]?.result;
      const split = r.aggregate ?? (first !== undefined && first.nm === undefined ? first : undefined);
      if (split === undefined) return { claim, verdict: "insufficient", detail: {}, reason: r.rows.map((x) => x.result.nm !== undefined ? x.result.message : "").filter(Boolean).join("; ") || "no member could be attributed" };
      const total = split.logReturn;
      const detail = { from: claim.from, to, basis: claim.basis, log: split.log, logReturn: total, simple: split.simple, simpleReturn: split.simpleReturn };
      if (!(Math.abs(total) > 1e-9)) return { claim, verdict: "insufficient", detail, reason: "the period's return is zero: shares are undefined" };
      const share = split.log[claim.share] / total;
      return { claim, verdict: decide(share, claim.holdsIf), figure: { value: share, format: "percent" }, detail };
    }
    case "multiple": {
      const r = await ctx.checkMultiple(claim.security, claim.claim, claim.around, claim.windowDays, claim.tolerance);
      const detail = { around: r.around, from: r.from, to: r.to, reproducedBy: r.reproducedBy, staleDefinitions: r.staleDefinitions, closest: r.closest, tolerance: r.tolerance, definitions: r.definitions.length };
      if (r.closest === undefined) {
        const stale = r.definitions.filter((d) => d.stale !== undefined).map((d) => `${d.definition.id}: ${d.stale!.ageDays} days old`);
        return { claim, verdict: "insufficient", detail, reason: `every definition is n.m. over the range${stale.length > 0 ? `; stale figures (never counted): ${stale.join(", ")}` : ""}` };
      }
      return { claim, verdict: r.reproducedBy.length > 0 ? "holds" : "fails", figure: { value: r.closest.value, format: "multiple" }, detail };
    }
    case "scenario": {
      const run = await ctx.scenario(claim.scenario);
      const series = run.monteCarlo.series.filter((s) => s.name === claim.output);
      const s = claim.year !== undefined ? series.find((x) => x.year === claim.year) : series[series.length - 1];
      if (s === undefined) return { claim, verdict: "insufficient", detail: {}, reason: `the model has no output ${claim.output}${claim.year !== undefined ? ` in ${claim.year}` : ""}` };
      let value: number | undefined;
      let format: FigureFormat = "amount";
      if (claim.statistic === "mean") value = s.stats.mean;
      else if (claim.statistic === "probAbove") {
        value = s.stats.probAbove;
        format = "probability";
      } else value = s.stats.percentiles.find((p) => Math.abs(p.p * 100 - Number(claim.statistic.slice(1))) < 1e-9)?.value;
      const detail = { label: s.label, unit: s.unit, threshold: s.threshold, draws: run.monteCarlo.draws, seed: run.monteCarlo.seed, mean: s.stats.mean };
      if (value === undefined) return { claim, verdict: "insufficient", detail, reason: `${claim.statistic} is not available${claim.statistic === "probAbove" ? " (the output has no threshold)" : ""}` };
      return { claim, verdict: decide(value, claim.holdsIf), figure: { value, format, ...(format === "amount" ? { unit: s.unit } : {}) }, detail };
    }
  }
}

/**
 * Checks every claim of a thesis against the data as of the context's date. A claim whose analysis fails (a missing
 * security, too little history) gets the verdict "insufficient" with the error's message; it never sinks the others.
 *
 * @param ctx - the thesis' shared analyses (see createThesisContext).
 * @returns one result per claim, in the thesis' order.
 * @example (await evaluateClaims(ctx)).map((r) => `${r.claim.id}: ${r.verdict}`)
 */
export async function evaluateClaims(ctx: ThesisContext): Promise<ClaimResult[]> {
  const out: ClaimResult[] = [];
  for (const claim of ctx.thesis.claims) {
    try {
      out.push(await evaluateOne(ctx, claim));
    } catch (e) {
      out.push({ claim, verdict: "insufficient", detail: {}, reason: (e as Error).message });
    }
  }
  return out;
}
