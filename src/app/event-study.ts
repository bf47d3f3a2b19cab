import { EmptyDataError, InvalidInputError, NotFoundError } from "../errors.js";
import type { CalendarId } from "../core/calendars/holiday.js";
import {
  calendarOfListing, chooseDefaultBenchmark, describeDayZero, describeShortEstimation, estimationShortfall, describeObservationNotes, describeSkip, EVENT_STUDY_DEFAULTS, formatDayRange, formatMinutes, locateDayZero,
  parseEventTime, prepareStudySeries, sessionHoursOf, validateStudySpec, windowSpan,
  type DayRange, type EventStudySpec, type NormalModel, type PathPoint, type PreparedSeries, type StudyObservation, type TestResult,
  type WindowTests,
} from "../core/events/index.js";
import type { Event } from "../models/event.js";
import { varcharList, type Store } from "../store/open.js";
import { addDays, fromDayNumber } from "../core/dates.js";
import { readClosesBetween } from "../store/closes.js";
import { readPriceBases, type PriceBasis } from "../store/price-basis.js";
import { listSecurities, type StoredSecurity } from "../store/securities.js";
import { resolveEvents, securitiesOnExchanges } from "./event-inputs.js";
import { runEventStudyInParallel } from "./event-study-parallel.js";

/** What to study. Events come from `events`, plus store events carrying one of `tags`; with neither, every stored event. */
export interface EventStudyRequest {
  /** Securities to study around every event; when absent, each event's own `securities`. */
  securities?: readonly string[];
  events?: readonly Event[];
  tags?: readonly string[];
  /** Every listing (equities, ADRs, ETFs) with prices on these exchanges, e.g. ["HKEX"]: a whole market. */
  exchanges?: readonly string[];
  /** Refuse a study of more security-events than this (a server's limit per request). */
  maxPairs?: number;
  /** One benchmark for every security; default per exchange (see {@link DEFAULT_BENCHMARKS}). */
  benchmark?: string;
  /** Benchmarks for particular securities (security → benchmark), before `benchmark` and the defaults. */
  benchmarks?: Readonly<Record<string, string>>;
  model?: NormalModel;
  estimation?: DayRange;
  windows?: readonly DayRange[];
  minEstimationDays?: number;
  logReturns?: boolean;
  /** Level of the CAR path's band (default 0.95). */
  confidence?: number;
  /** false: skip Kolari–Pynnönen, Corrado and generalised sign (they need every estimation residual; see RunOptions). */
  residualTests?: boolean;
  /** Threads for a large study, this one included (default: the machine's cores, at most 8; see {@link eventStudyThreads}). */
  threads?: number;
  onProgress?: (stage: "prices" | "study", done: number, total: number) => void;
}

/** A test statistic and its p-value per test, `null` when the data cannot support the test. */
type TestTable = Record<keyof Required<WindowTests>, number | null>;

export interface EventStudyResult {
  /** True when any price used comes from the synthetic demo. */
  synthetic: boolean;
  model: NormalModel;
  returns: "simple" | "log";
  estimation: DayRange;
  windows: DayRange[];
  minEstimationDays: number;
  /** How days, windows, missing data, overlaps and the tests were handled, in words. */
  method: string[];
  securities: {
    id: string; exchange: string; calendar?: CalendarId; sessionHours?: string; benchmark?: string; benchmarkReason: string;
    alignment: PreparedSeries["alignment"];
    /**
     * Which closes the returns come from: `adjClose` (split- and dividend-adjusted: total return) or `close`.
     * Total return for both security and benchmark when both have adjusted closes over the whole range read,
     * otherwise close for both (a series stored on the adjusted basis has only adjusted closes: then the bases
     * differ and a warning says so). `priceBasis` is the security's stored series basis.
     */
    priceField: "adjClose" | "close"; benchmarkPriceField?: "adjClose" | "close"; priceBasis: PriceBasis; benchmarkPriceBasis?: PriceBasis;
    first?: string; last?: string; sessions: number;
    missingPrices: string[]; missingBenchmark: string[];
  }[];
  events: { id: string; timestamp: string; title: string }[];
  observations: {
    security: string; event: string; title: string; timestamp: string; benchmark?: string;
    day0?: string; dayZeroRule?: string; dayZeroNote?: string;
    status: "ok" | "skipped"; reason?: string;
    alpha?: number; beta?: number; sigma?: number; n?: number; df?: number; positiveShare?: number;
    ar: { day: number; date?: string; ar: number | null; r: number | null; rm: number | null }[];
    windows: { from: number; to: number; car: number | null; t: number | null; p: number | null; k: number; missingDays: readonly number[] }[];
    notes: string[];
  }[];
  aggregates: {
    from: number; to: number; n: number; nStandardized: number; caar: number | null; meanCorrelation: number | null;
    tests: TestTable; p: TestTable; df: Partial<TestTable>;
    merged: { security: string; events: string[]; from: number; to: number }[];
  }[];
  path: PathPoint[];
  confidence: number;
  sources: string[];
  warnings: string[];
}

const TEST_KEYS = ["csectT", "patellZ", "bmpT", "kpT", "corradoZ", "signZ", "genSignZ"] as const;

const METHOD = [
  "Day 0: the first session of the security's exchange whose regular hours (HKEX 09:30–16:00 Hong Kong, NYSE/NASDAQ 09:30–16:00 New York with summer time, SSE/SZSE 09:30–15:00 Shanghai) end after the event; a date-only event is day 0 on that date if it is a session, else the next session.",
  "Sessions: the dates the security has prices on, plus the dates its same-exchange benchmark traded within its history, so a session it missed is a missing day; windows count these sessions.",
  "Missing data: a return needs prices on two consecutive sessions; returns across a gap are left out and reported, never filled. A benchmark from another exchange enters at its last close on or before each session.",
  "Overlaps: one security's events whose windows overlap count once per window, with the CAR over the union of their windows and the first event's estimation; each security-event is still reported on its own.",
  "Tests: cross-sectional t; Patell Z and BMP t on CARs standardised by the forecast-error-corrected variance; Kolari–Pynnönen adjusted BMP with r̄ the mean correlation of the observations' estimation residuals aligned on event time; Corrado rank test (Cowan's cumulative form over windows of several days); sign; generalised sign (Cowan 1992). Two-sided p-values.",
];

const num = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : x);

/**
 * Runs a catalyst event study on stored prices: resolves events, securities and benchmarks, puts each
 * security on its session grid, locates day 0 per exchange and time zone, and runs the core study.
 * @throws InvalidInputError for bad settings; NotFoundError for unknown securities, tags or missing prices
 * @example await computeEventStudy(store, { securities: ["ORCL"], events: eventsFromArguments(["2025-09-09T16:05-04:00=Oracle"]) })
 *   // observations[0]: day0 "2025-09-10" (after-close), alpha, beta, sigma, ar, windows […]; aggregates per window
 */
export async function computeEventStudy(store: Store, req: EventStudyRequest): Promise<EventStudyResult> {
  const spec: EventStudySpec = {
    model: req.model ?? EVENT_STUDY_DEFAULTS.model,
    estimation: req.estimation ?? EVENT_STUDY_DEFAULTS.estimation,
    windows: req.windows ?? EVENT_STUDY_DEFAULTS.windows,
    minEstimationDays: req.minEstimationDays ?? EVENT_STUDY_DEFAULTS.minEstimationDays,
  };
  validateStudySpec(spec);
  const events = await resolveEvents(store, req);
  const warnings: string[] = [];

  // Securities and what each is studied around: the ones named, plus every priced listing of the exchanges asked for.
  const chosen = req.exchanges?.length ? [...new Set([...(req.securities ?? []), ...(await securitiesOnExchanges(store, req.exchanges))])] : req.securities;
  const pairs: { security: string; event: Event }[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    const ids = chosen ?? e.securities;
    if (ids.length === 0) throw InvalidInputError.at({ column: "securities", value: e.id, reason: "event names no securities: pass --securities" });
    for (const id of ids) {
      const key = `${id}\u0000${e.id}`;
      if (!seen.has(key)) pairs.push({ security: id, event: e });
      seen.add(key);
    }
  }
  if (req.maxPairs !== undefined && pairs.length > req.maxPairs) {
    throw InvalidInputError.at({ column: "securities", value: `${pairs.length} security-events`, reason: `are more than ${req.maxPairs} per request; ask for fewer securities, exchanges or events` });
  }
  const securityIds = [...new Set(pairs.map((p) => p.security))];
  const allSecurities = new Map((await listSecurities(store)).map((s) => [s.id, s]));
  const securities = new Map<string, StoredSecurity>();
  for (const id of securityIds) {
    const s = allSecurities.get(id);
    if (s === undefined) throw new NotFoundError(`unknown security ${id}: import its prices or a security master first (see \`rerate securities\`)`);
    securities.set(id, s);
  }

  // Prices: the securities and the candidate benchmarks in one query, then each one on demand.
  // Only the dates the windows can reach: 2.5 calendar days per session before the first event and after the
  // last (weekends and the longest holidays fit with room to spare), so a whole market reads in one query.
  const dates = events.map((e) => parseEventTime(e.timestamp).date).sort();
  const range = {
    from: addDays(dates[0]!, -Math.ceil((Math.max(-spec.estimation.from, -windowSpan(spec.windows).from) + 10) * 2.5)),
    to: addDays(dates[dates.length - 1]!, Math.ceil((Math.max(windowSpan(spec.windows).to, 0) + 10) * 2.5)),
  };
  const priceCache = await readCloses(store, [...securityIds, ...(req.benchmark ? [req.benchmark] : []), ...Object.values(req.benchmarks ?? {}), "^HSI", "^GSPC", "000300.SS"], range);
  const loadPrices = async (id: string) => {
    if (!priceCache.has(id)) priceCache.set(id, (await readCloses(store, [id], range)).get(id) ?? null);
    return priceCache.get(id) ?? undefined;
  };
  const hasPricesInRange = async (id: string) => ((await loadPrices(id))?.dates.length ?? 0) > 0;
  const benchmarkOf = new Map<string, { id?: string; reason: string }>();
  let loaded = 0;
  for (const id of securityIds) {
    const s = securities.get(id)!;
    const given = req.benchmarks?.[id] ?? req.benchmark;
    if (given !== undefined) {
      if (!(await hasPricesInRange(given))) throw new NotFoundError(`no prices for benchmark ${given} between ${range.from} and ${range.to}: import them or choose another --benchmark`);
      benchmarkOf.set(id, { id: given, reason: "given" });
    } else {
      const cal = calendarOfListing(s)?.calendar;
      const candidates = cal !== undefined && cal !== "FX" ? ["^HSI", "^GSPC", "000300.SS"] : [];
      const available = new Set<string>();
      for (const c of candidates) if (await hasPricesInRange(c)) available.add(c);
      const choice = chooseDefaultBenchmark(cal, (b) => available.has(b));
      if (choice.id === undefined && spec.model !== "mean-adjusted") throw new NotFoundError(`${id}: ${choice.reason} (--benchmark SYMBOL)`);
      benchmarkOf.set(id, choice);
    }
    if ((await loadPrices(id)) === undefined) throw new NotFoundError(`no prices for ${id}: import them with \`rerate import prices FILE\``);
    req.onProgress?.("prices", ++loaded, securityIds.length);
  }

  // Session grids, returns and day 0.
  const seriesIndex = new Map<string, number>();
  const prepared: PreparedSeries[] = [];
  const securityInfo: EventStudyResult["securities"] = [];
  for (const id of securityIds) {
    const s = securities.get(id)!;
    const own = (await loadPrices(id))!;
    const bench = benchmarkOf.get(id)!;
    const benchSec = bench.id !== undefined ? allSecurities.get(bench.id) : undefined;
    const cal = calendarOfListing(s);
    const benchCal = benchSec !== undefined ? calendarOfListing(benchSec)?.calendar : cal?.calendar;
    const benchStored = bench.id !== undefined ? await loadPrices(bench.id) : undefined;
    // Total return for both when both have it over the whole range, else close for both: never one of each by accident.
    const total = own.totalReturn && (benchStored === undefined || benchStored.totalReturn);
    const ownPrices = pricesOn(own, total);
    const benchPrices = benchStored === undefined ? undefined : pricesOn(benchStored, total);
    if (benchStored !== undefined && ownPrices.field !== benchPrices!.field) {
      const adjustedOnly = ownPrices.field === "adjClose" ? id : bench.id!;
      const other = adjustedOnly === id ? bench.id! : id;
      warnings.push(`${id}: ${adjustedOnly} has only adjusted closes (stored on the adjusted basis) and ${other} no adjusted close over the whole range: the returns of ${id} are ${ownPrices.field === "adjClose" ? "total returns" : "price returns"} and of ${bench.id} ${benchPrices!.field === "adjClose" ? "total returns" : "price returns"}`);
    }
    const p = prepareStudySeries(ownPrices, benchPrices, { sameExchange: cal !== undefined && benchCal === cal.calendar, log: req.logReturns === true });
    seriesIndex.set(id, prepared.length);
    prepared.push(p);
    const hours = sessionHoursOf(cal?.calendar);
    securityInfo.push({
      id, exchange: s.exchange, ...(cal ? { calendar: cal.calendar } : {}),
      ...(hours ? { sessionHours: `${formatMinutes(hours.openMinutes)}–${formatMinutes(hours.closeMinutes)} ${hours.zone}` } : {}),
      ...(bench.id !== undefined ? { benchmark: bench.id } : {}), benchmarkReason: bench.reason, alignment: p.alignment,
      priceField: ownPrices.field, priceBasis: own.basis,
      ...(benchStored !== undefined ? { benchmarkPriceField: benchPrices!.field, benchmarkPriceBasis: benchStored.basis } : {}),
      ...(p.grid.length > 0 ? { first: p.grid[0]!, last: p.grid[p.grid.length - 1]! } : {}), sessions: p.grid.length,
      missingPrices: p.missingPrices.map((i) => p.grid[i]!), missingBenchmark: p.missingBenchmark.map((i) => p.grid[i]!),
    });
    if (cal !== undefined && cal.basis !== "exchange") warnings.push(`${id}: exchange ${s.exchange} has no session hours; the ${cal.calendar} calendar was inferred from its ${cal.basis}`);
    if (bench.id !== undefined && p.alignment === "as-of") warnings.push(`${id}: benchmark ${bench.id} trades on another calendar; it enters at its last close on or before each ${id} session`);
  }

  const located = pairs.map((pair) => {
    const p = prepared[seriesIndex.get(pair.security)!]!;
    const cal = calendarOfListing(securities.get(pair.security)!)?.calendar;
    const hours = sessionHoursOf(cal);
    const time = parseEventTime(pair.event.timestamp);
    const dz = locateDayZero(p.grid, time, hours);
    return { pair, dz, note: dz === undefined ? undefined : describeDayZero(dz, hours, time.date) };
  });
  const studyObs: StudyObservation[] = located.map((l) => ({ series: seriesIndex.get(l.pair.security)!, day0: l.dz?.index ?? -1 }));
  const outcome = await runEventStudyInParallel(
    prepared.map((p) => ({ returns: p.returns, ...(p.market ? { market: p.market } : {}) })),
    studyObs, spec,
    {
      ...(req.onProgress ? { onProgress: (d: number, t: number) => req.onProgress!("study", d, t) } : {}),
      ...(req.confidence !== undefined ? { confidence: req.confidence } : {}),
      ...(req.residualTests === false ? { residualTests: false } : {}),
      ...(req.threads !== undefined ? { threads: req.threads } : {}),
    },
  );

  const span = windowSpan(spec.windows);
  const bySecurity = new Map<string, { id: string; index: number }[]>();
  for (const l of located) {
    if (l.dz === undefined) continue;
    const list = bySecurity.get(l.pair.security) ?? [];
    list.push({ id: l.pair.event.id, index: l.dz.index });
    bySecurity.set(l.pair.security, list);
  }
  // Built field by field in the published order (no spreads: a whole market has tens of thousands of these).
  type Observation = EventStudyResult["observations"][number];
  const observations = located.map((l, i): Observation => {
    const o = outcome.observations[i]!;
    const p = prepared[studyObs[i]!.series]!;
    const d0 = studyObs[i]!.day0;
    const out = { security: l.pair.security, event: l.pair.event.id, title: l.pair.event.title.en, timestamp: l.pair.event.timestamp } as Observation;
    const benchmark = benchmarkOf.get(l.pair.security)!.id;
    if (benchmark !== undefined) out.benchmark = benchmark;
    if (l.dz) {
      out.day0 = l.dz.date;
      out.dayZeroRule = l.dz.rule;
      out.dayZeroNote = l.note!;
    }
    if (o.status === "skipped") {
      const prices = priceCache.get(l.pair.security);
      out.status = "skipped";
      out.reason = o.skip!.code === "short-estimation"
        ? describeShortEstimation(o.skip!.estimationDays, spec, estimationShortfall(p, d0, spec), prices?.first, l.pair.security, benchmark)
        : describeSkip(o.skip!.code, o.skip!.estimationDays, spec, { timestamp: l.pair.event.timestamp, ...(prices ? { first: prices.first, last: prices.last } : {}) });
      out.ar = [];
      out.windows = [];
      out.notes = [];
      return out;
    }
    const fit = o.fit!;
    out.status = "ok";
    out.alpha = fit.alpha;
    out.beta = fit.beta;
    out.sigma = Math.sqrt(fit.sigma2);
    out.n = fit.n;
    out.df = fit.df;
    if (o.positiveShare !== undefined && Number.isFinite(o.positiveShare)) out.positiveShare = o.positiveShare;
    out.ar = Array.from(o.ar!, (a, j) => {
      const idx = d0 + span.from + j;
      if (idx < 0 || idx >= p.grid.length) return { day: span.from + j, ar: num(a), r: null, rm: null };
      return { day: span.from + j, date: p.grid[idx]!, ar: num(a), r: num(p.returns[idx]), rm: p.market ? num(p.market[idx]) : null };
    });
    out.windows = o.windows!.map((w) => ({ from: w.from, to: w.to, car: num(w.car), t: num(w.t), p: num(w.p), k: w.k, missingDays: w.missingDays }));
    out.notes = describeObservationNotes(p, l.pair.security, d0, span, spec, (bySecurity.get(l.pair.security) ?? []).filter((x) => x.id !== l.pair.event.id));
    return out;
  });

  const aggregates = outcome.aggregates.map((a): EventStudyResult["aggregates"][number] => {
    const pick = (f: (t: TestResult) => number | undefined) => Object.fromEntries(TEST_KEYS.map((k) => [k, a.tests[k] ? num(f(a.tests[k])) : null])) as TestTable;
    const df = Object.fromEntries(TEST_KEYS.filter((k) => a.tests[k]?.df !== undefined).map((k) => [k, a.tests[k]!.df!])) as Partial<TestTable>;
    return {
      from: a.from, to: a.to, n: a.n, nStandardized: a.nStandardized, caar: num(a.caar), meanCorrelation: num(a.meanCorrelation),
      tests: pick((t) => t.statistic), p: pick((t) => t.p), df,
      merged: a.merged.map((m) => ({ security: pairs[m.observations[0]!]!.security, events: m.observations.map((i) => pairs[i]!.event.id), from: m.from, to: m.to })),
    };
  });

  const ids = varcharList([...priceCache.keys()].filter((k) => priceCache.get(k) !== null));
  const src = await store.all<{ location: string; synthetic: boolean }>(
    `SELECT DISTINCT s.location, s.synthetic FROM sources s WHERE s.id IN (SELECT source_id FROM prices WHERE list_contains($ids, security)) ORDER BY s.location`,
    { ids: ids.value }, { ids: ids.type },
  );
  return {
    synthetic: src.some((r) => r.synthetic), model: spec.model, returns: req.logReturns ? "log" : "simple",
    estimation: spec.estimation, windows: [...spec.windows], minEstimationDays: spec.minEstimationDays, method: METHOD,
    securities: securityInfo, events: events.map((e) => ({ id: e.id, timestamp: e.timestamp, title: e.title.en })),
    observations, aggregates, path: outcome.path, confidence: outcome.confidence, sources: src.map((r) => r.location), warnings,
  };
}

type Closes = {
  dates: string[]; close: Float64Array; adjClose: Float64Array; basis: PriceBasis; first: string; last: string;
  /** Whether the series gives total returns over the whole range read: adjusted basis, or an adjusted close on every day. */
  totalReturn: boolean;
};

/** The prices a study uses from a series: adjusted closes for total return, else closes (for an adjusted-basis series those are adjusted too). */
function pricesOn(c: Closes, totalReturn: boolean): { dates: string[]; prices: Float64Array; field: "adjClose" | "close" } {
  if (c.basis === "adjusted") return { dates: c.dates, prices: c.close, field: "adjClose" };
  return totalReturn ? { dates: c.dates, prices: c.adjClose, field: "adjClose" } : { dates: c.dates, prices: c.close, field: "close" };
}

/**
 * Closes and adjusted closes of several securities between two dates, in one query with one row per security,
 * with each series' basis; each also says its first and last price date overall. A security without prices maps to null.
 */
async function readCloses(store: Store, ids: readonly string[], range: { from: string; to: string }): Promise<Map<string, Closes | null>> {
  const wanted = [...new Set(ids)];
  const stored = await readClosesBetween(store, wanted, range);
  const bases = await readPriceBases(store, [...stored.keys()]);
  const iso = new Map<number, string>();
  const out = new Map<string, Closes | null>(wanted.map((id) => [id, null]));
  for (const [id, r] of stored) {
    const basis = bases.get(id) ?? "raw";
    let every = r.adjClose.length > 0;
    for (let i = 0; i < r.adjClose.length && every; i++) every = Number.isFinite(r.adjClose[i]!);
    const dates = Array.from(r.days, (dn) => {
      let d = iso.get(dn);
      if (d === undefined) iso.set(dn, (d = fromDayNumber(dn)));
      return d;
    });
    out.set(id, { dates, close: r.close, adjClose: r.adjClose, basis, first: r.first, last: r.last, totalReturn: basis === "adjusted" || every });
  }
  return out;
}

/** Throws EmptyDataError listing the reasons when no security-event could be studied. */
export function assertSomeObservation(result: EventStudyResult): void {
  if (result.observations.some((o) => o.status === "ok")) return;
  const reasons = result.observations.map((o) => `${o.security} / ${o.event}: ${o.reason}`);
  throw new EmptyDataError(`no security-event could be studied: ${reasons.slice(0, 5).join("; ")}${reasons.length > 5 ? `; … ${reasons.length - 5} more` : ""}`);
}

/**
 * The mean CAR path as an SVG chart (ECharts server-side rendering, no browser): CAAR by event day in percent with
 * its confidence band, for reports and the dashboard. Deterministic: the same result gives the same SVG.
 * @param title the chart's title (the caller localises it)
 */
export async function eventStudyChartSvg(r: EventStudyResult, title: string, size: { width: number; height: number } = { width: 900, height: 420 }): Promise<string> {
  const echarts = await import("echarts");
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  const pct = (x: number | undefined) => (x === undefined ? null : Number((100 * x).toFixed(4)));
  const days = r.path.map((p) => (p.day > 0 ? `+${p.day}` : String(p.day)));
  try {
    chart.setOption({
      animation: false,
      title: {
        text: title,
        subtext: `${r.synthetic ? "SYNTHETIC DEMO DATA · " : ""}${r.model} model, estimation ${formatDayRange(r.estimation)}, ${Math.round(r.confidence * 100)}% band; N = ${r.path[r.path.length - 1]?.n ?? 0}`,
        left: "center",
        textStyle: { fontSize: 14 },
        subtextStyle: { fontSize: 10 },
      },
      grid: { left: 60, right: 30, top: 70, bottom: 40 },
      xAxis: { type: "category", data: days, name: "event day", nameLocation: "middle", nameGap: 26 },
      yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
      series: [
        { type: "line", data: r.path.map((p) => pct(p.lower)), stack: "band", lineStyle: { opacity: 0 }, symbol: "none" },
        { type: "line", data: r.path.map((p) => (p.lower === undefined ? null : pct(p.upper! - p.lower))), stack: "band", lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.2 }, symbol: "none" },
        { type: "line", name: "CAAR", data: r.path.map((p) => pct(p.caar)), symbolSize: 5 },
        { type: "bar", name: "AAR", data: r.path.map((p) => pct(p.aar)), barWidth: "30%", itemStyle: { opacity: 0.5 } },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
