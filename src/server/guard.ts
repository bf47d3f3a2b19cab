import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { cors } from "hono/cors";

/** Loopback names a local server always answers to (with its port). */
export const LOOPBACK_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/** Cookie holding the token for the dashboard (set by the one-time `/?token=…` link; HttpOnly, SameSite=Strict). */
export const TOKEN_COOKIE = "rerate_token";

/** Who may talk to the server: checked on every request before any route. */
export interface ServerSecurity {
  /** Host names or addresses accepted besides {@link LOOPBACK_HOSTS} (`--allow-host`, the bound address). */
  allowHosts?: readonly string[];
  /** The bound port: the Host header must carry it. Undefined: any port (tests calling `app.request`). */
  port?: () => number | undefined;
  /** When set, every /api request needs it (`Authorization: Bearer …`, or the cookie). */
  token?: string;
  /** Origins allowed to read and call the API from other pages (`--cors`); none by default. */
  cors?: readonly string[];
}

/** `[::1]` for `::1`, lower case, no port. */
export function normalizeHostName(h: string): string {
  const x = h.trim().toLowerCase();
  return x.includes(":") && !x.startsWith("[") ? `[${x}]` : x;
}

/** Splits a Host header into name and port (80 when absent); undefined when it is not a host. */
export function parseHostHeader(host: string): { name: string; port: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase(), port: m[2] !== undefined ? Number(m[2]) : 80 };
}

function sameSecret(a: string, b: string): boolean {
  const h = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(h(a), h(b));
}

const refuse = (c: Context, status: 401 | 403 | 415 | 421, code: string, message: string) =>
  c.json({ error: { code, message } }, status, status === 401 ? { "WWW-Authenticate": 'Bearer realm="rerate"' } : {});

/** The token a request carries: `Authorization: Bearer …` first, then the dashboard's cookie. */
function bearerOf(c: Context): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
  return m?.[1];
}

/**
 * Installs the server's request checks on `app` (before any route):
 *
 * 1. **Host** (DNS rebinding): the Host header must name a loopback address, the bound address or an
 *    `--allow-host` name, with the bound port; else 421.
 * 2. **Token** (when set): `GET /?token=T` sets an HttpOnly SameSite=Strict cookie and redirects to `/` (the link
 *    `rerate serve` prints); every `/api` request needs `Authorization: Bearer T` or that cookie; else 401.
 * 3. **CORS**: no cross-origin headers unless `--cors ORIGIN` lists the caller's origin.
 * 4. **Cross-site writes**: a request other than GET/HEAD/OPTIONS carrying no bearer token needs
 *    `Content-Type: application/json` (else 415) and, when the browser says where it comes from, a same-origin
 *    `Origin` (or a `--cors` one) or `Sec-Fetch-Site: same-origin|none` (else 403). Browsers send `Origin` with
 *    every POST; a client that sends neither is not a web page.
 * @example installGuards(app, { port: () => 8780 })
 */
export function installGuards(app: Hono, sec: ServerSecurity): void {
  const names = new Set([...LOOPBACK_HOSTS, ...(sec.allowHosts ?? []).map(normalizeHostName)]);
  const corsOrigins = new Set(sec.cors ?? []);
  const check: MiddlewareHandler = async (c, next) => {
    const raw = c.req.header("host") ?? new URL(c.req.url).host;
    const host = parseHostHeader(raw);
    const port = sec.port?.();
    if (host === undefined || !names.has(host.name) || (port !== undefined && host.port !== port)) {
      return refuse(c, 421, "E_HOST", `this server does not answer to Host ${JSON.stringify(raw.slice(0, 80))}: use 127.0.0.1, localhost or [::1] with its port, or start it with --allow-host NAME`);
    }
    const origin = `${new URL(c.req.url).protocol}//${raw.toLowerCase()}`;
    const bearer = bearerOf(c);
    if (sec.token !== undefined) {
      const link = c.req.query("token");
      if (c.req.method === "GET" && c.req.path === "/" && link !== undefined) {
        if (!sameSecret(link, sec.token)) return refuse(c, 401, "E_TOKEN", "wrong token in the link: use the one `rerate serve` printed");
        setCookie(c, TOKEN_COOKIE, sec.token, { path: "/", httpOnly: true, sameSite: "Strict" });
        return c.redirect("/", 303);
      }
      if ((c.req.path.startsWith("/api/") || c.req.path === "/api") && c.req.method !== "OPTIONS") {
        const given = bearer ?? getCookie(c, TOKEN_COOKIE);
        if (given === undefined || !sameSecret(given, sec.token)) {
          return refuse(c, 401, "E_TOKEN", "this server needs its token: send Authorization: Bearer TOKEN, or open the dashboard link `rerate serve` printed");
        }
      }
    }
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS" && !(bearer !== undefined && sec.token !== undefined)) {
      const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      if (type !== "application/json") return refuse(c, 415, "E_CONTENT_TYPE", `${method} needs Content-Type: application/json (got ${JSON.stringify(type.slice(0, 80) || "none")})`);
      const from = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      const sameOrigin = from !== undefined ? from.toLowerCase() === origin || corsOrigins.has(from) : site === undefined || site === "same-origin" || site === "none";
      if (!sameOrigin) return refuse(c, 403, "E_CROSS_SITE", `cross-site ${method} refused (Origin ${JSON.stringify((from ?? site ?? "").slice(0, 80))}): only this server's own pages, a --cors origin or a bearer token may call it`);
    }
    return next();
  };
  app.use("*", check);
  if (corsOrigins.size > 0) {
    app.use("/api/*", cors({ origin: [...corsOrigins], allowMethods: ["GET", "HEAD", "POST"], allowHeaders: ["Content-Type", "Authorization"], maxAge: 600 }));
  }
}
