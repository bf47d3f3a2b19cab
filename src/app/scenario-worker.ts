/**
 * Worker thread of the scenario pool (src/app/scenario.ts). Three kinds of task, all over shared memory:
 * simulate blocks into the run's arrays; rank drivers' percentiles in place; summarise output series.
 * Each result depends only on the data, never on which worker computed it.
 */
import { parentPort } from "node:worker_threads";
import {
  averageRanksOfUniforms, compileModel, createSimulationPlan, runBlock, splitBlocks, summarizeSeriesSensitivity,
  type Sampler, type SeriesSummary, type SimulationPlan,
} from "../core/scenario/index.js";
import type { ScenarioModel } from "../models/scenario.js";

/** The model a task refers to (validated by the main thread) and its scenario. */
interface ModelRef {
  readonly runId: number;
  readonly model: ScenarioModel;
  readonly scenario: string;
}

export type WorkerTask =
  | (ModelRef & {
      readonly type: "simulate";
      readonly seed: number;
      readonly sampler: Sampler;
      readonly draws: number;
      readonly blocks: readonly number[];
      readonly series: readonly SharedArrayBuffer[];
      readonly percentiles: readonly SharedArrayBuffer[];
    })
  | { readonly type: "rank"; readonly runId: number; readonly arrays: readonly SharedArrayBuffer[] }
  | (ModelRef & {
      readonly type: "summarize";
      readonly indices: readonly number[];
      readonly series: readonly SharedArrayBuffer[];
      readonly ranks: readonly SharedArrayBuffer[];
    });

export type WorkerReply =
  | { readonly type: "progress"; readonly runId: number; readonly n: number }
  | { readonly type: "done"; readonly runId: number; readonly summaries?: readonly { readonly index: number; readonly summary: SeriesSummary }[] }
  | { readonly type: "error"; readonly runId: number; readonly message: string };

const port = parentPort;
// Plans are cached by model and scenario: repeated runs of one model skip compiling (and PERT tables).
let cached: { key: string; plan: SimulationPlan } | undefined;

function planOf(ref: ModelRef): SimulationPlan {
  const key = ref.scenario + "\u0000" + JSON.stringify(ref.model);
  if (cached?.key !== key) cached = { key, plan: createSimulationPlan(compileModel(ref.model, { scenario: ref.scenario })) };
  return cached.plan;
}

const view = (b: SharedArrayBuffer): Float64Array => new Float64Array(b);

function handle(task: WorkerTask): WorkerReply {
  if (task.type === "rank") {
    for (const b of task.arrays) {
      const a = view(b);
      averageRanksOfUniforms(a, a);
    }
    return { type: "done", runId: task.runId };
  }
  const plan = planOf(task);
  if (task.type === "simulate") {
    const layout = splitBlocks(task.draws);
    const series = task.series.map(view);
    const percentiles = task.percentiles.map(view);
    for (const index of task.blocks) {
      const block = layout[index]!;
      const slice = (a: Float64Array) => a.subarray(block.start, block.start + block.n);
      runBlock(plan, block, { seed: task.seed, sampler: task.sampler }, { series: series.map(slice), percentiles: percentiles.map(slice) });
      port?.postMessage({ type: "progress", runId: task.runId, n: block.n } satisfies WorkerReply);
    }
    return { type: "done", runId: task.runId };
  }
  const ranks = task.ranks.map(view);
  const names = plan.drivers.map((d) => d.name);
  const summaries = task.indices.map((index) => ({ index, summary: summarizeSeriesSensitivity(plan.series[index]!, view(task.series[index]!), ranks, names) }));
  return { type: "done", runId: task.runId, summaries };
}

port?.on("message", (task: WorkerTask) => {
  try {
    port.postMessage(handle(task));
  } catch (e) {
    port.postMessage({ type: "error", runId: task.runId, message: (e as Error)?.stack ?? String(e) } satisfies WorkerReply);
  }
});
