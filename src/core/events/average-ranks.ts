/** Reusable buffers for {@link averageRanks} (hot loops rank thousands of short series). */
export interface RankWorkspace {
  keys: Float64Array;
  index: Int32Array;
  bucketOf: Int32Array;
  starts: Int32Array;
  /** How many finite values the last call ranked. */
  count: number;
}

/** Buffers for ranking series of up to `n` values. @example const work = createRankWorkspace(256) */
export function createRankWorkspace(n: number): RankWorkspace {
  return { keys: new Float64Array(n), index: new Int32Array(n), bucketOf: new Int32Array(n), starts: new Int32Array(2 * n + 2), count: 0 };
}

/**
 * 1-based ranks of the finite values, ties sharing their average rank (as scipy's `rankdata(method="average")`);
 * non-finite values get NaN and do not count.
 * @param values any numbers; NaN = missing
 * @param out where to write the ranks (a new array when omitted)
 * @param work buffers at least as long as `values` (allocated when omitted or too short)
 * @returns `out`
 * @example averageRanks([0.3, NaN, 0.1, 0.3]) // Float64Array [2.5, NaN, 1, 2.5]
 */
export function averageRanks(values: ArrayLike<number>, out: Float64Array = new Float64Array(values.length), work?: RankWorkspace): Float64Array {
  const w = work !== undefined && work.keys.length >= values.length ? work : createRankWorkspace(values.length);
  const n = sortFinite(values, w);
  for (let i = 0; i < values.length; i++) if (!(values[i]! - values[i]! === 0)) out[i] = NaN;
  const { keys, index } = w;
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && keys[b] === keys[a]) b++;
    const rank = (a + 1 + b) / 2; // positions a … b − 1 hold ranks a + 1 … b
    for (let j = a; j < b; j++) out[index[j]!] = rank;
    a = b;
  }
  return out;
}

/**
 * Sorts the finite values into `work.keys` (ascending) with their positions in `work.index`, and sets
 * `work.count`. Bucket sort on a linear map of [min, max] (monotone, so buckets come in order), then a short
 * sort inside each bucket: exact order in expected O(n), without the unpredictable branches of a comparison
 * sort. Internal to the rank tests.
 * @param known the count of finite values and a range [min, max] for the buckets when the caller has them
 *   (saves a pass); values outside the range go to the end buckets, so a range that leaves out far outliers
 *   (say ±4σ) keeps the buckets evenly filled
 * @returns how many values were finite
 * @example const w = createRankWorkspace(4); sortFinite([0.3, NaN, 0.1, 0.2], w) // 3; w.keys: 0.1, 0.2, 0.3; w.index: 2, 3, 0
 */
export function sortFinite(values: ArrayLike<number>, work: RankWorkspace, known?: { n: number; min: number; max: number }): number {
  const { keys, index, bucketOf, starts } = work;
  let n = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  if (known !== undefined) {
    n = known.n;
    lo = known.min;
    hi = known.max;
  } else {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v - v === 0) {
        n++;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  work.count = n;
  if (n === 0) return 0;
  const B = n;
  const scale = hi > lo ? (B - 1) / (hi - lo) : 0;
  for (let b = 0; b <= B; b++) starts[b] = 0;
  let crowded = 0;
  for (let i = 0, j = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v - v === 0)) continue;
    let b = ((v - lo) * scale) | 0; // truncation is floor for the values in [lo, hi]
    if (b > B - 1) b = B - 1; // values above hi (and the rounding of (hi − lo)·scale)
    else if (b < 0) b = 0; // values below lo
    bucketOf[j++] = b;
    const c = ++starts[b + 1]!;
    if (c > crowded) crowded = c;
  }
  for (let b = 0; b < B; b++) starts[b + 1]! += starts[b]!;
  for (let i = 0, j = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v - v === 0)) continue;
    const pos = starts[bucketOf[j++]!]!++;
    keys[pos] = v;
    index[pos] = i;
  }
  // Buckets are in order, so the array is sorted but within buckets: one insertion pass finishes it in
  // about n steps. A crowded bucket (a few extreme values squeeze the rest together) gets a quicksort.
  orderBuckets(keys, index, n, crowded);
  return n;
}

/**
 * Finishes a bucket sort: `keys[0..n)` are in bucket order, unordered within buckets (carrying `index`).
 * One insertion pass orders them in about n steps; when the fullest bucket holds more than 32 values (a
 * run of equal or crowded values) a quicksort does instead. Internal to the rank tests.
 */
export function orderBuckets(keys: Float64Array, index: Int32Array, n: number, crowded: number): void {
  if (crowded > 32) {
    sortPairs(keys, index, 0, n - 1);
    return;
  }
  for (let i = 1; i < n; i++) {
    const k = keys[i]!;
    if (keys[i - 1]! <= k) continue;
    const x = index[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      index[j + 1] = index[j]!;
      j--;
    }
    keys[j + 1] = k;
    index[j + 1] = x;
  }
}

/** Sorts keys[lo..hi] ascending, carrying index along: quicksort (median of three) with insertion sort below 16. */
function sortPairs(keys: Float64Array, index: Int32Array, lo: number, hi: number): void {
  while (hi - lo >= 16) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < keys[lo]!) swap(keys, index, mid, lo);
    if (keys[hi]! < keys[lo]!) swap(keys, index, hi, lo);
    if (keys[hi]! < keys[mid]!) swap(keys, index, hi, mid);
    const pivot = keys[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) swap(keys, index, i++, j--);
    }
    // Recurse into the smaller part, loop on the larger: O(log n) stack.
    if (j - lo < hi - i) {
      sortPairs(keys, index, lo, j);
      lo = i;
    } else {
      sortPairs(keys, index, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const k = keys[i]!;
    const x = index[i]!;
    let j = i - 1;
    while (j >= lo && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      index[j + 1] = index[j]!;
      j--;
    }
    keys[j + 1] = k;
    index[j + 1] = x;
  }
}

function swap(keys: Float64Array, index: Int32Array, a: number, b: number): void {
  const k = keys[a]!;
  keys[a] = keys[b]!;
  keys[b] = k;
  const x = index[a]!;
  index[a] = index[b]!;
  index[b] = x;
}
