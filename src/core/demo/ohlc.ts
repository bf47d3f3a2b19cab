import type { Random } from "./random.js";

/** The daily bar columns of one listing. */
export interface OhlcColumns {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** What a listing's bars are built from. */
export interface OhlcInput {
  /** Unrounded closes. */
  closes: Float64Array;
  /** Daily volatility used for the intraday range and the opening gap. */
  sigmaDaily: number;
  /** Typical daily volume (0 for FX). */
  volume: number;
  decimals: number;
  /** Daily limit as a fraction; all four prices stay within it of the previous close. */
  dailyLimit?: number;
  /** Sessions that carry a news jump: the open gaps most of the way. */
  shockSessions?: ReadonlySet<number>;
}

/**
 * Open, high, low and rounded close around given closes, with volume rising on big moves.
 * Always low ≤ min(open, close) ≤ max(open, close) ≤ high, all positive.
 * @param random the listing's own stream
 */
export function createOhlc(input: OhlcInput, random: Random): OhlcColumns {
  const n = input.closes.length;
  const scale = 10 ** input.decimals;
  const round = (x: number) => Math.max(1 / scale, Math.round(x * scale) / scale);
  const sigma = input.sigmaDaily;
  const out: OhlcColumns = {
    open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n),
    close: new Float64Array(n), volume: new Float64Array(n),
  };
  for (let s = 0; s < n; s++) {
    const rawClose = input.closes[s] ?? NaN;
    const prev = s > 0 ? (out.close[s - 1] ?? rawClose) : rawClose * Math.exp(-sigma * random.nextNormal());
    const r = Math.log(rawClose / prev);
    const gapShare = input.shockSessions?.has(s) === true ? 0.85 : 0.35;
    let open = round(prev * Math.exp(gapShare * r + 0.3 * sigma * random.nextNormal()));
    let close = round(rawClose);
    let high = round(Math.max(open, close) * Math.exp(0.45 * sigma * Math.abs(random.nextNormal())));
    let low = round(Math.min(open, close) * Math.exp(-0.45 * sigma * Math.abs(random.nextNormal())));
    if (input.dailyLimit !== undefined && s > 0) {
      const up = round(prev * (1 + input.dailyLimit));
      const down = round(prev * (1 - input.dailyLimit));
      [open, close, high, low] = [open, close, high, low].map((x) => Math.min(up, Math.max(down, x))) as [number, number, number, number];
    }
    out.open[s] = open;
    out.close[s] = close;
    out.high[s] = Math.max(high, open, close);
    out.low[s] = Math.min(low, open, close);
    const surprise = Math.min(Math.abs(r) / sigma, 8);
    out.volume[s] = Math.round(input.volume * Math.exp(0.3 * random.nextNormal() - 0.045) * (1 + 0.6 * surprise));
  }
  return out;
}
