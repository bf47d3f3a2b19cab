import type { Moments } from "./moments.js";

/**
 * Running sums of the moments over a span of a session grid, so that the moments of any window are O(1):
 * Σ_{[a,b)} = P[b] − P[a] (FORMULAS.md "Market model": sufficient statistics by prefix sums).
 *
 * Accuracy: the returns are re-centred on the mean of their first valid days (the models' β, σ², AR and CAR do not
 * change under a shift, only α does, and the caller shifts it back), and the running sums are
 * Neumaier-compensated (block-wise), so a window's moments carry a rounding error of a few ulps of the
 * running sums, not one growing with the length of the history. Results agree with a direct regression to
 * ~1e-13 relative.
 */
export interface MomentPrefix {
  /** Grid index of the first day covered. */
  start: number;
  /** Grid index one past the last day covered. */
  end: number;
  /** The constants subtracted from the returns (R − shiftR, R_m − shiftM). */
  shiftR: number;
  shiftM: number;
  /**
   * Where P[·] of a grid index lives: `slot[index − start]` (−1 where not recorded) for prefix sums recorded
   * only at chosen indices ({@link createSparseMomentPrefix}); absent when every index is recorded.
   */
  slot?: Int32Array;
  /** P[k] = sum over grid days [start, start + k) (or over [start, at[k]) when sparse). */
  n: Float64Array;
  r: Float64Array;
  m: Float64Array;
  rr: Float64Array;
  mm: Float64Array;
  rm: Float64Array;
}

/**
 * Builds the compensated prefix sums of the re-centred moments over grid days `[start, end)`.
 * @param returns the security's returns on its grid (NaN = missing)
 * @param market benchmark returns on the same grid, or undefined (mean-adjusted model: R_m taken as 0)
 * @param options `shift: false` keeps the raw returns (market-adjusted model, where α is fixed at 0);
 *   `buffers` reuses arrays from an earlier call when they are long enough (hot loops over many securities)
 * @example const p = createMomentPrefix(r, m, 0, r.length); prefixMoments(p, 10, 250)
 */
export function createMomentPrefix(
  returns: ArrayLike<number>,
  market: ArrayLike<number> | undefined,
  start: number,
  end: number,
  options: { shift?: boolean; buffers?: MomentPrefix } = {},
): MomentPrefix {
  const lo = Math.max(0, start);
  const hi = Math.max(lo, Math.min(end, returns.length));
  const len = hi - lo + 1;
  const b = options.buffers;
  const reuse = b !== undefined && b.n.length >= len;
  const arr = (old: Float64Array | undefined) => (reuse ? old! : new Float64Array(len));
  const P: MomentPrefix = {
    start: lo, end: hi, shiftR: 0, shiftM: 0,
    n: arr(b?.n), r: arr(b?.r), m: arr(b?.m), rr: arr(b?.rr), mm: arr(b?.mm), rm: arr(b?.rm),
  };
  const noMarket = market === undefined;
  if (options.shift !== false) [P.shiftR, P.shiftM] = meansOf(returns, market, lo, hi);
  const cr0 = P.shiftR;
  const cm0 = P.shiftM;
  const { n: Pn, r: Pr, m: Pm, rr: Prr, mm: Pmm, rm: Prm } = P;
  Pn[0] = 0; Pr[0] = 0; Pm[0] = 0; Prr[0] = 0; Pmm[0] = 0; Prm[0] = 0;
  // Block-compensated running sums: plain sums within a block of 32 days (short, so their rounding is a few
  // ulps of a block), folded at block ends into (sum, compensation) pairs by Neumaier's step. P[k] is the
  // folded total plus the block's partial sum: as accurate as compensating every day, at a third of the cost.
  let cnt = 0;
  let h1 = 0, c1 = 0, h2 = 0, c2 = 0, h3 = 0, c3 = 0, h4 = 0, c4 = 0, h5 = 0, c5 = 0; // folded totals
  let b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0; // h + c, the base of the current block
  let p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0; // partial sums of the current block
  for (let t = lo, k = 1; t < hi; t++, k++) {
    const r0 = returns[t]!;
    const m0 = noMarket ? 0 : market[t]!;
    // x − x === 0 is false exactly for NaN and ±Infinity.
    if (r0 - r0 === 0 && m0 - m0 === 0) {
      const r = r0 - cr0;
      const m = m0 - cm0;
      cnt++;
      p1 += r;
      p2 += m;
      p3 += r * r;
      p4 += m * m;
      p5 += r * m;
    }
    Pn[k] = cnt;
    Pr[k] = b1 + p1;
    Pm[k] = b2 + p2;
    Prr[k] = b3 + p3;
    Pmm[k] = b4 + p4;
    Prm[k] = b5 + p5;
    if ((k & 31) === 0) {
      let u = h1 + p1; c1 += Math.abs(h1) >= Math.abs(p1) ? h1 - u + p1 : p1 - u + h1; h1 = u; b1 = h1 + c1; p1 = 0;
      u = h2 + p2; c2 += Math.abs(h2) >= Math.abs(p2) ? h2 - u + p2 : p2 - u + h2; h2 = u; b2 = h2 + c2; p2 = 0;
      u = h3 + p3; c3 += Math.abs(h3) >= Math.abs(p3) ? h3 - u + p3 : p3 - u + h3; h3 = u; b3 = h3 + c3; p3 = 0;
      u = h4 + p4; c4 += Math.abs(h4) >= Math.abs(p4) ? h4 - u + p4 : p4 - u + h4; h4 = u; b4 = h4 + c4; p4 = 0;
      u = h5 + p5; c5 += Math.abs(h5) >= Math.abs(p5) ? h5 - u + p5 : p5 - u + h5; h5 = u; b5 = h5 + c5; p5 = 0;
    }
  }
  return P;
}

/**
 * The re-centring constants: means of the first 64 valid (R, R_m) pairs from `lo` ((0, 0) when none). Any
 * constant near the series' level conditions the sums; a short sample saves a pass over the history.
 */
function meansOf(returns: ArrayLike<number>, market: ArrayLike<number> | undefined, lo: number, hi: number): [number, number] {
  let cnt = 0;
  let sr = 0;
  let sm = 0;
  for (let t = lo; t < hi && cnt < 64; t++) {
    const r = returns[t]!;
    const m = market === undefined ? 0 : market[t]!;
    if (r - r === 0 && m - m === 0) {
      cnt++;
      sr += r;
      sm += m;
    }
  }
  return cnt > 0 ? [sr / cnt, sm / cnt] : [0, 0];
}

/**
 * The same prefix sums recorded only at chosen grid indices: one pass over `[at[0], at[last])` with no
 * per-day stores, for engines that know in advance which window boundaries they will query (an event
 * study needs a dozen per event, not every day).
 * @param at sorted, distinct grid indices; P at `at[k]` is the sum over grid days [at[0], at[k])
 * @param options as {@link createMomentPrefix}; `slot` reuses a lookup buffer at least `at[last] − at[0] + 1` long
 * @example const p = createSparseMomentPrefix(r, m, Int32Array.of(10, 250, 259, 262)); prefixMoments(p, 259, 262)
 */
export function createSparseMomentPrefix(
  returns: ArrayLike<number>,
  market: ArrayLike<number> | undefined,
  at: Int32Array,
  options: { shift?: boolean; buffers?: MomentPrefix } = {},
): MomentPrefix {
  const nb = at.length;
  const lo = nb > 0 ? at[0]! : 0;
  const hi = nb > 0 ? at[nb - 1]! : 0;
  if (lo < 0 || hi > returns.length) throw new RangeError(`prefix indices must lie in [0, ${returns.length}], got ${lo}…${hi}`);
  const b = options.buffers;
  const reuse = b !== undefined && b.n.length >= nb && b.slot !== undefined && b.slot.length >= hi - lo + 1;
  const arr = (old: Float64Array | undefined) => (reuse ? old! : new Float64Array(Math.max(nb, 1)));
  const slot = reuse ? b.slot! : new Int32Array(hi - lo + 1);
  const P: MomentPrefix = {
    start: lo, end: hi, shiftR: 0, shiftM: 0, slot,
    n: arr(b?.n), r: arr(b?.r), m: arr(b?.m), rr: arr(b?.rr), mm: arr(b?.mm), rm: arr(b?.rm),
  };
  slot.fill(-1, 0, hi - lo + 1);
  for (let k = 0; k < nb; k++) slot[at[k]! - lo] = k;
  if (options.shift !== false) [P.shiftR, P.shiftM] = meansOf(returns, market, lo, hi);
  const cr0 = P.shiftR;
  const cm0 = P.shiftM;
  const noMarket = market === undefined;
  const { n: Pn, r: Pr, m: Pm, rr: Prr, mm: Pmm, rm: Prm } = P;
  // Block-compensated sums as in createMomentPrefix, recording only at the chosen indices.
  let cnt = 0;
  let h1 = 0, c1 = 0, h2 = 0, c2 = 0, h3 = 0, c3 = 0, h4 = 0, c4 = 0, h5 = 0, c5 = 0;
  let b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0;
  let p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0;
  let next = 0;
  let nextAt = nb > 0 ? lo : -1;
  for (let t = lo, k = 1; t <= hi; t++, k++) {
    if (t === nextAt) {
      Pn[next] = cnt;
      Pr[next] = b1 + p1;
      Pm[next] = b2 + p2;
      Prr[next] = b3 + p3;
      Pmm[next] = b4 + p4;
      Prm[next] = b5 + p5;
      next++;
      nextAt = next < nb ? at[next]! : -1;
    }
    if (t === hi) break;
    const r0 = returns[t]!;
    const m0 = noMarket ? 0 : market[t]!;
    if (r0 - r0 === 0 && m0 - m0 === 0) {
      const r = r0 - cr0;
      const m = m0 - cm0;
      cnt++;
      p1 += r;
      p2 += m;
      p3 += r * r;
      p4 += m * m;
      p5 += r * m;
    }
    if ((k & 31) === 0) {
      let u = h1 + p1; c1 += Math.abs(h1) >= Math.abs(p1) ? h1 - u + p1 : p1 - u + h1; h1 = u; b1 = h1 + c1; p1 = 0;
      u = h2 + p2; c2 += Math.abs(h2) >= Math.abs(p2) ? h2 - u + p2 : p2 - u + h2; h2 = u; b2 = h2 + c2; p2 = 0;
      u = h3 + p3; c3 += Math.abs(h3) >= Math.abs(p3) ? h3 - u + p3 : p3 - u + h3; h3 = u; b3 = h3 + c3; p3 = 0;
      u = h4 + p4; c4 += Math.abs(h4) >= Math.abs(p4) ? h4 - u + p4 : p4 - u + h4; h4 = u; b4 = h4 + c4; p4 = 0;
      u = h5 + p5; c5 += Math.abs(h5) >= Math.abs(p5) ? h5 - u + p5 : p5 - u + h5; h5 = u; b5 = h5 + c5; p5 = 0;
    }
  }
  return P;
}

/**
 * The re-centred moments of grid days `[from, to)`, clipped to the prefix's span.
 * @param out a Moments object to fill instead of allocating one (hot loops)
 * @returns moments of R − shiftR and R_m − shiftM over the valid days
 * @throws RangeError when a sparse prefix did not record a boundary
 * @example prefixMoments(p, day0 - 250, day0 - 10) // the estimation window −250…−11
 */
export function prefixMoments(p: MomentPrefix, from: number, to: number, out?: Moments): Moments {
  let a = Math.min(Math.max(from, p.start), p.end) - p.start;
  let b = Math.min(Math.max(to, p.start), p.end) - p.start;
  const o = out ?? { n: 0, sumR: 0, sumM: 0, sumRR: 0, sumMM: 0, sumRM: 0 };
  if (b <= a) {
    o.n = 0; o.sumR = 0; o.sumM = 0; o.sumRR = 0; o.sumMM = 0; o.sumRM = 0;
    return o;
  }
  if (p.slot !== undefined) {
    const sa = p.slot[a]!;
    const sb = p.slot[b]!;
    if (sa < 0 || sb < 0) throw new RangeError(`prefix sums were not recorded at grid index ${sa < 0 ? a + p.start : b + p.start}`);
    a = sa;
    b = sb;
  }
  o.n = p.n[b]! - p.n[a]!;
  o.sumR = p.r[b]! - p.r[a]!;
  o.sumM = p.m[b]! - p.m[a]!;
  o.sumRR = p.rr[b]! - p.rr[a]!;
  o.sumMM = p.mm[b]! - p.mm[a]!;
  o.sumRM = p.rm[b]! - p.rm[a]!;
  return o;
}
