import type { PriceColumns } from "../../models/price-bar.js";
import type { CalendarId } from "../calendars/index.js";
import { createAdjustmentFactors, createDividendSchedule, type ExDividend } from "./dividends.js";
import { createFactorIncrements } from "./factors.js";
import { createFxPath, createFxTable, FX_DECIMALS, type FxSeries, type FxTable } from "./fx.js";
import { createOhlc } from "./ohlc.js";
import { createProcessPath, type PathLine } from "./path.js";
import { createProcessIncrements } from "./process.js";
import { createStream } from "./random.js";
import { resolveShocks, type ResolvedShock } from "./resolve-shocks.js";
import { createSessionGrid, type SessionGrid, type Timeline } from "./timeline.js";
import type { DemoFactorSpec, DemoFxSpec, DemoParitySpec, DemoSecuritySpec, DemoShock } from "./spec.js";

/** Trading sessions a year, to turn an annual vol into the daily one used for intraday ranges. */
const SESSIONS_PER_YEAR = 252;
const PRICE_DECIMALS = 2;
const BASIS_PHI = 0.7;

/** Prices of the synthetic market and the FX it was converted with. */
export interface DemoPrices {
  columns: PriceColumns[];
  fxSeries: FxSeries[];
  fxTable: FxTable;
}

/**
 * Daily bars of every listing in `specs` on its own calendar: FX first (ADR parity needs it), then one
 * factor-model process per primary listing, observed by its parity listings too.
 * @returns columns in the order of `specs`
 */
export function createDemoPrices(seed: number, timeline: Timeline, specs: readonly DemoSecuritySpec[], shocks: readonly DemoShock[]): DemoPrices {
  const grids = new Map<CalendarId, SessionGrid>();
  const gridOf = (c: CalendarId): SessionGrid => grids.get(c) ?? grids.set(c, createSessionGrid(timeline, c)).get(c)!;
  const columns = new Map<string, PriceColumns>();

  const fxSpecs = specs.filter((s): s is DemoFxSpec => s.model === "fx");
  const fxSeries = fxSpecs.map((spec): FxSeries => {
    const grid = gridOf(spec.calendar);
    const rates = createFxPath(spec, grid.dates.length, seed);
    const bars = createOhlc({ closes: rates, sigmaDaily: 0.0006, volume: 0, decimals: FX_DECIMALS }, createStream(seed, `ohlc:${spec.id}`));
    columns.set(spec.id, { security: spec.id, currency: spec.currency, dates: grid.dates, ...bars, close: rates, adjClose: rates });
    return { quote: spec.quote, dates: grid.dates, rates };
  });
  const fxTable = createFxTable(fxSeries);

  const resolved = resolveShocks(specs, shocks, gridOf);
  const factors = createFactorIncrements(seed, timeline.halfSteps);
  const parity = specs.filter((s): s is DemoParitySpec => s.model === "parity");

  for (const spec of specs) {
    if (spec.model !== "factor") continue;
    const grid = gridOf(spec.calendar);
    const increments = createProcessIncrements(spec, factors, seed);
    const exDividends = createDividendSchedule(spec, grid);
    for (const ex of exDividends) increments[ex.half] = (increments[ex.half] ?? 0) + Math.log(1 - ex.fraction);

    const shocksOf = (id: string) => (resolved.get(id) ?? []).map((r: ResolvedShock) => ({ session: r.session, logReturn: r.logReturn }));
    const primary: PathLine = { id: spec.id, ends: grid.ends, shocks: shocksOf(spec.id) };
    const others = parity.filter((p) => p.parityOf === spec.id).map((p): PathLine & { spec: DemoParitySpec; grid: SessionGrid } => {
      const g = gridOf(p.calendar);
      return { id: p.id, ends: g.ends, offsets: parityOffsets(p, spec, g, fxTable, seed), shocks: shocksOf(p.id), spec: p, grid: g };
    });
    const closes = createProcessPath({
      increments, primary, others, firstPrice: spec.firstPrice, lastPrice: spec.lastPrice,
      ...(spec.dailyLimit !== undefined ? { dailyLimit: spec.dailyLimit } : {}),
    });

    const sigmaDaily = spec.volAnnual / Math.sqrt(SESSIONS_PER_YEAR);
    columns.set(spec.id, toColumns(spec, grid, closes.get(spec.id)!, sigmaDaily, spec.volume, exDividends, primary, seed, spec.dailyLimit));
    for (const o of others) columns.set(o.id, toColumns(o.spec, o.grid, closes.get(o.id)!, sigmaDaily, o.spec.volume, exDividends, o, seed));
  }

  const ordered = specs.map((s) => columns.get(s.id)).filter((c): c is PriceColumns => c !== undefined);
  if (ordered.length !== specs.length) {
    const missing = specs.filter((s) => !columns.has(s.id)).map((s) => s.id);
    throw new RangeError(`parity listings ${missing.join(", ")} name a parityOf that is not a factor listing of the demo`);
  }
  return { columns: ordered, fxSeries, fxTable };
}

/** ln(ratio) + ln(FX cross) + an AR(1) basis with stationary sd `basisVolDaily`, per parity session. */
function parityOffsets(p: DemoParitySpec, primary: DemoFactorSpec, grid: SessionGrid, fx: FxTable, seed: number): Float64Array {
  const random = createStream(seed, `basis:${p.id}`);
  const innovation = p.basisVolDaily * Math.sqrt(1 - BASIS_PHI ** 2);
  const ratio = Math.log(p.sharesPerListing / primary.sharesPerListing);
  const out = new Float64Array(grid.dates.length);
  let basis = p.basisVolDaily * random.nextNormal();
  grid.dates.forEach((d, s) => {
    basis = s === 0 ? basis : BASIS_PHI * basis + innovation * random.nextNormal();
    out[s] = ratio + Math.log(fx.convert(1, primary.currency, p.currency, d)) + basis;
  });
  return out;
}

function toColumns(
  spec: DemoFactorSpec | DemoParitySpec, grid: SessionGrid, closes: Float64Array, sigmaDaily: number, volume: number,
  exDividends: readonly ExDividend[], line: PathLine, seed: number, dailyLimit?: number,
): PriceColumns {
  const bars = createOhlc(
    { closes, sigmaDaily, volume, decimals: PRICE_DECIMALS, shockSessions: new Set(line.shocks.map((s) => s.session)), ...(dailyLimit !== undefined ? { dailyLimit } : {}) },
    createStream(seed, `ohlc:${spec.id}`),
  );
  const factors = createAdjustmentFactors(grid.ends, exDividends);
  const adjClose = bars.close.map((c, s) => Math.round(c * (factors[s] ?? 1) * 1e6) / 1e6);
  return { security: spec.id, currency: spec.currency, dates: grid.dates, ...bars, adjClose };
}
