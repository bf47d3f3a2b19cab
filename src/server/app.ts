import { Hono } from "hono";
import { HTTP_STATUS, isRerateError } from "../errors.js";
import type { Lang } from "../models/common.js";
import type { Store } from "../store/open.js";
import { responseCache } from "./cache.js";
import { installGuards, type ServerSecurity } from "./guard.js";
import type { StoreLease } from "./store-lease.js";
import { registerCompsRoutes } from "./routes/comps.js";
import { registerAttributionRoutes } from "./routes/attribution.js";
import { registerImpliedRoutes } from "./routes/implied.js";
import { registerDocsRoutes } from "./routes/docs.js";
import { registerEventRoutes } from "./routes/events.js";
import { registerScenarioRoutes } from "./routes/scenarios.js";
import { registerStaticRoutes, securityHeaders } from "./routes/static.js";
import { registerThesisRoutes } from "./routes/theses.js";
import { registerStoreInfoRoutes } from "./routes/store-info.js";
import { registerCoverageRoutes } from "./routes/coverage.js";

/** What the server needs from its host: the store (opened once), and optionally a clock, language and error log. */
export interface AppDeps {
  store: () => Promise<Store>;
  now?: () => Date;
  lang?: Lang;
  /** Where unexpected errors are reported (never sent to the client); default stderr. */
  logError?: (e: unknown) => void;
  /** The built dashboard to serve (default web/dist); examples/ holding scenario models and theses. */
  webRoot?: string;
  /** Cache GET answers of the data routes (default true). */
  cache?: boolean;
  examplesDir?: string;
  /** Host, token, CORS and cross-site checks (default: loopback names on any port, no token, no CORS). */
  security?: ServerSecurity;
  /** A store held only while requests use it (`rerate serve`): requests hold it, and reopening empties the cache. */
  lease?: StoreLease;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: unknown[] };
}

/**
 * The rerate HTTP API as a Hono app (no port: tests call `app.request(...)`, `rerate serve` binds it). Routes live
 * one file per domain under `routes/`; errors map through the error catalogue (`HTTP_STATUS`): 400 for bad input
 * naming the parameter, 404, 422, 5xx; an unexpected error is a 500 with no stack trace in the body.
 *
 * @example const app = createApp({ store: () => openStore(":memory:") }); await app.request("/api/health")
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use("*", securityHeaders);
  installGuards(app, deps.security ?? {});
  const lease = deps.lease;
  if (lease !== undefined) app.use("/api/*", async (c, next) => (c.req.path === "/api/health" ? next() : lease.hold(c, next)));
  // Inside the lease and before the cache, so that cached answers carry the synthetic-data header too.
  registerStoreInfoRoutes(app, deps);
  // Data answers are pure functions of the store and the URL: cache them (see cache.ts for when that holds). No route
  // of this server writes to the store; another process can, while the lease has let it go (a new generation).
  if (deps.cache !== false) {
    app.use("/api/*", responseCache({
      paths: /^\/api\/(comps|wall|wall-premium|check-multiple|event-study|implied|bands|attribution)$/,
      writes: /$^/,
      ...(lease !== undefined ? { generation: lease.generation } : {}),
    }));
  }
  app.get("/api/health", (c) => c.json({ ok: true }));
  registerCompsRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerScenarioRoutes(app, deps);
  registerAttributionRoutes(app, deps);
  registerImpliedRoutes(app, deps);
  registerThesisRoutes(app, deps);
  registerCoverageRoutes(app, deps);
  registerDocsRoutes(app);
  registerStaticRoutes(app, deps.webRoot !== undefined ? { root: deps.webRoot } : {});
  app.notFound((c) => c.json({ error: { code: "E_NOT_FOUND", message: `no route ${c.req.method} ${c.req.path}` } } satisfies ErrorBody, 404));
  app.onError((e, c) => {
    if (isRerateError(e)) {
      const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.issues.length > 0 ? { issues: e.issues } : {}) } };
      return c.json(body, HTTP_STATUS[e.code] as 400);
    }
    (deps.logError ?? ((x: unknown) => void process.stderr.write(`rerate serve: ${(x as Error)?.stack ?? String(x)}\n`)))(e);
    return c.json({ error: { code: "E_INTERNAL", message: "internal error (logged on the server)" } } satisfies ErrorBody, 500);
  });
  return app;
}
