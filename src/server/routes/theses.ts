import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import { z } from "zod";
import { createThesisContext, thesisAsOf } from "../../app/thesis/context.js";
import { evaluateClaims, type ClaimResult } from "../../app/thesis/evaluate-claims.js";
import { loadThesis } from "../../app/thesis/load-thesis.js";
import { InvalidInputError, NotFoundError } from "../../errors.js";
import { IsoDate } from "../../models/common.js";
import type { AppDeps } from "../app.js";
import { parseQuery } from "./_params.js";
import { EXAMPLES_DIR } from "./scenarios.js";

const ThesisQuery = z.strictObject({ asOf: IsoDate.optional() });
const ID = /^[a-z0-9][a-z0-9-_]{0,80}$/;

/** The thesis files among the examples (YAML with top-level `claims:`), by id (file name without `.yaml`). */
function listThesisFiles(dir: string): { id: string; file: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().flatMap((n) => {
    const file = join(dir, n);
    return /^claims:/m.test(readFileSync(file, "utf8")) ? [{ id: n.replace(/\.ya?ml$/, ""), file }] : [];
  });
}

function findThesis(dir: string, id: string): { id: string; file: string } {
  if (!ID.test(id)) throw InvalidInputError.at({ column: "path parameter id", value: id, reason: "is not a thesis id (lower-case letters, digits and -)" });
  const hit = listThesisFiles(dir).find((t) => t.id === id);
  if (hit === undefined) throw new NotFoundError(`no thesis "${id}" (see /api/theses)`);
  return hit;
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
