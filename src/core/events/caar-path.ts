import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import type { DayRange } from "./study-spec.js";

/** One day of the mean CAR path: AAR, CAAR and a confidence band from the cross-section of CARs. */
export interface PathPoint {
  day: number;
  /** Observations with a CAR up to this day. */
  n: number;
  /** Average abnormal return of the day over the observations that have one. */
  aar?: number;
  /** Mean of the CARs from the span's first day to this day. */
  caar?: number;
  /** CAAR ∓ t_{(1+c)/2, n−1} · sd(CAR) / √n. */
  lower?: number;
  upper?: number;
}

/** Per-day running sums of ARs and of cumulative ARs (count, mean and sum of squared deviations for the spread). */
export interface PathAccumulator {
  span: DayRange;
  arSum: Float64Array;
  arCount: Float64Array;
  carCount: Float64Array;
  carMean: Float64Array;
  carM2: Float64Array;
}

/** Starts an empty path over the days of `span`. @example const acc = createPathAccumulator({ from: -5, to: 5 }) */
export function createPathAccumulator(span: DayRange): PathAccumulator {
  const n = span.to - span.from + 1;
  return { span, arSum: new Float64Array(n), arCount: new Float64Array(n), carCount: new Float64Array(n), carMean: new Float64Array(n), carM2: new Float64Array(n) };
}

/**
 * Adds one observation's abnormal returns over the span (NaN = missing). Its CAR at a day sums the ARs it
 * has up to that day; it counts from its first AR on.
 * @example addToPath(acc, Float64Array.of(0.001, NaN, 0.03, …))
 */
export function addToPath(acc: PathAccumulator, ar: ArrayLike<number>): void {
  addRowsToPath(acc, Float64Array.from(ar), ONE_ROW);
}

const ONE_ROW = Uint8Array.of(1);

/**
 * Adds the rows `r` of `ar` (each as long as the span) with `take[r] === 1`: the same as {@link addToPath} on
 * each, computed for a whole study in one pass without a division per value: per day the count, sum and sum
 * of squares of the CARs shifted by the first CAR of that day (the "shifted data" form, accurate because the
 * shift lies inside the data), then combined with what `acc` already holds by the pairwise update of Chan,
 * Golub & LeVeque (1979).
 * @example addRowsToPath(acc, study.ar, study.pathLeader)
 */
export function addRowsToPath(acc: PathAccumulator, ar: Float64Array, take: Uint8Array): void {
  const D = acc.arSum.length;
  const shift = new Float64Array(D).fill(NaN);
  const count = new Float64Array(D);
  const sum = new Float64Array(D);
  const squares = new Float64Array(D);
  for (let r = 0; r < take.length; r++) {
    if (take[r] !== 1) continue;
    let car = 0;
    let seen = false;
    for (let j = 0, at = r * D; j < D; j++, at++) {
      const a = ar[at]!;
      if (a - a === 0) {
        acc.arSum[j]! += a;
        acc.arCount[j]!++;
        car += a;
        seen = true;
      }
      if (!seen) continue;
      if (count[j] === 0) shift[j] = car;
      const d = car - shift[j]!;
      count[j]!++;
      sum[j]! += d;
      squares[j]! += d * d;
    }
  }
  for (let j = 0; j < D; j++) {
    const nb = count[j]!;
    if (nb === 0) continue;
    const mean = shift[j]! + sum[j]! / nb;
    const m2 = Math.max(0, squares[j]! - (sum[j]! * sum[j]!) / nb);
    const na = acc.carCount[j]!;
    if (na === 0) {
      acc.carCount[j] = nb;
      acc.carMean[j] = mean;
      acc.carM2[j] = m2;
      continue;
    }
    const n = na + nb;
    const delta = mean - acc.carMean[j]!;
    acc.carCount[j] = n;
    acc.carMean[j]! += (delta * nb) / n;
    acc.carM2[j]! += m2 + (delta * delta * na * nb) / n;
  }
}

/**
 * The mean CAR path with a confidence band (the event-study chart: CAAR by day, band from the
 * cross-sectional spread of CARs, Student t with n − 1 degrees of freedom).
 * @param confidence two-sided level, e.g. 0.95
 * @example pathOf(acc, 0.95)[0] // { day: -5, n: 12, aar: 0.001, caar: 0.001, lower: -0.004, upper: 0.006 }
 */
export function pathOf(acc: PathAccumulator, confidence: number): PathPoint[] {
  const out: PathPoint[] = [];
  for (let j = 0; j < acc.arSum.length; j++) {
    const n = acc.carCount[j]!;
    const p: PathPoint = { day: acc.span.from + j, n };
    if (acc.arCount[j]! > 0) p.aar = acc.arSum[j]! / acc.arCount[j]!;
    if (n > 0) p.caar = acc.carMean[j]!;
    if (n > 1) {
      const half = tQuantile((1 + confidence) / 2, n - 1) * Math.sqrt(acc.carM2[j]! / (n - 1) / n);
      p.lower = p.caar! - half;
      p.upper = p.caar! + half;
    }
    out.push(p);
  }
  return out;
}
