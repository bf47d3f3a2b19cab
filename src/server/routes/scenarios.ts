import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { stream } from "hono/streaming";
import { z } from "zod";
import {
  compileScenario, parseScenarioModel, runScenarioMonteCarlo, tornadoScenarioModel, type LoadedScenarioModel,
} from "../../app/scenario.js";
import { InvalidInputError, isRerateError } from "../../errors.js";
import { MAX_DRAWS, ScenarioModel, ScenarioName, ScenarioOverride } from "../../models/scenario.js";
import type { AppDeps } from "../app.js";
import { findExampleFile, listExampleFiles } from "./_examples.js";
import { parseJsonBody } from "./_params.js";

/** Where the bundled scenario models live (the repository's examples/, beside src/ and dist/). */
export const EXAMPLES_DIR = fileURLToPath(new URL("../../../examples/", import.meta.url));

/** Draws a dashboard request may ask for: enough for smooth histograms, bounded so one call cannot hog the server. */
export const MAX_API_DRAWS = MAX_DRAWS;

const Edits = z.record(ScenarioName, ScenarioOverride);
const RunBody = z.strictObject({
  drivers: Edits.optional(),
  scenario: ScenarioName.optional(),
  draws: z.int().min(1).max(MAX_API_DRAWS).optional(),
  seed: z.int().min(0).max(2 ** 32 - 1).optional(),
  sampler: z.enum(["plain", "lhs"]).optional(),
});
const TornadoBody = z.strictObject({
  drivers: Edits.optional(),
  scenario: ScenarioName.optional(),
  output: ScenarioName.optional(),
  year: z.int().min(1900).max(2200).optional(),
});

/** A scenario model has drivers and formulas; a thesis file does not. */
const isModel = (text: string) => /^drivers:/m.test(text) && /^formulas:/m.test(text);
const listModelFiles = (dir: string) => listExampleFiles(dir, isModel);

/** Loads a bundled model by id; the id is checked against the listing, so no client-chosen path is ever read. */
function loadById(dir: string, id: string): LoadedScenarioModel {
  const hit = findExampleFile(dir, id, isModel, "model", "/api/scenarios");
  return parseScenarioModel(readFileSync(hit.file, "utf8"), basename(hit.file));
}

/**
 * The model with a client's driver edits: each edit replaces the driver's value, dist or byYear (and range),
 * keeping its unit, label, basis and source. Unknown drivers are refused.
 * @throws InvalidInputError naming the driver
 */
export function applyDriverEdits(loaded: LoadedScenarioModel, edits: z.infer<typeof Edits> | undefined): LoadedScenarioModel {
  if (edits === undefined || Object.keys(edits).length === 0) return loaded;
  const drivers = { ...loaded.model.drivers };
  for (const [name, edit] of Object.entries(edits)) {
    const d = drivers[name];
    if (d === undefined) throw InvalidInputError.at({ column: "body field drivers", value: name, reason: `is not a driver of this model (drivers: ${Object.keys(drivers).join(", ")})` });
    const { value: _v, dist: _d, byYear: _b, ...keep } = d;
    drivers[name] = typeof edit === "number" ? { ...keep, value: edit } : { ...keep, ...edit, ...(edit.range === undefined && d.range !== undefined ? { range: d.range } : {}) };
  }
  const parsed = ScenarioModel.safeParse({ ...loaded.model, drivers });
  if (!parsed.success) throw InvalidInputError.at({ column: `body field drivers.${parsed.error.issues[0]?.path.slice(1).join(".")}`, reason: parsed.error.issues[0]?.message ?? "is invalid" });
  return { file: `${loaded.file} (edited)`, model: parsed.data, locate: () => undefined };
}

/**
 * Routes of scenario models (the bundled examples):
 * - `GET /api/scenarios` → `[{ id, title }]`.
 * - `GET /api/scenarios/:id` → the model: years, drivers (with units, bases and sources), formulas, scenarios, outputs.
 * - `POST /api/scenarios/:id/run` `{ drivers?, scenario?, draws?, seed?, sampler? }` → NDJSON stream: `{type:"progress",done,total}`
 *   lines, then `{type:"result",result}` (or `{type:"error",error}`).
 * - `POST /api/scenarios/:id/tornado` `{ drivers?, scenario?, output?, year? }` → the tornado of one output.
 */
export function registerScenarioRoutes(app: Hono, deps: AppDeps & { examplesDir?: string }): void {
  const dir = () => deps.examplesDir ?? EXAMPLES_DIR;

  app.get("/api/scenarios", (c) =>
    c.json(listModelFiles(dir()).map(({ id, file }) => {
      const m = parseScenarioModel(readFileSync(file, "utf8"), basename(file)).model;
      return { id, title: m.title ?? id };
    })),
  );

  app.get("/api/scenarios/:id", (c) => {
    const id = c.req.param("id");
    const { model } = loadById(dir(), id);
    return c.json({ id, ...model });
  });

  app.post("/api/scenarios/:id/tornado", async (c) => {
    const body = await parseJsonBody(c, TornadoBody);
    const loaded = applyDriverEdits(loadById(dir(), c.req.param("id")), body.drivers);
    return c.json(tornadoScenarioModel(loaded, {
      ...(body.scenario !== undefined ? { scenario: body.scenario } : {}),
      ...(body.output !== undefined ? { output: body.output } : {}),
      ...(body.year !== undefined ? { year: body.year } : {}),
    }));
  });

  app.post("/api/scenarios/:id/run", async (c) => {
    const body = await parseJsonBody(c, RunBody);
    const loaded = applyDriverEdits(loadById(dir(), c.req.param("id")), body.drivers);
    compileScenario(loaded, body.scenario ?? "base"); // bad scenario names and compile errors are a 400 before streaming
    c.header("Content-Type", "application/x-ndjson; charset=utf-8");
    c.header("Cache-Control", "no-store");
    return stream(c, async (s) => {
      let last = -1;
      const lines: string[] = [];
      const flush = async () => {
        while (lines.length > 0) await s.write(lines.shift()!);
      };
      try {
        const run = runScenarioMonteCarlo(loaded, {
          ...(body.scenario !== undefined ? { scenario: body.scenario } : {}),
          ...(body.draws !== undefined ? { draws: body.draws } : {}),
          ...(body.seed !== undefined ? { seed: body.seed } : {}),
          ...(body.sampler !== undefined ? { sampler: body.sampler } : {}),
          onProgress: (done, total) => {
            const pct = Math.floor((100 * done) / total);
            if (pct === last) return;
            last = pct;
            lines.push(JSON.stringify({ type: "progress", done, total }) + "\n");
            void flush();
          },
        });
        const result = await run;
        await flush();
        await s.write(JSON.stringify({ type: "result", result }) + "\n");
      } catch (e) {
        await flush();
        if (isRerateError(e)) await s.write(JSON.stringify({ type: "error", error: { code: e.code, message: e.message } }) + "\n");
        else {
          (deps.logError ?? ((x: unknown) => void process.stderr.write(`rerate serve: ${(x as Error)?.stack ?? String(x)}\n`)))(e);
          await s.write(JSON.stringify({ type: "error", error: { code: "E_INTERNAL", message: "internal error (logged on the server)" } }) + "\n");
        }
      }
    });
  });
}
