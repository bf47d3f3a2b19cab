/**
 * 1-based ranks of the finite values, ties sharing their average rank (as scipy's `rankdata(method="average")`);
 * non-finite values get NaN and do not count.
 * @param values any numbers; NaN = missing
 * @param out where to write the ranks (a new array when omitted)
 * @param scratch a buffer at least as long as `values` to sort in (allocated when omitted)
 * @returns `out`
 * @example averageRanks([0.3, NaN, 0.1, 0.3]) // Float64Array [2.5, NaN, 1, 2.5]
 */
export function averageRanks(values: ArrayLike<number>, out: Float64Array = new Float64Array(values.length), scratch?: Float64Array): Float64Array {
  const buf = scratch !== undefined && scratch.length >= values.length ? scratch : new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v === 0) buf[n++] = v;
  }
  const sorted = buf.subarray(0, n).sort();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v - v === 0)) {
      out[i] = NaN;
      continue;
    }
    // First position ≥ v and first position > v: the tie block is [lo, hi), ranks lo + 1 … hi.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo + 1;
    if (end < n && sorted[end] === v) {
      let a = end;
      let b = n;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (sorted[mid]! <= v) a = mid + 1;
        else b = mid;
      }
      end = a;
    }
    out[i] = (lo + 1 + end) / 2;
  }
  return out;
}
