/** Cells of the body table on u ∈ [1/32, 31/32]. */
const BODY_CELLS = 1024;
/** The body starts this many cells from each end (u = 1/32). */
const TAIL_START = 32;
/** Cells of each tail table, spaced evenly in log u (or log(1 − u)) down to 2⁻⁵⁴. */
const TAIL_CELLS = 256;
const LOG_U_MIN = Math.log(2 ** -54);

/** Cubic Hermite on one cell, clamped to the cell's end values so the result stays monotone in u. */
function hermite(t: number, x0: number, x1: number, d0: number, d1: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  const v = (2 * t3 - 3 * t2 + 1) * x0 + (t3 - 2 * t2 + t) * d0 + (3 * t2 - 2 * t3) * x1 + (t3 - t2) * d1;
  return v < x0 ? x0 : v > x1 ? x1 : v;
}

/** Node slopes h / f(x); where the density vanishes or overflows, the chord slope of the neighbouring cell. */
function slopes(x: Float64Array, d: Float64Array): void {
  for (let k = 0; k < d.length; k++) {
    if (Number.isFinite(d[k] as number)) continue;
    const a = x[Math.max(0, k - 1)] as number;
    const b = x[Math.min(x.length - 1, k + 1)] as number;
    d[k] = k === 0 || k === x.length - 1 ? b - a : (b - a) / 2;
  }
}

/**
 * A fast approximate quantile function: cubic Hermite interpolation of an exact quantile Q (with exact
 * slopes 1/f(Q)) on 1,024 cells of u in [1/32, 31/32], and on 256 cells of log u (log(1 − u)) in each tail,
 * where Q behaves like a power of u. About 1,550 exact evaluations to build; each lookup is a few
 * multiplications (one logarithm in the tails). Monotone in u, so draws keep their ranks.
 * Accuracy (tested for PERT shapes): |error| ≤ 5e-8 of the range for u in [0.001, 0.999], ≤ 1e-5 beyond.
 *
 * @param quantile - the exact quantile, defined on (0, 1).
 * @param density - the density at a point of the support.
 * @returns u ↦ approximate Q(u) for u in (0, 1).
 * @example const q = createQuantileTable((u) => betaQuantile(u, 2, 3), (x) => betaPdf(x, 2, 3)); q(0.5)
 * @see Fritsch & Carlson (1980) for Hermite interpolation of monotone data.
 */
export function createQuantileTable(quantile: (u: number) => number, density: (x: number) => number): (u: number) => number {
  const h = 1 / BODY_CELLS;
  const uLow = TAIL_START / BODY_CELLS;
  const bx = new Float64Array(BODY_CELLS + 1);
  const bd = new Float64Array(BODY_CELLS + 1);
  for (let k = TAIL_START; k <= BODY_CELLS - TAIL_START; k++) {
    const x = quantile(k * h);
    bx[k] = x;
    bd[k] = h / density(x);
  }
  slopes(bx.subarray(TAIL_START, BODY_CELLS - TAIL_START + 1), bd.subarray(TAIL_START, BODY_CELLS - TAIL_START + 1));

  const dt = (Math.log(uLow) - LOG_U_MIN) / TAIL_CELLS;
  const lx = new Float64Array(TAIL_CELLS + 1);
  const ld = new Float64Array(TAIL_CELLS + 1);
  const hx = new Float64Array(TAIL_CELLS + 1);
  const hd = new Float64Array(TAIL_CELLS + 1);
  for (let j = 0; j <= TAIL_CELLS; j++) {
    // The last node is exactly the body's first (last) node so the pieces join.
    const u = j === TAIL_CELLS ? uLow : Math.exp(LOG_U_MIN + j * dt);
    const xl = quantile(u);
    const xh = quantile(1 - u);
    lx[j] = xl;
    ld[j] = (dt * u) / density(xl);
    // The upper tail runs from u = 1 − 2⁻⁵⁴ inwards; reverse it so x ascends with the index.
    hx[TAIL_CELLS - j] = xh;
    hd[TAIL_CELLS - j] = (dt * u) / density(xh);
  }
  slopes(lx, ld);
  slopes(hx, hd);

  return (u: number): number => {
    if (u < uLow) {
      let s = (Math.log(u) - LOG_U_MIN) / dt;
      if (!(s > 0)) s = 0;
      const j = Math.min(TAIL_CELLS - 1, Math.floor(s));
      return hermite(s - j, lx[j] as number, lx[j + 1] as number, ld[j] as number, ld[j + 1] as number);
    }
    if (u > 1 - uLow) {
      // Distance from the top, as an index counted from the body's edge outwards, then mirrored.
      let s = (Math.log(1 - u) - LOG_U_MIN) / dt;
      if (!(s > 0)) s = 0;
      const j = Math.min(TAIL_CELLS - 1, Math.floor(s));
      const i = TAIL_CELLS - 1 - j; // hx ascends; cell i spans nodes i..i+1
      return hermite(1 - (s - j), hx[i] as number, hx[i + 1] as number, hd[i] as number, hd[i + 1] as number);
    }
    const s = u * BODY_CELLS;
    const k = Math.min(BODY_CELLS - TAIL_START - 1, Math.floor(s));
    return hermite(s - k, bx[k] as number, bx[k + 1] as number, bd[k] as number, bd[k + 1] as number);
  };
}
