import type { Lang } from "../../models/common.js";
import type { Verdict } from "../thesis/evaluate-claims.js";
import type { DisplayTable } from "./comps-summary.js";

/** One claim's row in the summary. */
export interface ClaimRow {
  id: string;
  text: string;
  verdict: Verdict;
  verdictText: string;
  figure: string;
  test: string;
  wrongIf: string;
  reason?: string;
}

/** A piece of a section; renderers (HTML, Markdown) lay each kind out. */
export type ReportBlock =
  | { kind: "p"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; table: DisplayTable }
  | { kind: "chart"; title: string; svg: string }
  | { kind: "claims"; head: { claim: string; verdict: string; figure: string; test: string; wrongIf: string }; rows: ClaimRow[] }
  | { kind: "error"; text: string };

export interface ReportSection {
  /** Stable anchor: summary, wall, headline, implied, events, scenarios, attribution, sources, risks. */
  id: string;
  title: string;
  blocks: ReportBlock[];
}

/** A report in one language, every number formatted: what HTML and Markdown render. */
export interface ReportDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  banner?: string;
  sections: ReportSection[];
}

/** The section ids in report order. */
export const SECTION_IDS = ["summary", "wall", "headline", "implied", "events", "scenarios", "attribution", "sources", "risks"] as const;
