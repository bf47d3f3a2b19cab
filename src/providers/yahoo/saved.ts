import { offlineYahooClient, toJsonSafe } from "./client.js";

// Saved Yahoo responses (`rerate import yahoo`): what a file holds, told from its content. Accepted: the recorded
// envelope `{request:{url}, response:{status, headers, bodyJson}}`, Yahoo's raw bodies as a browser saves them
// (`{chart:{result}}`, `{quoteSummary:{result}}`, `{timeseries:{result}}`) and yahoo-finance2's results
// (chart `{meta, quotes}`, a quoteSummary object of modules, fundamentalsTimeSeries' array of periods).
// The wire shapes stay in this folder: the app layer gets the fetchers' raw input back.

/** What a saved file is. */
export type SavedKind = "chart" | "quoteSummary" | "timeseries";

/** quoteSummary modules rerate takes something from (the others are recognised and left). */
export const USED_MODULES = ["earningsTrend", "defaultKeyStatistics", "financialData", "price", "quoteType"] as const;

/** quoteSummary modules yahoo-finance2 knows; a yahoo-finance2 result is an object of some of these. */
const KNOWN_MODULES = new Set([
  ...USED_MODULES, "assetProfile", "balanceSheetHistory", "balanceSheetHistoryQuarterly", "calendarEvents",
  "cashflowStatementHistory", "cashflowStatementHistoryQuarterly", "earnings", "earningsHistory", "esgScores", "fundOwnership",
  "fundPerformance", "fundProfile", "incomeStatementHistory", "incomeStatementHistoryQuarterly", "indexTrend", "industryTrend",
  "insiderHolders", "insiderTransactions", "institutionOwnership", "majorDirectHolders", "majorHoldersBreakdown",
  "netSharePurchaseActivity", "recommendationTrend", "secFilings", "sectorTrend", "summaryDetail", "summaryProfile",
  "topHoldings", "upgradeDowngradeHistory",
]);

/** One saved response, classified. */
export interface SavedResponse {
  kind: SavedKind;
  /** The symbol the response names (chart meta, time-series meta, quoteSummary price/quoteType, the recorded URL). */
  symbol?: string;
  /** When it was saved, if the file says: the recorded Date header, or else the latest market time in the content. */
  savedAt?: string;
  savedAtFrom?: "recorded" | "content";
  /** quoteSummary: the modules present. */
  modules?: string[];
  /** Number of records in it (bars, trend periods, series values), for the import report. */
  records: number;
  /** The body, raw or as yahoo-finance2 returns it. */
  body: unknown;
  shape: "raw" | "yahoo-finance2";
}

/** A file that is not a Yahoo response (or is Yahoo's error answer), with the reason. */
export interface NotSaved {
  reason: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const epochIso = (v: unknown): string | undefined => {
  if (typeof v === "number" && Number.isFinite(v) && v > 0) return new Date(v * 1000).toISOString();
  if (typeof v === "string" && !Number.isNaN(Date.parse(v))) return new Date(v).toISOString();
  if (isObj(v)) return epochIso(v.raw);
  return undefined;
};
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** The last path segment of a Yahoo API URL: the symbol of chart, quoteSummary and time-series requests. */
function symbolOfUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (!/\/(chart|quoteSummary|timeseries)\/[^/]+$/.test(u.pathname)) return undefined;
    return decodeURIComponent(u.pathname.split("/").pop()!);
  } catch {
    return undefined;
  }
}

/** Yahoo's own error answer (`{chart:{result:null, error:{code, description}}}`), worded. */
function yahooError(body: Obj): string | undefined {
  for (const key of ["chart", "quoteSummary", "timeseries", "finance"]) {
    const part = body[key];
    if (!isObj(part)) continue;
    const err = part.error;
    if (isObj(err)) return `is Yahoo's error answer, not data (${str(err.code) ?? "error"}: ${str(err.description) ?? ""})`;
  }
  return undefined;
}

/**
 * Tells what a parsed JSON file holds. Pure.
 * @returns the classified response, or why it is none of the shapes `rerate import yahoo` reads.
 * @example classifySaved({ chart: { result: [{ meta: { symbol: "AAPL" }, timestamp: [], indicators: { quote: [{}] } }], error: null } }).kind // "chart"
 */
export function classifySaved(value: unknown): SavedResponse | NotSaved {
  let body = value;
  let recordedAt: string | undefined;
  let urlSymbol: string | undefined;
  if (isObj(value) && isObj(value.response) && isObj(value.request)) {
    const res = value.response;
    const status = typeof res.status === "number" ? res.status : 200;
    if (status !== 200) return { reason: `records a failed request (HTTP ${status}${isObj(res.bodyJson) ? `; ${yahooError(res.bodyJson) ?? ""}` : ""}), not data` };
    if (!("bodyJson" in res)) return { reason: "is a recorded request without a JSON body (response.bodyJson)" };
    body = res.bodyJson;
    const date = isObj(res.headers) ? str(res.headers.date) : undefined;
    if (date !== undefined && !Number.isNaN(Date.parse(date))) recordedAt = new Date(date).toISOString();
    urlSymbol = typeof value.request.url === "string" ? symbolOfUrl(value.request.url) : undefined;
  }
  const found = classifyBody(body);
  if ("reason" in found) return found;
  if (found.symbol === undefined && urlSymbol !== undefined) found.symbol = urlSymbol;
  if (recordedAt !== undefined) {
    found.savedAt = recordedAt;
    found.savedAtFrom = "recorded";
  }
  return found;
}

function classifyBody(body: unknown): SavedResponse | NotSaved {
  if (Array.isArray(body)) {
    // yahoo-finance2's fundamentalsTimeSeries(): one object per period, `date` and the items.
    if (body.length > 0 && body.every((r) => isObj(r) && epochIso(r.date) !== undefined)) {
      return { kind: "timeseries", records: body.length, body, shape: "yahoo-finance2" };
    }
    return { reason: "is a JSON array but not yahoo-finance2's fundamentalsTimeSeries result (objects with a date)" };
  }
  if (!isObj(body)) return { reason: "is not a Yahoo response (expected a JSON object)" };
  const err = yahooError(body);
  if (err !== undefined) return { reason: err };
  if (isObj(body.chart)) {
    const r = Array.isArray(body.chart.result) ? body.chart.result[0] : undefined;
    if (!isObj(r) || !isObj(r.meta)) return { reason: "is a chart answer without a result" };
    return {
      kind: "chart", symbol: str(r.meta.symbol), records: Array.isArray(r.timestamp) ? r.timestamp.length : 0, body, shape: "raw",
      ...contentTime(epochIso(r.meta.regularMarketTime)),
    };
  }
  if (isObj(body.quoteSummary)) {
    const r = Array.isArray(body.quoteSummary.result) ? body.quoteSummary.result[0] : undefined;
    if (!isObj(r)) return { reason: "is a quoteSummary answer without a result" };
    return { kind: "quoteSummary", ...summaryFacts(r), body, shape: "raw" };
  }
  if (isObj(body.timeseries)) {
    const result = body.timeseries.result;
    if (!Array.isArray(result)) return { reason: "is a fundamentals time-series answer without a result list" };
    const symbols = result.flatMap((x) => (isObj(x) && isObj(x.meta) && Array.isArray(x.meta.symbol) ? x.meta.symbol.filter((s): s is string => typeof s === "string") : []));
    const records = result.reduce((a: number, x) => {
      const type = isObj(x) && isObj(x.meta) && Array.isArray(x.meta.type) ? x.meta.type[0] : undefined;
      const points = typeof type === "string" && isObj(x) ? x[type] : undefined;
      return a + (Array.isArray(points) ? points.filter((p) => p !== null).length : 0);
    }, 0);
    const distinct = [...new Set(symbols)];
    if (distinct.length > 1) return { reason: `is a time-series answer naming several symbols (${distinct.join(", ")}): save one file per symbol` };
    return { kind: "timeseries", ...(distinct[0] !== undefined ? { symbol: distinct[0] } : {}), records, body, shape: "raw" };
  }
  if (isObj(body.meta) && Array.isArray(body.quotes)) {
    return {
      kind: "chart", symbol: str(body.meta.symbol), records: body.quotes.length, body, shape: "yahoo-finance2",
      ...contentTime(epochIso(body.meta.regularMarketTime)),
    };
  }
  const modules = Object.keys(body).filter((k) => KNOWN_MODULES.has(k));
  if (modules.length > 0 && modules.every((m) => isObj(body[m]))) return { kind: "quoteSummary", ...summaryFacts(body), body, shape: "yahoo-finance2" };
  const keys = Object.keys(body).slice(0, 6).map((k) => JSON.stringify(k)).join(", ");
  return { reason: `is not a Yahoo chart, quoteSummary or fundamentals time-series response (its keys: ${keys || "none"})` };
}

function contentTime(t: string | undefined): Pick<SavedResponse, "savedAt" | "savedAtFrom"> {
  return t === undefined ? {} : { savedAt: t, savedAtFrom: "content" };
}

/** A quoteSummary result's modules, symbol and market time. */
function summaryFacts(r: Obj): Pick<SavedResponse, "modules" | "symbol" | "records" | "savedAt" | "savedAtFrom"> {
  const modules = Object.keys(r).filter((k) => isObj(r[k]));
  const price = isObj(r.price) ? r.price : {};
  const quoteType = isObj(r.quoteType) ? r.quoteType : {};
  const symbol = str(price.symbol) ?? str(quoteType.symbol);
  const trend = isObj(r.earningsTrend) && Array.isArray(r.earningsTrend.trend) ? r.earningsTrend.trend.length : 0;
  return { modules, records: Math.max(trend, modules.length), ...(symbol !== undefined ? { symbol } : {}), ...contentTime(epochIso(price.regularMarketTime)) };
}

/**
 * A saved chart as the prices and FX fetchers' extract step returns it (yahoo-finance2's `return: "array"` shape,
 * JSON-safe): a raw body goes through yahoo-finance2's own chart handling, offline.
 */
export async function chartOf(saved: SavedResponse): Promise<unknown> {
  if (saved.shape === "yahoo-finance2") return toJsonSafe(saved.body);
  const client = offlineYahooClient(() => saved.body);
  // The period is not sent anywhere; yahoo-finance2 only checks that it is a range.
  const chart = await client.chart(saved.symbol ?? "X", { period1: "2000-01-01", period2: "2000-01-02", interval: "1d", events: "div|split", return: "array" }, { validateResult: false });
  return toJsonSafe(chart);
}

/** A saved quoteSummary as the fetchers' extract step returns it: the modules, dates as ISO strings (raw bodies through yahoo-finance2). */
export async function quoteSummaryOf(saved: SavedResponse): Promise<Record<string, unknown>> {
  if (saved.shape === "yahoo-finance2") return toJsonSafe(saved.body) as Record<string, unknown>;
  const client = offlineYahooClient(() => saved.body);
  return toJsonSafe(await client.quoteSummary(saved.symbol ?? "X", { modules: saved.modules ?? [] }, { validateResult: false })) as Record<string, unknown>;
}

/**
 * The time-series results of a saved answer in Yahoo's raw shape (what the fundamentals fetcher requests):
 * a yahoo-finance2 array of periods is turned back into one result per item, each period typed annual (12M)
 * or quarterly (3M, 6M) by its period type.
 * @returns the results, and the periods left out because they have no period type to tell annual from quarterly.
 */
export function timeSeriesResultsOf(saved: SavedResponse): { results: Obj[]; untyped: number } {
  if (saved.shape === "raw") {
    const ts = (saved.body as { timeseries: { result: Obj[] } }).timeseries;
    return { results: ts.result.filter(isObj), untyped: 0 };
  }
  const byType = new Map<string, Obj[]>();
  let untyped = 0;
  for (const p of saved.body as Obj[]) {
    const periodType = str(p.periodType);
    const kind = periodType === "12M" ? "annual" : periodType === "3M" || periodType === "6M" ? "quarterly" : undefined;
    if (kind === undefined) {
      untyped++;
      continue;
    }
    const asOfDate = epochIso(p.date)!.slice(0, 10);
    for (const [k, v] of Object.entries(p)) {
      if (k === "date" || k === "periodType" || k === "TYPE" || typeof v !== "number") continue;
      const type = kind + k[0]!.toUpperCase() + k.slice(1);
      let list = byType.get(type);
      if (list === undefined) byType.set(type, (list = []));
      list.push({ asOfDate, periodType, reportedValue: { raw: v } });
    }
  }
  return { results: [...byType.entries()].map(([type, points]) => ({ meta: { type: [type] }, [type]: points })), untyped };
}
