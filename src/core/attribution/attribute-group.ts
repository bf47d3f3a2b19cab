import type { AttributionResult, ReturnAttribution, ReturnComponents } from "./types.js";

/** One member of a group attribution. */
export interface GroupMember {
  id: string;
  result: AttributionResult;
  /** Weight at the start of the period (e.g. market cap); default 1 (equal weights). Normalised over usable members. */
  weight?: number;
}

/** A peer group's return split into the same four parts. */
export interface GroupAttribution {
  /** Members used, with their normalised weights (summing to 1). */
  members: { id: string; weight: number; attribution: ReturnAttribution }[];
  /** Members left out, with the reason (n.m. EPS, missing input, bad weight). */
  dropped: { id: string; reason: string }[];
  /** Weighted mean of the members' log contributions; they sum to `logReturn`. */
  log: ReturnComponents;
  /** Weighted mean of the members' log returns. */
  logReturn: number;
  /** Weighted sum of the members' simple contributions; they sum to `simpleReturn`. */
  simple: ReturnComponents;
  /** The buy-and-hold portfolio's simple return Σ w_i R_i. */
  simpleReturn: number;
}

const PARTS = ["earnings", "multiple", "fx", "dividends"] as const;

/**
 * Attribution of a peer group held as a buy-and-hold portfolio from the start date: the portfolio's simple return
 * Σ w_i R_i splits exactly into Σ w_i (member i's simple contributions); in logs, the weighted mean of the members'
 * log contributions adds up to the weighted mean log return. Members with an n.m. attribution or a weight that is
 * not positive are dropped and listed, not silently averaged.
 *
 * @param members - id, attribution and start weight (default 1) of each member.
 * @returns the group's log and simple contributions, or `undefined` when no member is usable.
 * @example attributeGroup([{ id: "AMZN", result: a }, { id: "MSFT", result: m }]).simple.multiple // (a.simple.multiple + m.simple.multiple) / 2
 * @see FORMULAS.md "Attribution"
 */
export function attributeGroup(members: readonly GroupMember[]): GroupAttribution | undefined {
  const dropped: GroupAttribution["dropped"] = [];
  const used: { id: string; w: number; attribution: ReturnAttribution }[] = [];
  for (const m of members) {
    const w = m.weight ?? 1;
    if (m.result.nm !== undefined) dropped.push({ id: m.id, reason: m.result.message });
    else if (!(Number.isFinite(w) && w > 0)) dropped.push({ id: m.id, reason: `weight (${w}) must be positive` });
    else used.push({ id: m.id, w, attribution: m.result });
  }
  if (used.length === 0) return undefined;
  const total = used.reduce((s, u) => s + u.w, 0);
  const zero = (): ReturnComponents => ({ earnings: 0, multiple: 0, fx: 0, dividends: 0 });
  const log = zero();
  const simple = zero();
  let logReturn = 0;
  let simpleReturn = 0;
  for (const u of used) {
    const w = u.w / total;
    for (const p of PARTS) {
      log[p] += w * u.attribution.log[p];
      simple[p] += w * u.attribution.simple[p];
    }
    logReturn += w * u.attribution.logReturn;
    simpleReturn += w * u.attribution.simpleReturn;
  }
  return { members: used.map((u) => ({ id: u.id, weight: u.w / total, attribution: u.attribution })), dropped, log, logReturn, simple, simpleReturn };
}
