import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import {
  addSeriesToStudy, addStudySums, createStudyAccumulator, finishEventStudy, observationsBySeries, runEventStudy, validateStudySpec,
  type EventStudyOutcome, type EventStudySpec, type RunOptions, type StudyObservation, type StudySeries, type StudySums,
} from "../core/events/index.js";
import { InvalidInputError } from "../errors.js";
import type { EventStudyReply, EventStudyTask, StudyChunk } from "./event-study-worker.js";
import { spawnModuleWorker } from "./spawn-worker.js";
import { mapToInt32 } from "../core/typed-arrays.js";

/**
 * Below this many security-events a study runs on the calling thread: starting a worker (~40 ms) and its
 * first, not yet optimised, chunks cost more than the second core saves (measured with bench:events).
 */
export const PARALLEL_MIN_OBSERVATIONS = 16_000;

export interface ParallelRunOptions extends RunOptions {
  /** Threads, the calling one included (default: the machine's available parallelism, at most 8); 1 runs on the calling thread only. */
  threads?: number;
  /** Fewest security-events worth threads (default {@link PARALLEL_MIN_OBSERVATIONS}). */
  minObservations?: number;
}

/** The threads a study of `observations` security-events uses, the calling one included (1: no workers). */
export function eventStudyThreads(observations: number, threads?: number, minObservations = PARALLEL_MIN_OBSERVATIONS): number {
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw InvalidInputError.at({ column: "--threads", value: String(threads), reason: "must be a whole number ≥ 1" });
  }
  if (observations < minObservations) return 1;
  return Math.min(threads ?? Math.min(availableParallelism(), 8), Math.ceil(observations / Math.max(1, minObservations / 2)));
}

// Workers stay up between studies (a dashboard or a benchmark runs many), unreferenced while idle so they
// never keep the process alive; studies take turns on them.
const pool: Worker[] = [];
let turn: Promise<unknown> = Promise.resolve();
let nextStudy = 1;

function workers(n: number): Worker[] {
  while (pool.length < n) {
    const w = spawnModuleWorker("event-study-worker", import.meta.url);
    w.unref();
    w.once("exit", () => {
      const at = pool.indexOf(w);
      if (at >= 0) pool.splice(at, 1);
    });
    pool.push(w);
  }
  return pool.slice(0, n);
}

/** Stops the event-study worker threads (they restart on the next parallel study). */
export async function closeEventStudyWorkers(): Promise<void> {
  const all = pool.splice(0);
  await Promise.all(all.map((w) => w.terminate()));
}

/**
 * The same event study as {@link runEventStudy}, over worker threads: the study's columns live in shared
 * memory, the securities go out in chunks (largest first, each to the next free worker; their returns copied
 * once into shared memory, each benchmark once per study), every thread writes its securities' rows in place
 * and keeps its own residual-test sums, which are added up before the study is finished once. The window
 * samples are taken in observation order, so every statistic equals the serial one up to the order of a few
 * floating-point sums (a test checks ≤ 1e-12 relative).
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
  const threads = eventStudyThreads(observations.length, options.threads, options.minObservations);
  if (threads === 1) return runEventStudy(series, observations, spec, options);
  const run = turn.then(() => studyOnWorkers(series, observations, spec, options, threads));
  turn = run.catch(() => undefined);
  return run;
}

async function studyOnWorkers(
  series: readonly StudySeries[], observations: readonly StudyObservation[], spec: EventStudySpec, options: ParallelRunOptions, threads: number,
): Promise<EventStudyOutcome> {
  const bySeries = observationsBySeries(observations);
  for (const s of bySeries.keys()) {
    if (series[s] === undefined) throw new RangeError(`observation refers to series ${s}, but only ${series.length} series were given`);
  }
  const total = bySeries.size;
  const order = [...bySeries].sort((a, b) => b[1].length - a[1].length);
  const size = Math.max(1, Math.ceil(order.length / (threads * 16)));
  const chunks: (readonly [number, number[]])[][] = [];
  for (let a = 0; a < order.length; a += size) chunks.push(order.slice(a, a + size));
  const markets = new Map<ArrayLike<number>, Float64Array>();
  const study = nextStudy++;
  const residualTests = options.residualTests !== false;
  const acc = createStudyAccumulator(observations.length, spec, residualTests, (bytes) => new SharedArrayBuffer(bytes));
  const seriesOf = mapToInt32(observations, (o) => o.series);
  const day0 = mapToInt32(observations, (o) => o.day0);
  // This thread studies chunks too, between feeding the workers; each worker keeps two chunks queued so it
  // never waits for this thread to finish one of its own.
  const team = workers(Math.min(threads - 1, chunks.length));
  let next = 0;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  try {
    const parts = team.map((w) => new Promise<StudySums>((resolve, reject) => {
      let inFlight = 0;
      const send = (task: EventStudyTask) => w.postMessage(task);
      const feed = () => {
        while (inFlight < 2 && next < chunks.length) {
          send({ type: "chunk", study, chunk: sharedChunk(chunks[next++]!, series, markets) });
          inFlight++;
        }
        if (inFlight === 0) send({ type: "end", study });
      };
      const onMessage = (m: EventStudyReply) => {
        if (m.study !== study) return;
        if (m.type === "chunk-done") {
          inFlight--;
          progress(m.securities);
          feed();
        } else {
          cleanup();
          if (m.type === "done") resolve(m.sums);
          else reject(m.name === "RangeError" ? new RangeError(m.message) : new Error(`event-study worker: ${m.message}`));
        }
      };
      const onError = (e: Error) => {
        cleanup();
        reject(e);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`event-study worker exited (code ${code}) before it finished`));
      };
      const cleanup = () => {
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
        w.unref();
      };
      w.ref();
      w.on("message", onMessage);
      w.once("error", onError);
      w.once("exit", onExit);
      send({ type: "begin", study, spec, seriesOf, day0, columns: acc });
      feed();
    }));
    // If this thread's share fails first, the workers are stopped and their promises reject unawaited: mark
    // them handled here (Promise.all below still sees every rejection).
    for (const part of parts) part.catch(() => undefined);
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      addSeriesToStudy(acc, series, observations, new Map(chunk), spec);
      progress(chunk.length);
      await new Promise<void>((r) => setImmediate(r)); // let the workers' messages in
    }
    for (const part of await Promise.all(parts)) addStudySums(acc, part);
    return finishEventStudy(acc, spec, options.confidence ?? 0.95);
  } catch (e) {
    await closeEventStudyWorkers(); // their state is unknown: start afresh next time
    throw e;
  }
}

const inSharedMemory = (a: ArrayLike<number>): a is Float64Array => a instanceof Float64Array && a.buffer instanceof SharedArrayBuffer;

/**
 * A chunk for a worker, its arrays in shared memory so that posting it copies nothing: the securities'
 * returns copied into one SharedArrayBuffer, each benchmark copied once per study (`markets`); arrays that
 * already live in shared memory go as they are.
 */
function sharedChunk(entries: readonly (readonly [number, number[]])[], series: readonly StudySeries[], markets: Map<ArrayLike<number>, Float64Array>): StudyChunk {
  let length = 0;
  for (const [index] of entries) {
    const r = series[index]!.returns;
    if (!inSharedMemory(r)) length += r.length;
  }
  const slab = new Float64Array(new SharedArrayBuffer(length * 8));
  let at = 0;
  return entries.map(([index, obs]) => {
    const s = series[index]!;
    let returns = s.returns;
    if (!inSharedMemory(returns)) {
      const view = slab.subarray(at, (at += returns.length));
      view.set(returns);
      returns = view;
    }
    if (s.market === undefined) return { index, returns, observations: obs };
    let market = inSharedMemory(s.market) ? s.market : markets.get(s.market);
    if (market === undefined) {
      market = new Float64Array(new SharedArrayBuffer(s.market.length * 8));
      market.set(s.market);
      markets.set(s.market, market);
    }
    return { index, returns, market, observations: obs };
  });
}
