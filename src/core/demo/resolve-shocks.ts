import type { CalendarId } from "../calendars/index.js";
import type { SessionGrid } from "./timeline.js";
import type { DemoSecuritySpec, DemoShock } from "./spec.js";

/** A shock placed on its listing's session grid. */
export interface ResolvedShock extends DemoShock {
  session: number;
  logReturn: number;
}

/**
 * Checks each shock and places it on its listing's sessions.
 * @returns shocks keyed by listing id
 * @throws RangeError naming the shock when its listing is unknown or an FX pair, its date is not a
 *   session of that listing (or is the first one), or its return is −100% or worse
 */
export function resolveShocks(
  specs: readonly DemoSecuritySpec[],
  shocks: readonly DemoShock[],
  gridOf: (calendar: CalendarId) => SessionGrid,
): Map<string, ResolvedShock[]> {
  const byId = new Map(specs.map((s) => [s.id, s] as const));
  const out = new Map<string, ResolvedShock[]>();
  for (const shock of shocks) {
    const where = `shock ${shock.security} ${shock.date} (${shock.returnPct}%)`;
    const spec = byId.get(shock.security);
    if (spec === undefined) throw new RangeError(`${where}: security "${shock.security}" is not in the demo's securities`);
    if (spec.model === "fx") throw new RangeError(`${where}: FX pairs take no shocks`);
    if (!(shock.returnPct > -100) || !Number.isFinite(shock.returnPct)) throw new RangeError(`${where}: returnPct must be a finite number above -100`);
    const grid = gridOf(spec.calendar);
    const session = grid.dates.indexOf(shock.date);
    if (session < 0) throw new RangeError(`${where}: ${shock.date} is not a ${spec.calendar} session inside the demo range`);
    if (session === 0) throw new RangeError(`${where}: the first session has no previous close to jump from`);
    const list = out.get(spec.id) ?? [];
    list.push({ ...shock, session, logReturn: Math.log1p(shock.returnPct / 100) });
    out.set(spec.id, list);
  }
  return out;
}
