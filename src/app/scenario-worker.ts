/**
 * Worker thread of the scenario pool (src/app/scenario.ts): compiles the model it is sent, runs the blocks
 * it is given and posts each block's draws back (the arrays are transferred, not copied).
 */
import { parentPort } from "node:worker_threads";
import { compileModel, createSimulationPlan, runBlock, splitBlocks, type BlockResult, type Sampler, type SimulationPlan } from "../core/scenario/index.js";
import type { ScenarioModel } from "../models/scenario.js";

/** A run's share of blocks. The model was validated by the main thread. */
export interface WorkerTask {
  readonly runId: number;
  readonly model: ScenarioModel;
  readonly scenario: string;
  readonly seed: number;
  readonly sampler: Sampler;
  readonly draws: number;
  readonly blocks: readonly number[];
}

export type WorkerReply =
  | { readonly type: "block"; readonly runId: number; readonly block: BlockResult }
  | { readonly type: "done"; readonly runId: number }
  | { readonly type: "error"; readonly runId: number; readonly message: string };

const port = parentPort;
// Plans are cached by model and scenario, so repeated runs of one model skip compiling (and PERT tables).
let cached: { model: ScenarioModel; scenario: string; plan: SimulationPlan } | undefined;

port?.on("message", (task: WorkerTask) => {
  try {
    if (cached === undefined || cached.scenario !== task.scenario || JSON.stringify(cached.model) !== JSON.stringify(task.model)) {
      cached = { model: task.model, scenario: task.scenario, plan: createSimulationPlan(compileModel(task.model, { scenario: task.scenario })) };
    }
    const layout = splitBlocks(task.draws);
    for (const index of task.blocks) {
      const block = runBlock(cached.plan, layout[index]!, { seed: task.seed, sampler: task.sampler });
      const transfer = [...block.series, ...block.percentiles].map((a) => a.buffer as ArrayBuffer);
      port.postMessage({ type: "block", runId: task.runId, block } satisfies WorkerReply, transfer);
    }
    port.postMessage({ type: "done", runId: task.runId } satisfies WorkerReply);
  } catch (e) {
    port.postMessage({ type: "error", runId: task.runId, message: (e as Error)?.stack ?? String(e) } satisfies WorkerReply);
  }
});
