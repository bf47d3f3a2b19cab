/**
 * Comps benchmark (not a test): a synthetic universe of 5,000 securities with 10 years of monthly fundamentals
 * (monthly share counts, quarterly and annual EPS, monthly consensus for three fiscal years) and daily closes;
 * comps for 100 peer groups on the last date (trailing and calendarised forward P/E, USD market cap, peer median,
 * harmonic mean, cap-weighted, mean, min, max), then the weekly gap history over the 10 years (forward P/E of
 * each group on every Friday, median and harmonic mean, the gap of 50 group pairs and today's percentile).
 * The same computation runs in pandas (bench/comps_pandas.py, Debian's /usr/bin/python3) in the same run, on the
 * same data written to a temporary directory, and as two DuckDB SQL queries (ASOF JOINs for the point-in-time close,
 * FX fixing and consensus; median() and sums by group) over the same data loaded from Parquet; every side is timed
 * from in-memory data, and their answers are compared with rerate's (relative tolerance 1e-9, else exit code 1).
 * A nodejs-polars peer for comps is not written yet (issue 19).
 *
 *   npm run bench:comps                           # 5,000 securities, 100 groups, best of 2 rounds
 *   npm run bench:comps -- --securities 1000 --rounds 1
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { DuckDBInstance } from "@duckdb/node-api";
import pl from "nodejs-polars";
import { join, resolve } from "node:path";
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from "../src/core/dates.js";
import { createRandom } from "../src/core/demo/random.js";
import {
  aggregateMultiples, aggregateSeries, computeMultiple, createFxDateMemo, createFxLookup, gapHistory, historyDates, multipleSeries,
  pointInTimeEstimates, pointInTimeFundamentals, type MultipleAggregate, type MultipleKind,
} from "../src/core/valuation/index.js";
import type { Currency, Estimate, Fundamental, FxRate, Security } from "../src/models/index.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("--securities", 5000);
const GROUPS = arg("--groups", 100);
const ROUNDS = arg("--rounds", 2);
const FROM = "2015-11-01";
const TO = "2025-10-31";
const PYTHON = process.env.RERATE_PYTHON ?? "/usr/bin/python3";
const CCY: Currency[] = ["USD", "HKD", "CNY"];

// ---------- the synthetic universe ----------
interface Universe {
  securities: Security[];
  groupOf: Int32Array;
  days: Int32Array;
  closes: Float64Array; // N × days, row-major
  fundamentals: Fundamental[];
  estimates: Estimate[];
  fx: FxRate[];
  fxCny: Float64Array;
  fxHkd: Float64Array;
}

const endOfMonthDay = (y: number, m: number) => toDayNumber(`${y}-${String(m).padStart(2, "0")}-01`) + new Date(Date.UTC(y, m, 0)).getUTCDate() - 1;

function generate(): Universe {
  const r = createRandom(20251031);
  const from = toDayNumber(FROM);
  const to = toDayNumber(TO);
  const dayList: number[] = [];
  for (let d = from; d <= to; d++) if (dayOfWeek(fromDayNumber(d)) % 6 !== 0) dayList.push(d);
  const days = Int32Array.from(dayList);
  const D = days.length;
  // FX: USDCNY a slow random walk around 6.9, USDHKD near the peg.
  const fxCny = new Float64Array(D);
  const fxHkd = new Float64Array(D);
  let cny = 6.9;
  for (let i = 0; i < D; i++) {
    cny *= Math.exp(0.002 * r.nextNormal());
    cny = Math.min(7.35, Math.max(6.3, cny));
    fxCny[i] = Math.round(cny * 1e4) / 1e4;
    fxHkd[i] = Math.round((7.8 + 0.03 * Math.sin(i / 90)) * 1e4) / 1e4;
  }
  const fx: FxRate[] = [];
  for (let i = 0; i < D; i++) {
    const date = fromDayNumber(days[i]!);
    fx.push({ base: "USD", quote: "CNY", date, rate: fxCny[i]! }, { base: "USD", quote: "HKD", date, rate: fxHkd[i]! });
  }
  const perUsd = (c: Currency, i: number) => (c === "USD" ? 1 : c === "CNY" ? fxCny[i]! : fxHkd[i]!);

  const securities: Security[] = [];
  const groupOf = new Int32Array(N);
  const closes = new Float64Array(N * D);
  const fundamentals: Fundamental[] = [];
  const estimates: Estimate[] = [];
  const y0 = Number(FROM.slice(0, 4)) - 1;
  const y1 = Number(TO.slice(0, 4)) + 3;
  for (let s = 0; s < N; s++) {
    const id = `S${String(s).padStart(4, "0")}`;
    const u = r.nextDouble();
    const listing: Currency = u < 0.6 ? "USD" : u < 0.85 ? "HKD" : "CNY";
    const v = r.nextDouble();
    const reporting: Currency = listing === "USD" ? (v < 0.8 ? "USD" : "CNY") : listing === "HKD" ? (v < 0.85 ? "CNY" : "USD") : "CNY";
    const spl = listing === "USD" && reporting === "CNY" ? 8 : 1;
    const w = r.nextDouble();
    const fyMonth = w < 0.7 ? 12 : w < 0.9 ? 3 : 6;
    securities.push({ id, name: { en: id }, exchange: "OTHER", currency: listing, reportingCurrency: reporting, kind: "equity", issuer: id.toLowerCase(), sharesPerListing: spl, fiscalYearEndMonth: fyMonth });
    groupOf[s] = s % GROUPS;
    const entity = id.toLowerCase();
    // Annual EPS per share in the reporting currency: a growing (or, for 5%, a loss-making) path.
    const loss = r.nextDouble() < 0.05;
    const base = (reporting === "CNY" ? 7 : 1) * Math.exp(0.5 + 0.6 * r.nextNormal());
    const growth = 0.08 + 0.1 * r.nextNormal();
    const epsOf = new Map<number, number>();
    for (let y = y0; y <= y1; y++) epsOf.set(y, (loss ? -0.3 : 1) * base * Math.exp(growth * (y - 2015) + 0.08 * r.nextNormal()));
    const fyEnd = (y: number) => endOfMonthDay(y, fyMonth);
    // Quarterly and annual EPS, reported 45 / 60 days after the period.
    for (let y = y0 + 1; y <= 2025; y++) {
      const annual = epsOf.get(y)!;
      for (let q = 1; q <= 4; q++) {
        const m = ((fyMonth - 1 - 3 * (4 - q) + 12) % 12) + 1;
        const yq = m > fyMonth ? y - 1 : y;
        const end = endOfMonthDay(yq, m);
        if (end + 45 > to) continue;
        fundamentals.push({ entity, metric: "epsDiluted", fiscalPeriod: `${y}Q${q}`, periodEnd: fromDayNumber(end), value: annual / 4, currency: reporting, unit: "perShare", knownFrom: fromDayNumber(end + 45) });
      }
      if (fyEnd(y) + 60 <= to) fundamentals.push({ entity, metric: "epsDiluted", fiscalPeriod: `FY${y}`, periodEnd: fromDayNumber(fyEnd(y)), value: annual, currency: reporting, unit: "perShare", knownFrom: fromDayNumber(fyEnd(y) + 60) });
    }
    // Monthly share counts and monthly consensus for the next three fiscal years.
    const shares0 = 1e8 * Math.exp(1.5 * r.nextNormal() + 2);
    for (let k = 0; k < 120; k++) {
      const y = 2015 + Math.floor((10 + k) / 12);
      const m = ((10 + k) % 12) + 1;
      const end = endOfMonthDay(y, m);
      fundamentals.push({ entity, metric: "sharesOutstanding", fiscalPeriod: `${y}Q${Math.floor((m - 1) / 3) + 1}`, periodEnd: fromDayNumber(end), value: Math.round(shares0 * (1 - 0.0008 * k)), unit: "shares", knownFrom: fromDayNumber(Math.min(end + 5, to)) });
      let fy = y + (fyEnd(y) > end ? 0 : 1);
      for (let j = 0; j < 3; j++, fy++) {
        estimates.push({ entity, metric: "epsDiluted", fiscalPeriod: `FY${fy}`, periodEnd: fromDayNumber(fyEnd(fy)), value: epsOf.get(fy)! * (1 + 0.04 * r.nextNormal()), currency: reporting, unit: "perShare", asOf: fromDayNumber(end), estimator: "consensus" });
      }
    }
    // Daily closes: a P/E near 12–30 at the start, then a random walk.
    const pe0 = 12 + 18 * r.nextDouble();
    let price = Math.abs(pe0 * epsOf.get(2015)! * spl * (perUsd(listing, 0) / perUsd(reporting, 0)));
    for (let i = 0; i < D; i++) {
      price *= Math.exp(0.00025 + 0.02 * r.nextNormal());
      closes[s * D + i] = Math.round(price * 100) / 100 || 0.01;
    }
  }
  return { securities, groupOf, days, closes, fundamentals, estimates, fx, fxCny, fxHkd };
}

// ---------- rerate's side: the library functions comps and the wall use ----------
interface Answers {
  comps: { group: number; pe: MultipleAggregate; fpe: MultipleAggregate }[];
  pairs: { a: number; b: number; lastDiscount: number | null; percentile: number | null; n: number }[];
  historyMedianSum: number;
  historyHmeanSum: number;
}

function runRerate(u: Universe, dates: string[]): { ms: { comps: number; history: number }; answers: Answers } {
  const t0 = performance.now();
  // Rows by issuer, as the store hands them to comps (one query per group).
  const fByEntity = new Map<string, Fundamental[]>();
  const eByEntity = new Map<string, Estimate[]>();
  for (const f of u.fundamentals) (fByEntity.get(f.entity) ?? fByEntity.set(f.entity, []).get(f.entity)!).push(f);
  for (const e of u.estimates) (eByEntity.get(e.entity) ?? eByEntity.set(e.entity, []).get(e.entity)!).push(e);
  const fx = createFxLookup(u.fx);
  const D = u.days.length;
  const asOf = TO;
  const asOfDay = toDayNumber(asOf);
  const lastIdx = (() => {
    let i = D - 1;
    while (i > 0 && u.days[i]! > asOfDay) i--;
    return i;
  })();
  const rows: { group: number; id: string; pe: ReturnType<typeof computeMultiple>; fpe: ReturnType<typeof computeMultiple>; cap: number | undefined }[] = [];
  u.securities.forEach((security, s) => {
    const entity = security.issuer!;
    const ctx = {
      security, asOf, fx,
      price: { date: fromDayNumber(u.days[lastIdx]!), close: u.closes[s * D + lastIdx]!, currency: security.currency },
      fundamentals: pointInTimeFundamentals(fByEntity.get(entity) ?? [], asOf),
      estimates: pointInTimeEstimates(eByEntity.get(entity) ?? [], asOf, "consensus"),
    };
    rows.push({ group: u.groupOf[s]!, id: security.id, pe: computeMultiple("trailingPE", ctx), fpe: computeMultiple("forwardPENtm", ctx), cap: computeMultiple("marketCapUsd", ctx).value });
  });
  const comps: Answers["comps"] = [];
  for (let g = 0; g < GROUPS; g++) {
    const mine = rows.filter((x) => x.group === g);
    const agg = (k: "pe" | "fpe") => aggregateMultiples(mine.map((x) => ({ id: x.id, ...(x[k].value !== undefined ? { value: x[k].value } : { nm: x[k].nm }), ...(x.cap !== undefined ? { marketCap: x.cap } : {}) })));
    comps.push({ group: g, pe: agg("pe"), fpe: agg("fpe") });
  }
  const t1 = performance.now();

  // Weekly history: every security's forward P/E on every Friday, one sweep each, FX resolved once per date.
  const memo = createFxDateMemo(fx, dates);
  const kind: MultipleKind[] = ["forwardPENtm"];
  const values: Float64Array[] = new Array<Float64Array>(u.securities.length);
  u.securities.forEach((security, s) => {
    const prices = { days: u.days, close: u.closes.subarray(s * D, (s + 1) * D), currency: security.currency };
    const [v] = multipleSeries({ security, prices, fundamentals: fByEntity.get(security.issuer!) ?? [], estimates: eByEntity.get(security.issuer!) ?? [], fx }, dates, kind, memo);
    values[s] = v!.values;
  });
  const byGroup = Array.from({ length: GROUPS }, (_, g) => values.filter((_, s) => u.groupOf[s] === g));
  const medians = byGroup.map((vs) => aggregateSeries(vs, "median"));
  const hmeans = byGroup.map((vs) => aggregateSeries(vs, "harmonicMean"));
  const pairs: Answers["pairs"] = [];
  for (let g = 0; g + 1 < GROUPS; g += 2) {
    const h = gapHistory(dates, medians[g]!, medians[g + 1]!);
    pairs.push({ a: g, b: g + 1, lastDiscount: h.current?.discount ?? null, percentile: h.percentile ?? null, n: h.n });
  }
  const t2 = performance.now();
  let historyMedianSum = 0;
  for (const m of medians) for (const x of m.values) if (Number.isFinite(x)) historyMedianSum += x;
  let historyHmeanSum = 0;
  for (const m of hmeans) for (const x of m.values) if (Number.isFinite(x)) historyHmeanSum += x;
  return { ms: { comps: t1 - t0, history: t2 - t1 }, answers: { comps, pairs, historyMedianSum, historyHmeanSum } };
}

// ---------- DuckDB SQL: the same comps and history as SQL over tables, the way an analyst would write it ----------
// Loaded from Parquet files written by nodejs-polars (not counted, like pandas' load); then one query for comps and one
// for the history (ASOF JOINs for the point-in-time close, FX fixing and consensus, median / harmonic mean by group,
// the pair gaps and today's percentile). It does the same work as rerate here (FX, point-in-time, n.m. rules).
interface PeerAnswers {
  ms: { load: number; comps: number; history: number };
  comps: { group: number; pe_median: number | null; fpe_median: number | null; fpe_hmean: number | null; fpe_cap: number | null; pe_n: number }[];
  pairs: { a: number; lastDiscount: number | null; percentile: number | null; n: number }[];
  historyMedianSum: number;
  historyHmeanSum: number;
}

function writeParquetTables(u: Universe, dir: string, dates: string[]): void {
  const D = u.days.length;
  const ccy = (c: Currency | undefined) => CCY.indexOf(c ?? "USD");
  const secIdx = (entity: string) => Number(entity.slice(1));
  const secCol = new Int32Array(N * D);
  const dayCol = new Int32Array(N * D);
  for (let s = 0; s < N; s++) {
    secCol.fill(s, s * D, (s + 1) * D);
    dayCol.set(u.days, s * D);
  }
  pl.DataFrame({ sec: secCol, pday: dayCol, close: u.closes }).writeParquet(join(dir, "prices.parquet"));
  pl.DataFrame({ fxday: u.days, USD: new Float64Array(D).fill(1), HKD: u.fxHkd, CNY: u.fxCny }).writeParquet(join(dir, "fx.parquet"));
  const F = u.fundamentals;
  pl.DataFrame({
    sec: Int32Array.from(F, (f) => secIdx(f.entity)), kind: Int32Array.from(F, (f) => (f.metric === "sharesOutstanding" ? 2 : f.fiscalPeriod.startsWith("FY") ? 0 : 1)),
    pend: Int32Array.from(F, (f) => toDayNumber(f.periodEnd)), known: Int32Array.from(F, (f) => toDayNumber(f.knownFrom)),
    value: Float64Array.from(F, (f) => f.value), ccy: Int32Array.from(F, (f) => ccy(f.currency)),
  }).writeParquet(join(dir, "fund.parquet"));
  const E = u.estimates;
  pl.DataFrame({
    sec: Int32Array.from(E, (e) => secIdx(e.entity)), fy: Int32Array.from(E, (e) => Number(e.fiscalPeriod.slice(2))),
    asof: Int32Array.from(E, (e) => toDayNumber(e.asOf)), value: Float64Array.from(E, (e) => e.value), ccy: Int32Array.from(E, (e) => ccy(e.currency)),
  }).writeParquet(join(dir, "est.parquet"));
  pl.DataFrame({
    sec: Int32Array.from({ length: N }, (_, i) => i), listing: Int32Array.from(u.securities, (s) => ccy(s.currency)),
    reporting: Int32Array.from(u.securities, (s) => ccy(s.reportingCurrency)), spl: Float64Array.from(u.securities, (s) => s.sharesPerListing ?? 1),
    fym: Int32Array.from(u.securities, (s) => s.fiscalYearEndMonth ?? 12), grp: Int32Array.from(u.groupOf),
  }).writeParquet(join(dir, "secs.parquet"));
  pl.DataFrame({ day: Int32Array.from(dates, (d) => toDayNumber(d)) }).writeParquet(join(dir, "dates.parquet"));
}

// Shared SQL pieces: units per USD of a currency code (0 USD, 1 HKD, 2 CNY) on the joined FX row; the FY end day.
const PER_USD = (code: string) => `CASE ${code} WHEN 0 THEN 1.0 WHEN 1 THEN HKD ELSE CNY END`;
const FY_END = (year: string, month: string) => `(last_day(make_date(${year}, ${month}, 1)) - DATE '1970-01-01')`;
/** P/E with rerate's rules (FORMULAS.md "Multiples") from a grid with close, FX, listing, spl and an EPS column. */
const peExpr = (eps: string, epsCcy: string) => {
  const rate = `CASE WHEN ${epsCcy} = listing THEN 1.0 WHEN day - fxday <= ${7} THEN ${PER_USD("listing")} / ${PER_USD(epsCcy)} END`;
  const e = `(${eps} * spl * ${rate})`;
  return `CASE WHEN ${e} > 0 AND close / ${e} <= 200 THEN close / ${e} END`;
};
/** The NTM columns: FY1 = the first fiscal year ending after the day, FY1/FY2 consensus as of the day (ASOF JOIN). */
const ntmSql = (grid: string) => `
  yr AS (SELECT g.*, CAST(year(DATE '1970-01-01' + CAST(day AS INTEGER)) AS INTEGER) AS y FROM ${grid} g),
  fy1 AS (SELECT *, CASE WHEN ${FY_END("y", "fym")} > day THEN y ELSE y + 1 END AS fy1,
                    CASE WHEN ${FY_END("y", "fym")} > day THEN ${FY_END("y", "fym")} ELSE ${FY_END("y + 1", "fym")} END AS fy1end FROM yr),
  ntm AS (
    SELECT f.*, greatest(0.0, least(1.0, (fy1end - day) / 365.0)) AS w, e1.value AS e1, e1.ccy AS c1, e2.value AS e2, e2.ccy AS c2
    FROM fy1 f
    ASOF LEFT JOIN est e1 ON e1.sec = f.sec AND e1.fy = f.fy1 AND f.day >= e1.asof
    ASOF LEFT JOIN est e2 ON e2.sec = f.sec AND e2.fy = f.fy1 + 1 AND f.day >= e2.asof),
  fwd AS (SELECT *, CASE WHEN c1 = c2 THEN w * e1 + (1 - w) * e2 END AS ntm_eps, c1 AS ntm_ccy FROM ntm)`;

async function runDuckDbSql(dir: string): Promise<PeerAnswers> {
  const inst = await DuckDBInstance.create(":memory:");
  const conn = await inst.connect();
  const tl = performance.now();
  for (const t of ["prices", "fx", "fund", "est", "secs", "dates"]) await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${join(dir, `${t}.parquet`)}')`);
  const load = performance.now() - tl;
  const asOf = toDayNumber(TO);
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  let best = { comps: Infinity, history: Infinity };
  let out: Omit<PeerAnswers, "ms"> | undefined;
  for (let k = 0; k < ROUNDS; k++) {
    const t0 = performance.now();
    const comps = await rows(`
      WITH
      last AS (SELECT sec, arg_max(close, pday) AS close, max(pday) AS pday FROM prices WHERE pday <= ${asOf} GROUP BY sec),
      fxrow AS (SELECT * FROM fx WHERE fxday <= ${asOf} ORDER BY fxday DESC LIMIT 1),
      annual AS (SELECT sec, arg_max(value, (pend, known)) AS eps, arg_max(ccy, (pend, known)) AS eps_ccy FROM fund WHERE known <= ${asOf} AND kind = 0 GROUP BY sec),
      shares AS (SELECT sec, arg_max(value, (pend, known)) AS shares FROM fund WHERE known <= ${asOf} AND kind = 2 GROUP BY sec),
      g AS (
        SELECT s.*, ${asOf} AS day, CASE WHEN ${asOf} - l.pday <= 10 AND l.close > 0 THEN l.close END AS close, x.*, a.eps, a.eps_ccy, sh.shares
        FROM secs s LEFT JOIN last l USING (sec) CROSS JOIN fxrow x LEFT JOIN annual a USING (sec) LEFT JOIN shares sh USING (sec)),
      ${ntmSql("g")},
      m AS (
        SELECT grp, ${peExpr("eps", "eps_ccy")} AS pe, ${peExpr("ntm_eps", "ntm_ccy")} AS fpe,
               CASE WHEN listing = 0 THEN close * shares / spl WHEN day - fxday <= 7 THEN close * shares / spl / ${PER_USD("listing")} END AS cap
        FROM fwd)
      SELECT grp AS "group", median(pe) AS pe_median, count(pe) AS pe_n, median(fpe) AS fpe_median, count(fpe) / sum(1 / fpe) AS fpe_hmean,
             sum(cap) FILTER (WHERE fpe IS NOT NULL AND cap > 0) / sum(cap / fpe) FILTER (WHERE fpe IS NOT NULL AND cap > 0) AS fpe_cap
      FROM m GROUP BY grp ORDER BY grp`);
    const t1 = performance.now();
    const hist = await rows(`
      WITH
      grid AS (SELECT s.sec, d.day FROM secs s CROSS JOIN dates d),
      px AS (SELECT g.sec, g.day, CASE WHEN g.day - p.pday <= 10 AND p.close > 0 THEN p.close END AS close FROM grid g ASOF LEFT JOIN prices p ON p.sec = g.sec AND g.day >= p.pday),
      g2 AS (SELECT px.*, x.*, s.listing, s.spl, s.fym, s.grp FROM px ASOF LEFT JOIN fx x ON px.day >= x.fxday JOIN secs s USING (sec)),
      ${ntmSql("g2")},
      v AS (SELECT day, grp, ${peExpr("ntm_eps", "ntm_ccy")} AS fpe FROM fwd),
      agg AS (SELECT day, grp, median(fpe) AS med, count(fpe) / sum(1 / fpe) AS hm FROM v GROUP BY day, grp),
      gap AS (SELECT a.day, a.grp AS a, a.med / b.med - 1 AS d FROM agg a JOIN agg b ON b.day = a.day AND b.grp = a.grp + 1 WHERE a.grp % 2 = 0 AND a.grp + 1 < ${GROUPS}),
      lastgap AS (SELECT a, d AS last FROM gap WHERE day = (SELECT max(day) FROM dates)),
      pairs AS (
        SELECT g.a, any_value(l.last) AS "lastDiscount", count(g.d) AS n,
               CASE WHEN any_value(l.last) IS NOT NULL THEN 100.0 * count(*) FILTER (WHERE g.d <= l.last OR g.d - l.last <= 1e-12 * greatest(abs(g.d), abs(l.last))) / count(g.d) END AS percentile
        FROM gap g JOIN lastgap l USING (a) GROUP BY g.a)
      SELECT a, "lastDiscount", percentile, n, (SELECT sum(med) FROM agg) AS msum, (SELECT sum(CASE WHEN isinf(hm) THEN NULL ELSE hm END) FROM agg) AS hsum FROM pairs ORDER BY a`);
    const t2 = performance.now();
    best = { comps: Math.min(best.comps, t1 - t0), history: Math.min(best.history, t2 - t1) };
    process.stderr.write(`duckdb sql round ${k + 1}: comps ${(t1 - t0).toFixed(0)} ms, history ${(t2 - t1).toFixed(0)} ms\n`);
    out = {
      comps: comps.map((r) => ({ group: Number(r.group), pe_median: num(r.pe_median), fpe_median: num(r.fpe_median), fpe_hmean: num(r.fpe_hmean), fpe_cap: num(r.fpe_cap), pe_n: Number(r.pe_n) })),
      pairs: hist.map((r) => ({ a: Number(r.a), lastDiscount: num(r.lastDiscount), percentile: num(r.percentile), n: Number(r.n) })),
      historyMedianSum: Number(hist[0]?.msum ?? 0),
      historyHmeanSum: Number(hist[0]?.hsum ?? 0),
    };
  }
  conn.closeSync();
  inst.closeSync();
  return { ms: { load, ...best }, ...out! };
}

// ---------- the data for pandas ----------
function writeForPandas(u: Universe, dir: string, dates: string[]): void {
  const ccy = (c: Currency | undefined) => CCY.indexOf(c ?? "USD");
  const bin = (name: string, a: ArrayBufferView) => writeFileSync(join(dir, name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const day = (iso: string) => toDayNumber(iso);
  bin("days.i4", u.days);
  bin("closes.f8", u.closes);
  bin("fx_cny.f8", u.fxCny);
  bin("fx_hkd.f8", u.fxHkd);
  const F = u.fundamentals;
  const secIdx = (entity: string) => Number(entity.slice(1));
  // kind: 0 annual EPS, 1 quarterly EPS, 2 shares
  bin("f_sec.i4", Int32Array.from(F, (f) => secIdx(f.entity)));
  bin("f_kind.i1", Int8Array.from(F, (f) => (f.metric === "sharesOutstanding" ? 2 : f.fiscalPeriod.startsWith("FY") ? 0 : 1)));
  bin("f_end.i4", Int32Array.from(F, (f) => day(f.periodEnd)));
  bin("f_known.i4", Int32Array.from(F, (f) => day(f.knownFrom)));
  bin("f_value.f8", Float64Array.from(F, (f) => f.value));
  bin("f_ccy.i1", Int8Array.from(F, (f) => ccy(f.currency)));
  const E = u.estimates;
  bin("e_sec.i4", Int32Array.from(E, (e) => secIdx(e.entity)));
  bin("e_fy.i4", Int32Array.from(E, (e) => Number(e.fiscalPeriod.slice(2))));
  bin("e_end.i4", Int32Array.from(E, (e) => day(e.periodEnd!)));
  bin("e_asof.i4", Int32Array.from(E, (e) => day(e.asOf)));
  bin("e_value.f8", Float64Array.from(E, (e) => e.value));
  bin("e_ccy.i1", Int8Array.from(E, (e) => ccy(e.currency)));
  writeFileSync(join(dir, "meta.json"), JSON.stringify({
    n: u.securities.length, groups: GROUPS, asOf: day(TO), dates: dates.map(day), peCap: 200, maxStalePriceDays: 10, maxStaleFxDays: 7,
    listing: u.securities.map((s) => ccy(s.currency)), reporting: u.securities.map((s) => ccy(s.reportingCurrency)),
    spl: u.securities.map((s) => s.sharesPerListing), fyMonth: u.securities.map((s) => s.fiscalYearEndMonth), group: Array.from(u.groupOf),
  }));
}

// ---------- run ----------
const tg = performance.now();
const universe = generate();
const dates = historyDates(addDays(FROM, 0), TO, "week");
process.stderr.write(`generated ${N} securities, ${universe.days.length} sessions, ${universe.fundamentals.length.toLocaleString("en-US")} fundamentals, ${universe.estimates.length.toLocaleString("en-US")} estimates in ${((performance.now() - tg) / 1000).toFixed(1)} s\n`);
if (process.argv.includes("--rerate-only")) {
  // bench/scale.bench.ts runs this in a child process: rerate's side only, one JSON line (time, peak RSS, rows).
  const res = runRerate(universe, dates);
  console.log(JSON.stringify({ ms: res.ms.comps + res.ms.history, parts: res.ms, maxRssKb: process.resourceUsage().maxRSS, units: N * universe.days.length }));
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), "rerate-bench-comps-"));
try {
  writeForPandas(universe, dir, dates);
  writeParquetTables(universe, dir, dates);
  let best = { comps: Infinity, history: Infinity };
  let answers: Answers | undefined;
  for (let k = 0; k < ROUNDS; k++) {
    const res = runRerate(universe, dates);
    best = { comps: Math.min(best.comps, res.ms.comps), history: Math.min(best.history, res.ms.history) };
    answers = res.answers;
    process.stderr.write(`rerate round ${k + 1}: comps ${res.ms.comps.toFixed(0)} ms, history ${res.ms.history.toFixed(0)} ms\n`);
  }
  const py = JSON.parse(execFileSync(PYTHON, [resolve(import.meta.dirname, "comps_pandas.py"), dir, String(ROUNDS)], { maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] }).toString()) as {
    ms: { load: number; comps: number; history: number }; pandas: string;
    comps: { group: number; pe_median: number | null; fpe_median: number | null; fpe_hmean: number | null; fpe_cap: number | null; pe_n: number }[];
    pairs: { a: number; lastDiscount: number | null; percentile: number | null; n: number }[];
    historyMedianSum: number;
    historyHmeanSum: number;
  };
  const duck = await runDuckDbSql(dir);
  // Agreement: every implementation must give rerate's numbers.
  const agreement = (py: Omit<PeerAnswers, "ms">) => {
    let maxRel = 0;
    const cmp = (x: number | null | undefined, y: number | null | undefined) => {
      if ((x ?? null) === null || (y ?? null) === null) {
        if ((x ?? null) !== (y ?? null)) maxRel = Infinity;
        return;
      }
      maxRel = Math.max(maxRel, Math.abs((x as number) - (y as number)) / Math.max(1e-12, Math.abs(y as number)));
    };
    answers!.comps.forEach((c, g) => {
      const p = py.comps[g]!;
      cmp(c.pe.median, p.pe_median);
      cmp(c.fpe.median, p.fpe_median);
      cmp(c.fpe.harmonicMean, p.fpe_hmean);
      cmp(c.fpe.capWeighted, p.fpe_cap);
      if (c.pe.nUsed !== p.pe_n) maxRel = Infinity;
    });
    answers!.pairs.forEach((x, i) => {
      cmp(x.lastDiscount, py.pairs[i]?.lastDiscount);
      cmp(x.percentile, py.pairs[i]?.percentile);
      if (x.n !== py.pairs[i]?.n) maxRel = Infinity;
    });
    cmp(answers!.historyMedianSum, py.historyMedianSum);
    cmp(answers!.historyHmeanSum, py.historyHmeanSum);
    return maxRel;
  };
  const TOL = 1e-9;
  const relPandas = agreement(py);
  const relDuck = agreement(duck);

  const total = best.comps + best.history;
  const pyTotal = py.ms.comps + py.ms.history;
  const f = (ms: number) => `${(ms / 1000).toFixed(2).padStart(7)} s`;
  console.log(`universe: ${N.toLocaleString("en-US")} securities × ${universe.days.length} daily closes, ${universe.fundamentals.length.toLocaleString("en-US")} fundamentals (monthly share counts, quarterly and annual EPS) and ${universe.estimates.length.toLocaleString("en-US")} monthly consensus estimates over 10 years; ${GROUPS} peer groups`);
  console.log(`work: comps of ${GROUPS} groups on ${TO} (P/E FY, P/E NTM, USD market cap; 6 aggregates) + weekly gap history, ${dates.length} dates × ${N.toLocaleString("en-US")} securities (P/E NTM, median and harmonic mean per group, ${answers!.pairs.length} group pairs, today's percentile)`);
  console.log(`                    comps     history       total`);
  console.log(`rerate (node)  ${f(best.comps)}   ${f(best.history)}   ${f(total)}   (best of ${ROUNDS})`);
  console.log(`pandas ${py.pandas.padEnd(7)} ${f(py.ms.comps)}   ${f(py.ms.history)}   ${f(pyTotal)}   (best of ${ROUNDS}; reading the data into DataFrames, ${(py.ms.load / 1000).toFixed(2)} s, not counted)`);
  const duckTotal = duck.ms.comps + duck.ms.history;
  console.log(`duckdb SQL     ${f(duck.ms.comps)}   ${f(duck.ms.history)}   ${f(duckTotal)}   (best of ${ROUNDS}; ASOF JOINs, median(), in memory; loading the Parquet tables, ${(duck.ms.load / 1000).toFixed(2)} s, not counted)`);
  console.log(`ratio pandas / rerate: ${(py.ms.comps / best.comps).toFixed(2)} (comps), ${(py.ms.history / best.history).toFixed(2)} (history), ${(pyTotal / total).toFixed(2)} (total) — above 1 means rerate is faster`);
  console.log(`ratio duckdb / rerate: ${(duck.ms.comps / best.comps).toFixed(2)} (comps), ${(duck.ms.history / best.history).toFixed(2)} (history), ${(duckTotal / total).toFixed(2)} (total)`);
  console.log(`rerate / fastest peer (total): ${(total / Math.min(pyTotal, duckTotal)).toFixed(2)} — below 1 means rerate is the fastest`);
  const show = (x: number) => (x === Infinity ? "MISMATCH" : x.toExponential(1));
  console.log(`agreement (max relative difference from rerate's answers, tolerance ${TOL}): pandas ${show(relPandas)}, duckdb ${show(relDuck)}`);
  if (!(relPandas <= TOL && relDuck <= TOL)) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
