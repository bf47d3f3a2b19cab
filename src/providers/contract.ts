import { z } from "zod";
import { InvalidInputError, RerateError } from "../errors.js";
import { Currency, IsoDate, SecurityId } from "../models/common.js";
import { Estimate, Fundamental } from "../models/fundamental.js";
import { FxRate } from "../models/fx-rate.js";
import { PriceBar } from "../models/price-bar.js";
import type { HttpClient } from "./http.js";

/**
 * A quote snapshot: the last price of a listing with the per-listing statistics a quote page shows. Served to
 * library callers; not stored (the store keeps daily bars, reported figures and estimates).
 */
export const Quote = z.strictObject({
  security: SecurityId,
  /** Time of the last price, ISO 8601 in UTC. */
  time: z.iso.datetime(),
  price: z.number().positive(),
  currency: Currency,
  marketState: z.string().min(1).optional().describe("REGULAR, PRE, POST, CLOSED …, as the provider says."),
  marketCap: z.number().nonnegative().optional().describe("In the listing currency."),
  sharesOutstanding: z.number().nonnegative().optional().describe("Listing units (ADS for an ADR)."),
  epsTrailingTwelveMonths: z.number().finite().optional().describe("Per listing unit, as the provider states it."),
  epsForward: z.number().finite().optional().describe("Per listing unit, next fiscal year, as the provider states it."),
  financialCurrency: Currency.optional().describe("Currency the issuer reports in."),
  source: z.string().optional(),
});
export type Quote = z.infer<typeof Quote>;

/** Every model a provider can serve, with the schema its rows must pass. */
export const MODEL_SCHEMAS = {
  prices: PriceBar,
  fundamentals: Fundamental,
  estimates: Estimate,
  fx: FxRate,
  quotes: Quote,
} as const;
export type ModelName = keyof typeof MODEL_SCHEMAS;
export const MODEL_NAMES = Object.keys(MODEL_SCHEMAS) as ModelName[];
export type RowOf<M extends ModelName> = z.infer<(typeof MODEL_SCHEMAS)[M]>;

/** What the store knows about a listing that a transform needs (per-listing conversions, entity ids). */
export interface ListingInfo {
  id: string;
  issuer?: string | undefined;
  /** Ordinary shares per listing unit (BABA = 8); 1 when unknown. */
  sharesPerListing: number;
  currency?: Currency | undefined;
  reportingCurrency?: Currency | undefined;
}

/** One item a fetcher fetches: a symbol (or FX pair) and an optional date range. */
export interface ItemQuery {
  symbol: string;
  from?: string | undefined;
  to?: string | undefined;
}

/** Settings a provider needs from the user (never logged, cached or written to the store). */
export interface CredentialSpec {
  /** Environment variable, e.g. RERATE_SEC_USER_AGENT. */
  env: string;
  /** Key in the config file, e.g. sec.userAgent. */
  config: string;
  description: string;
  /** Checks a value; returns the reason it is unusable (without echoing it), or undefined. */
  check?: (value: string) => string | undefined;
}

/** What the extract step may use: the HTTP layer, credentials, the clock, and a cached sub-resource loader. */
export interface ExtractContext {
  http: HttpClient;
  /** A credential's value (the manifest's `credentials` were checked before any request). */
  credential: (env: string) => string | undefined;
  /** ISO date of the run. */
  asOf: string;
  /** The clock: raw data of snapshots (estimates, key statistics, charts) is stamped with its fetch time. */
  now: () => Date;
  /**
   * Loads an auxiliary resource (a ticker map) through the response cache: `load` fetches the wire data,
   * `parse` validates it (throwing E_PROVIDER_SCHEMA); only data that parses is cached.
   */
  resource: <T>(key: string, ttlSeconds: number, load: () => Promise<unknown>, parse: (raw: unknown) => T) => Promise<T>;
}

/** What the pure transform may use besides the raw data. */
export interface TransformContext {
  /** The listing as the store knows it, when it does. */
  listing?: ListingInfo | undefined;
  /** Provider id recorded in `reference` fields. */
  provider: string;
}

/**
 * A fetcher serves one model from one provider in three steps: parse the query → extract raw wire data
 * (JSON-safe, cached as is) → transform it to validated rows (pure: same input, same rows, input untouched).
 */
export interface Fetcher<M extends ModelName = ModelName, Q extends ItemQuery = ItemQuery> {
  model: M;
  description: string;
  /** How long raw data stays fresh in the response cache. */
  ttlSeconds: number;
  /** Daily series: years back from `to` (default today) when the query gives no `from`. */
  defaultRangeYears?: number;
  /** Step 1: validates one item's query; throws E_INVALID_INPUT naming the bad parameter. */
  parseQuery(params: ItemQuery): Q;
  /** Everything the raw data depends on, human-readable (never a credential). */
  cacheKey(q: Q): string;
  /** Step 2: raw wire data for one item. Throws E_PROVIDER_HTTP / E_NOT_FOUND / E_PROVIDER_SCHEMA. */
  extract(q: Q, ctx: ExtractContext): Promise<unknown>;
  /** Step 3 (pure): wire data → rows of the model; throws E_PROVIDER_SCHEMA naming the field that changed. */
  transform(q: Q, raw: unknown, ctx: TransformContext): RowOf<M>[];
}

/** A provider: who it is, what it needs and what it serves. */
export interface ProviderManifest {
  id: string;
  name: string;
  description: string;
  /** Home page or API documentation. */
  url: string;
  credentials: readonly CredentialSpec[];
  /** Most requests per second rerate sends. */
  requestsPerSecond: number;
  /** Symbols it can serve, in words. */
  symbols: string;
  fetchers: { readonly [M in ModelName]?: Fetcher<M> };
}

/** E_PROVIDER_SCHEMA naming the provider, the model and the field whose shape changed. */
export function providerSchemaError(provider: string, model: string, field: string, reason: string, value?: unknown): RerateError {
  const shown = value === undefined ? "" : ` (got ${JSON.stringify(value)?.slice(0, 60) ?? String(value)})`;
  return new RerateError(
    "E_PROVIDER_SCHEMA",
    `${provider} ${model}: field "${field}" ${reason}${shown}; the provider's response format may have changed`,
    { issues: [{ column: field, ...(value !== undefined ? { value: String(JSON.stringify(value)).slice(0, 60) } : {}), reason }] },
  );
}

/**
 * Validates wire data with a Zod schema at the edge; the first problem becomes E_PROVIDER_SCHEMA naming its
 * path (`chart.result.0.timestamp`).
 */
export function parseWire<S extends z.ZodType>(provider: string, model: string, schema: S, raw: unknown, prefix = ""): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = [prefix, ...issue.path.map(String)].filter((p) => p !== "").join(".") || "(body)";
  let value: unknown = raw;
  for (const k of issue.path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined;
  const reason = value === undefined ? "is missing" : issue.message.replace(/^Invalid input: /, "");
  throw providerSchemaError(provider, model, path, reason, value);
}

/** Checks that the rows a transform produced pass the model's schema (the contract every fetcher keeps). */
export function checkRows<M extends ModelName>(provider: string, model: M, rows: readonly unknown[]): RowOf<M>[] {
  const schema = MODEL_SCHEMAS[model];
  return rows.map((row, i) => {
    const r = schema.safeParse(row);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw providerSchemaError(provider, model, `row ${i}.${issue.path.join(".")}`, issue.message);
    }
    return r.data as RowOf<M>;
  });
}

const DateParam = IsoDate;

/** Validates the common item query (symbol, from ≤ to); E_INVALID_INPUT naming the parameter. */
export function parseItemQuery(params: ItemQuery, symbolPattern: RegExp = /^[A-Za-z0-9^][A-Za-z0-9.^=_-]*$/): ItemQuery {
  const symbol = String(params.symbol ?? "").trim();
  if (symbol === "" || !symbolPattern.test(symbol)) throw InvalidInputError.at({ column: "symbol", value: symbol, reason: "is not a symbol this provider serves" });
  for (const k of ["from", "to"] as const) {
    const v = params[k];
    if (v !== undefined && !DateParam.safeParse(v).success) throw InvalidInputError.at({ column: `--${k}`, value: String(v), reason: "is not a date (YYYY-MM-DD)" });
  }
  if (params.from !== undefined && params.to !== undefined && params.from > params.to) {
    throw InvalidInputError.at({ column: "--from", value: params.from, reason: `is after --to (${params.to})` });
  }
  return { symbol, ...(params.from !== undefined ? { from: params.from } : {}), ...(params.to !== undefined ? { to: params.to } : {}) };
}
