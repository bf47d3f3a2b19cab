import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidInputError, NotFoundError } from "../../errors.js";

const ID = /^[a-z0-9][a-z0-9-_]{0,80}$/;

export interface ExampleFile {
  /** The file name without `.yaml`. */
  id: string;
  file: string;
}

/** The YAML files of the examples folder whose text passes `isKind` (e.g. has top-level `claims:`), sorted. */
export function listExampleFiles(dir: string, isKind: (text: string) => boolean): ExampleFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().flatMap((n) => {
    const file = join(dir, n);
    return isKind(readFileSync(file, "utf8")) ? [{ id: n.replace(/\.ya?ml$/, ""), file }] : [];
  });
}

/**
 * One example by id. The id is checked, then looked up in the listing, so no client-chosen path is ever read.
 * @param noun "model" or "thesis", for the messages; `listRoute` names the route that lists the ids.
 * @throws InvalidInputError for a malformed id (400); NotFoundError for an unknown one (404).
 */
export function findExampleFile(dir: string, id: string, isKind: (text: string) => boolean, noun: string, listRoute: string): ExampleFile {
  if (!ID.test(id)) throw InvalidInputError.at({ column: "path parameter id", value: id, reason: `is not a ${noun} id (lower-case letters, digits and -)` });
  const hit = listExampleFiles(dir, isKind).find((f) => f.id === id);
  if (hit === undefined) throw new NotFoundError(`no ${noun === "model" ? "scenario model" : noun} "${id}" (see ${listRoute})`);
  return hit;
}
