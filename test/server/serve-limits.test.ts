import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../../src/cli/context.js";
import { isLoopback, run, securityOf, SERVER_TIMEOUTS } from "../../src/cli/commands/serve.js";

// One in-process server on a free 127.0.0.1 port with short limits, so a slow client is cut off in well under a second.
const LIMITS = { headersMs: 300, requestMs: 700, keepAliveMs: 250, checkMs: 100 };
const abort = new AbortController();
let port = 0;
let stopped: Promise<void>;
const out: string[] = [];
beforeAll(async () => {
  const ctx = createContext({ db: ":memory:", lang: "en", json: false }, { out: (s) => out.push(s), err: () => undefined });
  stopped = run(ctx, { port: "0", token: undefined, timeouts: LIMITS }, abort.signal);
  for (let i = 0; i < 200 && port === 0; i++) {
    const m = /127\.0\.0\.1:(\d+)/.exec(out.join("\n"));
    if (m) port = Number(m[1]);
    else await new Promise((r) => setTimeout(r, 50));
  }
  expect(port).toBeGreaterThan(0);
});
afterAll(async () => {
  abort.abort();
  await stopped;
});

/** Opens a raw connection, writes `text` and resolves with what came back and when the server closed it. */
function slowClient(text: string, giveUpMs = 5_000): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let reply = "";
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`server kept a stalled connection open for ${giveUpMs} ms`));
    }, giveUpMs);
    socket.on("data", (d: Buffer) => (reply += d.toString()));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ reply, closedAfterMs: Date.now() - started });
    });
    socket.on("error", () => undefined);
  });
}

describe("rerate serve connection limits", () => {
  it("chooses its limits rather than Node's defaults (60 s headers, 300 s request)", () => {
    expect(SERVER_TIMEOUTS).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, checkMs: 1_000 });
  });

  it("cuts off a client that never finishes its headers with 408, after headersTimeout and before it plus two checks", async () => {
    const r = await slowClient(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `);
    expect(r.reply).toMatch(/^HTTP\/1\.1 408/);
    // 300 ms limit, checked every 100 ms: closed between 300 and 300 + 2×100 ms, with 1 s of slack for a busy CI.
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(LIMITS.headersMs - 20);
    expect(r.closedAfterMs).toBeLessThan(LIMITS.headersMs + 2 * LIMITS.checkMs + 1_000);
  });

  it("cuts off a client that announces a body and never sends it, after requestTimeout", async () => {
    const r = await slowClient(`POST /api/scenarios/x/run HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    expect(r.reply).toMatch(/^HTTP\/1\.1 408/);
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(LIMITS.requestMs - 20);
    expect(r.closedAfterMs).toBeLessThan(LIMITS.requestMs + 2 * LIMITS.checkMs + 1_000);
  });

  it("answers a complete request, then closes the idle keep-alive connection after keepAliveTimeout", async () => {
    const r = await slowClient(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(r.reply).toMatch(/^HTTP\/1\.1 200/);
    expect(r.reply).toContain('{"ok":true}');
    expect(r.closedAfterMs).toBeLessThan(LIMITS.keepAliveMs + 1_500);
  });

  it("a real server refuses a foreign Host with 421", async () => {
    const r = await slowClient(`GET /api/health HTTP/1.1\r\nHost: attacker.example:${port}\r\nConnection: close\r\n\r\n`);
    expect(r.reply).toMatch(/^HTTP\/1\.1 421/);
  });
});

describe("securityOf(options, host)", () => {
  it("a loopback host needs no token; any other gets one generated (32 base64url characters from 24 random bytes)", () => {
    expect(securityOf({}, "127.0.0.1", () => 1).security.token).toBeUndefined();
    const pub = securityOf({}, "0.0.0.0", () => 1);
    expect(pub.generated).toBe(true);
    expect(pub.security.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const lan = securityOf({}, "192.168.1.20", () => 1);
    expect(lan.security.token).toBeDefined();
    expect(lan.security.allowHosts).toContain("192.168.1.20");
  });

  it("--token VALUE is used as given; --token alone generates one; a short or odd token is refused naming --token and not echoing it", () => {
    expect(securityOf({ token: "a-long-enough-token-1" }, "127.0.0.1", () => 1).security.token).toBe("a-long-enough-token-1");
    expect(securityOf({ token: true }, "127.0.0.1", () => 1).generated).toBe(true);
    expect(() => securityOf({ token: "short" }, "127.0.0.1", () => 1)).toThrow(/--token must be 16 to 256/);
    expect(() => securityOf({ token: "has spaces in it, sixteen+" }, "127.0.0.1", () => 1)).toThrow(/^(?!.*has spaces).*--token/);
  });

  it("refuses a --cors value that is not an origin and an --allow-host that is a URL", () => {
    expect(() => securityOf({ cors: ["https://example.org/path"] }, "127.0.0.1", () => 1)).toThrow(/--cors "https:\/\/example.org\/path" is not an origin/);
    expect(() => securityOf({ cors: ["*"] }, "127.0.0.1", () => 1)).toThrow(/--cors/);
    expect(() => securityOf({ allowHost: ["http://box.lan:80"] }, "127.0.0.1", () => 1)).toThrow(/--allow-host/);
  });

  it("isLoopback(host) knows 127/8, ::1 and localhost only", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "::", "192.168.1.2", "localhost.example", "10.0.0.1"].some(isLoopback)).toBe(false);
  });
});

describe("rerate serve --token", () => {
  it("prints a generated token and the one-time dashboard link once; the API needs the token, the link sets the cookie", async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const ctx = createContext({ db: ":memory:", lang: "en", json: false }, { out: (s) => lines.push(s), err: (s) => lines.push(s) });
    const running = run(ctx, { port: "0", token: true }, stop.signal);
    let url: string | undefined;
    for (let i = 0; i < 200 && url === undefined; i++) {
      url = /Dashboard: (\S+)/.exec(lines.join("\n"))?.[1];
      if (url === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    try {
      const token = /Token \(shown once\): (\S+)/.exec(lines.join("\n"))![1]!;
      expect(url).toBe(`${/http:\/\/127\.0\.0\.1:\d+/.exec(url!)![0]}/?token=${token}`);
      expect(lines.join("\n").split(token).length - 1).toBe(2); // the token line and the link, nothing else
      const base = new URL(url!).origin;
      expect((await fetch(`${base}/api/health`)).status).toBe(401);
      expect((await fetch(`${base}/api/health`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
      const link = await fetch(url!, { redirect: "manual" });
      expect(link.status).toBe(303);
      const cookie = link.headers.get("set-cookie")!.split(";")[0]!;
      expect((await fetch(`${base}/api/health`, { headers: { Cookie: cookie } })).status).toBe(200);
    } finally {
      stop.abort();
      await running;
    }
  });
});

