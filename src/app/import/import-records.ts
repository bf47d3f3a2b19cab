import { eventToRow, EVENTS_TABLE } from "../../store/events.js";
import { estimateToRow, ESTIMATES_TABLE, fundamentalToRow, FUNDAMENTALS_TABLE } from "../../store/fundamentals.js";
import { FX_TABLE, fxToRow } from "../../store/fx.js";
import type { Store } from "../../store/open.js";
import { securityToRow, SECURITIES_TABLE } from "../../store/securities.js";
import { insertSources } from "../../store/sources.js";
import { upsertRows, type TableSpec } from "../../store/upsert.js";
import { fxTableOf } from "./fx-layout.js";
import { RECORD_KINDS } from "./record-kinds.js";
import type { InputIssue } from "../../errors.js";
import { fxRangeIssue, knownFxRange } from "../../core/quality/fx-range.js";
import { parseRecords, type RecordParseOptions } from "./records.js";
import { emptyReport, type ImportKind, type ImportOptions, type ImportSummary } from "./types.js";
import { dropUnusedSources, prepareFiles, refuseIfErrors } from "./validate.js";

type RecordKind = Exclude<ImportKind, "prices" | "sec">;

/** The parse options an import passes to every record file. */
function recordOptions(opts: ImportOptions): RecordParseOptions {
  return {
    ...(opts.map ? { map: opts.map } : {}), ...(opts.ignoreColumns ? { ignoreColumns: opts.ignoreColumns } : {}),
    ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}), ...(opts.dateOnly ? { dateOnly: true } : {}), today: opts.now.slice(0, 10),
  };
}

const SPECS: Record<RecordKind, { spec: TableSpec; table: string; toRow: (x: never) => unknown[] }> = {
  securities: { spec: SECURITIES_TABLE, table: "securities", toRow: securityToRow as (x: never) => unknown[] },
  fundamentals: { spec: FUNDAMENTALS_TABLE, table: "fundamentals", toRow: fundamentalToRow as (x: never) => unknown[] },
  estimates: { spec: ESTIMATES_TABLE, table: "estimates", toRow: estimateToRow as (x: never) => unknown[] },
  fx: { spec: FX_TABLE, table: "fx_rates", toRow: fxToRow as (x: never) => unknown[] },
  events: { spec: EVENTS_TABLE, table: "events", toRow: eventToRow as (x: never) => unknown[] },
};

/**
 * Imports record files (securities, fundamentals, estimates, fx, events): all files validated first, then
 * every row upserted on its natural key in one transaction.
 */
export async function importRecordFiles(store: Store, opts: ImportOptions & { kind: RecordKind }, files: readonly string[]): Promise<ImportSummary> {
  const { spec, table, toRow } = SPECS[opts.kind];
  const kind = RECORD_KINDS[opts.kind];
  const { prepared, errors } = prepareFiles(files, opts, (t) => {
    // FX in a Yahoo/yfinance price layout (CNY=X.csv) becomes the fx table first.
    const fx = opts.kind === "fx" && Object.keys(opts.map ?? {}).length === 0 ? fxTableOf(t) : { table: t, errors: [], warnings: [] };
    const parsed = fx.errors.length > 0 ? { records: [], errors: fx.errors, warnings: [], rowsRead: 0, lines: [] } : parseRecords<never>(fx.table, kind, recordOptions(opts));
    const rows = parsed.records.map(toRow);
    const report = { ...emptyReport(t.file), warnings: [...fx.warnings, ...parsed.warnings], rowsRead: parsed.rowsRead, rows: rows.length };
    return { table: t, report, errors: parsed.errors, rows, lines: parsed.lines };
  });
  if (opts.kind === "fx") errors.push(...await fxRangeIssues(store, prepared));
  if (opts.strict) for (const p of prepared) errors.push(...p.report.warnings.map((w) => ({ ...w, reason: `${w.reason} (--strict)` })));
  refuseIfErrors(errors);
  const summary: ImportSummary = { kind: opts.kind, dryRun: Boolean(opts.dryRun), files: prepared.map((p) => p.report), added: 0, updated: 0, unchanged: 0, newSecurities: [] };
  // A dry run takes the same write path in a transaction that is rolled back: its counts are the real ones.
  await (opts.dryRun ? store.rehearse.bind(store) : store.transaction.bind(store))(async () => {
    const ids = await insertSources(store, prepared.map((p) => ({
      kind: opts.kind, location: p.table.file, sha256: p.table.sha256, importedAt: opts.now, rowsRead: p.report.rowsRead, synthetic: Boolean(opts.synthetic),
    })));
    for (let i = 0; i < prepared.length; i++) {
      const c = await upsertRows(store, spec, prepared[i]!.rows as never, ids[i]!);
      summary.added += c.added;
      summary.updated += c.updated;
      summary.unchanged += c.unchanged;
    }
    await dropUnusedSources(store, table, ids);
  });
  return summary;
}

/** Rates off their pair's known or stored range (see core/quality/fx-range.ts), located by file and line. */
async function fxRangeIssues(store: Store, prepared: readonly { table: { file: string; format: string }; rows: unknown[]; lines: number[] }[]): Promise<InputIssue[]> {
  const stored = new Map<string, [number, number]>();
  for (const r of await store.all<{ base: string; quote: string; lo: number; hi: number }>("SELECT base, quote, min(rate) AS lo, max(rate) AS hi FROM fx_rates GROUP BY base, quote")) {
    const add = (k: string, lo: number, hi: number) => {
      const cur = stored.get(k);
      stored.set(k, cur ? [Math.min(cur[0], lo), Math.max(cur[1], hi)] : [lo, hi]);
    };
    add(`${r.base}/${r.quote}`, Number(r.lo), Number(r.hi));
    add(`${r.quote}/${r.base}`, 1 / Number(r.hi), 1 / Number(r.lo));
  }
  const out: InputIssue[] = [];
  for (const p of prepared) {
    p.rows.forEach((row, i) => {
      const [base, quote, , rate] = row as [string, string, string, number];
      const why = fxRangeIssue(rate, knownFxRange(base, quote, stored.get(`${base}/${quote}`)));
      if (why === undefined || out.length >= 50) return;
      const at = p.table.format === "json" ? { record: p.lines[i]! } : { line: p.lines[i]! };
      out.push({ file: p.table.file, ...at, column: "rate", value: String(rate), reason: `${base}/${quote} ${why}` });
    });
  }
  return out;
}
