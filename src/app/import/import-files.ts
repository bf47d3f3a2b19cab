import { resolve } from "node:path";
import { InvalidInputError, RerateError, formatIssue, type InputIssue } from "../../errors.js";
import type { Currency } from "../../models/common.js";
import type { Security } from "../../models/security.js";
import type { DateOrder } from "../../providers/csv/parse-date.js";
import { eventToRow, EVENTS_TABLE } from "../../store/events.js";
import { estimateToRow, ESTIMATES_TABLE, fundamentalToRow, FUNDAMENTALS_TABLE } from "../../store/fundamentals.js";
import { FX_TABLE, fxToRow } from "../../store/fx.js";
import { integerList, varcharList, type Store } from "../../store/open.js";
import { clearStagedPrices, mergeStagedPrices, stagePrices, type MergeCounts } from "../../store/prices.js";
import { insertQualityIssues } from "../../store/quality.js";
import { listSecurities, securityToRow, SECURITIES_TABLE } from "../../store/securities.js";
import { insertSources } from "../../store/sources.js";
import { upsertRows, type TableSpec } from "../../store/upsert.js";
import { preparePriceFile, type PreparedPriceFile } from "./prices.js";
import { RECORD_KINDS } from "./record-kinds.js";
import { parseRecords } from "./records.js";
import { readInputTable, type InputTable } from "./read-table.js";

export const IMPORT_KINDS = ["securities", "prices", "fundamentals", "estimates", "fx", "events"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  kind: ImportKind;
  files: readonly string[];
  /** Field → header overrides (`--map date=交易日期,close=收盘`). */
  map?: Record<string, string>;
  symbol?: string;
  currency?: Currency;
  encoding?: string;
  dateOrder?: DateOrder;
  dryRun?: boolean;
  /** Warnings become errors. */
  strict?: boolean;
  /** Import time (ISO); the CLI passes the clock in. */
  now: string;
  /** Marks the sources as synthetic (demo data). */
  synthetic?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface FileReport {
  file: string;
  rowsRead: number;
  rows: number;
  skippedEmpty: number;
  warnings: InputIssue[];
  quality: Record<string, number>;
}

export interface ImportSummary {
  kind: ImportKind;
  dryRun: boolean;
  files: FileReport[];
  added: number;
  updated: number;
  unchanged: number;
  newSecurities: string[];
}

interface Prepared {
  table: InputTable;
  report: FileReport;
  errors: InputIssue[];
  price?: PreparedPriceFile;
  rows?: unknown[][];
}

const SPECS: Record<Exclude<ImportKind, "prices">, { spec: TableSpec; toRow: (x: never) => unknown[] }> = {
  securities: { spec: SECURITIES_TABLE, toRow: securityToRow as (x: never) => unknown[] },
  fundamentals: { spec: FUNDAMENTALS_TABLE, toRow: fundamentalToRow as (x: never) => unknown[] },
  estimates: { spec: ESTIMATES_TABLE, toRow: estimateToRow as (x: never) => unknown[] },
  fx: { spec: FX_TABLE, toRow: fxToRow as (x: never) => unknown[] },
  events: { spec: EVENTS_TABLE, toRow: eventToRow as (x: never) => unknown[] },
};

function prepare(table: InputTable, opts: ImportOptions, known: Map<string, Security>): Prepared {
  const report: FileReport = { file: table.file, rowsRead: 0, rows: 0, skippedEmpty: 0, warnings: [], quality: {} };
  if (opts.kind === "prices") {
    const price = preparePriceFile(table, known, {
      ...(opts.map ? { map: opts.map } : {}), ...(opts.symbol !== undefined ? { symbol: opts.symbol } : {}),
      ...(opts.currency ? { currency: opts.currency } : {}), ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
    });
    report.rowsRead = price.rowsRead;
    report.skippedEmpty = price.skippedEmpty;
    report.rows = price.series.reduce((a, s) => a + s.days.length, 0);
    report.warnings = price.warnings;
    for (const f of price.findings) report.quality[f.check] = (report.quality[f.check] ?? 0) + 1;
    for (const s of price.newSecurities) known.set(s.id, s);
    return { table, report, errors: price.errors, price };
  }
  const kind = RECORD_KINDS[opts.kind];
  const parsed = parseRecords<never>(table, kind, opts.map);
  const { toRow } = SPECS[opts.kind];
  const errors = parsed.errors;
  const rows = parsed.records.map(toRow);
  report.warnings = parsed.warnings;
  report.rowsRead = parsed.rowsRead;
  report.rows = rows.length;
  return { table, report, errors, rows };
}

/**
 * Imports files of one kind into the store, all or nothing: every file is read and validated first; if any
 * has an error, nothing is written and an InvalidInputError lists every problem (file, line, column,
 * value, reason). Otherwise all rows land in one transaction, upserted on their natural keys.
 * @throws InvalidInputError when any file is refused (or has warnings under `strict`).
 */
export async function importFiles(store: Store, opts: ImportOptions): Promise<ImportSummary> {
  if (opts.files.length === 0) throw new InvalidInputError("no files given: pass one or more files to import");
  const known = new Map<string, Security>((await listSecurities(store)).map((s) => [s.id, s]));
  const prepared: Prepared[] = [];
  const errors: InputIssue[] = [];
  // A file named twice is imported once (twice would record two sources for the same rows).
  const files = [...new Set(opts.files.map((f) => resolve(f)))];
  files.forEach((file, i) => {
    try {
      const table = readInputTable(file, opts.encoding !== undefined ? { encoding: opts.encoding } : {});
      const p = prepare(table, opts, known);
      errors.push(...p.errors);
      if (opts.strict) errors.push(...p.report.warnings.map((w) => ({ ...w, reason: `${w.reason} (--strict)` })));
      if (opts.strict && p.price) {
        const at = table.format === "json" ? "record" : "line";
        errors.push(...p.price.findings.map((q) => ({ file, [at]: q.line, column: q.check, value: q.date, reason: `${q.security}: ${q.detail} (--strict)` })));
      }
      prepared.push(p);
    } catch (e) {
      // An error without located issues (e.g. from the decoder) names the file in its message: keep the reason only.
      if (e instanceof RerateError && e.code === "E_INVALID_INPUT") errors.push(...(e.issues.length ? e.issues : [{ file, reason: e.message.startsWith(`${file}: `) ? e.message.slice(file.length + 2) : e.message }]));
      else throw e;
    }
    opts.onProgress?.(i + 1, files.length, file);
  });
  if (errors.length > 0) {
    const shown = errors.slice(0, 50).map(formatIssue);
    const files = new Set(errors.map((e) => e.file)).size;
    throw new InvalidInputError(
      `import refused, nothing was written: ${errors.length} problem${errors.length > 1 ? "s" : ""} in ${files} file${files > 1 ? "s" : ""}\n  ${shown.join("\n  ")}${errors.length > 50 ? `\n  … and ${errors.length - 50} more` : ""}`,
      errors,
    );
  }
  const summary: ImportSummary = {
    kind: opts.kind, dryRun: Boolean(opts.dryRun), files: prepared.map((p) => p.report), added: 0, updated: 0, unchanged: 0,
    newSecurities: prepared.flatMap((p) => p.price?.newSecurities.map((s) => s.id) ?? []),
  };
  if (opts.dryRun) {
    summary.unchanged = prepared.reduce((a, p) => a + p.report.rows, 0);
    return summary;
  }
  const add = (c: MergeCounts) => {
    summary.added += c.added;
    summary.updated += c.updated;
    summary.unchanged += c.unchanged;
  };
  await store.transaction(async () => {
    const ids = await insertSources(store, prepared.map((p) => ({
      kind: opts.kind, location: p.table.file, sha256: p.table.sha256, importedAt: opts.now, rowsRead: p.report.rowsRead,
      synthetic: Boolean(opts.synthetic),
    })));
    const sourceIds = new Map<Prepared, number>(prepared.map((p, i) => [p, ids[i]!]));
    if (opts.kind === "prices") {
      const newSecs = prepared.flatMap((p) => p.price!.newSecurities.map((s) => ({ s, src: sourceIds.get(p)! })));
      if (newSecs.length > 0) await upsertRows(store, SECURITIES_TABLE, newSecs.map((x) => securityToRow(x.s)), newSecs.map((x) => x.src));
      await stagePrices(store, prepared.flatMap((p) => p.price!.series.map((s) => ({
        security: s.security, currency: s.currency!, sourceId: sourceIds.get(p)!, days: s.days, open: s.open, high: s.high, low: s.low,
        close: s.close, adjClose: s.adjClose, volume: s.volume,
      }))));
      let changed: Set<string>;
      try {
        const merged = await mergeStagedPrices(store);
        add(merged);
        changed = new Set(merged.changedSecurities);
        // Findings describe the data now stored: replace those of the (security, date) pairs whose data changed.
        await store.run(`DELETE FROM quality_issues q USING (SELECT DISTINCT m.security, DATE '1970-01-01' + s.d AS date
          FROM stage_prices s JOIN stage_price_series m USING (k)) x
          WHERE q.security = x.security AND q.date = x.date AND list_contains($changed, q.security)`, { changed: varcharList([...changed]).value }, { changed: varcharList([]).type });
      } finally {
        await clearStagedPrices(store);
      }
      const touched = prepared.filter((p) => p.price!.series.some((s) => changed.has(s.security)));
      // A file's skipped-row count is about the file, not a date: a re-import of the same path replaces it.
      const locations = varcharList(touched.map((p) => p.table.file));
      await store.run(`DELETE FROM quality_issues q USING sources s WHERE q.source_id = s.id AND q.check_id = 'empty_row'
        AND list_contains($locations, s.location)`, { locations: locations.value }, { locations: locations.type });
      const quality = prepared.flatMap((p) => {
        const sourceId = sourceIds.get(p)!;
        if (!p.price!.series.some((s) => changed.has(s.security))) return [];
        const skipped = p.report.skippedEmpty > 0 ? [{ check: "empty_row", detail: `${p.report.skippedEmpty} rows with all prices empty skipped` }] : [];
        return [...p.price!.findings.filter((f) => changed.has(f.security)), ...skipped].map((f) => ({ ...f, sourceId }));
      });
      await insertQualityIssues(store, quality);
    } else {
      const { spec } = SPECS[opts.kind];
      for (const p of prepared) add(await upsertRows(store, spec, p.rows! as never, sourceIds.get(p)!));
    }
    // An import that changed nothing leaves no trace: drop sources no row points at.
    const idList = integerList(ids);
    await store.run(`DELETE FROM quality_issues WHERE list_contains($ids, source_id)
      AND source_id NOT IN (SELECT source_id FROM ${tableOf(opts.kind)}) AND source_id NOT IN (SELECT source_id FROM securities)`, { ids: idList.value }, { ids: idList.type });
    await store.run(`DELETE FROM sources WHERE list_contains($ids, id) AND id NOT IN (SELECT source_id FROM ${tableOf(opts.kind)})
      AND id NOT IN (SELECT source_id FROM securities)`, { ids: idList.value }, { ids: idList.type });
  });
  return summary;
}

function tableOf(kind: ImportKind): string {
  return kind === "fx" ? "fx_rates" : kind;
}
