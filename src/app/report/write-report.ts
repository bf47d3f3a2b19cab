import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { InvalidInputError } from "../../errors.js";
import type { Lang } from "../../models/common.js";
import type { Store } from "../../store/open.js";
import { loadThesis } from "../thesis/load-thesis.js";
import { buildReport, type ReportModel } from "./build-report.js";
import { composeReport } from "./compose-report.js";
import { renderReportHtml } from "./render-html.js";
import { renderReportMarkdown } from "./render-markdown.js";
import { renderReportXlsx } from "./render-xlsx.js";

/** The shipped example thesis: the note in PRODUCT.md (`npm start` reports on it). */
export const DEMO_THESIS_FILE = fileURLToPath(new URL("../../../examples/china-tech-rerating.yaml", import.meta.url));

export const REPORT_FORMATS = ["html", "md", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The format a file name asks for (.html/.htm, .md/.markdown, .xlsx), if any. */
export function formatOfPath(path: string): ReportFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ext === ".html" || ext === ".htm" ? "html" : ext === ".md" || ext === ".markdown" ? "md" : ext === ".xlsx" ? "xlsx" : undefined;
}

/** Renders a report's data in a format and language: text for HTML and Markdown, bytes for XLSX. */
export async function renderReport(model: ReportModel, lang: Lang, format: ReportFormat): Promise<string | Uint8Array> {
  if (format === "xlsx") return renderReportXlsx(model, lang);
  const doc = await composeReport(model, lang);
  return format === "md" ? renderReportMarkdown(doc) : renderReportHtml(doc);
}

/**
 * Loads a thesis, builds its report against the store as of a date and writes it to a file.
 * @throws NotFoundError / InvalidInputError from the thesis file (with line and field); InvalidInputError for a format
 *   that does not match the file's extension.
 */
export async function writeReport(store: Store, req: { thesis: string; lang: Lang; out: string; format?: ReportFormat; asOf?: string }): Promise<{ path: string; format: ReportFormat; model: ReportModel }> {
  const byPath = formatOfPath(req.out);
  const format = req.format ?? byPath ?? "html";
  if (byPath !== undefined && byPath !== format) throw InvalidInputError.at({ column: "--out", value: req.out, reason: `has the extension of ${byPath}, not ${format}; change --out or --format` });
  const loaded = loadThesis(req.thesis);
  const model = await buildReport(store, loaded, req.asOf !== undefined ? { asOf: req.asOf } : {});
  const body = await renderReport(model, req.lang, format);
  mkdirSync(dirname(req.out), { recursive: true });
  writeFileSync(req.out, body);
  return { path: req.out, format, model };
}
