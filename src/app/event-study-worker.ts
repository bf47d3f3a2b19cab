/**
 * Worker thread of the parallel event study (src/app/event-study-parallel.ts). A study is three kinds of
 * message: "begin" (the study's spec and every security-event), then any number of "chunk"s (securities to
 * study into this worker's accumulator), then "end" (the accumulator goes back, its arrays transferred).
 */
import { parentPort } from "node:worker_threads";
// Straight from the module, not the events barrel: a worker that loads only what it runs starts sooner.
import {
  addSeriesToStudy, createStudyAccumulator, type StudyAccumulator, type StudyObservation, type StudySeries,
} from "../core/events/study-accumulator.js";
import type { EventStudySpec } from "../core/events/study-spec.js";

/** Securities to study: index, returns, benchmark and the indices of their security-events. */
export type StudyChunk = readonly { readonly index: number; readonly returns: ArrayLike<number>; readonly market?: ArrayLike<number>; readonly observations: readonly number[] }[];

export type EventStudyTask =
  | { readonly type: "begin"; readonly study: number; readonly spec: EventStudySpec; readonly residualTests: boolean; readonly seriesOf: Int32Array; readonly day0: Int32Array }
  | { readonly type: "chunk"; readonly study: number; readonly chunk: StudyChunk }
  | { readonly type: "end"; readonly study: number };

export type EventStudyReply =
  | { readonly type: "chunk-done"; readonly study: number; readonly securities: number }
  | { readonly type: "done"; readonly study: number; readonly acc: StudyAccumulator }
  | { readonly type: "error"; readonly study: number; readonly message: string; readonly name: string };

/** The buffers of an accumulator, to transfer rather than copy. */
export function accumulatorBuffers(acc: StudyAccumulator): ArrayBuffer[] {
  const arrays = [
    acc.status, acc.estimationDays, acc.alpha, acc.beta, acc.sigma2, acc.meanMarket, acc.sxx, acc.positiveShare, acc.ar,
    acc.k, acc.car, acc.variance, acc.role, acc.groupCar, acc.groupVariance, acc.pathLeader,
    ...[acc.residuals, ...acc.excluded].flatMap((r) => [r.sumU, r.sumK, r.missK]),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** One study in progress on a worker. */
export interface WorkerStudy {
  spec: EventStudySpec;
  observations: StudyObservation[];
  acc: StudyAccumulator;
}

/** Starts a study: an empty accumulator over all its security-events. */
export function beginStudy(spec: EventStudySpec, residualTests: boolean, seriesOf: Int32Array, day0: Int32Array): WorkerStudy {
  const observations = Array.from(seriesOf, (series, i): StudyObservation => ({ series, day0: day0[i]! }));
  return { spec, observations, acc: createStudyAccumulator(observations.length, spec, residualTests) };
}

/** Studies one chunk of securities into the study's accumulator. */
export function studyChunk(study: WorkerStudy, chunk: StudyChunk): void {
  const series: StudySeries[] = [];
  const bySeries = new Map<number, readonly number[]>();
  for (const a of chunk) {
    series[a.index] = a.market === undefined ? { returns: a.returns } : { returns: a.returns, market: a.market };
    bySeries.set(a.index, a.observations);
  }
  addSeriesToStudy(study.acc, series, study.observations, bySeries, study.spec);
}

let current: { id: number; study: WorkerStudy } | undefined;
parentPort?.on("message", (task: EventStudyTask) => {
  try {
    if (task.type === "begin") current = { id: task.study, study: beginStudy(task.spec, task.residualTests, task.seriesOf, task.day0) };
    else if (current === undefined || current.id !== task.study) throw new Error(`study ${task.study} was not begun on this worker`);
    else if (task.type === "chunk") {
      studyChunk(current.study, task.chunk);
      parentPort!.postMessage({ type: "chunk-done", study: task.study, securities: task.chunk.length } satisfies EventStudyReply);
    } else {
      const acc = current.study.acc;
      current = undefined;
      parentPort!.postMessage({ type: "done", study: task.study, acc } satisfies EventStudyReply, accumulatorBuffers(acc));
    }
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    current = undefined;
    parentPort!.postMessage({ type: "error", study: task.study, message: err.message, name: err.name } satisfies EventStudyReply);
  }
});
