/**
 * A security's session grid: the dates it has prices on, plus the sessions of a reference series on the same
 * exchange (its benchmark) between its first and last price. A date the benchmark traded but the stock did
 * not is a missing session (a halt or a gap in the data), not a holiday, so windows count it as a day.
 *
 * @param own the security's price dates, sorted ISO dates
 * @param reference a same-exchange series' dates, sorted; omit when there is none (e.g. a benchmark on
 *   another exchange, whose holidays are not the security's)
 * @returns sorted, distinct ISO dates
 * @example createSessionGrid(["2025-09-22", "2025-09-24"], ["2025-09-22", "2025-09-23", "2025-09-24", "2025-09-25"])
 *   // ["2025-09-22", "2025-09-23", "2025-09-24"]
 * @see FORMULAS.md "Returns and calendars": a missing session breaks the chain
 */
export function createSessionGrid(own: readonly string[], reference?: readonly string[]): string[] {
  if (own.length === 0) return [];
  if (reference === undefined || reference.length === 0) return [...own];
  const first = own[0]!;
  const last = own[own.length - 1]!;
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (j < reference.length && reference[j]! < first) j++;
  while (i < own.length || (j < reference.length && reference[j]! <= last)) {
    const a = i < own.length ? own[i]! : undefined;
    const b = j < reference.length && reference[j]! <= last ? reference[j]! : undefined;
    const next = a === undefined ? b! : b === undefined ? a : a <= b ? a : b;
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
    if (a === next) i++;
    if (b === next) j++;
  }
  return out;
}

/**
 * Values of a dated series on a grid: the value dated exactly on each grid date, NaN where there is none.
 * @param grid sorted ISO dates
 * @param dates sorted ISO dates of `values`
 * @returns a new array as long as the grid (inputs untouched)
 * @example alignToGrid(["d1", "d2"], ["d2"], [5]) // Float64Array [NaN, 5]
 */
export function alignToGrid(grid: readonly string[], dates: readonly string[], values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(grid.length).fill(NaN);
  let j = 0;
  for (let i = 0; i < grid.length; i++) {
    const g = grid[i]!;
    while (j < dates.length && dates[j]! < g) j++;
    if (j < dates.length && dates[j] === g) out[i] = values[j]!;
  }
  return out;
}

/**
 * Values of a series from another exchange on a grid: the last value dated on or before each grid date
 * (its level as of that local date), NaN before its first value. For a benchmark whose holidays differ
 * from the security's, so that a return spans the same calendar interval on both sides.
 * @example alignAsOf(["2025-10-02"], ["2025-09-30"], [100]) // Float64Array [100]
 */
export function alignAsOf(grid: readonly string[], dates: readonly string[], values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(grid.length).fill(NaN);
  let j = -1;
  let last = NaN;
  for (let i = 0; i < grid.length; i++) {
    const g = grid[i]!;
    while (j + 1 < dates.length && dates[j + 1]! <= g) {
      j++;
      const v = values[j]!;
      if (Number.isFinite(v)) last = v;
    }
    out[i] = last;
  }
  return out;
}
