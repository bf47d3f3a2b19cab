/**
 * Sufficient statistics of a return window (FORMULAS.md "Market model"): every estimate of the normal-return
 * models is a function of n, ΣR, ΣR_m, ΣR², ΣR_m², ΣR·R_m.
 */
export interface Moments {
  /** Days with a valid return (and a valid benchmark return when the model needs one). */
  n: number;
  sumR: number;
  sumM: number;
  sumRR: number;
  sumMM: number;
  sumRM: number;
}

/**
 * Moments of the valid days in `[from, to)` by direct Neumaier-compensated summation: the reference the
 * prefix-sum path ({@link createMomentPrefix}) is tested against.
 * @param returns the security's returns on its session grid (NaN = missing)
 * @param market benchmark returns on the same grid; omit for models without a benchmark (then ΣR_m… are 0)
 * @param from first grid index (inclusive); @param to last grid index (exclusive); both clipped to the arrays
 * @example momentsOf([NaN, 0.01, 0.02], [NaN, 0.005, 0.01], 0, 3) // { n: 2, sumR: 0.03, sumM: 0.015, … }
 */
export function momentsOf(returns: ArrayLike<number>, market: ArrayLike<number> | undefined, from: number, to: number): Moments {
  const acc = new Float64Array(10); // five (sum, compensation) pairs
  let n = 0;
  const lo = Math.max(0, from);
  const hi = Math.min(to, returns.length);
  for (let t = lo; t < hi; t++) {
    const r = returns[t]!;
    const m = market === undefined ? 0 : market[t]!;
    if (!(Number.isFinite(r) && Number.isFinite(m))) continue;
    n++;
    add(acc, 0, r);
    add(acc, 2, m);
    add(acc, 4, r * r);
    add(acc, 6, m * m);
    add(acc, 8, r * m);
  }
  return { n, sumR: acc[0]! + acc[1]!, sumM: acc[2]! + acc[3]!, sumRR: acc[4]! + acc[5]!, sumMM: acc[6]! + acc[7]!, sumRM: acc[8]! + acc[9]! };
}

/** Neumaier's step on the pair (acc[i] = sum, acc[i + 1] = compensation). */
function add(acc: Float64Array, i: number, x: number): void {
  const s = acc[i]!;
  const t = s + x;
  acc[i + 1]! += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  acc[i] = t;
}
