import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles, type ImportKind } from "../../src/app/import/import-files.js";
import { readPeerGroupFile } from "../../src/app/peer-groups.js";
import { loadScenarioModel } from "../../src/app/scenario.js";
import { loadThesis } from "../../src/app/thesis/load-thesis.js";
import { isRerateError, type InputIssue } from "../../src/errors.js";
import type { Store } from "../../src/store/open.js";
import { createTempDir, NOW, openPreloadedStore, REPO_ROOT, snapshotStore, type TempDir } from "../import/_helpers.js";
import { generateCorpus, type HostileCase } from "./corpus.js";

const examples = {
  thesis: readFileSync(resolve(REPO_ROOT, "examples/china-tech-rerating.yaml"), "utf8"),
  scenario: readFileSync(resolve(REPO_ROOT, "examples/china-ai-capex.yaml"), "utf8"),
  groups: "groups:\n  hk-tech:\n    name: { en: HK tech }\n    securities: [9988.HK, 0700.HK, 3690.HK]\n",
};
const CORPUS = generateCorpus(examples);
const IMPORT_KINDS = new Set(["securities", "prices", "fundamentals", "estimates", "fx", "events"]);

/** SHA-256 of every table's rows: equal before and after means nothing was written. */
async function storeHash(store: Store): Promise<string> {
  const snap = await snapshotStore(store);
  return createHash("sha256").update(JSON.stringify(snap, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).digest("hex");
}

const counts = { tried: 0, refusedLocated: 0, acceptedByRule: 0, crashes: 0, partialWrites: 0, unexpected: 0 };

async function runCase(c: HostileCase, dir: string): Promise<void> {
  if (IMPORT_KINDS.has(c.kind)) {
    await importFiles(store, { kind: c.kind as ImportKind, files: Object.keys(c.files).map((n) => join(dir, n)), now: NOW, ...c.opts });
    return;
  }
  const file = join(dir, Object.keys(c.files)[0]!);
  if (c.kind === "thesis") loadThesis(file);
  else if (c.kind === "scenario") loadScenarioModel(file);
  else readPeerGroupFile(file);
}

let store: Store;
let tmp: TempDir;

describe("hostile corpus: every malformed input is refused with a located error or accepted by a documented rule", () => {
  beforeAll(async () => {
    tmp = createTempDir("rerate-hostile-");
    store = await openPreloadedStore(tmp);
  });
  afterAll(() => {
    store?.close();
    tmp?.cleanup();
  });

  it("generateCorpus() yields at least 250 distinct cases with unique ids, deterministically", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(250);
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
    expect(generateCorpus(examples).map((c) => JSON.stringify(c, (_k, v: unknown) => (v instanceof RegExp ? v.source : v)))).toEqual(
      CORPUS.map((c) => JSON.stringify(c, (_k, v: unknown) => (v instanceof RegExp ? v.source : v))),
    );
  });

  CORPUS.forEach((c, i) => {
    it(c.id, async () => {
      const dir = join(tmp.dir, `case-${i}`);
      mkdirSync(dir, { recursive: true });
      for (const [name, content] of Object.entries(c.files)) tmp.write(`case-${i}/${name}`, content);
      counts.tried++;
      const before = await storeHash(store);
      let error: unknown;
      try {
        await runCase(c, dir);
      } catch (e) {
        error = e;
      }
      const after = await storeHash(store);
      const crashed = error !== undefined && (!isRerateError(error) || error.code === "E_INTERNAL");
      if (crashed) counts.crashes++;
      expect(crashed, `crash: ${String((error as Error)?.stack ?? error)}`).toBe(false);
      if ("accept" in c.expect) {
        expect(error, `expected acceptance by rule "${c.expect.accept}", got: ${(error as Error)?.message}`).toBeUndefined();
        counts.acceptedByRule++;
        return;
      }
      if (error !== undefined && before !== after) counts.partialWrites++;
      expect(after, "a refused import must leave the store unchanged").toBe(before);
      expect(error, "expected a refusal").toBeDefined();
      const err = error as Error & { code: string; issues: InputIssue[] };
      expect(err.code).toBe("E_INVALID_INPUT");
      expect(err.message).not.toMatch(/\n\s+at \S+ \(/); // no stack trace in the message
      const want = c.expect.refuse;
      const issue = err.issues[0];
      expect(issue, err.message).toBeDefined();
      expect(issue!.file).toBe(join(dir, want.file ?? Object.keys(c.files)[0]!));
      if (want.line !== undefined) expect(issue!.line, err.message).toBe(want.line);
      if (want.record !== undefined) expect(issue!.record).toBe(want.record);
      if (want.column !== undefined) expect(issue!.column).toBe(want.column);
      if (want.value !== undefined) expect(issue!.value).toBe(want.value);
      expect(issue!.reason, err.message).toMatch(want.reason);
      // Echoes are short: no quoted value or column past ~80 characters, and the message stays small.
      for (const is of err.issues) {
        expect((is.value ?? "").length).toBeLessThanOrEqual(110);
        expect((is.column ?? "").length).toBeLessThanOrEqual(110);
      }
      expect(err.message.length).toBeLessThan(20_000);
      counts.refusedLocated++;
    });
  });

  it("counts: no crash, no partial write, every case as expected", () => {
    counts.unexpected = counts.tried - counts.refusedLocated - counts.acceptedByRule;
    console.log(`hostile corpus: ${JSON.stringify(counts)}`);
    expect(counts.tried).toBe(CORPUS.length);
    expect(counts.crashes).toBe(0);
    expect(counts.partialWrites).toBe(0);
    expect(counts.unexpected).toBe(0);
  });
});
