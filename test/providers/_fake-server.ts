// A fake provider on 127.0.0.1 for tests: it answers from the recorded Yahoo responses and the SEC companyfacts
// files in ../shared/data (read in place, never copied), plus the hand-made fixtures in test/fixtures/http, and it
// injects faults on demand: timeouts, refused or cut connections, 429 with Retry-After, 5xx, truncated bodies
// and changed schemas.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { REPO, SHARED_DATA } from "../helpers/paths.js";

export const YAHOO_RECORDED = join(SHARED_DATA, "http/yahoo");
export const SEC_RECORDED = join(SHARED_DATA, "sec");
export const FIXTURES = join(REPO, "test/fixtures/http");

/** One canned answer. */
export type Fault =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { json: unknown; status?: number }
  | { hang: true }
  | { truncate: string; contentLength: number }
  | { destroy: true };

export interface Recorded {
  file: string;
  url: URL;
  status: number;
  body: unknown;
}

/** The recorded Yahoo responses plus the hand-made ones, keyed for lookup. */
export function loadYahooRecordings(): Recorded[] {
  const dirs = [YAHOO_RECORDED, join(FIXTURES, "yahoo")];
  const out: Recorded[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json"))) {
      const rec = JSON.parse(readFileSync(join(dir, f), "utf8")) as { request: { url: string }; response: { status: number; bodyJson: unknown } };
      out.push({ file: f, url: new URL(rec.request.url), status: rec.response.status, body: rec.response.bodyJson });
    }
  }
  return out;
}

/** Hosts the fake server stands in for, each under its own path prefix. */
export const HOSTS: Record<string, string> = {
  "https://query1.finance.yahoo.com": "/yq1",
  "https://query2.finance.yahoo.com": "/yq2",
  "https://finance.yahoo.com": "/yw",
  "https://data.sec.gov": "/secdata",
  "https://www.sec.gov": "/secwww",
};

export interface SeenRequest {
  path: string;
  headers: IncomingMessage["headers"];
  atMs: number;
}

export interface FakeServer {
  url: string;
  /** Origin rewrites for HttpOptions.baseUrls. */
  baseUrls: Record<string, string>;
  requests: SeenRequest[];
  /** Answers the next requests whose path matches with these faults, in order (then normal answers again). */
  inject: (pattern: RegExp, ...faults: Fault[]) => void;
  close: () => Promise<void>;
}

let recordings: Recorded[] | undefined;

function yahooAnswer(path: string, search: URLSearchParams): { status: number; body: unknown } | undefined {
  recordings ??= loadYahooRecordings();
  const symbol = decodeURIComponent(path.split("/").pop() ?? "");
  if (path.includes("/quoteSummary/")) {
    const modules = (search.get("modules") ?? "").split(",");
    const merged: Record<string, unknown> = {};
    for (const m of modules) {
      const rec = recordings.find((r) => r.url.pathname.endsWith(`/quoteSummary/${symbol}`) && r.url.searchParams.get("modules") === m);
      if (rec === undefined) return { status: 404, body: { quoteSummary: { result: null, error: { code: "Not Found", description: `no recording for ${m} ${symbol}` } } } };
      if (rec.status !== 200) return { status: rec.status, body: rec.body };
      Object.assign(merged, (rec.body as { quoteSummary: { result: Record<string, unknown>[] } }).quoteSummary.result[0]);
    }
    return { status: 200, body: { quoteSummary: { result: [merged], error: null } } };
  }
  if (path.includes("/ws/fundamentals-timeseries/v1/finance/timeseries/")) {
    // The recording of that symbol and period type (annual/quarterly); none: Yahoo's answer for a symbol
    // without statements, an empty series list.
    const type = search.get("type") ?? "";
    const kind = /^(annual|quarterly|trailing)/.exec(type)?.[1] ?? "?";
    const mine = recordings.filter((r) => r.url.pathname.endsWith(`/timeseries/${symbol}`));
    const rec = mine.find((r) => r.url.searchParams.get("type") === type) ?? mine.find((r) => r.url.searchParams.get("type")?.startsWith(kind));
    return rec ? { status: rec.status, body: rec.body } : { status: 200, body: { timeseries: { result: [], error: null } } };
  }
  if (path.endsWith("/v7/finance/quote")) {
    const want = search.get("symbols");
    const rec = recordings.find((r) => r.url.pathname.endsWith("/v7/finance/quote") && r.url.searchParams.get("symbols") === want && !r.url.searchParams.has("fields"));
    return rec ? { status: rec.status, body: rec.body } : undefined;
  }
  if (path.includes("/v8/finance/chart/")) {
    const rec = recordings.find((r) => r.url.pathname.endsWith(`/chart/${symbol}`)
      && r.url.searchParams.get("period1") === search.get("period1") && r.url.searchParams.get("period2") === search.get("period2"));
    return rec ? { status: rec.status, body: rec.body } : { status: 404, body: { chart: { result: null, error: { code: "Not Found", description: "No data found, symbol may be delisted" } } } };
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

/** Default answers: Yahoo recordings, the crumb dance, SEC companyfacts and the hand-made ticker file. */
function answer(req: IncomingMessage, res: ServerResponse): void {
  const u = new URL(req.url ?? "/", "http://x");
  const path = u.pathname;
  if (path.startsWith("/yw/quote/")) {
    res.writeHead(200, { "content-type": "text/html", "set-cookie": "A3=handmade; Domain=.yahoo.com; Path=/; Expires=Wed, 01 Jan 2098 00:00:00 GMT; Secure" });
    res.end(readFileSync(join(FIXTURES, "yahoo/crumb-page.html")));
    return;
  }
  if (path === "/yq1/v1/test/getcrumb") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(readFileSync(join(FIXTURES, "yahoo/getcrumb.txt")));
    return;
  }
  if (path.startsWith("/yq1/") || path.startsWith("/yq2/")) {
    const a = yahooAnswer(path, u.searchParams);
    if (a) return send(res, a.status, JSON.stringify(a.body));
  }
  if (path === "/secwww/files/company_tickers.json") return send(res, 200, readFileSync(join(FIXTURES, "sec/company_tickers.json"), "utf8"));
  const cik = /^\/secdata\/api\/xbrl\/companyfacts\/CIK(\d{10})\.json$/.exec(path);
  if (cik) {
    const f = readdirSync(SEC_RECORDED).find((x) => x.startsWith(`CIK${cik[1]}`) && x.endsWith(".json"));
    if (f) return send(res, 200, readFileSync(join(SEC_RECORDED, f), "utf8"));
  }
  send(res, 404, JSON.stringify({ error: "not found", path }));
}

function play(f: Fault, res: ServerResponse): void {
  if ("hang" in f) return; // never answers: the client's timeout fires
  if ("destroy" in f) {
    res.socket?.destroy();
    return;
  }
  if ("truncate" in f) {
    res.writeHead(200, { "content-type": "application/json", "content-length": String(f.contentLength) });
    res.write(f.truncate);
    setTimeout(() => res.socket?.destroy(), 5);
    return;
  }
  if ("json" in f) return send(res, f.status ?? 200, JSON.stringify(f.json));
  send(res, f.status, f.body ?? "", f.headers);
}

/** Starts the fake server on 127.0.0.1 (a free port). */
export async function startFakeServer(): Promise<FakeServer> {
  const rules: { pattern: RegExp; queue: Fault[] }[] = [];
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, headers: req.headers, atMs: performance.now() });
    const rule = rules.find((r) => r.pattern.test(path) && r.queue.length > 0);
    if (rule) return play(rule.queue.shift()!, res);
    try {
      answer(req, res);
    } catch (e) {
      send(res, 500, JSON.stringify({ error: String(e) }));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    baseUrls: Object.fromEntries(Object.entries(HOSTS).map(([origin, prefix]) => [origin, url + prefix])),
    requests,
    inject: (pattern, ...faults) => rules.push({ pattern, queue: faults }),
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

/** A port nothing listens on (connection refused). */
export async function closedPort(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}`;
}
