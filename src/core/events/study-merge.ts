/**
 * Combining partial studies: accumulators of disjoint sets of securities merged row by row, or, when threads
 * write their rows into shared columns, each thread's own sums (residual-test sums, merged groups) added up.
 */
import type { ResidualSums } from "./_rank-pass.js";
import { emptySums, PENDING, studyShape, type StudyAccumulator, type StudySums } from "./study-accumulator.js";
import type { EventStudySpec } from "./study-spec.js";

/**
 * The same columns with empty sums of its own: what a worker thread studies into when the columns are
 * shared. Add its sums back with {@link addStudySums}.
 */
export function withOwnSums(acc: StudyAccumulator, spec: EventStudySpec): StudyAccumulator {
  const { estimationDays, axisDays } = studyShape(spec);
  return { ...acc, ...emptySums(acc.windows, estimationDays, axisDays) };
}

/** The sums of an accumulator (the part of it a worker sends back when its rows are in shared columns). */
export function studySums(acc: StudyAccumulator): StudySums {
  return { merged: acc.merged, residuals: acc.residuals, excluded: acc.excluded };
}

/** Adds one thread's sums into an accumulator (merged groups appended, residual sums added). */
export function addStudySums(into: StudyAccumulator, from: StudySums): void {
  from.merged.forEach((list, w) => into.merged[w]!.push(...list));
  addResidualSums(into.residuals, from.residuals);
  from.excluded.forEach((e, w) => addResidualSums(into.excluded[w]!, e));
}

/**
 * Adds `from` into `into`: the rows `from` processed (status not {@link PENDING}) are copied, the residual
 * sums added, the merged groups appended. Both must be over the same observations and spec, and have
 * processed disjoint sets of securities.
 * @throws RangeError when the shapes differ or both processed one observation
 */
export function mergeStudyAccumulators(into: StudyAccumulator, from: StudyAccumulator): void {
  if (into.observations !== from.observations || into.windows !== from.windows || into.spanDays !== from.spanDays) {
    throw new RangeError("study accumulators of different shapes cannot be merged");
  }
  const W = into.windows;
  const S = into.spanDays;
  for (let i = 0; i < into.observations; i++) {
    if (from.status[i] === PENDING) continue;
    if (into.status[i] !== PENDING) throw new RangeError(`observation ${i} was studied twice`);
    into.status[i] = from.status[i]!;
    into.estimationDays[i] = from.estimationDays[i]!;
    into.alpha[i] = from.alpha[i]!;
    into.beta[i] = from.beta[i]!;
    into.sigma2[i] = from.sigma2[i]!;
    into.meanMarket[i] = from.meanMarket[i]!;
    into.sxx[i] = from.sxx[i]!;
    into.positiveShare[i] = from.positiveShare[i]!;
    into.pathLeader[i] = from.pathLeader[i]!;
    into.ar.set(from.ar.subarray(i * S, (i + 1) * S), i * S);
    for (let c = i * W; c < (i + 1) * W; c++) {
      into.k[c] = from.k[c]!;
      into.car[c] = from.car[c]!;
      into.variance[c] = from.variance[c]!;
      into.role[c] = from.role[c]!;
      into.groupCar[c] = from.groupCar[c]!;
      into.groupVariance[c] = from.groupVariance[c]!;
    }
  }
  addStudySums(into, from);
}

function addResidualSums(into: ResidualSums, from: ResidualSums): void {
  for (let j = 0; j < into.sumU.length; j++) into.sumU[j]! += from.sumU[j]!;
  for (let j = 0; j < into.sumK.length; j++) {
    into.sumK[j]! += from.sumK[j]!;
    into.missK[j]! += from.missK[j]!;
  }
  into.norms += from.norms;
  into.nU += from.nU;
  into.nK += from.nK;
}
