/** Reusable buffers for {@link averageRanks} (hot loops rank thousands of short series). */
export interface RankWorkspace {
  keys: Float64Array;
  index: Int32Array;
  bucketOf: Int32Array;
  starts: Int32Array;
  /** How many finite values the last call ranked. */
  count: number;
}

/** Buffers for ranking series of up to `n` values. */
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
  const { keys, index, bucketOf, starts } = w;
  // Bucket sort on a linear map of [min, max] (monotone, so buckets are in order), then a short sort inside
  // each bucket: exact ranks in expected O(n), without the unpredictable branches of a comparison sort.
  let n = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v === 0) {
      n++;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  w.count = n;
  if (n === 0) return out.fill(NaN, 0, values.length);
  const B = 2 * n;
  const scale = hi > lo ? (B - 1) / (hi - lo) : 0;
  for (let b = 0; b <= B; b++) starts[b] = 0;
  for (let i = 0, j = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v - v === 0)) continue;
    let b = ((v - lo) * scale) | 0; // non-negative and below 2³¹: truncation is floor
    if (b > B - 1) b = B - 1; // guards the rounding of (hi − lo)·scale
    bucketOf[j++] = b;
    starts[b + 1]!++;
  }
  for (let b = 0; b < B; b++) starts[b + 1]! += starts[b]!;
  for (let i = 0, j = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v - v === 0)) {
      out[i] = NaN;
      continue;
    }
    const pos = starts[bucketOf[j++]!]!++;
    keys[pos] = v;
    index[pos] = i;
  }
  // starts[b] now holds the end of bucket b (= the start of bucket b + 1).
  for (let b = 0, from = 0; b < B; b++) {
    const to = starts[b]!;
    if (to - from > 16) sortPairs(keys, index, from, to - 1);
    else {
      for (let i = from + 1; i < to; i++) {
        const k = keys[i]!;
        const x = index[i]!;
        let j = i - 1;
        while (j >= from && keys[j]! > k) {
          keys[j + 1] = keys[j]!;
          index[j + 1] = index[j]!;
          j--;
        }
        keys[j + 1] = k;
        index[j + 1] = x;
      }
    }
    from = to;
  }
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && keys[b] === keys[a]) b++;
    const rank = (a + 1 + b) / 2; // positions a … b − 1 hold ranks a + 1 … b
    for (let j = a; j < b; j++) out[index[j]!] = rank;
    a = b;
  }
  return out;
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
