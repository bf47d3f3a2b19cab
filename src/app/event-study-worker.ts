/**
 * Worker thread of the parallel event study (src/app/event-study-parallel.ts). A study is three kinds of
 * message: "begin" (the study's spec, every security-event and the study's columns in shared memory), then
 * any number of "chunk"s (securities to study: their rows are written straight into the shared columns),
 * then "end" (this worker's own sums go back: residual-test sums and merged groups, a few kilobytes).
 */
import { parentPort } from "node:worker_threads";
// Straight from the module, not the events barrel: a worker that loads only what it runs starts sooner.
import { addSeriesToStudy, type StudyAccumulator, type StudyObservation, type StudySeries, type StudySums } from "../core/events/study-accumulator.js";
import { studySums, withOwnSums } from "../core/events/study-merge.js";
import type { EventStudySpec } from "../core/events/study-spec.js";

/** Securities to study: index, returns, benchmark (views of SharedArrayBuffers: no copy) and the indices of their security-events. */
export type StudyChunk = readonly { readonly index: number; readonly returns: ArrayLike<number>; readonly market?: ArrayLike<number>; readonly observations: readonly number[] }[];

export type EventStudyTask =
  | { readonly type: "begin"; readonly study: number; readonly spec: EventStudySpec; readonly seriesOf: Int32Array; readonly day0: Int32Array; readonly columns: StudyAccumulator }
  | { readonly type: "chunk"; readonly study: number; readonly chunk: StudyChunk }
  | { readonly type: "end"; readonly study: number };

export type EventStudyReply =
  | { readonly type: "chunk-done"; readonly study: number; readonly securities: number }
  | { readonly type: "done"; readonly study: number; readonly sums: StudySums }
  | { readonly type: "error"; readonly study: number; readonly message: string; readonly name: string };

/** The buffers of a worker's own sums, to transfer rather than copy. */
export function sumsBuffers(sums: StudySums): ArrayBuffer[] {
  return [sums.residuals, ...sums.excluded].flatMap((r) => [r.sumU.buffer, r.sumK.buffer, r.missK.buffer] as ArrayBuffer[]);
}

/** One study in progress on a worker. */
export interface WorkerStudy {
  spec: EventStudySpec;
  observations: StudyObservation[];
  acc: StudyAccumulator;
}

/** Starts a study: the shared columns of all its security-events, with sums of this worker's own. */
export function beginStudy(spec: EventStudySpec, seriesOf: Int32Array, day0: Int32Array, columns: StudyAccumulator): WorkerStudy {
  const observations = new Array<StudyObservation>(seriesOf.length);
  for (let i = 0; i < seriesOf.length; i++) observations[i] = { series: seriesOf[i]!, day0: day0[i]! };
  return { spec, observations, acc: withOwnSums(columns, spec) };
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
    if (task.type === "begin") current = { id: task.study, study: beginStudy(task.spec, task.seriesOf, task.day0, task.columns) };
    else if (current === undefined || current.id !== task.study) throw new Error(`study ${task.study} was not begun on this worker`);
    else if (task.type === "chunk") {
      studyChunk(current.study, task.chunk);
      parentPort!.postMessage({ type: "chunk-done", study: task.study, securities: task.chunk.length } satisfies EventStudyReply);
    } else {
      const sums = studySums(current.study.acc);
      current = undefined;
      parentPort!.postMessage({ type: "done", study: task.study, sums } satisfies EventStudyReply, sumsBuffers(sums));
    }
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    current = undefined;
    parentPort!.postMessage({ type: "error", study: task.study, message: err.message, name: err.name } satisfies EventStudyReply);
  }
});
