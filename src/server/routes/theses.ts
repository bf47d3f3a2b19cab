import type { Hono } from "hono";
import { z } from "zod";
import { createThesisContext, thesisAsOf } from "../../app/thesis/context.js";
import { evaluateClaims, type ClaimResult } from "../../app/thesis/evaluate-claims.js";
import { loadThesis } from "../../app/thesis/load-thesis.js";
import { IsoDate } from "../../models/common.js";
import type { AppDeps } from "../app.js";
import { findExampleFile, listExampleFiles, type ExampleFile } from "./_examples.js";
import { parseQuery } from "./_params.js";
import { EXAMPLES_DIR } from "./scenarios.js";

const ThesisQuery = z.strictObject({ asOf: IsoDate.optional() });
/** A thesis file has top-level `claims:`. */
const isThesis = (text: string) => /^claims:/m.test(text);
const listThesisFiles = (dir: string) => listExampleFiles(dir, isThesis);

function findThesis(dir: string, id: string): ExampleFile {
  return findExampleFile(dir, id, isThesis, "thesis", "/api/theses");
}

/**
 * Routes of theses (the bundled examples):
 * - `GET /api/theses` → `[{ id, title, claims }]` (claims as written, no verdicts).
 * - `GET /api/theses/:id[?asOf]` → `{ id, asOf, thesis, results }`: every claim with its verdict (holds, fails,
 *   insufficient) and the figure behind it. Results are cached per thesis and date for the server's life.
 */
export function registerThesisRoutes(app: Hono, deps: AppDeps & { examplesDir?: string }): void {
  const dir = () => deps.examplesDir ?? EXAMPLES_DIR;
  const cache = new Map<string, Promise<ClaimResult[]>>();

  app.get("/api/theses", (c) =>
    c.json(listThesisFiles(dir()).map(({ id, file }) => {
      const { thesis } = loadThesis(file);
      return { id, title: thesis.title, claims: thesis.claims };
    })),
  );

  app.get("/api/theses/:id", async (c) => {
    const q = parseQuery(c, ThesisQuery);
    const { id, file } = findThesis(dir(), c.req.param("id"));
    const loaded = loadThesis(file);
    const store = await deps.store();
    const asOf = q.asOf ?? (await thesisAsOf(store, loaded.thesis));
    const key = `${id}@${asOf}`;
    let results = cache.get(key);
    if (results === undefined) {
      results = evaluateClaims(createThesisContext(store, loaded, asOf));
      cache.set(key, results);
      results.catch(() => cache.delete(key));
    }
    return c.json({ id, asOf, thesis: loaded.thesis, results: await results });
  });
}
