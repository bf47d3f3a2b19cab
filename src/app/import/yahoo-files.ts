import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { InvalidInputError, RerateError, type InputIssue } from "../../errors.js";
import type { Estimate, Fundamental } from "../../models/fundamental.js";
import type { FxRate } from "../../models/fx-rate.js";
import type { PriceBar } from "../../models/price-bar.js";
import type { Security } from "../../models/security.js";
import type { ListingInfo, ModelName, TransformContext } from "../../providers/contract.js";
import { normalizeSymbol } from "../../providers/csv/symbols.js";
import { yahooEstimates } from "../../providers/yahoo/estimates.js";
import { parseFxQuery, yahooFxRates } from "../../providers/yahoo/fx-rates.js";
import { yahooFundamentals } from "../../providers/yahoo/fundamentals.js";
import { localDate } from "../../providers/yahoo/local-date.js";
import { yahooPrices } from "../../providers/yahoo/prices.js";
import { chartOf, classifySaved, quoteSummaryOf, timeSeriesResultsOf, type SavedResponse } from "../../providers/yahoo/saved.js";
import type { MergeCounts } from "../../store/prices.js";
import type { Store } from "../../store/open.js";
import { listSecurities } from "../../store/securities.js";
import { land, type FetchTaskReport } from "../fetch.js";
import { emptyReport, type FileReport } from "./types.js";
import { refuseIfErrors } from "./validate.js";

export interface YahooImportOptions {
  files: readonly string[];
  /** Symbol of responses that name none (a quoteSummary without its price module); must agree with those that do. */
  symbol?: string;
  /** When the responses were fetched (ISO date-time, or a date = the end of that day UTC); default: what each file says. */
  fetchedAt?: string;
  dryRun?: boolean;
  /** Warnings become errors. */
  strict?: boolean;
  /** Import time (ISO); the CLI passes the clock in. */
  now: string;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface YahooImportSummary {
  kind: "yahoo";
  dryRun: boolean;
  files: (FileReport & { holds: string; symbol: string; fetchedAt: string })[];
  tables: Record<"prices" | "fundamentals" | "estimates" | "fx", MergeCounts>;
  added: number;
  updated: number;
  unchanged: number;
  newSecurities: string[];
  notes: string[];
}

interface SavedFile {
  file: string;
  sha256: string;
  saved: SavedResponse;
  symbol: string;
  fetchedAt: string;
  report: YahooImportSummary["files"][number];
}

type Rows = { [M in "prices" | "fundamentals" | "estimates" | "fx"]: { rows: unknown[]; task: number }[] };

/**
 * `--fetched-at` as an ISO instant: a date is the end of that day (UTC), a date-time needs its offset.
 * @throws InvalidInputError naming the option and value.
 */
export function parseFetchedAt(value: string): string {
  const v = value.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59Z` : v;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(iso) || Number.isNaN(Date.parse(iso))) {
    throw InvalidInputError.at({ column: "--fetched-at", value, reason: "is not a date (YYYY-MM-DD) or a date-time with its offset (2025-02-20T12:00:00Z)" });
  }
  return new Date(iso).toISOString();
}

/** Reads and classifies one file; its problems are pushed as located issues. */
function readSaved(file: string, opts: YahooImportOptions, fetchedAt: string | undefined, errors: InputIssue[], warnings: InputIssue[]): SavedFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    errors.push({ file, reason: code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a directory, not a file" : `cannot be read (${code})` });
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    errors.push({ file, reason: `is not valid JSON (${(e as Error).message}): rerate import yahoo reads saved Yahoo responses` });
    return undefined;
  }
  const saved = classifySaved(value);
  if ("reason" in saved) {
    errors.push({ file, reason: saved.reason });
    return undefined;
  }
  const named = saved.symbol !== undefined ? normalizeSymbol(saved.symbol) : undefined;
  const given = opts.symbol !== undefined ? normalizeSymbol(opts.symbol) : undefined;
  if (named !== undefined && given !== undefined && named !== given) {
    errors.push({ file, column: "--symbol", value: opts.symbol!, reason: `differs from the symbol the response names (${named})` });
    return undefined;
  }
  const symbol = named ?? given;
  if (symbol === undefined) {
    errors.push({ file, column: "symbol", reason: `names no symbol (a ${saved.kind} without ${saved.kind === "quoteSummary" ? "its price module" : "meta.symbol"}): pass --symbol` });
    return undefined;
  }
  let at = fetchedAt ?? saved.savedAt;
  if (at === undefined) {
    at = statSync(file).mtime.toISOString();
    warnings.push({ file, column: "fetchedAt", value: at, reason: "the file does not say when it was saved: taken as its modification time; pass --fetched-at to say" });
  } else if (fetchedAt === undefined && saved.savedAtFrom === "content") {
    warnings.push({ file, column: "fetchedAt", value: at, reason: "taken as the market time the response shows (no recorded fetch time); pass --fetched-at to say" });
  }
  const holds = saved.kind === "quoteSummary" ? `quoteSummary ${saved.modules!.join(", ")}` : saved.kind === "timeseries" ? "fundamentals time series" : "chart";
  return {
    file, sha256: createHash("sha256").update(bytes).digest("hex"), saved, symbol, fetchedAt: at,
    report: { ...emptyReport(file), rowsRead: saved.records, holds, symbol, fetchedAt: at },
  };
}

const listingOf = (s: Security): ListingInfo => ({ id: s.id, issuer: s.issuer, sharesPerListing: s.sharesPerListing, currency: s.currency, reportingCurrency: s.reportingCurrency });
const latest = (xs: readonly string[]) => xs.reduce((a, b) => (b > a ? b : a));

/** Runs one fetcher's transform, turning its schema errors into located issues of the files it read. */
function transformed<T>(files: readonly SavedFile[], errors: InputIssue[], run: () => T[]): T[] {
  try {
    return run();
  } catch (e) {
    if (e instanceof RerateError) {
      for (const f of files) errors.push({ file: f.file, reason: e.message.replace(/; the provider's response format may have changed$/, "") });
      return [];
    }
    throw e;
  }
}

/**
 * Imports saved Yahoo responses (chart, quoteSummary, fundamentals time series; recorded envelopes, raw bodies or
 * yahoo-finance2 results) through the live fetchers' own transforms and landing, all or nothing: charts give daily
 * prices (FX pairs such as `CNY=X`, `EURUSD=X` give FX rates), earningsTrend gives consensus estimates, the time
 * series with defaultKeyStatistics and financialData give reported fundamentals and shares. The responses of one
 * symbol are read together, as one fetch would have been. Fundamentals and estimates need the security in the
 * master (its ADS ratio and reporting currency), as the fetcher does.
 * @throws InvalidInputError listing every problem, located by file; the store is unchanged.
 * @example await importYahooFiles(store, { files: ["chart-BABA.json", "quoteSummary-earningsTrend-BABA.json"], now })
 */
export async function importYahooFiles(store: Store, opts: YahooImportOptions): Promise<YahooImportSummary> {
  if (opts.files.length === 0) throw new InvalidInputError("no files given: pass one or more saved Yahoo responses (.json)");
  const fetchedAt = opts.fetchedAt !== undefined ? parseFetchedAt(opts.fetchedAt) : undefined;
  const files = [...new Set(opts.files.map((f) => resolve(f)))];
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const saved: SavedFile[] = [];
  files.forEach((file, i) => {
    const s = readSaved(file, opts, fetchedAt, errors, warnings);
    if (s) saved.push(s);
    opts.onProgress?.(i + 1, files.length, file);
  });
  const known = new Map<string, Security>((await listSecurities(store)).map((s) => [s.id, s]));
  const reports: FetchTaskReport[] = [];
  const rows: Rows = { prices: [], fundamentals: [], estimates: [], fx: [] };
  const add = (model: ModelName & keyof Rows, from: readonly SavedFile[], list: readonly unknown[], counted = false) => {
    if (list.length === 0) return;
    reports.push({
      provider: "yahoo", model, items: from.length, fromCache: 0, rows: list.length, location: from.map((f) => f.file).join(" + "),
      ...(from.length === 1 ? { sha256: from[0]!.sha256 } : {}),
    });
    rows[model].push({ rows: [...list], task: reports.length - 1 });
    if (!counted) from[0]!.report.rows += list.length;
  };

  for (const symbol of [...new Set(saved.map((s) => s.symbol))]) {
    const mine = saved.filter((s) => s.symbol === symbol);
    const listing = known.get(symbol);
    const ctx: TransformContext = { provider: "yahoo", ...(listing ? { listing: listingOf(listing) } : {}) };
    // Charts of one symbol are one series (one task): where two files hold a date, the later-fetched file's bar wins.
    const charts = mine.filter((s) => s.saved.kind === "chart").sort((a, b) => (a.fetchedAt < b.fetchedAt ? -1 : a.fetchedAt > b.fetchedAt ? 1 : 0));
    const series: { files: SavedFile[]; rows: unknown[] } = { files: [], rows: [] };
    for (const f of charts) {
      const chart = (await chartOf(f.saved)) as { meta: { exchangeTimezoneName?: string }; quotes?: { date?: string }[] };
      const days = (chart.quotes ?? []).flatMap((q) => (typeof q.date === "string" ? [localDate(q.date, chart.meta?.exchangeTimezoneName ?? "UTC")] : []));
      if (days.length === 0) {
        warnings.push({ file: f.file, reason: "holds no bars: nothing taken from it" });
        continue;
      }
      const range = { from: days.reduce((a, b) => (b < a ? b : a)), to: latest(days) };
      const raw = { fetchedAt: f.fetchedAt, chart };
      // Yahoo's FX symbols: CNY=X is USD→CNY, EURUSD=X is EUR→USD (1 base = rate quote).
      const got: (FxRate | PriceBar)[] = symbol.endsWith("=X")
        ? transformed([f], errors, () => yahooFxRates.transform(parseFxQuery({ symbol, ...range }), raw, ctx))
        : transformed([f], errors, () => yahooPrices.transform({ symbol, ...range }, raw, ctx));
      f.report.rows += got.length;
      if (got.length > 0) series.files.push(f);
      series.rows.push(...got);
    }
    add(symbol.endsWith("=X") ? "fx" : "prices", series.files, series.rows, true);
    const summaries = mine.filter((s) => s.saved.kind === "quoteSummary");
    const timeSeries = mine.filter((s) => s.saved.kind === "timeseries");
    const modules: Record<string, unknown> = {};
    for (const f of summaries) Object.assign(modules, await quoteSummaryOf(f.saved));
    const wantsListing = (what: string, from: readonly SavedFile[]) => {
      if (listing !== undefined) return true;
      for (const f of from) {
        errors.push({ file: f.file, column: "symbol", value: symbol, reason: `is not in the security master: import it first (rerate import securities) so that its ${what} are per ordinary share (ADS ratio) in its reporting currency` });
      }
      return false;
    };
    if (modules.earningsTrend !== undefined) {
      const from = summaries.filter((s) => s.saved.modules?.includes("earningsTrend"));
      if (wantsListing("estimates", from)) {
        const raw = { fetchedAt: latest(from.map((f) => f.fetchedAt)), body: { earningsTrend: modules.earningsTrend } };
        add("estimates", from, transformed(from, errors, () => yahooEstimates.transform({ symbol }, raw, ctx)) as Estimate[]);
      }
    }
    const keyStats = summaries.filter((s) => s.saved.modules?.some((m) => m === "defaultKeyStatistics" || m === "financialData"));
    if (timeSeries.length > 0 || modules.defaultKeyStatistics !== undefined) {
      const from = [...timeSeries, ...keyStats];
      if (wantsListing("fundamentals", from)) {
        let untyped = 0;
        const results = timeSeries.flatMap((f) => {
          const r = timeSeriesResultsOf(f.saved);
          untyped += r.untyped;
          return r.results;
        });
        if (untyped > 0) warnings.push({ file: timeSeries[0]!.file, reason: `${untyped} periods without a period type (12M, 3M, 6M) left out: annual and quarterly cannot be told apart` });
        const timeseries = { timeseries: { result: results } };
        const summary = { defaultKeyStatistics: modules.defaultKeyStatistics ?? {}, financialData: modules.financialData ?? {} };
        const raw = { fetchedAt: latest(from.map((f) => f.fetchedAt)), body: { summary, annual: timeseries, quarterly: timeseries } };
        const got = transformed(from, errors, () => yahooFundamentals.transform({ symbol }, raw, ctx)) as Fundamental[];
        if (timeSeries.length > 0 && timeSeries.some((f) => f.saved.records > 0) && !got.some((r) => r.metric !== "sharesOutstanding")) {
          warnings.push({
            file: timeSeries[0]!.file,
            reason: "gave no statement rows: quarters need the fiscal year (save defaultKeyStatistics, or the annual series) and money needs the reporting currency (financialData, or the security master)",
          });
        }
        add("fundamentals", from, got);
      }
    }
    for (const f of mine) {
      if (f.report.rows === 0 && f.saved.kind === "quoteSummary" && !f.saved.modules!.some((m) => ["earningsTrend", "defaultKeyStatistics", "financialData"].includes(m))) {
        warnings.push({ file: f.file, reason: `holds no module rerate imports (${f.saved.modules!.join(", ")}); it takes earningsTrend, defaultKeyStatistics and financialData` });
      }
    }
  }
  for (const w of warnings) saved.find((s) => s.file === w.file)?.report.warnings.push(w);
  if (opts.strict) errors.push(...warnings.map((w) => ({ ...w, reason: `${w.reason} (--strict)` })));
  refuseIfErrors(errors);

  const notes: string[] = [];
  const run = () => land(store, reports, rows as Parameters<typeof land>[2], known, opts.now, notes);
  // A dry run takes the same write path in a transaction that is rolled back: its counts are the real ones.
  const landed = await (opts.dryRun ? store.rehearse(run) : run());
  const t = landed.tables;
  const sum = (k: keyof MergeCounts) => t.prices[k] + t.fundamentals[k] + t.estimates[k] + t.fx[k];
  return {
    kind: "yahoo", dryRun: Boolean(opts.dryRun), files: saved.map((s) => s.report), tables: t, added: sum("added"), updated: sum("updated"),
    unchanged: sum("unchanged"), newSecurities: landed.newSecurities, notes,
  };
}
