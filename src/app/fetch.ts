import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { toDayNumber } from "../core/dates.js";
import { InvalidInputError } from "../errors.js";
import { CURRENCIES, SecurityId, type Currency } from "../models/common.js";
import type { Estimate, Fundamental } from "../models/fundamental.js";
import type { FxRate } from "../models/fx-rate.js";
import type { PriceBar } from "../models/price-bar.js";
import type { Security } from "../models/security.js";
import { resolveCacheDir, ResponseCache } from "../providers/cache.js";
import { credentialLookup, loadConfig } from "../providers/config.js";
import type { ItemQuery, ListingInfo, ModelName, RowOf } from "../providers/contract.js";
import { checkCredentials, createProviderHttp, executeQuery, type ExecuteOptions } from "../providers/execute.js";
import type { HttpOptions } from "../providers/http.js";
import { getProvider } from "../providers/registry.js";
import { isSecSymbol } from "../providers/sec/company-facts.js";
import { inferListing, normalizeSymbol } from "../providers/csv/symbols.js";
import { estimateToRow, ESTIMATES_TABLE } from "../store/fundamentals.js";
import { FX_TABLE, fxToRow } from "../store/fx.js";
import { integerList, varcharList, type Store } from "../store/open.js";
import { refuseRealIntoSynthetic } from "./synthetic-mix.js";
import { clearStagedPrices, mergeStagedPrices, stagePrices, type MergeCounts } from "../store/prices.js";
import { listSecurities, securityToRow, SECURITIES_TABLE } from "../store/securities.js";
import { insertSources } from "../store/sources.js";
import { upsertRows } from "../store/upsert.js";
import { landFundamentals } from "./land-fundamentals.js";

/** Providers `rerate fetch --provider` accepts; without it, yahoo (with fx) and sec (when its contact is set). */
export const FETCH_PROVIDERS = ["yahoo", "sec", "fx"] as const;
export type FetchProvider = (typeof FETCH_PROVIDERS)[number];

export interface FetchOptions {
  provider?: string;
  symbols?: readonly string[];
  /** A thesis file (YAML or JSON): every symbol it names under securities/symbols/members/peers/benchmarks keys. */
  thesis?: string;
  from?: string;
  to?: string;
  /** Ignore the response cache (fresh responses still replace it). */
  refresh?: boolean;
  /** Cache directory, or false for none; default config cache.dir, RERATE_CACHE_DIR, .rerate/cache. */
  cacheDir?: string | false;
  /** Config file (default RERATE_CONFIG or .rerate/config.json). */
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  /** HTTP settings (tests point origins at a fake server and shorten timeouts). */
  http?: HttpOptions;
  now: () => Date;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Fetch into a store that holds the synthetic demo (refused without it). */
  allowSyntheticMix?: boolean;
}

type Table = "prices" | "fundamentals" | "estimates" | "fx";

export interface FetchTaskReport {
  provider: string;
  model: ModelName;
  items: number;
  fromCache: number;
  rows: number;
  /** Where the rows came from when not a live request (`rerate import yahoo`: the files); default `provider:model`. */
  location?: string;
  sha256?: string;
}

export interface FetchSummary {
  asOf: string;
  symbols: string[];
  tasks: FetchTaskReport[];
  /** Symbols a provider was not asked for or had nothing for, and why. */
  skipped: { provider: string; symbol: string; reason: string }[];
  tables: Record<Table, MergeCounts>;
  added: number;
  updated: number;
  unchanged: number;
  newSecurities: string[];
  notes: string[];
}

interface Task {
  provider: string;
  model: "prices" | "fundamentals" | "estimates" | "fx";
  items: ItemQuery[];
}

const SYMBOL_KEYS = new Set(["securities", "security", "symbols", "symbol", "members", "peers", "tickers", "ticker", "listings", "benchmark", "benchmarks"]);

/**
 * Every symbol a thesis file names: string values (or lists of them) under keys such as `securities`, `symbols`,
 * `members`, `peers` and `benchmarks`, at any depth. Tolerant of the thesis layout until its schema lands.
 * @throws InvalidInputError when the file cannot be read or names no symbol.
 */
export function symbolsFromThesis(path: string): string[] {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, "utf8"));
  } catch (e) {
    throw InvalidInputError.at({ file: path, reason: `cannot be read as a thesis file (YAML or JSON): ${(e as Error).message.split("\n")[0]}` });
  }
  const found = new Set<string>();
  const walk = (v: unknown, underKey: boolean) => {
    if (typeof v === "string") {
      if (underKey && SecurityId.safeParse(v.trim()).success) found.add(normalizeSymbol(v));
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, underKey));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, SYMBOL_KEYS.has(k.toLowerCase()));
  };
  walk(doc, false);
  if (found.size === 0) throw InvalidInputError.at({ file: path, reason: `names no symbols (looked under ${[...SYMBOL_KEYS].join(", ")})` });
  return [...found].sort();
}

/** What a provider transform may know of a listing from the security master. */
export function listingOf(s: Security): ListingInfo {
  return { id: s.id, issuer: s.issuer, sharesPerListing: s.sharesPerListing, currency: s.currency, reportingCurrency: s.reportingCurrency };
}

const US_EXCHANGES = new Set(["NYSE", "NASDAQ", "OTC"]);
const isEquity = (id: string, known: Security | undefined) => (known ? known.kind === "equity" || known.kind === "adr" : inferListing(id).kind === "equity");

/**
 * SEC items: each requested listing's US filer (itself when it is a US ticker, else a US listing of the same
 * issuer: 9988.HK → BABA), one per issuer.
 */
function planSec(symbols: readonly string[], known: ReadonlyMap<string, Security>, skipped: FetchSummary["skipped"]): ItemQuery[] {
  const items: ItemQuery[] = [];
  const entities = new Set<string>();
  for (const id of symbols) {
    const s = known.get(id);
    const isUs = (x: Security | undefined, sym: string) => isSecSymbol(sym) && (x === undefined || US_EXCHANGES.has(x.exchange) || x.exchange === "OTHER");
    let filer: string | undefined = isUs(s, id) && isEquity(id, s) ? id : undefined;
    if (filer === undefined && s?.issuer !== undefined) filer = [...known.values()].find((x) => x.issuer === s.issuer && isUs(x, x.id))?.id;
    if (filer === undefined) {
      skipped.push({ provider: "sec", symbol: id, reason: isEquity(id, s) ? "no US listing: the SEC covers US filers" : "not a company" });
      continue;
    }
    const entity = known.get(filer)?.issuer ?? filer;
    if (entities.has(entity)) continue;
    entities.add(entity);
    items.push({ symbol: filer });
  }
  return items;
}

async function storedRanges(store: Store, sql: string): Promise<Map<string, { first: string; last: string }>> {
  const rows = await store.all<{ k: string; first: string; last: string }>(sql);
  return new Map(rows.map((r) => [r.k, { first: r.first, last: r.last }]));
}

/**
 * Daily-series items: what is missing. A series already stored through `to` is skipped (unless refreshing);
 * otherwise it is fetched from `from` (else its first stored date, else the provider's default) to `to`, whole,
 * so that adjusted closes share one adjustment basis.
 */
function planSeries(keys: readonly string[], stored: Map<string, { first: string; last: string }>, opts: FetchOptions, to: string, provider: string, skipped: FetchSummary["skipped"]): ItemQuery[] {
  const out: ItemQuery[] = [];
  for (const k of keys) {
    const have = stored.get(k);
    if (!opts.refresh && opts.from === undefined && have !== undefined && have.last >= to) {
      skipped.push({ provider, symbol: k, reason: `up to date (stored through ${have.last})` });
      continue;
    }
    out.push({ symbol: k, to, ...(opts.from !== undefined ? { from: opts.from } : have ? { from: have.first } : {}) });
  }
  return out;
}

/** Which providers to run: one named, or all that can run (SEC only when its contact is configured). */
function chooseProviders(opts: FetchOptions, credential: (env: string) => string | undefined, notes: string[]): FetchProvider[] {
  if (opts.provider !== undefined) {
    if (!(FETCH_PROVIDERS as readonly string[]).includes(opts.provider)) {
      throw InvalidInputError.at({ column: "--provider", value: opts.provider, reason: `is not a provider; use one of ${FETCH_PROVIDERS.join(", ")} (see rerate providers)` });
    }
    const p = opts.provider as FetchProvider;
    return p === "yahoo" ? ["yahoo", "fx"] : [p];
  }
  try {
    checkCredentials(getProvider("sec"), credential);
    return ["yahoo", "fx", "sec"];
  } catch {
    notes.push("SEC skipped: set RERATE_SEC_USER_AGENT (your name and e-mail) or sec.userAgent in .rerate/config.json to fetch filings");
    return ["yahoo", "fx"];
  }
}

/**
 * Fetches live data for a set of listings and lands it in the store in one transaction: Yahoo daily prices,
 * shares and consensus estimates; SEC reported figures with their filing dates; FX rates against USD for every
 * currency involved. Everything is fetched (or read from the response cache) first; if any request fails,
 * nothing is written. Rows are upserted on their natural keys, so re-running changes nothing.
 * @throws InvalidInputError for bad options or no symbols; E_MISSING_CREDENTIAL, E_PROVIDER_HTTP,
 *   E_PROVIDER_SCHEMA from the providers (the store is unchanged).
 */
export async function fetchIntoStore(store: Store, opts: FetchOptions): Promise<FetchSummary> {
  const env = opts.env ?? process.env;
  const config = loadConfig(opts.configPath, env);
  const credential = credentialLookup(env, config);
  const asOf = opts.now().toISOString().slice(0, 10);
  const to = opts.to ?? asOf;
  for (const [k, v] of [["--from", opts.from], ["--to", opts.to]] as const) {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw InvalidInputError.at({ column: k, value: v, reason: "is not a date (YYYY-MM-DD)" });
  }
  if (opts.from !== undefined && opts.from > to) throw InvalidInputError.at({ column: "--from", value: opts.from, reason: `is after --to (${to})` });
  if (opts.symbols?.length && opts.thesis !== undefined) throw InvalidInputError.at({ column: "--symbols", reason: "and --thesis are alternatives: give one" });
  await refuseRealIntoSynthetic(store, "fetch", opts.allowSyntheticMix);

  const securities = await listSecurities(store);
  const known = new Map(securities.map((s) => [s.id, s as Security]));
  const symbols = opts.thesis !== undefined ? symbolsFromThesis(opts.thesis)
    : opts.symbols?.length ? [...new Set(opts.symbols.map(normalizeSymbol))]
      : securities.filter((s) => s.kind !== "fx").map((s) => s.id);
  if (symbols.length === 0) throw InvalidInputError.at({ column: "--symbols", reason: "no symbols to fetch: pass --symbols or --thesis, or import a security master first" });

  const notes: string[] = [];
  const skipped: FetchSummary["skipped"] = [];
  const providers = chooseProviders(opts, credential, notes);
  const tasks: Task[] = [];
  if (providers.includes("yahoo")) {
    const prices = await storedRanges(store, "SELECT security AS k, strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last FROM prices GROUP BY security");
    tasks.push({ provider: "yahoo", model: "prices", items: planSeries(symbols, prices, opts, to, "yahoo", skipped) });
    const equities = symbols.filter((id) => isEquity(id, known.get(id)));
    for (const id of symbols) if (!equities.includes(id)) skipped.push({ provider: "yahoo", symbol: id, reason: "an index, ETF or FX pair: prices only" });
    tasks.push({ provider: "yahoo", model: "fundamentals", items: equities.map((symbol) => ({ symbol })) });
    tasks.push({ provider: "yahoo", model: "estimates", items: equities.map((symbol) => ({ symbol })) });
  }
  if (providers.includes("sec")) tasks.push({ provider: "sec", model: "fundamentals", items: planSec(symbols, known, skipped) });
  if (providers.includes("fx")) {
    const currencies = new Set<Currency>();
    for (const s of securities) for (const c of [s.currency, s.reportingCurrency]) if (c !== undefined) currencies.add(c);
    for (const id of symbols) {
      const c = known.get(id)?.currency ?? inferListing(id).currency;
      if (c !== undefined) currencies.add(c);
    }
    const pairs = [...currencies].filter((c) => c !== "USD" && (CURRENCIES as readonly string[]).includes(c)).sort().map((c) => `USD${c}=X`);
    const fx = await storedRanges(store, "SELECT base || quote || '=X' AS k, strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last FROM fx_rates GROUP BY base, quote");
    tasks.push({ provider: "fx", model: "fx", items: planSeries(pairs, fx, opts, to, "fx", skipped) });
  }

  const total = tasks.reduce((a, t) => a + t.items.length, 0);
  let done = 0;
  const cacheDir = opts.cacheDir === false ? undefined : resolveCacheDir(opts.cacheDir ?? config.cache?.dir, env);
  const exec: ExecuteOptions = {
    http: createProviderHttp({ ...opts.http, baseUrls: { ...parseBaseUrls(env.RERATE_PROVIDER_BASE_URLS), ...opts.http?.baseUrls } }), cache: cacheDir === undefined ? false : new ResponseCache(cacheDir), refresh: Boolean(opts.refresh),
    credential, now: opts.now, listings: new Map(securities.map((s) => [s.id, listingOf(s)])), skipNotFound: true,
    ...(config.cache?.ttlSeconds ? { ttlSeconds: config.cache.ttlSeconds } : {}),
  };
  const reports: FetchTaskReport[] = [];
  const rows: { [T in Table]: { rows: RowOf<T>[]; task: number }[] } = { prices: [], fundamentals: [], estimates: [], fx: [] };
  for (const t of tasks) {
    if (t.items.length === 0) continue;
    const r = await executeQuery(t.provider, t.model, { items: t.items }, {
      ...exec, onItem: (_d, _n, symbol) => opts.onProgress?.(++done, total, `${t.provider} ${t.model} ${symbol}`),
    });
    for (const it of r.items) if (it.notFound !== undefined) skipped.push({ provider: t.provider, symbol: it.symbol, reason: it.notFound });
    reports.push({ provider: t.provider, model: t.model, items: r.items.length, fromCache: r.items.filter((i) => i.fromCache).length, rows: r.rows.length });
    (rows[t.model] as { rows: unknown[]; task: number }[]).push({ rows: r.rows, task: reports.length - 1 });
  }
  const landed = await land(store, reports, rows, known, opts.now().toISOString(), notes);
  const tables = landed.tables;
  const sum = (k: keyof MergeCounts) => Object.values(tables).reduce((a, c) => a + c[k], 0);
  return {
    asOf, symbols, tasks: reports, skipped, tables, added: sum("added"), updated: sum("updated"), unchanged: sum("unchanged"),
    newSecurities: landed.newSecurities, notes,
  };
}

/**
 * Origin rewrites from RERATE_PROVIDER_BASE_URLS (`https://data.sec.gov=http://mirror:8080/sec,…`): a mirror or
 * proxy, or a local fake provider in tests.
 * @throws InvalidInputError naming the entry that is not `origin=url`.
 */
export function parseBaseUrls(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (value ?? "").split(",").map((x) => x.trim()).filter((x) => x !== "")) {
    const eq = part.indexOf("=");
    try {
      if (eq < 0) throw new Error("no =");
      out[new URL(part.slice(0, eq)).origin] = new URL(part.slice(eq + 1)).toString().replace(/\/+$/, "");
    } catch {
      throw InvalidInputError.at({ column: "RERATE_PROVIDER_BASE_URLS", value: part, reason: "must be origin=url pairs, e.g. https://data.sec.gov=http://127.0.0.1:8080/sec" });
    }
  }
  return out;
}

/** Keeps one row per natural key (the last); a provider answering one key twice would break the upsert. */
function uniqueBy<T>(list: readonly T[], key: (x: T) => string): T[] {
  return [...new Map(list.map((x) => [key(x), x])).values()];
}

/**
 * Lands every fetched row in one transaction (joining the caller's, e.g. a dry run's), each with the source of its
 * provider and model; also the landing of `rerate import yahoo`, so saved responses land as fetched ones do.
 */
export async function land(
  store: Store, reports: FetchTaskReport[], rows: { [T in Table]: { rows: RowOf<T>[]; task: number }[] },
  known: ReadonlyMap<string, Security>, now: string, notes: string[],
): Promise<{ tables: Record<Table, MergeCounts>; newSecurities: string[] }> {
  const zero = (): MergeCounts => ({ added: 0, updated: 0, unchanged: 0 });
  const tables: Record<Table, MergeCounts> = { prices: zero(), fundamentals: zero(), estimates: zero(), fx: zero() };
  const newSecurities: string[] = [];
  const withRows = reports.map((r, i) => ({ r, i })).filter((x) => x.r.rows > 0);
  if (withRows.length === 0) return { tables, newSecurities };
  await store.transaction(async () => {
    const ids = await insertSources(store, withRows.map(({ r }) => ({
      kind: r.model === "fx" ? "fx" : r.model, location: r.location ?? `${r.provider}:${r.model}`, importedAt: now, rowsRead: r.rows,
      ...(r.sha256 !== undefined ? { sha256: r.sha256 } : {}),
    })));
    const sourceOf = new Map(withRows.map((x, k) => [x.i, ids[k]!]));
    const add = (t: Table, c: MergeCounts) => {
      tables[t].added += c.added;
      tables[t].updated += c.updated;
      tables[t].unchanged += c.unchanged;
    };
    const priceSets = rows.prices.flatMap(({ rows: bars, task }) => groupBars(bars as PriceBar[]).map((g) => ({ ...g, sourceId: sourceOf.get(task)! })));
    const fresh = priceSets.filter((g) => !known.has(g.security));
    if (fresh.length > 0) {
      const secs: Security[] = fresh.map((g) => {
        const inf = inferListing(g.security);
        return { id: g.security, name: { en: g.security }, exchange: inf.exchange, currency: g.currency as Currency, kind: inf.kind, sharesPerListing: 1 };
      });
      await upsertRows(store, SECURITIES_TABLE, secs.map(securityToRow), fresh.map((g) => g.sourceId));
      newSecurities.push(...secs.map((s) => s.id));
    }
    if (priceSets.length > 0) {
      await stagePrices(store, priceSets);
      try {
        add("prices", await mergeStagedPrices(store));
      } finally {
        await clearStagedPrices(store);
      }
    }
    const flat = <T>(list: { rows: T[]; task: number }[]) => list.flatMap(({ rows: rs, task }) => rs.map((row) => ({ row, src: sourceOf.get(task)! })));
    add("fundamentals", await landFundamentals(store, flat(rows.fundamentals as { rows: Fundamental[]; task: number }[])));
    const estimates = uniqueBy(flat(rows.estimates as { rows: Estimate[]; task: number }[]), ({ row: e }) => `${e.entity}\0${e.metric}\0${e.fiscalPeriod}\0${e.asOf}\0${e.estimator}`);
    if (estimates.length > 0) add("estimates", await upsertRows(store, ESTIMATES_TABLE, estimates.map((x) => estimateToRow(x.row)), estimates.map((x) => x.src)));
    const fx = uniqueBy(flat(rows.fx as { rows: FxRate[]; task: number }[]), ({ row: r }) => `${r.base}${r.quote}\0${r.date}`);
    if (fx.length > 0) add("fx", await upsertRows(store, FX_TABLE, fx.map((x) => fxToRow(x.row)), fx.map((x) => x.src)));
    // A fetch that changed nothing leaves no trace: drop sources no row points at.
    const idList = integerList(ids);
    await store.run(`DELETE FROM sources WHERE list_contains($ids, id) AND id NOT IN (
      SELECT source_id FROM prices UNION SELECT source_id FROM fundamentals UNION SELECT source_id FROM estimates
      UNION SELECT source_id FROM fx_rates UNION SELECT source_id FROM securities)`, { ids: idList.value }, { ids: idList.type });
  });
  const fetched = varcharList([...new Set(rows.prices.flatMap((p) => (p.rows as PriceBar[]).map((b) => b.security)))]);
  const mixed = await store.all<{ security: string }>(
    `SELECT DISTINCT p.security FROM prices p JOIN sources s ON s.id = p.source_id WHERE s.synthetic AND list_contains($ids, p.security) ORDER BY 1`,
    { ids: fetched.value }, { ids: fetched.type },
  );
  if (mixed.length > 0) {
    notes.push(`${mixed.map((m) => m.security).join(", ")} still have synthetic demo bars on dates the provider did not answer; use a separate store (--db) for real data`);
  }
  return { tables, newSecurities };
}

/** Price rows of one task as columnar batches per security (the store's bulk path). */
function groupBars(bars: readonly PriceBar[]): { security: string; currency: string; days: number[]; open: number[]; high: number[]; low: number[]; close: number[]; adjClose: number[]; volume: number[] }[] {
  const by = new Map<string, PriceBar[]>();
  for (const b of bars) {
    const list = by.get(b.security);
    if (list) list.push(b);
    else by.set(b.security, [b]);
  }
  return [...by.entries()].map(([security, list]) => {
    const sorted = uniqueBy(list, (b) => b.date).sort((a, b) => (a.date < b.date ? -1 : 1));
    const col = (f: (b: PriceBar) => number | undefined) => sorted.map((b) => f(b) ?? NaN);
    return {
      security, currency: sorted[0]!.currency, days: sorted.map((b) => toDayNumber(b.date)), open: col((b) => b.open), high: col((b) => b.high),
      low: col((b) => b.low), close: col((b) => b.close), adjClose: col((b) => b.adjClose), volume: col((b) => b.volume),
    };
  });
}
