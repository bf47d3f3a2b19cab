import type { DisplayTable } from "./comps-summary.js";
import type { ReportBlock, ReportDocument } from "./report-document.js";

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const CSS = `
:root { --fg: #1d2733; --muted: #5b6b7b; --line: #d9e0e6; --holds: #2e7d32; --fails: #c62828; --na: #8d6e00; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, "Segoe UI", "PingFang TC", "PingFang SC", "Noto Sans CJK TC", "Microsoft JhengHei", "Microsoft YaHei", sans-serif; color: var(--fg); margin: 0 auto; max-width: 1040px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; border-bottom: 2px solid var(--fg); padding-bottom: 4px; margin-top: 36px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
.banner { background: #fff3cd; border: 2px solid #d39e00; color: #5c4400; font-weight: 700; padding: 10px 14px; margin: 12px 0 20px; border-radius: 4px; }
nav ol { columns: 3; margin: 0; padding-left: 20px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 18px; font-size: 12.5px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
th { background: #f3f6f8; text-align: left; } td.r, th.r { text-align: right; white-space: nowrap; }
.verdict { font-weight: 700; white-space: nowrap; } .v-holds { color: var(--holds); } .v-fails { color: var(--fails); } .v-insufficient { color: var(--na); }
.reason { color: var(--muted); font-size: 11.5px; }
.error { color: var(--fails); border-left: 3px solid var(--fails); padding-left: 8px; }
figure { margin: 10px 0 20px; } figure svg { max-width: 100%; height: auto; } figcaption { color: var(--muted); font-size: 12px; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav { display: none; }
  h2 { break-after: avoid; } table, figure { break-inside: avoid; }
  .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { size: A4; margin: 14mm; }
}
`;

function table(tb: DisplayTable): string {
  const cls = (k: number) => (tb.align[k] === "right" ? ' class="r"' : "");
  return `<table><caption>${escapeHtml(tb.title)}</caption><thead><tr>${tb.head.map((h, k) => `<th${cls(k)}>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${tb.rows.map((r) => `<tr>${r.map((c, k) => `<td${cls(k)}>${escapeHtml(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}

function block(b: ReportBlock, k: number): string {
  switch (b.kind) {
    case "p": return `<p>${escapeHtml(b.text)}</p>`;
    case "error": return `<p class="error">${escapeHtml(b.text)}</p>`;
    case "list": return b.items.length === 0 ? "" : `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
    case "table": return table(b.table);
    // The SVG comes from ECharts' server-side renderer (no script, no external reference).
    // Each chart numbers its ids from rr-0 (stableSvg): prefix them so two charts in one page never share an id.
    case "chart": return `<figure>${b.svg.replace(/\brr-(\d+)/g, `c${k}-$1`)}<figcaption>${escapeHtml(b.title)}</figcaption></figure>`;
    case "claims": return `<table class="claims"><thead><tr><th>${escapeHtml(b.head.claim)}</th><th>${escapeHtml(b.head.verdict)}</th><th class="r">${escapeHtml(b.head.figure)}</th><th>${escapeHtml(b.head.test)}</th><th>${escapeHtml(b.head.wrongIf)}</th></tr></thead><tbody>${
      b.rows.map((r) => `<tr id="claim-${escapeHtml(r.id)}"><td>${escapeHtml(r.text)}</td><td class="verdict v-${r.verdict}">${escapeHtml(r.verdictText)}</td><td class="r">${escapeHtml(r.figure)}</td><td>${escapeHtml(r.test)}</td><td>${escapeHtml(r.wrongIf)}${r.reason ? `<div class="reason">${escapeHtml(r.reason)}</div>` : ""}</td></tr>`).join("")
    }</tbody></table>`;
  }
}

/**
 * The report as one standalone HTML file: inline CSS (with print rules for PDF), charts as inline SVG, no script and
 * no network reference. Pure: the same document gives the same HTML.
 * @example writeFileSync("report.html", renderReportHtml(await composeReport(model, "zh-Hant")))
 */
export function renderReportHtml(doc: ReportDocument): string {
  const nav = `<nav><ol>${doc.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join("")}</ol></nav>`;
  let k = 0;
  const sections = doc.sections.map((s) => `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map((b) => block(b, k++)).join("\n")}</section>`).join("\n");
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rerate">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(doc.title)}</h1><p class="subtitle">${escapeHtml(doc.subtitle)}</p>${doc.banner !== undefined ? `<div class="banner" role="note">${escapeHtml(doc.banner)}</div>` : ""}</header>
${nav}
${sections}
<footer>rerate · ${escapeHtml(doc.subtitle)}</footer>
</body>
</html>
`;
}
