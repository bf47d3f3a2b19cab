import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** Default cache directory, relative to the working directory (beside the default store). */
export const DEFAULT_CACHE_DIR = ".rerate/cache";

/** Resolves the cache directory: explicit argument, then RERATE_CACHE_DIR, then the default. */
export function resolveCacheDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(explicit ?? env.RERATE_CACHE_DIR ?? DEFAULT_CACHE_DIR);
}

/** What one cache file holds: the raw wire data of one fetch, when it was saved and what it answers. */
interface Entry {
  savedAt: number;
  provider: string;
  model: string;
  /** Human-readable key (symbol and range; never a credential). */
  key: string;
  raw: unknown;
}

export interface CacheHit {
  raw: unknown;
  savedAt: number;
}

/**
 * A response cache on disk: one JSON file per provider, model and query under `dir/<provider>/<model>/`.
 * Entries are written only by the caller after the response was validated (a bad response is never kept) and
 * atomically (write to a temporary file, then rename), so a crash never leaves half a file behind.
 */
export class ResponseCache {
  constructor(readonly dir: string) {}

  private file(provider: string, model: string, key: string): string {
    const hash = createHash("sha256").update(`${provider}\0${model}\0${key}`).digest("hex").slice(0, 32);
    return join(this.dir, provider, model, `${hash}.json`);
  }

  /**
   * The entry for a query if it is younger than `ttlSeconds`; undefined when missing, expired or unreadable
   * (an unreadable file is removed).
   */
  read(provider: string, model: string, key: string, ttlSeconds: number, nowMs: number): CacheHit | undefined {
    const path = this.file(provider, model, key);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
    try {
      const e = JSON.parse(text) as Entry;
      if (typeof e.savedAt !== "number" || e.key !== key || !("raw" in e)) throw new Error("not a cache entry");
      if (nowMs - e.savedAt > ttlSeconds * 1000 || e.savedAt > nowMs + 60_000) return undefined;
      return { raw: e.raw, savedAt: e.savedAt };
    } catch {
      this.delete(provider, model, key);
      return undefined;
    }
  }

  /** Saves validated raw data for a query (atomically). */
  write(provider: string, model: string, key: string, raw: unknown, nowMs: number): void {
    const path = this.file(provider, model, key);
    mkdirSync(join(this.dir, provider, model), { recursive: true });
    const entry: Entry = { savedAt: nowMs, provider, model, key, raw };
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, path);
  }

  /** Forgets a query (e.g. cached data that no longer passes validation). */
  delete(provider: string, model: string, key: string): void {
    rmSync(this.file(provider, model, key), { force: true });
  }
}
