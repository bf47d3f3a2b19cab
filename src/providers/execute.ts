import { addDays } from "../core/dates.js";
import { RerateError } from "../errors.js";
import { ResponseCache } from "./cache.js";
import type { ExtractContext, Fetcher, ItemQuery, ListingInfo, ModelName, ProviderManifest, RowOf, TransformContext } from "./contract.js";
import { HttpClient, type HttpOptions } from "./http.js";
import { getFetcher, PROVIDERS } from "./registry.js";

/** How a query runs: HTTP layer, cache, credentials, clock and what the store knows about the listings. */
export interface ExecuteOptions {
  /** One client per run (rate limits and the Yahoo session span every query); see {@link createProviderHttp}. */
  http?: HttpClient;
  /** Response cache; `false` for none. */
  cache?: ResponseCache | false;
  /** Ignore cached data (fresh data still replaces it). */
  refresh?: boolean;
  /** Cache time-to-live per model, overriding the fetchers' defaults. */
  ttlSeconds?: Partial<Record<ModelName, number>>;
  /** Looks up a credential by its environment name (default: process.env). */
  credential?: (env: string) => string | undefined;
  now?: () => Date;
  listings?: ReadonlyMap<string, ListingInfo>;
  /** Items fetched at once (default 4; the provider's rate limit still applies). */
  concurrency?: number;
  /** An item the provider does not have (E_NOT_FOUND) is returned empty with `notFound` instead of failing the run. */
  skipNotFound?: boolean;
  /** After each item: how many are done, of how many, which, and whether it came from the cache. */
  onItem?: (done: number, total: number, symbol: string, fromCache: boolean) => void;
}

/** The params of {@link executeQuery}: symbols with one date range, or items with their own. */
export type QueryParams =
  | { symbols: readonly string[]; from?: string | undefined; to?: string | undefined }
  | { items: readonly ItemQuery[] };

export interface ItemResult<M extends ModelName> {
  symbol: string;
  rows: RowOf<M>[];
  fromCache: boolean;
  /** Why the provider has nothing for this symbol (with `skipNotFound`). */
  notFound?: string;
}

export interface QueryResult<M extends ModelName> {
  provider: string;
  model: M;
  items: ItemResult<M>[];
  rows: RowOf<M>[];
}

/** An HTTP client with every provider's rate limit (requests per second) applied. */
export function createProviderHttp(options: HttpOptions = {}): HttpClient {
  const limits = Object.fromEntries(PROVIDERS.map((p) => [p.id, p.requestsPerSecond]));
  return new HttpClient({ ...options, rateLimits: { ...limits, ...options.rateLimits } });
}

/**
 * Checks a provider's credentials before any request.
 * @throws RerateError E_MISSING_CREDENTIAL naming the setting (never its value) and how to give it.
 */
export function checkCredentials(provider: ProviderManifest, credential: (env: string) => string | undefined): void {
  for (const c of provider.credentials) {
    const v = credential(c.env);
    if (v === undefined || v.trim() === "") {
      throw new RerateError("E_MISSING_CREDENTIAL", `provider ${provider.id} needs ${c.env}: ${c.description}. Set the environment variable ${c.env}, or "${c.config}" in the rerate config file (.rerate/config.json)`);
    }
    const why = c.check?.(v);
    if (why !== undefined) throw new RerateError("E_MISSING_CREDENTIAL", `provider ${provider.id}: ${c.env} ${why}`);
  }
}

/**
 * Runs one provider's fetcher for one model over a list of symbols: each item's query is parsed first (a bad
 * symbol or date fails before any request), then served from the cache when fresh, else extracted and
 * transformed; only raw data that transforms cleanly is cached. The first failure stops the run and is thrown
 * (the caller lands nothing: all or nothing).
 * @throws RerateError E_NOT_FOUND for an unknown provider or model (listing what exists), E_INVALID_INPUT,
 *   E_MISSING_CREDENTIAL, E_PROVIDER_HTTP, E_PROVIDER_SCHEMA.
 * @example await executeQuery("yahoo", "prices", { symbols: ["9988.HK"], from: "2025-09-01", to: "2025-09-30" })
 */
export async function executeQuery<M extends ModelName>(providerId: string, model: M, params: QueryParams, opts: ExecuteOptions = {}): Promise<QueryResult<M>> {
  const { provider, fetcher } = getFetcher(providerId, model);
  const now = opts.now ?? (() => new Date());
  const asOf = now().toISOString().slice(0, 10);
  const credential = opts.credential ?? ((env: string) => process.env[env]);
  const list: readonly ItemQuery[] = "items" in params ? params.items : params.symbols.map((symbol) => ({ symbol, from: params.from, to: params.to }));
  const queries = list.map((item) => fetcher.parseQuery(withRange(fetcher, item, asOf)));
  checkCredentials(provider, credential);
  const http = opts.http ?? createProviderHttp();
  const cache = opts.cache === false ? undefined : opts.cache;
  const ttl = opts.ttlSeconds?.[model] ?? fetcher.ttlSeconds;
  // One load per resource and run, however many items ask for it at once.
  const loading = new Map<string, Promise<unknown>>();
  const ectx: ExtractContext = {
    http, credential, asOf, now,
    resource: <T>(key: string, ttlSeconds: number, load: () => Promise<unknown>, parse: (raw: unknown) => T): Promise<T> => {
      let p = loading.get(key) as Promise<T> | undefined;
      if (p === undefined) {
        p = loadResource(provider.id, key, ttlSeconds, load, parse, cache, Boolean(opts.refresh), now);
        loading.set(key, p);
        p.catch(() => loading.delete(key));
      }
      return p;
    },
  };
  const items: ItemResult<M>[] = new Array(queries.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < queries.length) {
      const i = next++;
      const q = queries[i]!;
      const tctx: TransformContext = { provider: provider.id, listing: opts.listings?.get(q.symbol) };
      try {
        items[i] = await runItem(provider.id, fetcher, q, ectx, tctx, cache, ttl, Boolean(opts.refresh), now);
      } catch (e) {
        if (opts.skipNotFound && e instanceof RerateError && e.code === "E_NOT_FOUND") {
          items[i] = { symbol: q.symbol, rows: [], fromCache: false, notFound: e.message };
        } else {
          failed = true;
          throw e;
        }
      }
      opts.onItem?.(++done, queries.length, q.symbol, items[i]!.fromCache);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 4, queries.length));
  await Promise.all(Array.from({ length: n }, worker));
  return { provider: provider.id, model, items, rows: items.flatMap((it) => it.rows) };
}

async function loadResource<T>(
  providerId: string, key: string, ttlSeconds: number, load: () => Promise<unknown>, parse: (raw: unknown) => T,
  cache: ResponseCache | undefined, refresh: boolean, now: () => Date,
): Promise<T> {
  const hit = cache && !refresh ? cache.read(providerId, "_resources", key, ttlSeconds, now().getTime()) : undefined;
  if (hit !== undefined) {
    try {
      return parse(hit.raw);
    } catch {
      cache?.delete(providerId, "_resources", key);
    }
  }
  const raw = await load();
  const out = parse(raw);
  cache?.write(providerId, "_resources", key, raw, now().getTime());
  return out;
}

function withRange(fetcher: Fetcher<ModelName>, q: ItemQuery, asOf: string): ItemQuery {
  if (fetcher.defaultRangeYears === undefined) return q;
  const to = q.to ?? asOf;
  return { ...q, to, from: q.from ?? addDays(to, -Math.round(fetcher.defaultRangeYears * 365.25)) };
}

async function runItem<M extends ModelName>(
  providerId: string, fetcher: Fetcher<M>, q: ItemQuery, ectx: ExtractContext, tctx: TransformContext,
  cache: ResponseCache | undefined, ttl: number, refresh: boolean, now: () => Date,
): Promise<ItemResult<M>> {
  const key = fetcher.cacheKey(q);
  if (cache && !refresh) {
    const hit = cache.read(providerId, fetcher.model, key, ttl, now().getTime());
    if (hit !== undefined) {
      try {
        return { symbol: q.symbol, rows: fetcher.transform(q, hit.raw, tctx), fromCache: true };
      } catch {
        // Cached data this version cannot read: forget it and fetch afresh.
        cache.delete(providerId, fetcher.model, key);
      }
    }
  }
  const raw = await fetcher.extract(q, ectx);
  const rows = fetcher.transform(q, raw, tctx);
  cache?.write(providerId, fetcher.model, key, raw, now().getTime());
  return { symbol: q.symbol, rows, fromCache: false };
}
