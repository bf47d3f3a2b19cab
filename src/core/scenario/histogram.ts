/** Equal-width bins and their counts; draws outside [edges[0], edges[last]] are counted apart. */
export interface Histogram {
  /** bins + 1 ascending edges. */
  readonly edges: number[];
  /** Draws in [edges[k], edges[k+1]) (the last bin includes its upper edge). */
  readonly counts: number[];
  readonly below: number;
  readonly above: number;
}

function firstAbove(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (strict ? v <= x : v < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Histogram of sorted values over [lo, hi] in equal bins, by binary search of each edge (O(bins·log n)).
 *
 * @param sorted - finite values, ascending.
 * @param lo - left edge; hi - right edge (hi > lo, or a single bin when they are equal).
 * @param bins - number of bins, ≥ 1.
 * @returns edges, counts and the draws below lo and above hi.
 * @example histogramSorted(Float64Array.of(1, 2, 2, 3), 1, 3, 2) // counts [1, 3]
 */
export function histogramSorted(sorted: Float64Array, lo: number, hi: number, bins: number): Histogram {
  const width = hi > lo ? (hi - lo) / bins : 0;
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : lo + k * width));
  const below = firstAbove(sorted, lo, false);
  const aboveStart = firstAbove(sorted, hi, true);
  const counts: number[] = [];
  let prev = below;
  for (let k = 1; k <= bins; k++) {
    const end = k === bins ? aboveStart : firstAbove(sorted, edges[k] as number, false);
    counts.push(end - prev);
    prev = end;
  }
  return { edges, counts, below, above: sorted.length - aboveStart };
}
