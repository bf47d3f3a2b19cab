import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { InputIssue } from "../../errors.js";
import type { Security } from "../../models/security.js";
import { BIG_MOVE, DEFAULT_MAX_GAP_DAYS, describeFinding, MAX_NORMAL_GAP_DAYS, RANGE_TOLERANCE } from "../../core/quality/price-checks.js";
import { loadFastPrices, longFileSymbols, stageFastPrices, stageFastRows, type FastFinding } from "../../store/fast-prices.js";
import { varcharList, type Store } from "../../store/open.js";
import { clearStagedPrices, mergeStagedPrices, stagePrices, type MergeFinding } from "../../store/prices.js";
import { isoToDayNumber } from "../../core/dates.js";
import { insertQualityIssues } from "../../store/quality.js";
import { readPriceBases, recordPriceBases, type PriceBasis } from "../../store/price-basis.js";
import { basisOfTable, checkSeriesBases } from "./price-basis.js";
import { securityToRow, SECURITIES_TABLE } from "../../store/securities.js";
import { insertSources } from "../../store/sources.js";
import { upsertRows } from "../../store/upsert.js";
import { countDataRows, planFastPriceFile, planSecurities, resolveLongSymbols, type FastCandidate } from "./fast-plan.js";
import { preparePriceFile, type PreparedPriceFile } from "./prices.js";
import { addDays } from "./records.js";
import { IMPORT_LIMITS } from "../../core/quality/import-limits.js";
import type { InputTable } from "./read-table.js";
import { emptyReport, type FileReport, type ImportOptions, type ImportSummary } from "./types.js";
import { dropUnusedSources, prepareFiles, refuseIfErrors } from "./validate.js";

interface GeneralFile {
  table: InputTable;
  report: FileReport;
  errors: InputIssue[];
  price: PreparedPriceFile;
  basis: PriceBasis;
}

function priceOptions(opts: ImportOptions) {
  return {
    ...(opts.map ? { map: opts.map } : {}), ...(opts.symbol !== undefined ? { symbol: opts.symbol } : {}),
    ...(opts.currency ? { currency: opts.currency } : {}), ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
    ...(opts.ignoreColumns ? { ignoreColumns: opts.ignoreColumns } : {}), ...(opts.dateOnly ? { dateOnly: true } : {}), today: opts.now.slice(0, 10),
  };
}

function prepareGeneral(table: InputTable, opts: ImportOptions, known: Map<string, Security>): GeneralFile {
  const price = preparePriceFile(table, known, priceOptions(opts));
  const report: FileReport = {
    ...emptyReport(table.file), rowsRead: price.rowsRead, skippedEmpty: price.skippedEmpty, warnings: price.warnings,
    rows: price.series.reduce((a, s) => a + s.days.length, 0),
  };
  for (const f of price.findings) report.quality[f.check] = (report.quality[f.check] ?? 0) + 1;
  for (const s of price.newSecurities) known.set(s.id, s);
  const errors = [...price.errors];
  const basis = basisOfTable(table, opts.basis, opts.map);
  if (basis.error) errors.push(basis.error);
  if (opts.strict) {
    errors.push(...price.warnings.map((w) => ({ ...w, reason: `${w.reason} (--strict)` })));
    const at = table.format === "json" ? "record" : "line";
    errors.push(...price.findings.map((q) => ({ file: table.file, [at]: q.line, column: q.check, value: q.date, reason: `${q.security}: ${q.detail} (--strict)` })));
  }
  return { table, report, errors, price, basis: basis.basis };
}

/**
 * Picks the files DuckDB's reader may load: plain files of securities that appear in no other file of this
 * import. Those whose security has no rows in the store yet are a pure insert into prices; the others
 * (`refreshing`: a re-import, a daily update) go through a staging table and the same merge as the general
 * path. Not under --strict or --dry-run, which need every finding located by line before anything is written.
 * A long-format file (a symbol column) qualifies alone too: its symbols are read by DuckDB's reader first and
 * settled as the general path would (resolveLongSymbols); if any of them has stored rows, the whole file is staged.
 */
async function pickFastFiles(
  store: Store, files: readonly string[], opts: ImportOptions, known: ReadonlyMap<string, Security>,
): Promise<{ fast: Map<string, FastCandidate>; refreshing: Set<string>; present: Set<string> }> {
  const fast = new Map<string, FastCandidate>();
  const refreshing = new Set<string>();
  const none = { fast, refreshing, present: new Set<string>() };
  if (opts.generalPathOnly || opts.strict || opts.dryRun) return none;
  const plans: (readonly [string, FastCandidate | undefined])[] = [];
  for (const f of files) {
    const p = planFastPriceFile(f, known, {
      ...priceOptions(opts), ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}), ...(opts.basis ? { basis: opts.basis } : {}),
    });
    if (p?.columns.symbol !== undefined) {
      const raws = await longFileSymbols(store, p);
      const symbols = raws && resolveLongSymbols(raws, known, opts.currency !== undefined ? { currency: opts.currency } : {});
      plans.push([f, symbols ? { ...p, symbols } : undefined]);
    } else plans.push([f, p]);
  }
  // One file alone takes the vectorised path only when it is a long-format file (many securities in one file).
  if (files.length < 2 && plans[0]?.[1]?.symbols === undefined) return none;
  const bySecurity = new Map<string, number>();
  for (const [, p] of plans) if (p) for (const s of planSecurities(p)) bySecurity.set(s, (bySecurity.get(s) ?? 0) + 1);
  const candidates = plans.filter(([, p]) => p && planSecurities(p).every((s) => bySecurity.get(s) === 1));
  if (candidates.length === 0) return none;
  const ids = varcharList(candidates.flatMap(([, p]) => planSecurities(p!)));
  const present = new Set((await store.all<{ security: string }>(
    "SELECT DISTINCT security FROM prices WHERE security IN (SELECT unnest($ids))", { ids: ids.value }, { ids: ids.type },
  )).map((r) => r.security));
  // A re-import on another basis than the stored series takes the general path, which refuses it by line.
  const bases = await readPriceBases(store, [...present]);
  for (const [f, p] of candidates) {
    const secs = planSecurities(p!);
    if (secs.some((s) => present.has(s) && bases.get(s) !== undefined && bases.get(s) !== p!.basis)) continue;
    fast.set(f, p!);
    if (secs.some((s) => present.has(s))) refreshing.add(f);
  }
  return { fast, refreshing, present };
}

/**
 * Imports price files, all or nothing. Plain files (see {@link pickFastFiles}) are loaded by DuckDB's CSV
 * reader and checked in SQL with the same rules; everything else, and any plain file those checks refuse, is
 * parsed in JS with every problem located by file, line, column and value. One transaction covers both.
 */
export async function importPriceFiles(store: Store, opts: ImportOptions, files: readonly string[], known: Map<string, Security>): Promise<ImportSummary> {
  const { fast, refreshing, present } = await pickFastFiles(store, files, opts, known);
  let seen = new Map(known);
  let { prepared, errors } = prepareFiles(files.filter((f) => !fast.has(f)), opts, (t) => prepareGeneral(t, opts, seen), fast.size, files.length);
  // A symbol a general file yields (e.g. through a symbol column) must not also be loaded by the fast path:
  // then every file takes the general path, in the order given, as if there were no fast path.
  const generalSymbols = new Set(prepared.flatMap((g) => g.price.series.map((s) => s.security)));
  if ([...fast.values()].some((p) => planSecurities(p).some((s) => generalSymbols.has(s)))) {
    fast.clear();
    refreshing.clear();
    seen = new Map(known);
    ({ prepared, errors } = prepareFiles(files, opts, (t) => prepareGeneral(t, opts, seen)));
  }
  // One basis per series: against the store, and between the files of this import (vectorised ones included).
  const storedBases = await readPriceBases(store, [...prepared.flatMap((g) => g.price.series.map((s) => s.security)), ...[...fast.values()].flatMap(planSecurities)]);
  errors.push(...await checkSeriesBases(store, [
    ...prepared.map((g) => ({ file: g.table.file, basis: g.basis, series: g.price.series })),
    ...[...fast.values()].map((p) => ({ file: p.path, basis: p.basis, series: planSecurities(p).map((security) => ({ security, days: [], lines: [] })) })),
  ], storedBases));
  refuseIfErrors(errors);
  const reports = new Map<string, FileReport>(prepared.map((g) => [g.table.file, g.report]));
  const summary: ImportSummary = { kind: "prices", dryRun: Boolean(opts.dryRun), files: [], added: 0, updated: 0, unchanged: 0, newSecurities: [] };
  // A dry run takes the same write path in a transaction that is rolled back: its counts are the real ones.
  await (opts.dryRun ? store.rehearse.bind(store) : store.transaction.bind(store))(async () => {
    const order = [...prepared.map((g) => g.table.file), ...fast.keys()];
    const byFile = new Map(prepared.map((g) => [g.table.file, g]));
    const ids = await insertSources(store, order.map((file) => {
      const g = byFile.get(file);
      return { kind: "prices", location: file, importedAt: opts.now, synthetic: Boolean(opts.synthetic), ...(g ? { sha256: g.table.sha256, rowsRead: g.report.rowsRead } : {}) };
    }));
    const sourceOf = new Map(order.map((f, i) => [f, ids[i]!]));
    const general: GeneralFile[] = [...prepared];

    // Vectorised path: DuckDB reads while this thread hashes the same files and counts their rows. Files of
    // securities new to the store go straight into prices; the others into a staging table merged below with
    // the general path's rows (new keys inserted, changed ones replaced).
    const fastList = [...fast.values()].map((p) => ({ ...p, sourceId: sourceOf.get(p.path)! }));
    const gaps = new Map(fastList.flatMap((p) => (p.symbols ?? [p]).map((s) => [s.security, MAX_NORMAL_GAP_DAYS[s.exchange] ?? DEFAULT_MAX_GAP_DAYS] as const)));
    const checks = { maxGapDays: gaps, bigMove: BIG_MOVE, rangeTolerance: RANGE_TOLERANCE, maxDate: addDays(opts.now.slice(0, 10), IMPORT_LIMITS.maxDaysAhead) };
    const freshList = fastList.filter((p) => !refreshing.has(p.path));
    const refreshList = fastList.filter((p) => refreshing.has(p.path));
    const loading = (async () => {
      const fresh = await loadFastPrices(store, freshList, checks);
      const refresh = refreshList.length > 0 ? await stageFastPrices(store, refreshList, checks) : { rows: new Map<number, number>(), rejected: new Map<number, string>(), findings: [] };
      return { fresh, refresh, rejected: new Map([...fresh.rejected, ...refresh.rejected]), rows: new Map([...fresh.rows, ...refresh.rows]) };
    })();
    const meta: { p: (typeof fastList)[number]; sha256: string; rowsRead: number }[] = [];
    for (const p of fastList) {
      // Yield between files so the loader's statements keep being issued while this thread hashes.
      await new Promise((r) => setImmediate(r));
      const bytes = readFileSync(p.path);
      meta.push({ p, sha256: createHash("sha256").update(bytes).digest("hex"), rowsRead: countDataRows(bytes, p.skip) });
    }
    const loaded = await loading;
    const accepted = meta.filter((m) => !loaded.rejected.has(m.p.sourceId));
    // Files the SQL checks refused take the general path now (their errors, if any, roll everything back).
    const retry = prepareFiles(meta.filter((m) => loaded.rejected.has(m.p.sourceId)).map((m) => m.p.path), opts, (t) => prepareGeneral(t, opts, seen));
    refuseIfErrors(retry.errors);
    // The vectorised files of new securities landed as they are: their series start on the file's basis.
    await recordPriceBases(store, new Map(accepted.filter((m) => !refreshing.has(m.p.path)).flatMap((m) => planSecurities(m.p).map((s) => [s, m.p.basis] as const))));
    general.push(...retry.prepared);
    for (const g of retry.prepared) reports.set(g.table.file, g.report);
    if (accepted.length > 0) {
      await store.run("CREATE OR REPLACE TEMP TABLE fast_meta (id INTEGER, sha256 VARCHAR, rows_read BIGINT)");
      const app = await store.conn.createAppender("fast_meta", "main", "temp");
      for (const m of accepted) {
        app.appendInteger(m.p.sourceId);
        app.appendVarchar(m.sha256);
        app.appendBigInt(BigInt(m.rowsRead));
        app.endRow();
      }
      app.flushSync();
      app.closeSync();
      await store.run("UPDATE sources SET sha256 = m.sha256, rows_read = m.rows_read FROM fast_meta m WHERE sources.id = m.id");
      await store.run("DROP TABLE fast_meta");
    }
    for (const g of retry.prepared) {
      await store.run("UPDATE sources SET sha256 = $sha, rows_read = $n WHERE id = $id", { sha: g.table.sha256, n: g.report.rowsRead, id: sourceOf.get(g.table.file)! });
    }

    // New securities in the order of the files that brought them, whichever path read the file.
    const position = new Map(files.map((f, i) => [f, i]));
    const found: { s: Security; src: number; at: number }[] = [];
    for (const m of accepted) {
      for (const x of m.p.symbols ?? [m.p]) if (x.newSecurity) found.push({ s: x.newSecurity, src: m.p.sourceId, at: position.get(m.p.path)! });
    }
    for (const g of general) for (const s of g.price.newSecurities) found.push({ s, src: sourceOf.get(g.table.file)!, at: position.get(g.table.file)! });
    found.sort((x, y) => x.at - y.at);
    const seenIds = new Set<string>();
    const newSecs = found.filter((x) => !seenIds.has(x.s.id) && seenIds.add(x.s.id));
    if (newSecs.length > 0) await upsertRows(store, SECURITIES_TABLE, newSecs.map((x) => securityToRow(x.s)), newSecs.map((x) => x.src));
    summary.newSecurities = newSecs.map((x) => x.s.id);

    // Reports of the vectorised files, with the quality found in SQL worded like the general path's. A new
    // security's rows are all added and all its findings stored; a staged file's counts come from the merge.
    const quality: Parameters<typeof insertQualityIssues>[1][number][] = [];
    const fastReports = new Map<number, FileReport>();
    const acceptedRefresh = accepted.filter((m) => refreshing.has(m.p.path));
    for (const m of accepted) {
      const rows = loaded.rows.get(m.p.sourceId) ?? 0;
      const report: FileReport = { ...emptyReport(m.p.path), rowsRead: m.rowsRead, rows, skippedEmpty: m.rowsRead - rows };
      fastReports.set(m.p.sourceId, report);
      reports.set(m.p.path, report);
      if (refreshing.has(m.p.path)) continue;
      summary.added += rows;
      if (report.skippedEmpty > 0) quality.push({ sourceId: m.p.sourceId, check: "empty_row", detail: `${report.skippedEmpty} rows with all prices empty skipped` });
    }
    const describe = (f: FastFinding) => ({ sourceId: f.sourceId, security: f.security, date: f.date, check: f.check, detail: describeFinding(f.check, f) });
    for (const f of [...loaded.fresh.findings, ...loaded.refresh.findings]) {
      const r = fastReports.get(f.sourceId)!;
      r.quality[f.check] = (r.quality[f.check] ?? 0) + 1;
    }
    for (const f of loaded.fresh.findings) quality.push(describe(f));

    // General path and staged vectorised files: stage, merge (insert new keys, replace changed ones), findings
    // for what changed. (Skipped when there is nothing to merge: it would scan the whole prices table for nothing.)
    let changed = new Set<string>();
    if (general.some((g) => g.price.series.length > 0) || acceptedRefresh.length > 0) {
      changed = await mergeGeneral(store, general, sourceOf, summary, acceptedRefresh.length > 0, reports, opts);
    } else if (refreshList.length > 0) {
      await store.run("DROP TABLE IF EXISTS fast_stage");
    }
    const touched = general.filter((g) => g.price.series.some((s) => changed.has(s.security)));
    const touchedRefresh = acceptedRefresh.filter((m) => planSecurities(m.p).some((s) => changed.has(s)));
    // A staged long-format file's securities new to prices start their series on the file's basis.
    await recordPriceBases(store, new Map(acceptedRefresh.flatMap((m) => planSecurities(m.p).filter((s) => !present.has(s)).map((s) => [s, m.p.basis] as const))));
    // A file's skipped-row count is about the file, not a date: a re-import of the same path replaces it.
    const locations = varcharList([...touched.map((g) => g.table.file), ...touchedRefresh.map((m) => m.p.path)]);
    await store.run(`DELETE FROM quality_issues q USING sources s WHERE q.source_id = s.id AND q.check_id = 'empty_row'
      AND s.location IN (SELECT unnest($locations))`, { locations: locations.value }, { locations: locations.type });
    for (const g of touched) {
      const sourceId = sourceOf.get(g.table.file)!;
      if (g.report.skippedEmpty > 0) quality.push({ sourceId, check: "empty_row", detail: `${g.report.skippedEmpty} rows with all prices empty skipped` });
      for (const f of g.price.findings) if (changed.has(f.security)) quality.push({ ...f, sourceId });
    }
    for (const m of touchedRefresh) {
      const report = fastReports.get(m.p.sourceId)!;
      if (report.skippedEmpty > 0) quality.push({ sourceId: m.p.sourceId, check: "empty_row", detail: `${report.skippedEmpty} rows with all prices empty skipped` });
    }
    for (const f of loaded.refresh.findings) if (changed.has(f.security)) quality.push(describe(f));
    await insertQualityIssues(store, quality);
    // A new security's file that landed rows is in use for sure: only the others need the scan of prices.
    const inUse = new Set(accepted.filter((m) => !refreshing.has(m.p.path) && (loaded.rows.get(m.p.sourceId) ?? 0) > 0).map((m) => m.p.sourceId));
    await dropUnusedSources(store, "prices", ids.filter((id) => !inUse.has(id)));
  });
  summary.files = files.map((f) => reports.get(f)!).filter((r) => r !== undefined);
  return summary;
}

/** Stages and merges the general path's series (insert new keys, replace changed ones); returns the securities whose data changed. */
async function mergeGeneral(
  store: Store, general: readonly GeneralFile[], sourceOf: ReadonlyMap<string, number>, summary: ImportSummary, withFastStage: boolean,
  reports: ReadonlyMap<string, FileReport>, opts: ImportOptions,
): Promise<Set<string>> {
  const batches = general.flatMap((g) => g.price.series.map((s) => ({
    security: s.security, currency: s.currency!, sourceId: sourceOf.get(g.table.file)!, days: s.days, open: s.open, high: s.high, low: s.low,
    close: s.close, adjClose: s.adjClose, volume: s.volume, basis: g.basis,
  })));
  await stagePrices(store, batches);
  // The vectorised files' staged rows join under keys past the general batches' (each file is one security of
  // its own, so no key of theirs meets another file's).
  if (withFastStage) await stageFastRows(store, batches.length);
  try {
    const merged = await mergeStagedPrices(store, { rangeTolerance: RANGE_TOLERANCE, bigMove: BIG_MOVE });
    judgeMergeFindings(merged.findings, general, sourceOf, reports, Boolean(opts.strict));
    summary.added += merged.added;
    summary.updated += merged.updated;
    summary.unchanged += merged.unchanged;
    const changed = new Set(merged.changedSecurities);
    // Findings describe the data now stored: replace those of the (security, date) pairs whose data changed.
    // (Only the changed securities' staged keys are looked at: a re-import that changes nothing skips it.)
    if (changed.size > 0) {
      const ch = varcharList([...changed]);
      await store.run(`DELETE FROM quality_issues q USING (SELECT DISTINCT m.security, DATE '1970-01-01' + s.d AS date
        FROM stage_prices s JOIN stage_price_series m USING (k) WHERE m.security IN (SELECT unnest($changed))) x
        WHERE q.security = x.security AND q.date = x.date`, { changed: ch.value }, { changed: ch.type });
    }
    return changed;
  } finally {
    await clearStagedPrices(store);
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(8))) : "missing");

/**
 * What the merge found against stored bars: a bar whose kept fields (those the file lacks) disagree with its new
 * close or open refuses the import (the transaction rolls back); a changed close that became a big move against
 * its neighbours is a warning with both values, an error under --strict. Located by file and line (the file's
 * line of that date; a file read by DuckDB's reader is named without a line).
 */
function judgeMergeFindings(
  findings: readonly MergeFinding[], general: readonly GeneralFile[], sourceOf: ReadonlyMap<string, number>,
  reports: ReadonlyMap<string, FileReport>, strict: boolean,
): void {
  if (findings.length === 0) return;
  const fileOf = new Map([...sourceOf].map(([f, id]) => [id, f]));
  const errors: InputIssue[] = [];
  for (const f of findings) {
    const file = fileOf.get(f.sourceId) ?? "";
    const g = general.find((x) => x.table.file === file);
    const series = g?.price.series.find((s) => s.security === f.security);
    const day = isoToDayNumber(f.date);
    const idx = series ? series.days.indexOf(day) : -1;
    const at = series && idx >= 0 ? { line: series.lines[idx]! } : {};
    if (f.kind === "kept_fields_disagree") {
      errors.push({ file, ...at, column: "close", value: fmt(f.close),
        reason: `${f.security} ${f.date}: the file lacks fields the stored bar has, and the stored ones disagree with it (open ${fmt(f.open)}, high ${fmt(f.high)}, low ${fmt(f.low)}): import the whole bar (Open,High,Low,Close) to replace it` });
      continue;
    }
    const issue: InputIssue = { file, ...at, column: "close", value: fmt(f.close),
      reason: `${f.security} ${f.date}: changes the stored close ${fmt(f.oldClose)} to ${fmt(f.close)}, a move beyond ±${Math.round(BIG_MOVE * 100)}% against the neighbouring closes (${fmt(f.prevClose)} before, ${fmt(f.nextClose)} after)` };
    if (strict) errors.push({ ...issue, reason: `${issue.reason} (--strict)` });
    else reports.get(file)?.warnings.push(issue);
  }
  refuseIfErrors(errors);
}
