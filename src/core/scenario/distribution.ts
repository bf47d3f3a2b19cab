import type { Distribution } from "../../models/scenario.js";
import {
  betaCdf, betaPdf, betaQuantile, lognormalCdf, lognormalQuantile, normalCdf, normalQuantileExact, triangularCdf, triangularQuantile,
} from "./_stdlib.js";
import type { ModelIssue } from "./issues.js";
import { normalQuantile } from "./normal-quantile.js";
import { pertShape } from "./pert.js";
import { createQuantileTable } from "./quantile-table.js";

/**
 * A validated distribution of one driver (or one year of it), in the driver's unit.
 * `quantile` and `cdf` are exact (@stdlib); `fill` is the Monte Carlo path: the same quantile evaluated fast
 * (AS 241 for normal and lognormal, closed forms for triangular and uniform, a Hermite table for PERT).
 */
export interface ScenarioDistribution {
  readonly type: Distribution["type"];
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

type Core = Omit<ScenarioDistribution, "base" | "type">;

class NormalCore implements Core {
  readonly lower = -Infinity;
  readonly upper = Infinity;
  constructor(readonly mu: number, readonly sd: number) {}
  quantile(p: number): number {
    return normalQuantileExact(p, this.mu, this.sd);
  }
  cdf(x: number): number {
    return normalCdf(x, this.mu, this.sd);
  }
  fill(u: ArrayLike<number>, out: Float64Array, n: number): void {
    const { mu, sd } = this;
    for (let i = 0; i < n; i++) out[i] = mu + sd * normalQuantile(u[i] as number);
  }
}

class LognormalCore implements Core {
  readonly lower = 0;
  readonly upper = Infinity;
  constructor(readonly mu: number, readonly sigma: number) {}
  quantile(p: number): number {
    return lognormalQuantile(p, this.mu, this.sigma);
  }
  cdf(x: number): number {
    return lognormalCdf(x, this.mu, this.sigma);
  }
  fill(u: ArrayLike<number>, out: Float64Array, n: number): void {
    const { mu, sigma } = this;
    for (let i = 0; i < n; i++) out[i] = Math.exp(mu + sigma * normalQuantile(u[i] as number));
  }
}

class TriangularCore implements Core {
  constructor(readonly lower: number, readonly mode: number, readonly upper: number) {}
  quantile(p: number): number {
    return triangularQuantile(p, this.lower, this.upper, this.mode);
  }
  cdf(x: number): number {
    return triangularCdf(x, this.lower, this.upper, this.mode);
  }
  fill(u: ArrayLike<number>, out: Float64Array, n: number): void {
    const a = this.lower;
    const b = this.upper;
    const c = this.mode;
    const fc = (c - a) / (b - a);
    const left = (b - a) * (c - a);
    const right = (b - a) * (b - c);
    for (let i = 0; i < n; i++) {
      const p = u[i] as number;
      out[i] = p < fc ? a + Math.sqrt(p * left) : b - Math.sqrt((1 - p) * right);
    }
  }
}

class PertCore implements Core {
  private table: ((u: number) => number) | undefined;
  readonly alpha: number;
  readonly beta: number;
  constructor(readonly lower: number, mode: number, readonly upper: number, lambda: number) {
    ({ alpha: this.alpha, beta: this.beta } = pertShape(lower, mode, upper, lambda));
  }
  quantile(p: number): number {
    return this.lower + (this.upper - this.lower) * betaQuantile(p, this.alpha, this.beta);
  }
  cdf(x: number): number {
    return betaCdf((x - this.lower) / (this.upper - this.lower), this.alpha, this.beta);
  }
  fill(u: ArrayLike<number>, out: Float64Array, n: number): void {
    // The beta quantile inverts an incomplete beta function (~6 µs a call): tabulate it once.
    const { alpha, beta } = this;
    const q = (this.table ??= createQuantileTable((p) => betaQuantile(p, alpha, beta), (x) => betaPdf(x, alpha, beta)));
    const a = this.lower;
    const w = this.upper - this.lower;
    for (let i = 0; i < n; i++) out[i] = a + w * q(u[i] as number);
  }
}

class UniformCore implements Core {
  constructor(readonly lower: number, readonly upper: number) {}
  quantile(p: number): number {
    return p >= 0 && p <= 1 ? this.lower + p * (this.upper - this.lower) : Number.NaN;
  }
  cdf(x: number): number {
    return x <= this.lower ? 0 : x >= this.upper ? 1 : (x - this.lower) / (this.upper - this.lower);
  }
  fill(u: ArrayLike<number>, out: Float64Array, n: number): void {
    const a = this.lower;
    const w = this.upper - this.lower;
    for (let i = 0; i < n; i++) out[i] = a + w * (u[i] as number);
  }
}

class DiscreteCore implements Core {
  readonly lower: number;
  readonly upper: number;
  /** Values ascending and the cumulative probability up to each. */
  private readonly xs: Float64Array;
  private readonly cum: Float64Array;
  constructor(values: readonly number[], probabilities: readonly number[]) {
    const total = probabilities.reduce((a, b) => a + b, 0);
    const pairs = values.map((v, i) => [v, (probabilities[i] as number) / total] as const).sort((a, b) => a[0] - b[0]);
    this.xs = Float64Array.from(pairs.map((p) => p[0]));
    let c = 0;
    this.cum = Float64Array.from(pairs.map((p) => (c += p[1])));
    this.cum[this.cum.length - 1] = 1;
    this.lower = this.xs[0] as number;
    this.upper = this.xs[this.xs.length - 1] as number;
  }
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) return Number.NaN;
    let k = 0;
    while (k < this.cum.length - 1 && (this.cum[k] as number) < p) k++;
    return this.xs[k] as number;
  }
  cdf(x: number): number {
    let c = 0;
    for (let k = 0; k < this.xs.length && (this.xs[k] as number) <= x; k++) c = this.cum[k] as number;
    return c;
  }
  fill(u: ArrayLike<number>, out: Float64Array, n: number): void {
    const { xs, cum } = this;
    const last = cum.length - 1;
    for (let i = 0; i < n; i++) {
      const p = u[i] as number;
      let k = 0;
      while (k < last && (cum[k] as number) < p) k++;
      out[i] = xs[k] as number;
    }
  }
}

/** Restricts a continuous distribution to [a, b]: Q_T(p) = Q(F(a) + p·(F(b) − F(a))). */
class TruncatedCore implements Core {
  readonly lower: number;
  readonly upper: number;
  readonly fa: number;
  readonly width: number;
  constructor(private readonly inner: Core, a: number, b: number) {
    this.lower = Math.max(a, inner.lower);
    this.upper = Math.min(b, inner.upper);
    this.fa = Number.isFinite(a) ? inner.cdf(a) : 0;
    this.width = (Number.isFinite(b) ? inner.cdf(b) : 1) - this.fa;
  }
  private clamp(x: number): number {
    return x < this.lower ? this.lower : x > this.upper ? this.upper : x;
  }
  quantile(p: number): number {
    return p >= 0 && p <= 1 ? this.clamp(this.inner.quantile(this.fa + p * this.width)) : Number.NaN;
  }
  cdf(x: number): number {
    if (x < this.lower) return 0;
    if (x >= this.upper) return 1;
    return Math.min(1, Math.max(0, (this.inner.cdf(x) - this.fa) / this.width));
  }
  fill(u: ArrayLike<number>, out: Float64Array, n: number): void {
    const { fa, width } = this;
    for (let i = 0; i < n; i++) out[i] = fa + (u[i] as number) * width;
    this.inner.fill(out, out, n);
    for (let i = 0; i < n; i++) out[i] = this.clamp(out[i] as number);
  }
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
export function createDistribution(spec: Distribution): { dist?: ScenarioDistribution; issues: ModelIssue[] } {
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
