import type { ScenarioCorrelation } from "../../models/scenario.js";
import { cholesky } from "./cholesky.js";
import type { CompiledCorrelation, CompiledDriver } from "./compiled-model.js";
import type { ModelIssue } from "./issues.js";
import { nearestCorrelation } from "./nearest-correlation.js";
import { spearmanToPearson } from "./spearman-to-pearson.js";
import { symmetricEigen } from "./symmetric-eigen.js";

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** A nearest valid matrix rounded to 4 decimals that is still positive definite (blended towards I if needed). */
function roundedNearest(m: number[][]): number[][] {
  const near = nearestCorrelation(m, 1e-4);
  for (let w = 0; w <= 1; w += 0.001) {
    const r = near.map((row, i) => row.map((v, j) => (i === j ? 1 : round4((1 - w) * v))));
    if (cholesky(r, 0) !== undefined) return r;
  }
  return near;
}

/**
 * Checks the correlation pairs and builds the Iman–Conover target. Pairs must name two different uncertain
 * drivers, once; the matrix must be positive semi-definite, or the issue lists the nearest valid values.
 * Pairs with a driver that the current scenario made constant are dropped.
 * Internal to compileModel.
 */
export function compileCorrelations(
  pairs: readonly ScenarioCorrelation[],
  baseDrivers: ReadonlyMap<string, { stochastic: boolean }>,
  drivers: ReadonlyMap<string, CompiledDriver>,
  isFormula: (name: string) => boolean,
  issues: ModelIssue[],
): CompiledCorrelation | undefined {
  const names: string[] = [];
  const seen = new Map<string, number>();
  const kept: { a: string; b: string; rank: number; index: number }[] = [];
  pairs.forEach((p, index) => {
    const [a, b] = p.between;
    let ok = true;
    p.between.forEach((n, j) => {
      const path = ["correlations", index, "between", j];
      if (isFormula(n)) issues.push({ path, value: n, reason: "is a formula; correlations are between uncertain drivers" });
      else if (!baseDrivers.has(n)) issues.push({ path, value: n, reason: "is not a driver" });
      else if (!baseDrivers.get(n)?.stochastic) issues.push({ path, value: n, reason: "is a constant; give it a distribution (dist:) to correlate it" });
      else return;
      ok = false;
    });
    if (!ok) return;
    if (a === b) {
      issues.push({ path: ["correlations", index, "between"], value: a, reason: "names the same driver twice" });
      return;
    }
    const key = [a, b].sort().join("\u0000");
    const prev = seen.get(key);
    if (prev !== undefined) {
      issues.push({ path: ["correlations", index, "between"], value: `${a}, ${b}`, reason: `repeats the pair of correlations[${prev}]` });
      return;
    }
    seen.set(key, index);
    if (!drivers.get(a)?.stochastic || !drivers.get(b)?.stochastic) return;
    for (const n of [a, b]) if (!names.includes(n)) names.push(n);
    kept.push({ a, b, rank: p.rank, index });
  });
  if (kept.length === 0) return undefined;

  const k = names.length;
  const rank = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  for (const p of kept) {
    const i = names.indexOf(p.a);
    const j = names.indexOf(p.b);
    (rank[i] as number[])[j] = p.rank;
    (rank[j] as number[])[i] = p.rank;
  }
  const smallest = symmetricEigen(rank).values[0] as number;
  if (smallest < -1e-10) {
    const near = roundedNearest(rank);
    const suggestion: string[] = [];
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const was = (rank[i] as number[])[j] as number;
        const now = (near[i] as number[])[j] as number;
        if (was !== 0 || now !== 0) suggestion.push(`${names[i]}~${names[j]} ${now}${Math.abs(now - was) > 5e-5 ? ` (was ${was})` : ""}`);
      }
    }
    issues.push({
      path: ["correlations"],
      value: `smallest eigenvalue ${smallest.toPrecision(3)}`,
      reason: `the rank correlations cannot hold together (the matrix is not positive semi-definite). The nearest valid set (Higham 2002): ${suggestion.join("; ")}`,
    });
    return undefined;
  }
  // Iman–Conover correlates normal scores; convert the rank targets and factor them.
  const scores = rank.map((row, i) => row.map((r, j) => (i === j ? 1 : spearmanToPearson(r))));
  const factor = cholesky(scores) ?? cholesky(nearestCorrelation(scores, 1e-8)) ?? scores.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  return { drivers: names, pairs: kept.map((p) => ({ between: [p.a, p.b] as const, rank: p.rank })), rank, scoresFactor: factor };
}
