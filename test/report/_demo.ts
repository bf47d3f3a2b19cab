import { join } from "node:path";
import { loadDemo } from "../../src/app/demo.js";
import { openStore, type Store } from "../../src/store/open.js";
import { REPO, tempDir } from "../helpers/paths.js";

export const THESIS = join(REPO, "examples/china-tech-rerating.yaml");

/** A fresh store with the demo universe (fixed import time) in a temporary directory. */
export async function openDemoStore(): Promise<{ store: Store; dir: string; db: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = tempDir("rerate-report-");
  const db = join(dir, "demo.duckdb");
  const store = await openStore(db);
  await loadDemo(store, "2026-01-02T03:04:05Z");
  return {
    store, dir, db,
    cleanup: async () => {
      store.close();
      cleanup();
    },
  };
}
