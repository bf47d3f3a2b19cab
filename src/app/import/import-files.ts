import { resolve } from "node:path";
import { InvalidInputError } from "../../errors.js";
import type { Security } from "../../models/security.js";
import type { Store } from "../../store/open.js";
import { listSecurities } from "../../store/securities.js";
import { importPriceFiles } from "./import-prices.js";
import { importRecordFiles } from "./import-records.js";
import { importSecFiles } from "./import-sec.js";
import { isWorkbook, readWorkbooks } from "./read-xlsx.js";
import { MARKET_DATA_KINDS, refuseRealIntoSynthetic } from "../synthetic-mix.js";
import type { ImportOptions, ImportSummary } from "./types.js";

export { IMPORT_KINDS, type ImportKind, type ImportOptions, type FileReport, type ImportSummary } from "./types.js";

/**
 * Imports files of one kind into the store, all or nothing: every file is read and validated first; if any
 * has an error, nothing is written and an InvalidInputError lists every problem (file, line, column,
 * value, reason). Otherwise all rows land in one transaction, upserted on their natural keys; re-importing
 * the same file changes nothing.
 * @throws InvalidInputError when any file is refused (or has warnings under `strict`).
 * @example await importFiles(store, { kind: "prices", files: ["9988.HK.csv"], now: new Date().toISOString() })
 */
export async function importFiles(store: Store, opts: ImportOptions): Promise<ImportSummary> {
  if (opts.files.length === 0) throw new InvalidInputError("no files given: pass one or more files to import");
  // A file named twice is imported once (twice would record two sources for the same rows).
  const files = [...new Set(opts.files.map((f) => resolve(f)))];
  if (opts.basis !== undefined && opts.kind !== "prices") throw InvalidInputError.at({ column: "--basis", value: opts.basis, reason: `applies to price files only, not ${opts.kind}` });
  if (!opts.synthetic && MARKET_DATA_KINDS.has(opts.kind)) await refuseRealIntoSynthetic(store, `import ${opts.kind}`, opts.allowSyntheticMix);
  // Excel workbooks are read first (exceljs reads asynchronously); then every file takes the same checks.
  if (opts.sheet !== undefined && !files.some(isWorkbook)) {
    throw InvalidInputError.at({ column: "--sheet", value: opts.sheet, reason: "is for Excel workbooks (.xlsx): none of the files is one" });
  }
  if (files.some(isWorkbook)) opts = { ...opts, tables: await readWorkbooks(files, opts.sheet) };
  if (opts.kind === "prices") {
    const known = new Map<string, Security>((await listSecurities(store)).map((s) => [s.id, s]));
    return importPriceFiles(store, opts, files, known);
  }
  if (opts.kind === "sec") return importSecFiles(store, opts, files);
  return importRecordFiles(store, { ...opts, kind: opts.kind }, files);
}
