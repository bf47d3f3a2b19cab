/**
 * Worker thread of the parallel event study (src/app/event-study-parallel.ts): studies the securities it is
 * given into a fresh accumulator and sends it back (its arrays transferred, not copied).
 */
import { parentPort } from "node:worker_threads";
// Straight from the module, not the events barrel: a worker that loads only what it runs starts in a fraction of the time.
import { addSeriesToStudy, createStudyAccumulator, type StudyAccumulator, type StudyObservation, type StudySeries } from "../core/events/study-accumulator.js";
import type { EventStudySpec } from "../core/events/study-spec.js";

export interface EventStudyTask {
  readonly spec: EventStudySpec;
  readonly residualTests: boolean;
  /** All security-events of the study (series index and day 0 of each). */
  readonly seriesOf: Int32Array;
  readonly day0: Int32Array;
  /** The securities this worker studies: index, returns, benchmark and the indices of their security-events. */
  readonly assigned: readonly { readonly index: number; readonly returns: ArrayLike<number>; readonly market?: ArrayLike<number>; readonly observations: readonly number[] }[];
}

export type EventStudyReply =
  | { readonly type: "progress"; readonly done: number }
  | { readonly type: "done"; readonly acc: StudyAccumulator }
  | { readonly type: "error"; readonly message: string; readonly name: string };

/** The buffers of an accumulator, to transfer rather than copy. */
export function accumulatorBuffers(acc: StudyAccumulator): ArrayBuffer[] {
  const arrays = [
    acc.status, acc.estimationDays, acc.alpha, acc.beta, acc.sigma2, acc.meanMarket, acc.sxx, acc.positiveShare, acc.ar,
    acc.k, acc.car, acc.variance, acc.role, acc.groupCar, acc.groupVariance, acc.pathLeader,
    ...[acc.residuals, ...acc.excluded].flatMap((r) => [r.sumU, r.sumK, r.missK]),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Studies one task. Exported for tests; the worker calls it on each message. */
export function studyTask(task: EventStudyTask, onProgress?: (done: number) => void): StudyAccumulator {
  const n = task.seriesOf.length;
  const observations: StudyObservation[] = new Array<StudyObservation>(n);
  const series: StudySeries[] = [];
  const bySeries = new Map<number, readonly number[]>();
  for (const a of task.assigned) {
    series[a.index] = a.market === undefined ? { returns: a.returns } : { returns: a.returns, market: a.market };
    bySeries.set(a.index, a.observations);
    for (const i of a.observations) observations[i] = { series: a.index, day0: task.day0[i]! };
  }
  const acc = createStudyAccumulator(n, task.spec, task.residualTests);
  addSeriesToStudy(acc, series, observations, bySeries, task.spec, onProgress === undefined ? undefined : (done) => onProgress(done));
  return acc;
}

parentPort?.on("message", (task: EventStudyTask) => {
  try {
    let last = 0;
    const acc = studyTask(task, (done) => {
      if (done - last >= 64) {
        parentPort!.postMessage({ type: "progress", done: done - last } satisfies EventStudyReply);
        last = done;
      }
    });
    parentPort!.postMessage({ type: "progress", done: task.assigned.length - last } satisfies EventStudyReply);
    parentPort!.postMessage({ type: "done", acc } satisfies EventStudyReply, accumulatorBuffers(acc));
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    parentPort!.postMessage({ type: "error", message: err.message, name: err.name } satisfies EventStudyReply);
  }
});
