import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import type { ServerSecurity } from "../../src/server/guard.js";
import { openStore, type Store } from "../../src/store/open.js";

// An empty store is enough: every check here runs before a route touches data.
let store: Store;
beforeAll(async () => (store = await openStore(":memory:")));
afterAll(() => store.close());

const appWith = (security: ServerSecurity) => createApp({ store: async () => store, security, cache: false, logError: () => undefined });
const PORT = 8780;
const local = (extra: Partial<ServerSecurity> = {}) => appWith({ port: () => PORT, ...extra });
// A POST that passes the guard reaches the route, which answers 404 for a model that does not exist: so 404 here
// means "let through", and 403/415/401 mean "refused before any work".
const RUN = "/api/scenarios/no-such-model/run";
const json = { "Content-Type": "application/json" };

describe("Host check (DNS rebinding)", () => {
  it.each(["127.0.0.1:8780", "localhost:8780", "[::1]:8780", "LOCALHOST:8780"])("answers Host %s", async (host) => {
    const res = await local().request(`http://${host}/api/health`);
    expect(res.status).toBe(200);
  });

  it.each([
    ["a rebinding name", "attacker.example:8780"],
    ["the right name on another port", "127.0.0.1:9999"],
    ["no port (80)", "localhost"],
    ["a name that only starts like localhost", "localhost.attacker.example:8780"],
    ["another loopback address", "127.0.0.2:8780"],
  ])("refuses %s with 421 and says how to allow a name", async (_what, host) => {
    const res = await local().request(`http://${host}/api/health`);
    expect(res.status).toBe(421);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("E_HOST");
    expect(body.error.message).toContain("--allow-host");
  });

  it("refuses a foreign Host header even when the URL is local (what a rebound browser sends)", async () => {
    const res = await local().request(new Request("http://127.0.0.1:8780/api/health", { headers: { Host: "attacker.example:8780" } }));
    expect(res.status).toBe(421);
  });

  it("refuses the dashboard too, not only the API", async () => {
    expect((await local().request("http://attacker.example:8780/")).status).toBe(421);
  });

  it("answers a name given with --allow-host (any case), and still the loopback ones", async () => {
    const app = local({ allowHosts: ["Box.lan"] });
    expect((await app.request("http://box.lan:8780/api/health")).status).toBe(200);
    expect((await app.request("http://127.0.0.1:8780/api/health")).status).toBe(200);
    expect((await app.request("http://other.lan:8780/api/health")).status).toBe(421);
  });
});

describe("cross-site writes", () => {
  it("refuses a text/plain POST (what a form or a no-preflight fetch from any page sends) with 415", async () => {
    const res = await local().request(`http://127.0.0.1:8780${RUN}`, { method: "POST", headers: { "Content-Type": "text/plain", Origin: "http://127.0.0.1:8780" }, body: "{}" });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("E_CONTENT_TYPE");
  });

  it("refuses a POST with no Content-Type and a form-encoded one", async () => {
    expect((await local().request(`http://127.0.0.1:8780${RUN}`, { method: "POST", body: "{}" })).status).toBe(415);
    const form = await local().request(`http://127.0.0.1:8780${RUN}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(form.status).toBe(415);
  });

  it("refuses a JSON POST from another origin with 403", async () => {
    const res = await local().request(`http://127.0.0.1:8780${RUN}`, { method: "POST", headers: { ...json, Origin: "http://attacker.example" }, body: "{}" });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("E_CROSS_SITE");
  });

  it("refuses a same-host Origin on another port or scheme (another origin)", async () => {
    for (const origin of ["http://127.0.0.1:9999", "https://127.0.0.1:8780", "null"]) {
      const res = await local().request(`http://127.0.0.1:8780${RUN}`, { method: "POST", headers: { ...json, Origin: origin }, body: "{}" });
      expect(res.status, origin).toBe(403);
    }
  });

  it("refuses Sec-Fetch-Site: cross-site or same-site when no Origin is sent", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const res = await local().request(`http://127.0.0.1:8780${RUN}`, { method: "POST", headers: { ...json, "Sec-Fetch-Site": site }, body: "{}" });
      expect(res.status, site).toBe(403);
    }
  });

  it("lets through the dashboard's own JSON POST (same Origin), and a client that is not a browser (no Origin)", async () => {
    const same = await local().request(`http://127.0.0.1:8780${RUN}`, { method: "POST", headers: { ...json, Origin: "http://127.0.0.1:8780", "Sec-Fetch-Site": "same-origin" }, body: "{}" });
    expect(same.status).toBe(404);
    const curl = await local().request(`http://localhost:8780${RUN}`, { method: "POST", headers: { "Content-Type": "application/json; charset=utf-8" }, body: "{}" });
    expect(curl.status).toBe(404);
  });

  it("lets a --cors origin POST JSON", async () => {
    const res = await local({ cors: ["http://localhost:5173"] }).request(`http://127.0.0.1:8780${RUN}`, { method: "POST", headers: { ...json, Origin: "http://localhost:5173" }, body: "{}" });
    expect(res.status).toBe(404);
  });
});

describe("token (--token, and any non-loopback --host)", () => {
  const TOKEN = "0123456789abcdef-token";
  const app = () => local({ token: TOKEN });

  it("refuses every API request without it (401, WWW-Authenticate), or with a wrong one", async () => {
    const none = await app().request("http://127.0.0.1:8780/api/health");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    const wrong = await app().request("http://127.0.0.1:8780/api/docs", { headers: { Authorization: "Bearer 0123456789abcdef-tokeX" } });
    expect(wrong.status).toBe(401);
    const wrongCookie = await app().request("http://127.0.0.1:8780/api/docs", { headers: { Cookie: "rerate_token=nope" } });
    expect(wrongCookie.status).toBe(401);
  });

  it("answers with Authorization: Bearer TOKEN", async () => {
    const res = await app().request("http://127.0.0.1:8780/api/health", { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
  });

  it("the one-time link sets an HttpOnly SameSite=Strict cookie and redirects to / without the token; the cookie then works", async () => {
    const res = await app().request(`http://127.0.0.1:8780/?token=${TOKEN}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^rerate_token=0123456789abcdef-token;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    const api = await app().request("http://127.0.0.1:8780/api/health", { headers: { Cookie: `rerate_token=${TOKEN}` } });
    expect(api.status).toBe(200);
    const bad = await app().request("http://127.0.0.1:8780/?token=wrong");
    expect(bad.status).toBe(401);
    expect(bad.headers.get("set-cookie")).toBeNull();
  });

  it("a cookie-authenticated POST still needs JSON and the same origin; a bearer POST does not (browsers cannot add it cross-site)", async () => {
    const cookie = { Cookie: `rerate_token=${TOKEN}` };
    const cross = await app().request(`http://127.0.0.1:8780${RUN}`, { method: "POST", headers: { ...json, ...cookie, Origin: "http://attacker.example" }, body: "{}" });
    expect(cross.status).toBe(403);
    const bearer = await app().request(`http://127.0.0.1:8780${RUN}`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "text/plain" }, body: "{}" });
    expect(bearer.status).toBe(404);
  });

  it("the Host check still comes first", async () => {
    const res = await app().request("http://attacker.example:8780/api/health", { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(421);
  });
});

describe("CORS", () => {
  it("is closed by default: no Access-Control-Allow-Origin on answers or preflights", async () => {
    const get = await local().request("http://127.0.0.1:8780/api/health", { headers: { Origin: "http://attacker.example" } });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
    const pre = await local().request("http://127.0.0.1:8780/api/health", { method: "OPTIONS", headers: { Origin: "http://attacker.example", "Access-Control-Request-Method": "POST" } });
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    expect(pre.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("--cors ORIGIN opens it to that origin only", async () => {
    const app = local({ cors: ["http://localhost:5173"] });
    const ok = await app.request("http://127.0.0.1:8780/api/health", { headers: { Origin: "http://localhost:5173" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const pre = await app.request("http://127.0.0.1:8780/api/health", { method: "OPTIONS", headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST" } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    const other = await app.request("http://127.0.0.1:8780/api/health", { headers: { Origin: "http://attacker.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
