/**
 * The one missing-data rule of src/core (d3-array): null, undefined, NaN and ±Infinity are skipped.
 * Returns a fresh array, so callers may sort it without touching the input.
 * Internal: not re-exported from index.ts.
 */
export function finiteValues(values: Iterable<number | null | undefined>): Float64Array {
  const out: number[] = [];
  for (const v of values) {
    if (typeof v === "number" && Number.isFinite(v)) out.push(v);
  }
  return Float64Array.from(out);
}
