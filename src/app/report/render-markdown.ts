import { t } from "../../i18n/index.js";
import type { DisplayTable } from "./comps-summary.js";
import type { ReportBlock, ReportDocument } from "./report-document.js";

/**
 * Text from a thesis or the store as inert Markdown: every `<` that could open an HTML tag, comment or autolink
 * (`<script>`, `<img onerror=…>`, `<!--`, `<https:…>`) becomes `&lt;`, a link to a `javascript:`, `vbscript:` or
 * `data:` URL loses its link syntax, and line breaks become spaces (a title cannot start a heading or a block).
 * `p < 0.05` stays as written.
 * @example inline("<img src=x onerror=alert(1)>") // "&lt;img src=x onerror=alert(1)>"
 */
export function inline(s: string): string {
  return s
    .trimEnd()
    .replace(/\r?\n|\r/g, " ")
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;")
    .replace(/\]\(\s*(?=(javascript|vbscript|data):)/gi, "]\\(");
}

const cell = (s: string) => inline(s).replace(/\|/g, "\\|");

function table(tb: DisplayTable): string[] {
  return [
    `**${cell(tb.title)}**`, "",
    `| ${tb.head.map(cell).join(" | ")} |`,
    `| ${tb.align.map((a) => (a === "right" ? "---:" : ":---")).join(" | ")} |`,
    ...tb.rows.map((r) => `| ${r.map(cell).join(" | ")} |`), "",
  ];
}

function block(b: ReportBlock, doc: ReportDocument): string[] {
  switch (b.kind) {
    case "p": return [inline(b.text), ""];
    case "error": return [`> ⚠ ${inline(b.text)}`, ""];
    case "list": return b.items.length === 0 ? [] : [...b.items.map((i) => `- ${inline(i)}`), ""];
    case "table": return table(b.table);
    case "chart": return [`*${inline(b.title)}* ${t(doc.lang, "report.chartInHtml")}`, ""];
    case "claims": {
      const mark = { holds: "✅", fails: "❌", insufficient: "❔" } as const;
      return [
        `| # | ${cell(b.head.claim)} | ${cell(b.head.verdict)} | ${cell(b.head.figure)} | ${cell(b.head.test)} | ${cell(b.head.wrongIf)} |`,
        "| :--- | :--- | :--- | ---: | :--- | :--- |",
        ...b.rows.map((r) => `| ${cell(r.id)} | ${cell(r.text)} | ${mark[r.verdict]} ${cell(r.verdictText)} | ${cell(r.figure)} | ${cell(r.test)} | ${cell(r.wrongIf)}${r.reason ? ` (${cell(r.reason)})` : ""} |`),
        "",
      ];
    }
  }
}

/**
 * The report as Markdown: the banner as a quote, one `##` heading per section, tables as pipe tables and charts as a
 * pointer to the HTML report. Pure: the same document gives the same text.
 * @example writeFileSync("report.md", renderReportMarkdown(await composeReport(model, "en")))
 */
export function renderReportMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${inline(doc.title)}`, "", `*${inline(doc.subtitle)}*`, ""];
  if (doc.banner !== undefined) out.push(`> **${inline(doc.banner)}**`, "");
  for (const s of doc.sections) {
    out.push(`## ${inline(s.title)}`, "");
    for (const b of s.blocks) out.push(...block(b, doc));
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
