import { InvalidInputError, RerateError, formatIssue, type InputIssue } from "../../errors.js";
import { integerList, type Store } from "../../store/open.js";
import { readInputTable, type InputTable } from "./read-table.js";
import { locateInSheet } from "./read-xlsx.js";
import type { ImportOptions } from "./types.js";

/**
 * Reads each file and runs `prepare` on it, collecting every located problem instead of stopping at the
 * first; decoder and reader errors become issues of their file.
 */
export function prepareFiles<P extends { errors: InputIssue[] }>(
  files: readonly string[],
  opts: Pick<ImportOptions, "encoding" | "onProgress" | "tables">,
  prepare: (table: InputTable) => P,
  progressOffset = 0,
  progressTotal = files.length,
): { prepared: P[]; errors: InputIssue[] } {
  const prepared: P[] = [];
  const errors: InputIssue[] = [];
  files.forEach((file, i) => {
    try {
      const pre = opts.tables?.get(file);
      if (pre instanceof Error) throw pre;
      const table = pre ?? readInputTable(file, opts.encoding !== undefined ? { encoding: opts.encoding } : {});
      const p = prepare(table);
      if (table.sheet !== undefined) locateSheetIssues(table, p);
      errors.push(...p.errors);
      prepared.push(p);
    } catch (e) {
      // An error without located issues (e.g. from the decoder) names the file in its message: keep the reason only.
      if (e instanceof RerateError && e.code === "E_INVALID_INPUT") {
        errors.push(...(e.issues.length ? e.issues : [{ file, reason: e.message.startsWith(`${file}: `) ? e.message.slice(file.length + 2) : e.message }]));
      } else throw e;
    }
    opts.onProgress?.(progressOffset + i + 1, progressTotal, file);
  });
  return { prepared, errors };
}

/** Throws the import's refusal listing every problem (the first 50 in the message, all in `issues`). */
export function refuseIfErrors(errors: readonly InputIssue[]): void {
  if (errors.length === 0) return;
  const shown = errors.slice(0, 50).map(formatIssue);
  const files = new Set(errors.map((e) => e.file?.replace(/!.*$/, ""))).size; // book.xlsx!Sheet1:R2C3 is book.xlsx
  throw new InvalidInputError(
    `import refused, nothing was written: ${errors.length} problem${errors.length > 1 ? "s" : ""} in ${files} file${files > 1 ? "s" : ""}\n  ${shown.join("\n  ")}${errors.length > 50 ? `\n  … and ${errors.length - 50} more` : ""}`,
    [...errors],
  );
}

/** An import that changed nothing leaves no trace: drops this import's sources that no row points at. */
export async function dropUnusedSources(store: Store, table: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const idList = integerList(ids);
  await store.run(`CREATE OR REPLACE TEMP TABLE unused_sources AS
    SELECT unnest($ids) AS id EXCEPT SELECT source_id FROM ${table} WHERE source_id IN (SELECT unnest($ids))
    EXCEPT SELECT source_id FROM securities`, { ids: idList.value }, { ids: idList.type });
  await store.run("DELETE FROM quality_issues WHERE source_id IN (SELECT id FROM unused_sources)");
  await store.run("DELETE FROM sources WHERE id IN (SELECT id FROM unused_sources)");
  await store.run("DROP TABLE unused_sources");
}

/** A sheet's errors and warnings located as `book.xlsx!Sheet1:R12C3`. */
function locateSheetIssues(table: InputTable, p: { errors: InputIssue[]; report?: { warnings: InputIssue[] } }): void {
  p.errors = p.errors.map((i) => locateInSheet(table, i));
  if (p.report) p.report.warnings = p.report.warnings.map((i) => locateInSheet(table, i));
}
