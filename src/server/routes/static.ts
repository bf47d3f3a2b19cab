import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono, MiddlewareHandler } from "hono";

/** The built dashboard (`npm run build:web`), beside src/ and dist/. */
export const WEB_ROOT = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

/**
 * Content Security Policy: everything from this server only; no inline script, no eval, no frames, no other origin.
 * The dashboard loads nothing from the network.
 */
export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'",
  "worker-src 'self' blob:", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join("; ");

/** Headers sent with every response, API and static files alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** Middleware setting {@link SECURITY_HEADERS} on every response. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
};

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".ico": "image/x-icon", ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8", ".map": "application/json; charset=utf-8",
};

/**
 * The file a URL path names inside `root`, or undefined when the path leaves it (`..`, encoded or not), holds a
 * NUL or backslash, or names a dot-file. Pure: does not touch the disk.
 * @example resolveStaticPath("/srv/web", "/assets/app.js") // "/srv/web/assets/app.js"
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const segments = decoded.split("/").filter((s) => s.length > 0);
  if (segments.some((s) => s === ".." || s.startsWith("."))) return undefined;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file === base || file.startsWith(base + sep) ? file : undefined;
}

/**
 * Serves the built dashboard from `root` for GET and HEAD outside /api: `/` is index.html, assets under
 * /assets/ are cached for a year (their names carry a content hash). Anything outside the root is a 404.
 */
export function registerStaticRoutes(app: Hono, opts: { root?: string } = {}): void {
  const root = opts.root ?? WEB_ROOT;
  app.on(["GET", "HEAD"], "*", async (c, next) => {
    const path = c.req.path;
    if (path === "/api" || path.startsWith("/api/")) return next();
    const wanted = path === "/" || path === "/index.html" ? "index.html" : path;
    const file = resolveStaticPath(root, wanted);
    if (file === undefined) return c.json({ error: { code: "E_NOT_FOUND", message: "no such file" } }, 404);
    const info = await stat(file).catch(() => undefined);
    if (info === undefined || !info.isFile()) {
      if (wanted === "index.html") {
        return c.text("The dashboard is not built: run `npm run build:web`, then reload. The JSON API is at /api/docs.", 503);
      }
      return next();
    }
    const body = await readFile(file);
    c.header("Content-Type", TYPES[extname(file).toLowerCase()] ?? "application/octet-stream");
    c.header("Cache-Control", path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    if (c.req.method === "HEAD") return c.body(null);
    return c.body(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  });
}
