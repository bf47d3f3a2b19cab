import YahooFinance from "yahoo-finance2";
import { ExtendedCookieJar } from "yahoo-finance2/lib/cookieJar";
import { RerateError } from "../../errors.js";
import { providerSchemaError } from "../contract.js";
import { ProviderHttpError, type HttpClient } from "../http.js";

/** What rerate uses of yahoo-finance2 (typed loosely: its result types are not ours; wire.ts checks the data). */
export interface YahooApi {
  chart(symbol: string, query: Record<string, unknown>, module: { validateResult: false }): Promise<unknown>;
  quoteSummary(symbol: string, query: { modules: string[] }, module: { validateResult: false }): Promise<unknown>;
  quote(symbol: string, query: Record<string, unknown>, module: { validateResult: false }): Promise<unknown>;
}

const clients = new WeakMap<HttpClient, YahooApi>();
const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, dir: () => {} };

/** Yahoo's JSON APIs (as opposed to the cookie page yahoo-finance2 opens first to get a session crumb). */
const isApi = (url: string) => /\/(v7|v8|v10)\/finance\/|\/ws\/|\/v1\/test\/getcrumb/.test(new URL(url).pathname);

/**
 * The yahoo-finance2 client bound to an HTTP layer: every request it makes (cookie page, crumb, API) goes through
 * `http` (origin rewrites, rate limit, timeouts, retries), so the fake server and recorded responses drive it.
 * Its own result validation is off (its schema rejects today's responses); wire.ts validates what rerate reads.
 */
export function yahooClient(http: HttpClient): YahooApi {
  let c = clients.get(http);
  if (c === undefined) {
    c = new YahooFinance({
      fetch: http.asFetch("yahoo", { expectJson: (u) => isApi(u) && !u.includes("getcrumb"), passThrough: (u) => !isApi(u) }),
      cookieJar: new ExtendedCookieJar(),
      logger: quiet,
      suppressNotices: ["yahooSurvey", "ripHistorical"],
      versionCheck: false,
      validation: { logErrors: false, logOptionsErrors: false },
    }) as unknown as YahooApi;
    clients.set(http, c);
  }
  return c;
}

/**
 * A yahoo-finance2 client that answers from saved responses instead of the network (`rerate import yahoo`):
 * `answer` gets the URL yahoo-finance2 would request and returns the saved raw body. The library's own result
 * handling (chart's timestamp arrays to quotes, quoteSummary's first result, epoch and date fields to Dates)
 * runs exactly as on a live answer; no cookie, crumb or request is involved.
 */
export function offlineYahooClient(answer: (url: string) => unknown): YahooApi {
  const c = new YahooFinance({
    logger: quiet,
    suppressNotices: ["yahooSurvey", "ripHistorical"],
    versionCheck: false,
    validation: { logErrors: false, logOptionsErrors: false },
  }) as unknown as YahooApi & { _fetch: (url: string) => Promise<unknown> };
  // yahoo-finance2 sends every request through this instance's `_fetch` (its one HTTP step).
  c._fetch = async (url: string) => structuredClone(answer(url));
  return c;
}

/** Dates (which yahoo-finance2 makes of epoch fields) as ISO strings, so raw data survives the JSON cache. */
export function toJsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v))) as unknown;
}

/**
 * Runs one yahoo-finance2 call and maps its failures onto rerate's catalogue: a 404 or Yahoo's "Not Found"
 * is E_NOT_FOUND naming the symbol; rerate's own HTTP errors pass through; a session (cookie/crumb) failure is
 * E_PROVIDER_HTTP; anything else the library throws while reading the answer is E_PROVIDER_SCHEMA.
 */
export async function callYahoo<T>(model: string, symbol: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ProviderHttpError && e.status === 404) throw new RerateError("E_NOT_FOUND", `yahoo: no ${model} for symbol "${symbol}" (HTTP 404)`, { cause: e });
    if (e instanceof RerateError) throw e;
    const err = e as Error;
    if (/not ?found|no data found|delisted/i.test(`${err.name} ${err.message}`)) {
      throw new RerateError("E_NOT_FOUND", `yahoo: no ${model} for symbol "${symbol}": ${err.message}`, { cause: e });
    }
    if (/crumb|cookie|consent/i.test(err.message)) throw new ProviderHttpError(`yahoo: could not open a session (cookie and crumb): ${err.message}`, undefined, e);
    throw providerSchemaError("yahoo", model, "(body)", `could not be read: ${err.message}`);
  }
}
