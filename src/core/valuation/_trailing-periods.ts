import type { Fundamental, Metric } from "../../models/index.js";

/**
 * The periods a trailing-twelve-month figure sums: four consecutive fiscal quarters, or for an issuer that
 * reports half-yearly (most Hong Kong listings) two consecutive halves. Internal to the TTM computations
 * (point in time in _ttm.ts, through history in _series-trackers.ts), which must pick the same rows.
 */
const PERIOD = /^(\d{4})(Q|H)([1-4])$/;
const SPAN = { Q: 4, H: 2 } as const;

/** Position of a quarter (year·4 + q − 1) or half (year·2 + h − 1) on its own axis, or undefined for other periods. */
export function trailingSlot(fiscalPeriod: string): { kind: "Q" | "H"; index: number } | undefined {
  const m = PERIOD.exec(fiscalPeriod);
  if (m === null) return undefined;
  const kind = m[2] as "Q" | "H";
  const n = Number(m[3]);
  if (kind === "H" && n > 2) return undefined;
  return { kind, index: Number(m[1]) * SPAN[kind] + n - 1 };
}

/** Rows of one metric by slot, the one known latest per slot (callers add in knownFrom order or compare). */
export interface SlotRows {
  Q: Map<number, Fundamental>;
  H: Map<number, Fundamental>;
}

export const emptySlots = (): SlotRows => ({ Q: new Map(), H: new Map() });

/**
 * Adds a row to its metric's slots, keeping per slot the issuer's own figure before the listing's (as
 * needLatestFigure does), then the one known latest (a tie goes to the newcomer).
 */
export function addToSlots(slots: SlotRows, r: Fundamental, issuer: string | undefined): void {
  const s = trailingSlot(r.fiscalPeriod);
  if (s === undefined) return;
  const map = slots[s.kind];
  const prev = map.get(s.index);
  const own = (x: Fundamental) => x.entity === issuer;
  if (prev === undefined || (own(r) && !own(prev)) || (own(r) === own(prev) && r.knownFrom >= prev.knownFrom)) map.set(s.index, r);
}

/**
 * The periods to sum: per metric (in priority order) the four quarters ending at its last quarter and the two
 * halves ending at its last half, where complete; of those, the set whose last period ends latest (a tie goes
 * to the earlier metric, then to quarters).
 * @returns the rows in period order, or undefined when no set is complete
 */
export function trailingPeriods(metrics: readonly Metric[], slots: readonly SlotRows[]): Fundamental[] | undefined {
  let best: Fundamental[] | undefined;
  metrics.forEach((_, m) => {
    for (const kind of ["Q", "H"] as const) {
      const map = slots[m]![kind];
      if (map.size === 0) continue;
      let last = -Infinity;
      for (const i of map.keys()) if (i > last) last = i;
      const rows = Array.from({ length: SPAN[kind] }, (_, k) => map.get(last - SPAN[kind] + 1 + k));
      if (!rows.every((x) => x !== undefined)) continue;
      const end = rows[rows.length - 1]!.periodEnd;
      if (best === undefined || end > best[best.length - 1]!.periodEnd) best = rows as Fundamental[];
    }
  });
  return best;
}
