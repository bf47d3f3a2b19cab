/**
 * `Float64Array.from(xs, f)` and `Int32Array.from(xs, f)` as plain loops. Node 20's typed-array `from` with a
 * mapping function takes a generic path about 15× slower than a loop (1,000,000 values: ~100 ms against
 * ~7 ms here), which showed in whole-market event studies and in reading prices.
 * @example mapToFloat64(["1.5", null], (x) => (x === null ? NaN : Number(x))) // Float64Array [1.5, NaN]
 */
export function mapToFloat64<T>(xs: ArrayLike<T>, f: (x: T, i: number) => number): Float64Array {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = f(xs[i]!, i);
  return out;
}

/** {@link mapToFloat64} into 32-bit integers. @example mapToInt32([{ day0: 3 }], (o) => o.day0) // Int32Array [3] */
export function mapToInt32<T>(xs: ArrayLike<T>, f: (x: T, i: number) => number): Int32Array {
  const out = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = f(xs[i]!, i);
  return out;
}
