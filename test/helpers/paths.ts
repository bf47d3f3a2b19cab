import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** Repository root. */
export const REPO = resolve(import.meta.dirname, "../..");

/** ../shared/data beside the checkout (real market data for tests; never copied into the repo). */
export const SHARED_DATA = resolve(process.env.RERATE_SHARED_DATA ?? join(REPO, "../shared/data"));

export const hasSharedData = existsSync(join(SHARED_DATA, "PROVENANCE.md"));

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = "rerate-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
