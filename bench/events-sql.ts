/**
 * The DuckDB SQL peer of bench/events.bench.ts (issue 19): the market-model event study with the parametric tests
 * (α, β, σ̂ by regr_slope / regr_intercept / regr_sxx…, ARs, CARs, the corrected variance, t, CAAR, cross-sectional t,
 * Patell Z, BMP t) as ONE SQL query over a long table of returns, the way an analyst would write it. It does less
 * than rerate: no Kolari–Pynnönen, Corrado or generalised sign (the residual-based tests), no p-values, no merging of
 * overlapping windows, no day-0 resolution from timestamps. rerate is timed on the same returns with all seven tests
 * and with the parametric ones only (residualTests: false), and the answers (N, CAAR and the three statistics of every
 * window) must agree to 1e-9 relative.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import pl from "nodejs-polars";
import type { EventStudyOutcome, EventStudySpec } from "../src/core/events/index.js";

export interface SqlEventAnswer {
  loadMs: number;
  ms: number;
  windows: { n: number; caar: number; csectT: number; patellZ: number; bmpT: number }[];
}

/** Runs the SQL study `rounds` times (best time) on S series of T returns sharing one market series. */
export async function eventStudySql(series: { returns: Float64Array; market: Float64Array }[], day0s: ArrayLike<number>, spec: EventStudySpec, rounds: number): Promise<SqlEventAnswer> {
  const S = series.length;
  const T = series[0]!.returns.length;
  const dir = mkdtempSync(join(tmpdir(), "rerate-bench-events-sql-"));
  const inst = await DuckDBInstance.create(":memory:");
  const conn = await inst.connect();
  try {
    const sec = new Int32Array(S * T);
    const t = new Int32Array(S * T);
    const r = new Float64Array(S * T);
    for (let i = 0; i < S; i++) {
      sec.fill(i, i * T, (i + 1) * T);
      for (let k = 0; k < T; k++) t[i * T + k] = k;
      r.set(series[i]!.returns, i * T);
    }
    const tl = performance.now();
    pl.DataFrame({ sec, t, r }).writeParquet(join(dir, "r.parquet"));
    pl.DataFrame({ t: Int32Array.from({ length: T }, (_, k) => k), m: series[0]!.market }).writeParquet(join(dir, "m.parquet"));
    // NaN (a missing return) becomes NULL, as a store would hold it.
    await conn.run(`CREATE TABLE ret AS SELECT sec, t, CASE WHEN isnan(r) THEN NULL ELSE r END AS r FROM read_parquet('${join(dir, "r.parquet")}')`);
    await conn.run(`CREATE TABLE mkt AS SELECT t, CASE WHEN isnan(m) THEN NULL ELSE m END AS m FROM read_parquet('${join(dir, "m.parquet")}')`);
    await conn.run(`CREATE TABLE ev AS SELECT s.sec, d.day0 FROM range(${S}) s(sec) CROSS JOIN (VALUES ${Array.from(day0s, (d) => `(${d})`).join(",")}) d(day0)`);
    await conn.run(`CREATE TABLE win AS SELECT * FROM (VALUES ${spec.windows.map((w, i) => `(${i}, ${w.from}, ${w.to})`).join(",")}) w(wid, a, b)`);
    const loadMs = performance.now() - tl;
    const sql = `
      WITH
      rm AS (SELECT ret.sec, ret.t, ret.r, mkt.m FROM ret JOIN mkt USING (t) WHERE ret.r IS NOT NULL AND mkt.m IS NOT NULL),
      est AS (
        SELECT ev.sec, ev.day0, regr_count(rm.r, rm.m) AS L, regr_slope(rm.r, rm.m) AS beta, regr_intercept(rm.r, rm.m) AS alpha,
               regr_sxx(rm.r, rm.m) AS sxx, regr_syy(rm.r, rm.m) AS syy, regr_sxy(rm.r, rm.m) AS sxy, regr_avgx(rm.r, rm.m) AS mbar
        FROM ev JOIN rm ON rm.sec = ev.sec AND rm.t BETWEEN ev.day0 + ${spec.estimation.from} AND ev.day0 + ${spec.estimation.to}
        GROUP BY ev.sec, ev.day0
        HAVING regr_count(rm.r, rm.m) >= ${spec.minEstimationDays}),
      car AS (
        SELECT w.wid, e.sec, e.day0, any_value(e.L) AS L,
               sum(rm.r - e.alpha - e.beta * rm.m) AS car,
               (any_value(e.syy) - any_value(e.beta) * any_value(e.sxy)) / (any_value(e.L) - 2)
                 * (count(*) + count(*) * count(*) / any_value(e.L) + power(sum(rm.m) - count(*) * any_value(e.mbar), 2) / any_value(e.sxx)) AS v
        FROM est e CROSS JOIN win w JOIN rm ON rm.sec = e.sec AND rm.t BETWEEN e.day0 + w.a AND e.day0 + w.b
        GROUP BY w.wid, e.sec, e.day0),
      std AS (SELECT *, car / sqrt(v) AS scar FROM car)
      SELECT wid, count(*) AS n, avg(car) AS caar, sqrt(count(*)) * avg(car) / stddev_samp(car) AS "csectT",
             sum(scar) / sqrt(sum((L - 2) / (L - 4))) AS "patellZ", sqrt(count(*)) * avg(scar) / stddev_samp(scar) AS "bmpT"
      FROM std GROUP BY wid ORDER BY wid`;
    let ms = Infinity;
    let rows: Record<string, unknown>[] = [];
    for (let k = 0; k < rounds; k++) {
      const t0 = performance.now();
      rows = (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
      ms = Math.min(ms, performance.now() - t0);
    }
    return { loadMs, ms, windows: rows.map((x) => ({ n: Number(x.n), caar: Number(x.caar), csectT: Number(x.csectT), patellZ: Number(x.patellZ), bmpT: Number(x.bmpT) })) };
  } finally {
    conn.closeSync();
    inst.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Largest relative difference between rerate's aggregates and the SQL answer (N must match exactly, else Infinity). */
export function compareWithSql(ours: EventStudyOutcome, sql: SqlEventAnswer): number {
  let worst = 0;
  const rel = (a: number | undefined, b: number) => Math.abs((a ?? NaN) - b) / Math.max(Math.abs(b), 1e-12);
  ours.aggregates.forEach((a, w) => {
    const p = sql.windows[w];
    if (!p || a.n !== p.n) {
      worst = Infinity;
      return;
    }
    worst = Math.max(worst, rel(a.caar, p.caar), rel(a.tests.csectT?.statistic, p.csectT), rel(a.tests.patellZ?.statistic, p.patellZ), rel(a.tests.bmpT?.statistic, p.bmpT));
  });
  return Number.isNaN(worst) ? Infinity : worst;
}
