import { randomBytes } from "node:crypto";
import { networkInterfaces } from "node:os";
import { serve, type ServerType } from "@hono/node-server";
import { parseNumberOption } from "../../app/comps-options.js";
import { InvalidInputError } from "../../errors.js";
import { t } from "../../i18n/index.js";
import { createApp } from "../../server/app.js";
import { LOOPBACK_HOSTS, normalizeHostName, type ServerSecurity } from "../../server/guard.js";
import { createStoreLease, type StoreLease } from "../../server/store-lease.js";
import { openStore } from "../../store/open.js";
import type { CliContext } from "../context.js";

export interface ServeOptions {
  port?: string;
  host?: string;
  /** A token to require, `true` to generate one; a non-loopback --host generates one when none is given. */
  token?: string | boolean;
  allowHost?: string[];
  cors?: string[];
  /** Connection limits (tests shorten them); see {@link SERVER_TIMEOUTS}. */
  timeouts?: Partial<typeof SERVER_TIMEOUTS>;
  /** How long the store stays open after the last request (ms). */
  idleMs?: number;
}

/**
 * Connection limits, chosen rather than Node's defaults (60 s for headers, 300 s for a request): a client has 10 s
 * to send its headers and 30 s for the whole request (the API's bodies are small JSON); an idle keep-alive
 * connection closes after 5 s. Node checks them every `checkMs`. Answers themselves may take longer (a
 * Monte Carlo run streams its progress).
 */
export const SERVER_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, checkMs: 1_000 };

/** Whether a bind address is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** This machine's own addresses (for a server bound to 0.0.0.0 or ::, reached by IP). */
function ownAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => normalizeHostName(a.address.replace(/%.*$/, ""))));
}

const TOKEN_RE = /^[A-Za-z0-9._~+/=-]{16,256}$/;
const ORIGIN_RE = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * The checks a server started with these options applies (see guard.ts): a token when one is given or the address
 * is not loopback (generated then), the names it answers to, and CORS origins.
 * @throws InvalidInputError naming the option for a malformed token, --allow-host name or --cors origin.
 */
export function securityOf(o: ServeOptions, host: string, port: () => number | undefined): { security: ServerSecurity; generated: boolean } {
  let token: string | undefined;
  let generated = false;
  if (o.token === undefined && process.env.RERATE_TOKEN !== undefined && process.env.RERATE_TOKEN !== "") o = { ...o, token: process.env.RERATE_TOKEN };
  if (typeof o.token === "string") {
    if (!TOKEN_RE.test(o.token)) throw InvalidInputError.at({ column: "--token", reason: "must be 16 to 256 characters of A-Z a-z 0-9 . _ ~ + / = - (or give --token alone to have one generated)" });
    token = o.token;
  } else if (o.token === true || !isLoopback(host)) {
    token = randomBytes(24).toString("base64url");
    generated = true;
  }
  for (const h of o.allowHost ?? []) {
    if (!/^(\[?[0-9a-fA-F:.]+\]?|[A-Za-z0-9.-]+)$/.test(h)) throw InvalidInputError.at({ column: "--allow-host", value: h.slice(0, 80), reason: "is not a host name or address (give the name alone, without scheme or port)" });
  }
  for (const origin of o.cors ?? []) {
    if (!ORIGIN_RE.test(origin)) throw InvalidInputError.at({ column: "--cors", value: origin.slice(0, 80), reason: "is not an origin such as https://example.org or http://localhost:5173 (scheme, host and port only)" });
  }
  const wildcard = host === "0.0.0.0" || host === "::" || host === "[::]";
  const allowHosts = [...(o.allowHost ?? []), ...(LOOPBACK_HOSTS.includes(normalizeHostName(host)) ? [] : wildcard ? ownAddresses() : [host])];
  return { security: { allowHosts, port, ...(token !== undefined ? { token } : {}), ...(o.cors !== undefined ? { cors: o.cors } : {}) }, generated };
}

/**
 * `rerate serve`: the HTTP API on 127.0.0.1:8780 (unless told otherwise) until SIGINT or SIGTERM, then a clean
 * close. `--port 0` picks a free port (the line printed says which).
 *
 * The store is opened for writing once at start (to create, migrate or recover it), then read-only and only while
 * requests use it: CLI reads run beside the server, and a CLI write takes the store between requests.
 * A non-loopback `--host` needs a token (generated and printed once unless `--token` gives one).
 */
export async function run(ctx: CliContext, o: ServeOptions, signal?: AbortSignal): Promise<void> {
  const port = parseNumberOption(o.port ?? "8780", "--port", (x) => Number.isInteger(x) && x >= 0 && x <= 65535, "must be a port number from 0 to 65535");
  const host = o.host ?? "127.0.0.1";
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) throw InvalidInputError.at({ column: "--host", value: host.slice(0, 80), reason: "is not a host name or address" });
  let bound: number | undefined;
  const { security, generated } = securityOf(o, host, () => bound);
  let lease: StoreLease | undefined;
  if (ctx.dbPath === ":memory:") await ctx.store(); // a throw-away store lives as long as the server
  else {
    // Create, migrate or recover with write access (waiting for a writer like any command), then let go.
    const rw = await openStore(ctx.dbPath, { lock: { waitMs: 30_000, onWait: (holder) => ctx.err(t(ctx.lang, "store.waiting", { path: ctx.dbPath, holder, seconds: "30" })) } });
    const removed = Object.entries(rw.recovered);
    if (removed.length > 0) ctx.err(t(ctx.lang, "store.recovered", { path: rw.path, detail: removed.map(([table, n]) => `${table}: ${n}`).join(", ") }));
    rw.close();
    const idleMs = o.idleMs ?? (process.env.RERATE_SERVE_IDLE_MS !== undefined ? Number(process.env.RERATE_SERVE_IDLE_MS) : 500);
    lease = createStoreLease(() => openStore(ctx.dbPath, { readOnly: true, lock: { waitMs: 10_000 } }), Number.isFinite(idleMs) && idleMs >= 0 ? idleMs : 500);
  }
  const app = createApp({
    store: lease?.store ?? ctx.store, now: ctx.now, lang: ctx.lang, logError: (e) => ctx.err(`${(e as Error)?.stack ?? String(e)}`),
    security, ...(lease !== undefined ? { lease } : {}),
  });
  const limits = { ...SERVER_TIMEOUTS, ...o.timeouts };
  let server: ServerType | undefined;
  await new Promise<void>((resolveListen, reject) => {
    server = serve({
      fetch: app.fetch, port, hostname: host,
      serverOptions: {
        headersTimeout: limits.headersMs, requestTimeout: limits.requestMs, keepAliveTimeout: limits.keepAliveMs,
        connectionsCheckingInterval: limits.checkMs,
      },
    }, (info) => {
      bound = info.port;
      const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
      const url = `http://${shown}:${info.port}`;
      if (!isLoopback(host)) ctx.err(t(ctx.lang, "serve.publicWarning", { host }));
      ctx.out(t(ctx.lang, "serve.listening", { url }));
      const local = /^(0\.0\.0\.0|::)$/.test(info.address) ? `http://127.0.0.1:${info.port}` : url;
      if (generated && security.token !== undefined) ctx.out(t(ctx.lang, "serve.token", { token: security.token, url: `${local}/?token=${security.token}` }));
      resolveListen();
    });
    server.once("error", reject);
  });
  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      lease?.close();
      server?.close(() => done());
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    signal?.addEventListener("abort", stop, { once: true });
  });
}
