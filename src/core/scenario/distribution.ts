import type { DistributionSpec } from "../../models/scenario.js";
import { DiscreteCore, LognormalCore, NormalCore, PertCore, TriangularCore, TruncatedCore, UniformCore, type Core } from "./_distribution-cores.js";
import type { ModelIssue } from "./issues.js";

/**
 * A validated distribution of one driver (or one year of it), in the driver's unit.
 * `quantile` and `cdf` are exact (@stdlib); `fill` is the Monte Carlo path: the same quantile evaluated fast
 * (AS 241 for normal and lognormal, closed forms for triangular and uniform, a Hermite table for PERT).
 */
export interface ScenarioDistribution {
  readonly type: DistributionSpec["type"];
  /** Value of the deterministic base case. */
  readonly base: number;
  /** Support after truncation (may be ±Infinity). */
  readonly lower: number;
  readonly upper: number;
  /** Exact quantile at p in [0, 1]. */
  quantile(p: number): number;
  /** P(X ≤ x). */
  cdf(x: number): number;
  /** out[i] = quantile(u[i]) for i < n, u in (0, 1); may write in place (u === out). */
  fill(u: ArrayLike<number>, out: Float64Array, n: number): void;
}

const fmt = (x: number): string => String(x);

/**
 * Validates a distribution and builds it.
 * Checks: sd, sigma > 0; min < max and min ≤ mode ≤ max; PERT λ > 0; lognormal given either by mean and sd
 * (mean > 0) or by mu and sigma; discrete probabilities non-negative, as many as values, adding up to 1
 * (±1e-6); a truncation range that holds probability; an explicit base inside the support.
 *
 * @param spec - the distribution as written in the model file (values in the driver's unit).
 * @returns the distribution, or the problems found (paths relative to `spec`).
 * @example createDistribution({ type: "pert", min: 0, mode: 1, max: 4 }).dist?.quantile(0.5)
 * @see Vose (2008) for PERT; Law & Kelton (2000) §8.2 for inverse-transform sampling.
 */
export function createDistribution(spec: DistributionSpec): { dist?: ScenarioDistribution; issues: ModelIssue[] } {
  const issues: ModelIssue[] = [];
  const bad = (path: (string | number)[], value: number | string, reason: string) => issues.push({ path, value: String(value), reason });
  const range = (min: number, max: number, mode?: number): boolean => {
    if (!(max > min)) {
      bad(["max"], max, `must exceed min (${fmt(min)})`);
      return false;
    }
    if (mode !== undefined && !(mode >= min && mode <= max)) {
      bad(["mode"], mode, `must lie within [min, max] = [${fmt(min)}, ${fmt(max)}]`);
      return false;
    }
    return true;
  };

  let core: Core | undefined;
  let defaultBase = 0;
  switch (spec.type) {
    case "normal":
      if (!(spec.sd > 0)) bad(["sd"], spec.sd, "must be > 0");
      else core = new NormalCore(spec.mean, spec.sd);
      defaultBase = spec.mean;
      break;
    case "lognormal": {
      const byMoments = spec.mean !== undefined || spec.sd !== undefined;
      const byLogs = spec.mu !== undefined || spec.sigma !== undefined;
      if (byMoments && byLogs) {
        bad(["mu"], spec.mu ?? spec.sigma ?? "", "give either mean and sd (of the variable) or mu and sigma (of its logarithm), not both");
      } else if (byMoments) {
        if (spec.mean === undefined || spec.sd === undefined) bad([spec.mean === undefined ? "mean" : "sd"], "", "a lognormal by moments needs both mean and sd");
        else if (!(spec.mean > 0)) bad(["mean"], spec.mean, "must be > 0 for a lognormal");
        else if (!(spec.sd > 0)) bad(["sd"], spec.sd, "must be > 0");
        else {
          const s2 = Math.log(1 + (spec.sd / spec.mean) ** 2);
          core = new LognormalCore(Math.log(spec.mean) - s2 / 2, Math.sqrt(s2));
          defaultBase = spec.mean;
        }
      } else if (byLogs) {
        if (spec.mu === undefined || spec.sigma === undefined) bad([spec.mu === undefined ? "mu" : "sigma"], "", "a lognormal by logs needs both mu and sigma");
        else if (!(spec.sigma > 0)) bad(["sigma"], spec.sigma, "must be > 0");
        else {
          core = new LognormalCore(spec.mu, spec.sigma);
          defaultBase = Math.exp(spec.mu + spec.sigma ** 2 / 2);
        }
      } else {
        bad(["type"], "lognormal", "a lognormal needs mean and sd, or mu and sigma");
      }
      break;
    }
    case "triangular":
      if (range(spec.min, spec.max, spec.mode)) core = new TriangularCore(spec.min, spec.mode, spec.max);
      defaultBase = spec.mode;
      break;
    case "pert": {
      const lambda = spec.lambda ?? 4;
      if (!(lambda > 0)) bad(["lambda"], lambda, "must be > 0 (4 is the classic PERT)");
      else if (range(spec.min, spec.max, spec.mode)) core = new PertCore(spec.min, spec.mode, spec.max, lambda);
      defaultBase = spec.mode;
      break;
    }
    case "uniform":
      if (range(spec.min, spec.max)) core = new UniformCore(spec.min, spec.max);
      defaultBase = (spec.min + spec.max) / 2;
      break;
    case "discrete": {
      const { values, probabilities } = spec;
      if (values.length !== probabilities.length) {
        bad(["probabilities"], probabilities.length, `must list one probability per value (${values.length} values)`);
        break;
      }
      const neg = probabilities.findIndex((p) => !(p >= 0));
      if (neg >= 0) {
        bad(["probabilities", neg], probabilities[neg] as number, "must be ≥ 0");
        break;
      }
      const total = probabilities.reduce((a, b) => a + b, 0);
      if (Math.abs(total - 1) > 1e-6) {
        bad(["probabilities"], Number(total.toPrecision(10)), "must add up to 1");
        break;
      }
      core = new DiscreteCore(values, probabilities);
      let best = 0;
      probabilities.forEach((p, i) => {
        if (p > (probabilities[best] as number)) best = i;
      });
      defaultBase = values[best] as number;
      break;
    }
  }
  if (core === undefined) return { issues };

  if (spec.type !== "discrete" && spec.truncate !== undefined) {
    const a = spec.truncate.min ?? -Infinity;
    const b = spec.truncate.max ?? Infinity;
    if (!(b > a)) {
      bad(["truncate", "max"], b, `must exceed truncate.min (${fmt(a)})`);
      return { issues };
    }
    const t = new TruncatedCore(core, a, b);
    if (!(t.width > 1e-12)) {
      bad(["truncate"], `[${fmt(a)}, ${fmt(b)}]`, `holds no probability of the ${spec.type} distribution (support ${fmt(core.lower)} to ${fmt(core.upper)} and its mass)`);
      return { issues };
    }
    core = t;
    defaultBase = Math.min(t.upper, Math.max(t.lower, defaultBase));
  }

  if (spec.base !== undefined && !(spec.base >= core.lower && spec.base <= core.upper)) {
    bad(["base"], spec.base, `must lie within the distribution's support [${fmt(core.lower)}, ${fmt(core.upper)}]`);
    return { issues };
  }
  const c = core;
  const dist: ScenarioDistribution = {
    type: spec.type,
    base: spec.base ?? defaultBase,
    lower: c.lower,
    upper: c.upper,
    quantile: (p) => c.quantile(p),
    cdf: (x) => c.cdf(x),
    fill: (u, out, n) => c.fill(u, out, n),
  };
  return { dist, issues };
}
