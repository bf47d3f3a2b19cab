import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { RerateError, type InputIssue } from "../../errors.js";
import type { Fundamental } from "../../models/fundamental.js";
import type { Security } from "../../models/security.js";
import { resolveCacheDir, ResponseCache } from "../../providers/cache.js";
import { normalizeSymbol } from "../../providers/csv/symbols.js";
import { pickMappedConcepts, secCompanyFacts } from "../../providers/sec/company-facts.js";
import { parseTickerFile, TICKERS_RESOURCE } from "../../providers/sec/tickers.js";
import { SecCompanyFacts, SecCompanyFactsOuter } from "../../providers/sec/wire.js";
import type { Store } from "../../store/open.js";
import { listSecurities } from "../../store/securities.js";
import { insertSources } from "../../store/sources.js";
import { listingOf } from "../fetch.js";
import { landFundamentals } from "../land-fundamentals.js";
import { emptyReport, type FileReport, type ImportOptions, type ImportSummary } from "./types.js";
import { dropUnusedSources, refuseIfErrors } from "./validate.js";

/** Located issues shown per file at most (a document in the wrong shape can have thousands). */
const MAX_ISSUES_PER_FILE = 20;

/** `$.facts["us-gaap"].Revenues.units.USD[3].val` from a Zod path. */
function jsonPath(path: readonly PropertyKey[]): string {
  return "$" + path.map((k) => (typeof k === "number" ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(String(k)) ? `.${String(k)}` : `[${JSON.stringify(String(k))}]`)).join("");
}

/** Every issue of a failed parse, located by file, JSON path and value. */
function locate(file: string, raw: unknown, error: z.ZodError): InputIssue[] {
  return error.issues.slice(0, MAX_ISSUES_PER_FILE).map((issue) => {
    let value: unknown = raw;
    for (const k of issue.path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined;
    const shown = value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value)?.slice(0, 80);
    return {
      file, column: jsonPath(issue.path), ...(shown !== undefined ? { value: shown } : {}),
      reason: value === undefined ? "is missing (not a companyfacts document from data.sec.gov/api/xbrl/companyfacts?)" : issue.message.replace(/^Invalid input: /, ""),
    };
  });
}

interface Parsed {
  file: string;
  sha256: string;
  facts: SecCompanyFacts;
  cik: string;
  factsRead: number;
}

/** Reads and checks one saved companyfacts document (only the concepts rerate maps are checked, as for a fetch). */
function readCompanyFacts(file: string): Parsed | InputIssue[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return [{ file, reason: code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a directory, not a file" : `cannot be read (${code})` }];
  }
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    return [{ file, reason: `is not JSON: ${(e as Error).message}` }];
  }
  const outer = SecCompanyFactsOuter.safeParse(raw);
  if (!outer.success) return locate(file, raw, outer.error);
  const picked = pickMappedConcepts(outer.data);
  const checked = SecCompanyFacts.safeParse(picked);
  if (!checked.success) return locate(file, picked, checked.error);
  let factsRead = 0;
  for (const concepts of Object.values(checked.data.facts)) for (const c of Object.values(concepts)) for (const list of Object.values(c.units)) factsRead += list.length;
  if (factsRead === 0) return [{ file, column: "$.facts", reason: "has none of the XBRL concepts rerate reads (revenue, income, EPS, shares, cash, debt, equity, cash flows)" }];
  return { file, sha256: createHash("sha256").update(bytes).digest("hex"), facts: checked.data, cik: String(checked.data.cik).padStart(10, "0"), factsRead };
}

/** CIK → first ticker of SEC's ticker file: `--tickers <file>`, else the copy `rerate fetch` cached, if any. */
function tickerMap(opts: ImportOptions, errors: InputIssue[]): Map<string, string> | undefined {
  let raw: unknown;
  if (opts.tickers !== undefined) {
    try {
      raw = JSON.parse(readFileSync(opts.tickers, "utf8"));
    } catch (e) {
      errors.push({ file: opts.tickers, column: "--tickers", reason: `cannot be read as SEC's company_tickers.json: ${(e as Error).message}` });
      return undefined;
    }
  } else if (opts.cacheDir !== false) {
    raw = new ResponseCache(resolveCacheDir(opts.cacheDir)).read("sec", "_resources", TICKERS_RESOURCE, Number.POSITIVE_INFINITY, Date.parse(opts.now))?.raw;
    if (raw === undefined) return undefined;
  } else return undefined;
  try {
    const out = new Map<string, string>();
    for (const [ticker, e] of parseTickerFile(raw)) if (!out.has(e.cik)) out.set(e.cik, ticker);
    return out;
  } catch (e) {
    errors.push({ file: opts.tickers ?? "(cached company_tickers.json)", column: "--tickers", reason: e instanceof RerateError ? e.message : String(e) });
    return undefined;
  }
}

/**
 * Imports companyfacts documents saved from EDGAR (`data.sec.gov/api/xbrl/companyfacts/CIK##########.json`)
 * through the live provider's own transform (sec/to-fundamentals.ts, with its derived quarters and EBITDA) and
 * landing (landFundamentals), so the store ends as a `rerate fetch --provider sec` of the same documents leaves it.
 * Each document's filer is matched to a listing by its CIK through SEC's ticker file (`tickers`, or the copy a
 * fetch cached), or named with `symbol` (one filer); its figures go to the listing's issuer as in the security
 * master, else to the ticker. All or nothing: every file is read and checked first; any problem (file, JSON path,
 * value, reason) refuses the whole import and leaves the store unchanged. `dryRun` rehearses the writes.
 * @throws InvalidInputError listing every located problem.
 * @example await importSecFiles(store, { kind: "sec", files: ["CIK0001045810.json"], symbol: "NVDA", now: new Date().toISOString() })
 */
export async function importSecFiles(store: Store, opts: ImportOptions, files: readonly string[]): Promise<ImportSummary> {
  const errors: InputIssue[] = [];
  const parsed: Parsed[] = [];
  files.forEach((file, i) => {
    const p = readCompanyFacts(file);
    if (Array.isArray(p)) errors.push(...p);
    else parsed.push(p);
    opts.onProgress?.(i + 1, files.length, file);
  });
  const ciks = new Set(parsed.map((p) => p.cik));
  if (opts.symbol !== undefined && ciks.size > 1) {
    errors.push({ column: "--symbol", value: opts.symbol, reason: `names one filer but the files are of ${ciks.size} (CIKs ${[...ciks].join(", ")}): import them one by one, or match them by CIK with --tickers` });
  }
  const tickers = opts.symbol === undefined && parsed.length > 0 ? tickerMap(opts, errors) : undefined;
  const known = new Map<string, Security>((await listSecurities(store)).map((s) => [s.id, s]));
  const reports: FileReport[] = [];
  const rows: { file: number; row: Fundamental }[] = [];
  parsed.forEach((p, i) => {
    const ticker = opts.symbol !== undefined ? normalizeSymbol(opts.symbol) : tickers?.get(p.cik);
    if (ticker === undefined) {
      errors.push({
        file: p.file, column: "$.cik", value: String(p.facts.cik),
        reason: `(${p.facts.entityName}) is not matched to a ticker: pass --symbol, or --tickers with SEC's company_tickers.json (https://www.sec.gov/files/company_tickers.json)${tickers !== undefined ? ", which does not list this CIK" : ""}`,
      });
      return;
    }
    const s = known.get(ticker);
    const got = secCompanyFacts.transform({ symbol: ticker }, p.facts, { provider: "sec", listing: s ? listingOf(s) : undefined });
    reports.push({ ...emptyReport(p.file), rowsRead: p.factsRead, rows: got.length });
    for (const row of got) rows.push({ file: i, row });
  });
  if (errors.length === 0 && rows.length === 0) errors.push({ file: files.join(", "), reason: "hold no fiscal years or quarters rerate can place: nothing to import" });
  refuseIfErrors(errors);
  const summary: ImportSummary = { kind: "sec", dryRun: Boolean(opts.dryRun), files: reports, added: 0, updated: 0, unchanged: 0, newSecurities: [] };
  await (opts.dryRun ? store.rehearse.bind(store) : store.transaction.bind(store))(async () => {
    const ids = await insertSources(store, parsed.map((p, i) => ({ kind: "fundamentals", location: p.file, sha256: p.sha256, importedAt: opts.now, rowsRead: reports[i]!.rowsRead })));
    const c = await landFundamentals(store, rows.map((r) => ({ row: r.row, src: ids[r.file]! })));
    Object.assign(summary, { added: c.added, updated: c.updated, unchanged: c.unchanged });
    await dropUnusedSources(store, "fundamentals", ids);
  });
  return summary;
}
