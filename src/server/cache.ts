import type { MiddlewareHandler } from "hono";

interface Entry {
  body: string;
  type: string;
}

/**
 * An in-process cache of successful GET answers of the data routes, keyed by the full URL. An answer changes only
 * when the store does: when this server writes (a request other than GET/HEAD to a path matching `writes` that a
 * route answered with 2xx; a POST to an unknown route, or one refused, leaves the cache alone) or when another
 * process wrote while the server had let the store go (`generation` changes: see store-lease.ts). Concurrent
 * requests for the same URL share one computation. Least recently used entries go first beyond `max`.
 */
export function responseCache(opts: { max?: number; paths: RegExp; writes?: RegExp; generation?: () => number }): MiddlewareHandler {
  const max = opts.max ?? 500;
  const entries = new Map<string, Promise<Entry | undefined>>();
  let seen = opts.generation?.();
  return async (c, next) => {
    const gen = opts.generation?.();
    if (gen !== seen) {
      seen = gen;
      entries.clear();
    }
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      await next();
      if (c.res.status >= 200 && c.res.status < 300 && (opts.writes ?? /^/).test(c.req.path)) entries.clear();
      return;
    }
    if (!opts.paths.test(c.req.path)) return next();
    const key = c.req.url;
    const hit = entries.get(key);
    if (hit) {
      const e = await hit;
      if (e) {
        entries.delete(key);
        entries.set(key, hit);
        return c.newResponse(e.body, 200, { "content-type": e.type, "x-rerate-cache": "hit" });
      }
      return next();
    }
    let settle!: (e: Entry | undefined) => void;
    entries.set(key, new Promise((r) => (settle = r)));
    try {
      await next();
    } finally {
      const res = c.res;
      if (res.status === 200 && (res.headers.get("content-type") ?? "").includes("json")) {
        const body = await res.clone().text();
        settle({ body, type: res.headers.get("content-type")! });
        res.headers.set("x-rerate-cache", "miss");
        while (entries.size > max) entries.delete(entries.keys().next().value!);
      } else {
        entries.delete(key);
        settle(undefined);
      }
    }
  };
}
