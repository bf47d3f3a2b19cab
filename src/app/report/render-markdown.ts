import { t } from "../../i18n/index.js";
import type { DisplayTable } from "./comps-summary.js";
import type { ReportBlock, ReportDocument } from "./report-document.js";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

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
    case "p": return [b.text, ""];
    case "error": return [`> ⚠ ${b.text}`, ""];
    case "list": return b.items.length === 0 ? [] : [...b.items.map((i) => `- ${i}`), ""];
    case "table": return table(b.table);
    case "chart": return [`*${b.title}* ${t(doc.lang, "report.chartInHtml")}`, ""];
    case "claims": {
      const mark = { holds: "✅", fails: "❌", insufficient: "❔" } as const;
      return [
        `| # | ${b.head.claim} | ${b.head.verdict} | ${b.head.figure} | ${b.head.test} | ${b.head.wrongIf} |`,
        "| :--- | :--- | :--- | ---: | :--- | :--- |",
        ...b.rows.map((r) => `| ${cell(r.id)} | ${cell(r.text)} | ${mark[r.verdict]} ${r.verdictText} | ${cell(r.figure)} | ${cell(r.test)} | ${cell(r.wrongIf)}${r.reason ? ` (${cell(r.reason)})` : ""} |`),
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
  const out: string[] = [`# ${doc.title}`, "", `*${doc.subtitle}*`, ""];
  if (doc.banner !== undefined) out.push(`> **${doc.banner}**`, "");
  for (const s of doc.sections) {
    out.push(`## ${s.title}`, "");
    for (const b of s.blocks) out.push(...block(b, doc));
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
