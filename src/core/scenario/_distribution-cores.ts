import {
  betaCdf, betaPdf, betaQuantile, lognormalCdf, lognormalQuantile, normalCdf, normalQuantileExact, triangularCdf, triangularQuantile,
} from "./_stdlib.js";
import type { ScenarioDistribution } from "./distribution.js";
import { normalQuantile } from "./normal-quantile.js";
import { pertShape } from "./pert.js";
import { createQuantileTable } from "./quantile-table.js";

/*
 * The distributions behind createDistribution, one class each so every fill loop stays monomorphic (a hot
 * loop per type, not one loop calling through a closure). Internal: not re-exported.
 */

export type Core = Omit<ScenarioDistribution, "base" | "type">;

export class NormalCore implements Core {
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

export class LognormalCore implements Core {
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

export class TriangularCore implements Core {
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

export class PertCore implements Core {
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

export class UniformCore implements Core {
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

export class DiscreteCore implements Core {
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
export class TruncatedCore implements Core {
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
