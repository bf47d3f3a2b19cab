import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { z } from "zod";
import { InvalidInputError } from "../errors.js";
import { MAX_DRAWS, ScenarioModel } from "../models/scenario.js";
import { readConfigFile } from "./config-file.js";
import {
  BLOCK_SIZE, checkCorrelations, compileModel, createSimulationPlan, evaluateScenarios, modelIssuesError, resolveTarget, runGrid, runTornado,
  simulateDraws, splitBlocks, summarizeMonteCarlo, validateRun,
  type CompiledModel, type DeterministicResult, type GridAxisOptions, type GridResult, type Locator, type MonteCarloResult,
  type Sampler, type SeriesSummary, type TornadoResult,
} from "../core/scenario/index.js";
import { suggestName } from "../core/scenario/suggest.js";
import type { WorkerReply, WorkerTask } from "./scenario-worker.js";
import { spawnModuleWorker } from "./spawn-worker.js";
import { createLineLocator, valueAt } from "./yaml-locate.js";
import { resolveInputPath } from "./example-files.js";
import { parseYamlSafely } from "./yaml-safe.js";

/** A model read from its file: validated shape, file name and line lookup for messages. */
export interface LoadedScenarioModel {
  readonly file: string;
  readonly model: ScenarioModel;
  readonly locate: Locator;
}

/** Every field name the model file knows, for "did you mean" hints on unknown keys. */
const KNOWN_FIELDS = [
  "id", "title", "description", "years", "drivers", "formulas", "correlations", "scenarios", "outputs", "montecarlo", "unit", "value", "dist",
  "byYear", "range", "label", "basis", "source", "note", "type", "mean", "sd", "mu", "sigma", "min", "mode", "max", "lambda", "truncate", "base",
  "values", "probabilities", "expr", "between", "rank", "set", "name", "threshold", "draws", "seed", "sampler", "en", "zh-Hant", "zh-Hans",
];

type ZodIssue = z.core.$ZodIssue;

/** Zod's issues as model issues: unions narrowed to the branch that fits the value, unknown keys located. */
function flattenZodIssues(issues: readonly ZodIssue[], prefix: readonly PropertyKey[], raw: unknown): { path: (string | number)[]; value?: string; reason: string }[] {
  const out: { path: (string | number)[]; value?: string; reason: string }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path].map((p) => (typeof p === "symbol" ? String(p) : p));
    const here = valueAt(raw, path);
    const text = here === undefined ? undefined : typeof here === "object" ? JSON.stringify(here) : String(here);
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      // Keep the branches that got past the top-level type check (the value is an object, not a number …).
      const fitting = issue.errors.filter((b) => !(b.length === 1 && b[0]?.code === "invalid_type" && b[0].path.length === 0));
      if (fitting.length === 1) {
        out.push(...flattenZodIssues(fitting[0] as ZodIssue[], path, raw));
        continue;
      }
      const expected = issue.errors.map((b) => (b[0]?.code === "invalid_type" ? (b[0] as { expected: string }).expected : "another shape"));
      out.push({ path, ...(text !== undefined ? { value: text } : {}), reason: `must be ${[...new Set(expected)].join(" or ")}` });
      continue;
    }
    if (issue.code === "invalid_union" && "discriminator" in issue) {
      out.push({ path, ...(text !== undefined ? { value: text } : {}), reason: `must be one of ${(issue as { options?: unknown[] }).options?.join(", ") ?? "the known types"}` });
      continue;
    }
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const hint = suggestName(key, KNOWN_FIELDS);
        out.push({ path: [...path, key], value: key, reason: `is not a field here${hint !== undefined && hint !== key ? ` (did you mean "${hint}"?)` : ""}` });
      }
      continue;
    }
    if (issue.code === "invalid_key") {
      const key = String(path[path.length - 1]);
      out.push({ path, value: key, reason: (issue.issues[0]?.message ?? issue.message).replace(/^Invalid input: /, "") });
      continue;
    }
    const reason = issue.code === "invalid_type" && here === undefined ? "is missing" : issue.message.replace(/^Invalid input: /, "").replace(/^Invalid option: /, "");
    out.push({ path, ...(text !== undefined ? { value: text } : {}), reason });
  }
  return out;
}

/**
 * Reads a scenario model from YAML (or JSON) text: syntax errors and schema problems are reported with
 * their line; the compile step (units, names, cycles, correlations) locates its problems the same way.
 *
 * @param text - the file's contents.
 * @param file - the file name for messages.
 * @returns the model and its line lookup.
 * @throws InvalidInputError naming file, line, field and reason of every problem.
 * @example parseScenarioModel(readFileSync("examples/china-ai-capex.yaml", "utf8"), "china-ai-capex.yaml")
 */
export function parseScenarioModel(text: string, file: string): LoadedScenarioModel {
  const { doc, lines, raw } = parseYamlSafely(text, file);
  const locate = createLineLocator(doc, lines);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw InvalidInputError.at({ file, line: 1, reason: "is not a scenario model (expected years:, drivers:, formulas:, outputs: …)" });
  }
  const parsed = ScenarioModel.safeParse(raw);
  if (!parsed.success) throw modelIssuesError(flattenZodIssues(parsed.error.issues, [], raw), { file, locate });
  return { file, model: parsed.data, locate };
}

/**
 * Reads and validates a scenario model file.
 * @throws NotFoundError when the file does not exist; InvalidInputError for anything malformed.
 */
export function loadScenarioModel(given: string): LoadedScenarioModel {
  const found = resolveInputPath(given);
  const file = found.example ? found.path : given; // errors name the file as the user typed it
  return parseScenarioModel(readConfigFile(file, "scenario model", given), file);
}

/** Compiles a loaded model for one scenario (base by default), with located errors. */
export function compileScenario(loaded: LoadedScenarioModel, scenario = "base"): CompiledModel {
  return compileModel(loaded.model, { scenario, file: loaded.file, locate: loaded.locate });
}

/** Deterministic outputs of the base case and every named scenario. */
export function evaluateScenarioModel(loaded: LoadedScenarioModel): DeterministicResult[] {
  return evaluateScenarios(loaded.model, { file: loaded.file, locate: loaded.locate });
}

/** Tornado of one output (default: the first output, last year) for a scenario. */
export function tornadoScenarioModel(loaded: LoadedScenarioModel, o: { scenario?: string; output?: string; year?: number; pLow?: number; pHigh?: number } = {}): TornadoResult {
  const model = compileScenario(loaded, o.scenario);
  return runTornado(model, resolveTarget(model, o.output, o.year), { ...(o.pLow !== undefined ? { pLow: o.pLow } : {}), ...(o.pHigh !== undefined ? { pHigh: o.pHigh } : {}) });
}

/** Two-way grid of one output over two drivers for a scenario. */
export function gridScenarioModel(
  loaded: LoadedScenarioModel,
  x: GridAxisOptions,
  y: GridAxisOptions,
  o: { scenario?: string; output?: string; year?: number; steps?: number } = {},
): GridResult {
  const model = compileScenario(loaded, o.scenario);
  return runGrid(model, resolveTarget(model, o.output, o.year), x, y, o.steps !== undefined ? { steps: o.steps } : {});
}

export interface ScenarioRunOptions {
  readonly scenario?: string;
  readonly draws?: number;
  readonly seed?: number;
  readonly sampler?: Sampler;
  /** Worker threads (default: the machine's available parallelism, at most 16); 1 runs on this thread. */
  readonly threads?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** A set of worker threads that run Monte Carlo blocks; reuse it across runs, then close it. */
export interface ScenarioPool {
  readonly threads: number;
  run(loaded: LoadedScenarioModel, options?: ScenarioRunOptions): Promise<MonteCarloResult>;
  close(): Promise<void>;
}

/**
 * A pool of worker threads for Monte Carlo runs. A run has three phases over shared memory: the workers
 * simulate blocks (block i to worker i mod T) into the run's arrays; rank the drivers' percentiles; and
 * summarise the output series (series k to worker k mod T). Each block's numbers depend only on (seed,
 * block) and each summary only on the data, so the result is identical for any thread count.
 *
 * @param threads - worker count (≥ 1).
 * @returns the pool; call close() when done.
 * @example const pool = createScenarioPool(2); await pool.run(loaded, { draws: 1e6 }); await pool.close();
 */
export function createScenarioPool(threads: number): ScenarioPool {
  if (!(Number.isInteger(threads) && threads >= 1)) throw InvalidInputError.at({ column: "--threads", value: String(threads), reason: "must be a whole number ≥ 1" });
  const workers = Array.from({ length: threads }, () => spawnModuleWorker("scenario-worker", import.meta.url));
  const exited = new Set<Worker>();
  for (const w of workers) w.once("exit", () => exited.add(w));
  let nextRun = 0;

  /** Sends each worker its task (or none) and waits until every one has answered "done". */
  const phase = (tasks: (WorkerTask | undefined)[], onReply: (m: WorkerReply) => void): Promise<void> =>
    Promise.all(
      workers.map(
        (w, k) =>
          new Promise<void>((resolve, reject) => {
            const task = tasks[k];
            if (task === undefined) return resolve();
            if (exited.has(w)) return reject(new Error("scenario worker has exited; create a new pool"));
            const cleanup = (): void => {
              w.off("message", onMessage);
              w.off("error", onError);
              w.off("exit", onExit);
            };
            const onMessage = (m: WorkerReply): void => {
              if (m.runId !== task.runId) return;
              onReply(m);
              if (m.type === "progress") return;
              cleanup();
              if (m.type === "error") reject(new Error(`scenario worker failed: ${m.message}`));
              else resolve();
            };
            const onError = (e: Error): void => {
              cleanup();
              reject(e);
            };
            const onExit = (code: number): void => {
              cleanup();
              reject(new Error(`scenario worker exited (code ${code}) before finishing its task`));
            };
            w.on("message", onMessage);
            w.on("error", onError);
            w.on("exit", onExit);
            w.postMessage(task);
          }),
      ),
    ).then(() => undefined);

  const deal = <T>(items: readonly T[]): T[][] => workers.map((_, k) => items.filter((_, i) => i % threads === k));

  return {
    threads,
    async run(loaded, options = {}) {
      const o = runDefaults(loaded, options);
      const model = compileScenario(loaded, o.scenario);
      const plan = createSimulationPlan(model);
      const runId = nextRun++;
      const ref = { runId, model: loaded.model, scenario: o.scenario };
      const shared = (): SharedArrayBuffer => new SharedArrayBuffer(o.draws * Float64Array.BYTES_PER_ELEMENT);
      const series = plan.series.map(shared);
      const percentiles = plan.drivers.map(shared);

      let done = 0;
      const blocks = deal(splitBlocks(o.draws).map((b) => b.index));
      await phase(
        blocks.map((mine) => (mine.length === 0 ? undefined : { ...ref, type: "simulate", seed: o.seed, sampler: o.sampler, draws: o.draws, blocks: mine, series, percentiles })),
        (m) => {
          if (m.type !== "progress") return;
          done += m.n;
          o.onProgress?.(done, o.draws);
        },
      );
      // Percentiles are replaced by their ranks in place: only the ranks are needed from here on.
      await phase(deal(percentiles).map((arrays) => (arrays.length === 0 ? undefined : { type: "rank", runId, arrays })), () => {});
      const summaries: SeriesSummary[] = new Array(plan.series.length);
      await phase(
        deal(plan.series.map((_, i) => i)).map((indices) => (indices.length === 0 ? undefined : { ...ref, type: "summarize", indices, series, ranks: percentiles })),
        (m) => {
          if (m.type === "done") for (const s of m.summaries ?? []) summaries[s.index] = s.summary;
        },
      );
      const ranks = percentiles.map((b) => new Float64Array(b));
      return { scenario: o.scenario, draws: o.draws, seed: o.seed, sampler: o.sampler, blockSize: BLOCK_SIZE, series: summaries, correlations: checkCorrelations(plan, ranks) };
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * How many threads a run uses: the request (default: the machine's available parallelism, at most 16),
 * never more than it has blocks.
 * @throws InvalidInputError when the request is not a whole number ≥ 1.
 */
export function scenarioThreads(draws: number, requested?: number): number {
  const want = requested ?? Math.min(availableParallelism(), 16);
  if (!(Number.isInteger(want) && want >= 1)) throw InvalidInputError.at({ column: "--threads", value: String(requested), reason: "must be a whole number ≥ 1" });
  return Math.min(want, splitBlocks(draws).length);
}

function runDefaults(loaded: LoadedScenarioModel, o: ScenarioRunOptions): { scenario: string; draws: number; seed: number; sampler: Sampler; onProgress?: (done: number, total: number) => void } {
  const mc = loaded.model.montecarlo ?? {};
  const draws = o.draws ?? mc.draws ?? 100_000;
  const seed = o.seed ?? mc.seed ?? 42;
  try {
    validateRun({ draws, seed });
    if (draws > MAX_DRAWS) throw new RangeError(`draws (${draws}) must be at most ${MAX_DRAWS.toLocaleString("en-US")}`);
  } catch (e) {
    const column = String((e as Error).message).startsWith("draws") ? "--draws" : "--seed";
    throw InvalidInputError.at({ column, value: String(column === "--draws" ? draws : seed), reason: (e as Error).message.replace(/^\w+ \([^)]*\) /, "") });
  }
  return { scenario: o.scenario ?? "base", draws, seed, sampler: o.sampler ?? mc.sampler ?? "plain", ...(o.onProgress ? { onProgress: o.onProgress } : {}) };
}

/**
 * Seeded Monte Carlo of a scenario: blocks of draws on worker threads (or this thread), statistics of every
 * output. Same model, scenario, seed, draws and sampler ⇒ the same numbers, whatever the thread count.
 *
 * @param loaded - the model.
 * @param options - scenario, draws (default: the file's, else 100,000), seed (the file's, else 42),
 *   sampler (plain or lhs), threads, progress.
 * @returns the run's statistics.
 * @example await runScenarioMonteCarlo(loadScenarioModel("examples/china-ai-capex.yaml"), { draws: 100000, seed: 42 })
 */
export async function runScenarioMonteCarlo(loaded: LoadedScenarioModel, options: ScenarioRunOptions = {}): Promise<MonteCarloResult> {
  const o = runDefaults(loaded, options);
  const threads = scenarioThreads(o.draws, options.threads);
  if (threads === 1) {
    const model = compileScenario(loaded, o.scenario);
    const plan = createSimulationPlan(model);
    const draws = simulateDraws(plan, { draws: o.draws, seed: o.seed, sampler: o.sampler, ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
    return summarizeMonteCarlo(plan, draws, { seed: o.seed, sampler: o.sampler, blockSize: BLOCK_SIZE });
  }
  const pool = createScenarioPool(threads);
  try {
    return await pool.run(loaded, options);
  } finally {
    await pool.close();
  }
}
