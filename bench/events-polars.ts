/**
 * The nodejs-polars peer of bench/events.bench.ts (issue 19): the market-model event study with the parametric tests
 * (α, β, σ̂, ARs, CARs, the corrected variance, CAAR, cross-sectional t, Patell Z, BMP t) in polars expressions, the
 * way a polars user would write it: one long frame of returns (security, day), running sums of 1, R, R_m, R², R_m²,
 * R·R_m over each security's valid days (cumSum over the security), and every estimation or event window's sums as
 * the difference of two running sums looked up by (inner) join; then group_by over the windows for the aggregates. Like the DuckDB SQL peer it does less
 * than rerate: no Kolari–Pynnönen, Corrado or generalised sign, no p-values, no merging of overlapping windows, no
 * day-0 resolution. Its answers (N, CAAR and the three statistics of every window) must agree with rerate's
 * parametric-only run to 1e-9 relative.
 */
import pl from "nodejs-polars";
import type { EventStudySpec } from "../src/core/events/index.js";
import type { SqlEventAnswer } from "./events-sql.js";

/** Runs the polars study `rounds` times (best time) on S series of T returns sharing one market series. */
export function eventStudyPolars(series: { returns: Float64Array; market: Float64Array }[], day0s: ArrayLike<number>, spec: EventStudySpec, rounds: number): SqlEventAnswer {
  const S = series.length;
  const T = series[0]!.returns.length;
  const tl = performance.now();
  // Each security's rows are day −1 (a missing return, so its running sums are 0) then days 0 … T−1;
  // k = security × (T + 1) + day + 1: one key per row of the sorted long frame, so a window is a range of keys.
  const W = T + 1;
  const r = new Float64Array(S * W).fill(NaN);
  const m = new Float64Array(S * W).fill(NaN);
  for (let i = 0; i < S; i++) {
    r.set(series[i]!.returns, i * W + 1);
    m.set(series[i]!.market, i * W + 1);
  }
  const long = pl.DataFrame({ k: Int32Array.from({ length: S * W }, (_, i) => i), sec: Int32Array.from({ length: S * W }, (_, i) => Math.floor(i / W)), r, m });
  const ev = pl.DataFrame({
    sec: Int32Array.from({ length: S * day0s.length }, (_, i) => Math.floor(i / day0s.length)),
    day0: Int32Array.from({ length: S * day0s.length }, (_, i) => day0s[i % day0s.length]!),
  });
  const win = pl.DataFrame({ wid: Int32Array.from(spec.windows, (_, i) => i), a: Int32Array.from(spec.windows, (w) => w.from), b: Int32Array.from(spec.windows, (w) => w.to) });
  const loadMs = performance.now() - tl;

  const col = pl.col;
  const SUMS = ["c1", "cr", "cm", "crr", "cmm", "crm"] as const;
  const run = () => {
    // Running sums over the valid days (a return and the market's both present); NaN marks a missing return.
    const valid = col("r").isNotNan().and(col("m").isNotNan());
    const z = (e: pl.Expr) => pl.when(valid).then(e).otherwise(pl.lit(0.0)).cumSum().over("sec");
    const cum: pl.DataFrame = long.select(
      col("k"),
      z(pl.lit(1.0)).alias("c1"), z(col("r")).alias("cr"), z(col("m")).alias("cm"),
      z(col("r").mul(col("r"))).alias("crr"), z(col("m").mul(col("m"))).alias("cmm"), z(col("r").mul(col("m"))).alias("crm"),
    );
    /** Sums over days [from, to] relative to day0 of each row: running sum at the last day minus the one before the first. */
    const windowSums = (df: pl.DataFrame, from: pl.Expr, to: pl.Expr, prefix: string): pl.DataFrame => {
      const start = col("day0").add(from).sub(1);
      const end = col("day0").add(to);
      const keyed: pl.DataFrame = df.withColumns(
        // Windows are clipped to the security's days: before the first day, the key just before it; after the last, the last.
        pl.when(start.lt(-1)).then(pl.lit(-1)).otherwise(start).add(col("sec").mul(W)).add(1).cast(pl.Int32).alias("ks"),
        pl.when(end.gt(T - 1)).then(pl.lit(T - 1)).otherwise(end).add(col("sec").mul(W)).add(1).cast(pl.Int32).alias("ke"),
      );
      const at = (key: string, tag: string): pl.DataFrame => cum.select(col("k").alias(key), ...SUMS.map((c) => col(c).alias(`${c}_${tag}`)));
      return keyed
        .join(at("ks", "s"), { on: "ks", how: "inner" })
        .join(at("ke", "e"), { on: "ke", how: "inner" })
        .withColumns(...SUMS.map((c) => col(`${c}_e`).sub(col(`${c}_s`)).alias(`${prefix}${c.slice(1)}`)))
        .drop(["ks", "ke", ...SUMS.map((c) => `${c}_s`), ...SUMS.map((c) => `${c}_e`)]);
    };
    // Estimation window: OLS of R on R_m from the sums; σ̂² = (S_yy − β S_xy) / (L − 2).
    const est = windowSums(ev, pl.lit(spec.estimation.from), pl.lit(spec.estimation.to), "e")
      .rename({ e1: "L" })
      .filter(col("L").gtEq(spec.minEstimationDays))
      .withColumns(
        col("emm").sub(col("em").pow(2).div(col("L"))).alias("sxx"),
        col("erm").sub(col("er").mul(col("em")).div(col("L"))).alias("sxy"),
        col("err").sub(col("er").pow(2).div(col("L"))).alias("syy"),
        col("em").div(col("L")).alias("mbar"),
      )
      .withColumns(col("sxy").div(col("sxx")).alias("beta"))
      .withColumns(
        col("er").div(col("L")).sub(col("beta").mul(col("mbar"))).alias("alpha"),
        col("syy").sub(col("beta").mul(col("sxy"))).div(col("L").sub(2)).alias("s2"),
      )
      .select("sec", "day0", "L", "alpha", "beta", "mbar", "sxx", "s2");
    // Event windows: CAR = ΣR − n α − β ΣR_m; Var = σ̂² (n + n²/L + (ΣR_m − n R̄_m)² / S_xx); SCAR = CAR / √Var.
    const n = col("w1");
    const car = windowSums(est.join(win, { how: "cross" }), col("a"), col("b"), "w")
      .filter(n.gt(0))
      .withColumns(col("wr").sub(n.mul(col("alpha"))).sub(col("beta").mul(col("wm"))).alias("car"))
      .withColumns(col("car").div(col("s2").mul(n.add(n.pow(2).div(col("L"))).add(col("wm").sub(n.mul(col("mbar"))).pow(2).div(col("sxx")))).pow(0.5)).alias("scar"));
    return car
      .groupBy("wid")
      .agg(
        pl.len().alias("n"), col("car").mean().alias("caar"),
        pl.len().cast(pl.Float64).pow(0.5).mul(col("car").mean()).div(col("car").std()).alias("csectT"),
        col("scar").sum().div(col("L").sub(2).div(col("L").sub(4)).sum().pow(0.5)).alias("patellZ"),
        pl.len().cast(pl.Float64).pow(0.5).mul(col("scar").mean()).div(col("scar").std()).alias("bmpT"),
      )
      .sort("wid");
  };
  let ms = Infinity;
  let out!: pl.DataFrame;
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    out = run();
    ms = Math.min(ms, performance.now() - t0);
  }
  const rows = out.toRecords() as Record<string, unknown>[];
  return { loadMs, ms, windows: rows.map((x) => ({ n: Number(x.n), caar: Number(x.caar), csectT: Number(x.csectT), patellZ: Number(x.patellZ), bmpT: Number(x.bmpT) })) };
}
