import { addBridgeDrift, setSessionLogReturn } from "./session-return.js";

/** One listing that observes a price process. */
export interface PathLine {
  id: string;
  /** Closing half-step of each session. */
  ends: Int32Array;
  /** Per-session log offset to the process (parity listings: ratio, FX and basis); absent for the primary. */
  offsets?: Float64Array;
  /** Sessions whose log return is forced. */
  shocks: readonly { session: number; logReturn: number }[];
}

/** Everything needed to turn one process's increments into closes of its listings. */
export interface ProcessPathInput {
  increments: Float64Array;
  primary: PathLine;
  others: readonly PathLine[];
  firstPrice: number;
  lastPrice: number;
  /** Daily limit of the primary listing as a fraction (0.2 = ±20%). */
  dailyLimit?: number;
}

/**
 * Closes of every listing of one process (unrounded, listing currency):
 * 1. force the shock sessions' returns; 2. add a constant drift so the primary goes from about
 * `firstPrice` to `lastPrice`; 3. force the shocks again (the drift moved them slightly);
 * 4. clip the primary to its daily limit; 5. scale so the primary's last close is exactly `lastPrice`.
 * Does not mutate its input.
 * @returns closes keyed by listing id
 */
export function createProcessPath(input: ProcessPathInput): Map<string, Float64Array> {
  const inc = Float64Array.from(input.increments);
  const lines = [input.primary, ...input.others];
  const shocks = lines
    .flatMap((line) => line.shocks.map((s) => ({ line, ...s, half: line.ends[s.session] ?? 0 })))
    .sort((a, b) => a.half - b.half);
  const applyShocks = () => {
    for (const s of shocks) setSessionLogReturn(inc, s.line.ends, s.line.offsets, s.session, s.logReturn);
  };

  applyShocks();
  const { ends } = input.primary;
  const last = ends.length - 1;
  addBridgeDrift(inc, ends[0] ?? 0, ends[last] ?? 0, Math.log(input.lastPrice / input.firstPrice), new Set(shocks.map((s) => s.half)));
  applyShocks();

  const cum = new Float64Array(inc.length);
  let acc = 0;
  for (let k = 0; k < inc.length; k++) cum[k] = acc += inc[k] ?? 0;

  const primaryLog = new Float64Array(ends.length);
  for (let s = 0; s < ends.length; s++) primaryLog[s] = cum[ends[s] ?? 0] ?? 0;
  if (input.dailyLimit !== undefined) clipDailyLimit(primaryLog, input.dailyLimit);
  const shift = Math.log(input.lastPrice) - (primaryLog[last] ?? 0);

  const out = new Map<string, Float64Array>();
  out.set(input.primary.id, primaryLog.map((x) => Math.exp(x + shift)));
  for (const line of input.others) {
    const closes = new Float64Array(line.ends.length);
    for (let s = 0; s < closes.length; s++) closes[s] = Math.exp((cum[line.ends[s] ?? 0] ?? 0) + shift + (line.offsets?.[s] ?? 0));
    out.set(line.id, closes);
  }
  return out;
}

/** Clips each session's log return to [ln(1 − limit), ln(1 + limit)] and re-cumulates, in place. */
export function clipDailyLimit(logCloses: Float64Array, limit: number): void {
  const lo = Math.log(1 - limit);
  const hi = Math.log(1 + limit);
  let prevRaw = logCloses[0] ?? 0;
  for (let s = 1; s < logCloses.length; s++) {
    const raw = logCloses[s] ?? 0;
    logCloses[s] = (logCloses[s - 1] ?? 0) + Math.min(hi, Math.max(lo, raw - prevRaw));
    prevRaw = raw;
  }
}
