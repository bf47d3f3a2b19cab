import type { MiddlewareHandler } from "hono";
import type { Store } from "../store/open.js";

/** A store the server holds only while requests use it. */
export interface StoreLease {
  /** The open store, opening it if needed (waiting for a writer as `open` does). */
  store: () => Promise<Store>;
  /** Middleware holding the store open for the length of a request. */
  hold: MiddlewareHandler;
  /** Bumped each time the store is reopened: answers cached under an older generation may be stale. */
  generation: () => number;
  /** Closes the store now (server shutdown). */
  close: () => void;
}

/**
 * Holds the store open while requests use it and lets it go `idleMs` after the last one, so that a CLI writer
 * (`rerate import`, `fetch`, `groups save`) can take it between requests: DuckDB lets many processes read a file
 * but only one write it, and a reader's lock keeps the writer out. Each reopening bumps {@link StoreLease.generation},
 * because a writer may have changed the data meanwhile.
 * @param open opens the store (read-only, waiting for a writer's lock for a bounded time).
 * @param idleMs how long the store stays open after the last request (default 500 ms).
 * @example const lease = createStoreLease(() => openStore(path, { readOnly: true })); app.use("/api/*", lease.hold)
 */
export function createStoreLease(open: () => Promise<Store>, idleMs = 500): StoreLease {
  let current: Promise<Store> | undefined;
  let users = 0;
  let gen = 0;
  let timer: NodeJS.Timeout | undefined;
  const release = () => {
    const s = current;
    current = undefined;
    void s?.then((x) => x.close(), () => undefined);
  };
  const store = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (current === undefined) {
      gen++;
      current = open();
      current.catch(() => (current = undefined));
    }
    if (users === 0) schedule();
    return current;
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (users === 0) release();
    }, idleMs);
    timer.unref();
  };
  return {
    store,
    generation: () => gen,
    hold: async (_c, next) => {
      users++;
      try {
        await store();
        await next();
      } finally {
        users--;
        if (users === 0) schedule();
      }
    },
    close: () => {
      if (timer !== undefined) clearTimeout(timer);
      release();
    },
  };
}
