/**
 * Session returns of a listing whose log close is a cumulative sum of half-step increments plus a
 * per-session offset (zero for a primary listing; basis and FX for a parity listing).
 */

/**
 * Log return of session `s`: Σ increments over the half-steps (ends[s − 1], ends[s]] + offset change.
 * Session 0 counts from the start of the timeline.
 */
export function sessionLogReturn(increments: Float64Array, ends: Int32Array, offsets: Float64Array | undefined, s: number): number {
  const start = s === 0 ? 0 : (ends[s - 1] ?? 0) + 1;
  const end = ends[s] ?? 0;
  let sum = 0;
  for (let k = start; k <= end; k++) sum += increments[k] ?? 0;
  if (offsets !== undefined && s > 0) sum += (offsets[s] ?? 0) - (offsets[s - 1] ?? 0);
  return sum;
}

/**
 * Makes session `s` return exactly `targetLogReturn` by changing the increment of its closing
 * half-step (mutates `increments`; later closes of every listing on the process move with it).
 */
export function setSessionLogReturn(
  increments: Float64Array,
  ends: Int32Array,
  offsets: Float64Array | undefined,
  s: number,
  targetLogReturn: number,
): void {
  const end = ends[s] ?? 0;
  increments[end] = (increments[end] ?? 0) + targetLogReturn - sessionLogReturn(increments, ends, offsets, s);
}

/**
 * Adds one constant to every half-step not in `frozen` so that the increments over
 * (fromHalf, toHalf] sum to `targetLogChange` (a drift that bridges first to last price).
 */
export function addBridgeDrift(
  increments: Float64Array,
  fromHalf: number,
  toHalf: number,
  targetLogChange: number,
  frozen: ReadonlySet<number>,
): void {
  let sum = 0;
  let free = 0;
  for (let k = fromHalf + 1; k <= toHalf; k++) {
    sum += increments[k] ?? 0;
    if (!frozen.has(k)) free++;
  }
  if (free === 0) return;
  const drift = (targetLogChange - sum) / free;
  for (let k = 0; k < increments.length; k++) if (!frozen.has(k)) increments[k] = (increments[k] ?? 0) + drift;
}
