import { RerateError } from "../errors.js";

/** The fetch function the HTTP layer calls: `globalThis.fetch` by default, a fake in tests. */
export type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** How the HTTP layer talks to providers. Everything is injectable so tests never touch the network. */
export interface HttpOptions {
  /** Default `globalThis.fetch`. */
  fetch?: FetchFn;
  /**
   * Origin rewrites, e.g. `{ "https://data.sec.gov": "http://127.0.0.1:5123" }`: a request to the key is sent to
   * the value with the same path and query (the fake server and recorded responses use this).
   */
  baseUrls?: Readonly<Record<string, string>>;
  /** Per attempt, for the response and its body; default 20 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt for retryable faults; default 3. */
  retries?: number;
  /** First backoff wait; doubles on every retry (500, 1000, 2000 ms by default). */
  backoffMs?: number;
  /** A 429/503 whose Retry-After asks for longer than this fails at once instead of waiting; default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** Requests per second per provider id (e.g. `{ sec: 10 }`); providers not named are not throttled. */
  rateLimits?: Readonly<Record<string, number>>;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds clock for the rate limiter and Retry-After dates. */
  now?: () => number;
  /** Called once per attempt (tests count requests; the CLI may show them). Never receives headers. */
  onAttempt?: (a: { provider: string; url: string; attempt: number }) => void;
}

export interface HttpRequest {
  /** Provider id: names the provider in errors and selects its rate limit. */
  provider: string;
  url: string;
  method?: string;
  /** Sent as given and never logged, cached or put in an error message (the SEC contact lives here). */
  headers?: Readonly<Record<string, string>>;
  body?: string;
  redirect?: "follow" | "manual" | "error";
  /** A 2xx body that is not JSON is a truncated or broken response: retried, then E_PROVIDER_HTTP. */
  expectJson?: boolean;
}

export interface HttpResponse {
  url: string;
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
}

/** E_PROVIDER_HTTP with the HTTP status when there was one. */
export class ProviderHttpError extends RerateError {
  readonly status: number | undefined;
  constructor(message: string, status?: number, cause?: unknown) {
    super("E_PROVIDER_HTTP", message, cause !== undefined ? { cause } : {});
    this.name = "ProviderHttpError";
    this.status = status;
  }
}

const RETRY_STATUS = new Set([500, 502, 503, 504]);
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A URL for messages: query parameters that act as session tokens (Yahoo's crumb) are dropped. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()]) if (/^(crumb|token|key|apikey|api_key)$/i.test(k)) u.searchParams.set(k, "…");
    return u.toString().replaceAll("%E2%80%A6", "…");
  } catch {
    return url;
  }
}

/**
 * Seconds or an HTTP date from a Retry-After header, as milliseconds to wait; undefined when absent or unreadable.
 * @example parseRetryAfter("2", 0) // 2000
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Why a network attempt failed, in words a user can act on. */
function describeNetworkError(e: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${timeoutMs} ms (timeout)`;
  const err = e as { cause?: { code?: string; message?: string }; message?: string };
  const code = err.cause?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset before the response was complete (truncated body)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found (no network?)";
  return err.cause?.message ?? err.message ?? String(e);
}

/**
 * The one HTTP client every provider uses: origin rewrites, a per-provider rate limit, a timeout per attempt,
 * retries with exponential backoff for timeouts, refused or reset connections, truncated bodies, 429 (honouring
 * Retry-After) and 5xx, then an E_PROVIDER_HTTP naming the provider, the URL and what went wrong.
 */
export class HttpClient {
  private readonly nextSlot = new Map<string, number>();
  private readonly fetchFn: FetchFn;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(readonly options: HttpOptions = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  /** The URL actually requested after origin rewrites. */
  target(url: string): string {
    const u = new URL(url);
    const base = this.options.baseUrls?.[u.origin];
    if (base === undefined) return url;
    return base.replace(/\/+$/, "") + u.pathname + u.search;
  }

  /** Waits for the provider's next request slot: starts are at least 1/rate seconds apart. */
  private async throttle(provider: string): Promise<void> {
    const rate = this.options.rateLimits?.[provider];
    if (rate === undefined || !(rate > 0)) return;
    const interval = 1000 / rate;
    const t = this.now();
    const slot = Math.max(t, this.nextSlot.get(provider) ?? -Infinity);
    this.nextSlot.set(provider, slot + interval);
    if (slot > t) await this.sleep(slot - t);
  }

  /** One attempt: the response and its whole body, both within the timeout. */
  private async attempt(req: HttpRequest, target: string): Promise<HttpResponse> {
    const timeoutMs = this.options.timeoutMs ?? 20_000;
    const ac = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, timeoutMs);
    try {
      const res = await this.fetchFn(target, {
        method: req.method ?? "GET",
        ...(req.headers ? { headers: { ...req.headers } } : {}),
        ...(req.body !== undefined ? { body: req.body } : {}),
        ...(req.redirect ? { redirect: req.redirect } : {}),
        signal: ac.signal,
      });
      const body = await res.text();
      return { url: target, status: res.status, statusText: res.statusText, headers: res.headers, body };
    } catch (e) {
      throw new NetworkFault(describeNetworkError(e, timedOut, timeoutMs), e);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Sends a request with the retry policy and returns the final response (2xx, 3xx, or a 4xx other than 429
   * when `allowStatus` lets it through).
   * @throws ProviderHttpError (E_PROVIDER_HTTP) after the last retry, at once for a 4xx, or when Retry-After
   *   asks for longer than `maxRetryAfterMs`.
   */
  async request(req: HttpRequest, allowStatus: (status: number) => boolean = () => false): Promise<HttpResponse> {
    const retries = this.options.retries ?? 3;
    const backoff = this.options.backoffMs ?? 500;
    const maxWait = this.options.maxRetryAfterMs ?? 60_000;
    const target = this.target(req.url);
    const shown = `${req.method ?? "GET"} ${redactUrl(req.url)}`;
    let last = "";
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await this.sleep(backoff * 2 ** (attempt - 1));
      await this.throttle(req.provider);
      this.options.onAttempt?.({ provider: req.provider, url: redactUrl(req.url), attempt });
      let res: HttpResponse;
      try {
        res = await this.attempt(req, target);
      } catch (e) {
        if (!(e instanceof NetworkFault)) throw e;
        last = e.message;
        continue;
      }
      const fault = this.classify(req, res);
      if (fault === undefined) return res;
      if (fault.kind === "fatal") {
        if (allowStatus(res.status)) return res;
        throw new ProviderHttpError(`${req.provider}: ${shown} failed: ${fault.message}`, res.status);
      }
      last = fault.message;
      if (fault.waitMs !== undefined) {
        if (fault.waitMs > maxWait) {
          throw new ProviderHttpError(`${req.provider}: ${shown} failed: ${fault.message}; Retry-After asks for ${Math.ceil(fault.waitMs / 1000)} s, more than the ${Math.ceil(maxWait / 1000)} s rerate waits: try again later`, res.status);
        }
        if (attempt < retries) await this.sleep(fault.waitMs);
      }
    }
    throw new ProviderHttpError(`${req.provider}: ${shown} failed after ${retries + 1} attempts: ${last}`);
  }

  /** Undefined for a usable response; otherwise whether it is worth retrying and how long to wait first. */
  private classify(req: HttpRequest, res: HttpResponse): { kind: "retry" | "fatal"; message: string; waitMs?: number } | undefined {
    const status = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`;
    if (res.status === 429 || res.status === 503) {
      const waitMs = parseRetryAfter(res.headers.get("retry-after"), this.now());
      return { kind: "retry", message: res.status === 429 ? `${status} (rate limited)` : status, ...(waitMs !== undefined ? { waitMs } : {}) };
    }
    if (RETRY_STATUS.has(res.status)) return { kind: "retry", message: status };
    if (res.status >= 400) return { kind: "fatal", message: `${status}${excerpt(res.body)}` };
    const declared = Number(res.headers.get("content-length"));
    if (res.headers.get("content-encoding") === null && declared > 0 && Buffer.byteLength(res.body) < declared) {
      return { kind: "retry", message: `truncated body (${Buffer.byteLength(res.body)} of ${declared} bytes)` };
    }
    if (req.expectJson && res.status < 300) {
      try {
        JSON.parse(res.body);
      } catch {
        return { kind: "retry", message: `the body is not valid JSON (truncated or not an API response): ${excerpt(res.body, 60).replace(/^: /, "")}` };
      }
    }
    return undefined;
  }

  /** A request whose 2xx body is parsed as JSON. Same errors as {@link HttpClient.request}. */
  async json(req: Omit<HttpRequest, "expectJson">): Promise<unknown> {
    const res = await this.request({ ...req, expectJson: true });
    return JSON.parse(res.body) as unknown;
  }

  /**
   * A `fetch` for libraries that want one (yahoo-finance2): each call goes through {@link HttpClient.request}
   * and comes back as a standard Response. A 4xx (other than 429) throws E_PROVIDER_HTTP, so the library never
   * sees it, unless `passThrough(url, status)` lets that answer through (a cookie page that answers 404).
   */
  asFetch(provider: string, opts: { expectJson?: (url: string) => boolean; passThrough?: (url: string, status: number) => boolean } = {}): FetchFn {
    return async (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
      const res = await this.request({
        provider, url, method: init?.method ?? "GET", headers, expectJson: opts.expectJson?.(url) ?? false,
        ...(typeof init?.body === "string" ? { body: init.body } : {}),
        ...(init?.redirect ? { redirect: init.redirect as "follow" | "manual" | "error" } : {}),
      }, (s) => opts.passThrough?.(url, s) ?? false);
      const empty = res.status === 204 || res.status === 205 || res.status === 304;
      return new Response(empty ? null : res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
    };
  }
}

class NetworkFault extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}

function excerpt(body: string, max = 160): string {
  const text = body.replace(/\s+/g, " ").trim();
  if (text === "") return "";
  return `: ${text.length > max ? text.slice(0, max) + "…" : text}`;
}
