import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import {
  addSeriesToStudy, createStudyAccumulator, finishEventStudy, mergeStudyAccumulators, observationsBySeries, validateStudySpec,
  type EventStudyOutcome, type EventStudySpec, type RunOptions, type StudyAccumulator, type StudyObservation, type StudySeries,
} from "../core/events/index.js";
import { InvalidInputError } from "../errors.js";
import type { EventStudyReply, EventStudyTask } from "./event-study-worker.js";
import { spawnModuleWorker } from "./spawn-worker.js";

/** Below this many security-events a study runs on the calling thread: starting a worker costs more than it saves. */
export const PARALLEL_MIN_OBSERVATIONS = 4000;

export interface ParallelRunOptions extends RunOptions {
  /** Threads in all, this one included (default: the machine's available parallelism, at most 8); 1 runs here. */
  threads?: number;
}

/** The threads a study of `observations` security-events uses. */
export function eventStudyThreads(observations: number, threads?: number): number {
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw InvalidInputError.at({ column: "--threads", value: String(threads), reason: "must be a whole number ≥ 1" });
  }
  if (observations < PARALLEL_MIN_OBSERVATIONS) return 1;
  return Math.max(1, Math.min(threads ?? Math.min(availableParallelism(), 8), Math.ceil(observations / (PARALLEL_MIN_OBSERVATIONS / 2))));
}

/**
 * The same event study as {@link runEventStudy}, with the securities split over worker threads: each
 * thread studies its securities into an accumulator (this thread takes one share itself), the
 * accumulators are merged and the study finished once. The samples are taken in observation order, so
 * every statistic is the serial one up to the order of a few floating-point sums (≤ 1e-12 relative; a test
 * checks it).
 * @throws InvalidInputError for an invalid spec or thread count; RangeError as runEventStudy
 * @example await runEventStudyInParallel(series, observations, EVENT_STUDY_DEFAULTS, { threads: 2 })
 */
export async function runEventStudyInParallel(
  series: readonly StudySeries[],
  observations: readonly StudyObservation[],
  spec: EventStudySpec,
  options: ParallelRunOptions = {},
): Promise<EventStudyOutcome> {
  validateStudySpec(spec);
  const threads = eventStudyThreads(observations.length, options.threads);
  const residualTests = options.residualTests !== false;
  const bySeries = observationsBySeries(observations);
  for (const s of bySeries.keys()) {
    if (series[s] === undefined) throw new RangeError(`observation refers to series ${s}, but only ${series.length} series were given`);
  }
  const total = bySeries.size;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };

  // Shares of about equal numbers of security-events: largest securities first, each to the lightest share.
  const shares = Array.from({ length: threads }, () => ({ load: 0, series: new Map<number, number[]>() }));
  for (const [s, list] of [...bySeries].sort((a, b) => b[1].length - a[1].length)) {
    const lightest = shares.reduce((a, b) => (b.load < a.load ? b : a));
    lightest.series.set(s, list);
    lightest.load += list.length;
  }

  const seriesOf = Int32Array.from(observations, (o) => o.series);
  const day0 = Int32Array.from(observations, (o) => o.day0);
  const workers: Worker[] = [];
  try {
    const pending = shares.slice(1).filter((sh) => sh.series.size > 0).map((sh) => {
      const worker = spawnModuleWorker("event-study-worker", import.meta.url);
      workers.push(worker);
      const task: EventStudyTask = {
        spec, residualTests, seriesOf, day0,
        assigned: [...sh.series].map(([index, obs]) => ({
          index, returns: series[index]!.returns, ...(series[index]!.market !== undefined ? { market: series[index]!.market } : {}), observations: obs,
        })),
      };
      return new Promise<StudyAccumulator>((resolve, reject) => {
        worker.on("message", (m: EventStudyReply) => {
          if (m.type === "progress") progress(m.done);
          else if (m.type === "done") resolve(m.acc);
          else reject(m.name === "RangeError" ? new RangeError(m.message) : new Error(`event-study worker: ${m.message}`));
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`event-study worker exited (code ${code}) before it finished`)));
        worker.postMessage(task);
      });
    });
    // This thread's share, while the workers start and run.
    const acc = createStudyAccumulator(observations.length, spec, residualTests);
    let mine = 0;
    addSeriesToStudy(acc, series, observations, shares[0]!.series, spec, (d) => {
      progress(d - mine);
      mine = d;
    });
    for (const part of await Promise.all(pending)) mergeStudyAccumulators(acc, part);
    return finishEventStudy(acc, spec, options.confidence ?? 0.95);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
