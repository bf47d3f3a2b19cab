import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach } from "vitest";
import { importFiles } from "../../src/app/import/import-files.js";
import { openStore, type Store } from "../../src/store/open.js";
import { tempDir } from "./paths.js";

/**
 * Fresh stores in temporary folders for one test file, closed and removed after each test: call at the top level,
 * then `await newStore()` in a test (with `securities` imported as the master) or `newStore(false)` (empty).
 */
export function tempStores(securities: string): (withMaster?: boolean) => Promise<{ store: Store; dir: string }> {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return async (withMaster = true) => {
    const t = tempDir("rerate-yahoo-import-");
    cleanups.push(t.cleanup);
    const store = await openStore(join(t.dir, "store.duckdb"));
    cleanups.push(() => store.close());
    if (withMaster) {
      writeFileSync(join(t.dir, "securities.csv"), securities);
      await importFiles(store, { kind: "securities", files: [join(t.dir, "securities.csv")], now: "2025-01-01T00:00:00Z" });
    }
    return { store, dir: t.dir };
  };
}
