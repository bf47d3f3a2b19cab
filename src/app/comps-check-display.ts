import type { PeDefinition } from "../core/valuation/index.js";
import { formatMultiple, formatPercent } from "../i18n/format.js";
import { t, type MessageKey } from "../i18n/index.js";
import type { Lang } from "../models/common.js";
import type { CheckMultipleResult } from "./check-multiple.js";
import type { DisplayTable } from "./report/comps-summary.js";

/** A definition in words: "calendarised NTM, diluted EPS, per listing unit". */
export function definitionLabel(d: PeDefinition, lang: Lang): string {
  const sep = lang === "en" ? ", " : "，";
  return [t(lang, `check.period.${d.period}` as MessageKey), t(lang, `check.eps.${d.eps}` as MessageKey), t(lang, `check.listing.${d.listing}` as MessageKey)].join(sep);
}

/** The check as display text: a table of definitions (value on the date asked, range, matching dates) and a verdict. */
export function summarizeCheckMultiple(r: CheckMultipleResult, lang: Lang): { title: string; banner?: string; table: DisplayTable; lines: string[] } {
  const nm = t(lang, "word.nm");
  const label = (id: string) => definitionLabel(r.definitions.find((d) => d.definition.id === id)!.definition, lang);
  const table: DisplayTable = {
    title: "",
    head: [t(lang, "comps.col.definition"), t(lang, "comps.col.valueOn", { date: r.around }), t(lang, "comps.col.min"), t(lang, "comps.col.max"), t(lang, "comps.col.matches")],
    align: ["left", "right", "right", "right", "left"],
    rows: r.definitions.map((d) => [
      definitionLabel(d.definition, lang),
      d.atAround.value !== undefined ? formatMultiple(d.atAround.value, lang)
        : d.atAround.stale !== undefined ? `${nm} (${t(lang, "check.staleCell", { age: d.atAround.stale.ageDays })})` : `${nm} (${d.atAround.nm})`,
      d.min !== undefined ? formatMultiple(d.min, lang) : nm,
      d.max !== undefined ? formatMultiple(d.max, lang) : nm,
      d.matches.length === 0 ? "–" : `${d.matches.length}/${r.dates.length}: ${d.matches[0]}${d.matches.length > 1 ? ` … ${d.matches[d.matches.length - 1]}` : ""}`,
    ]),
  };
  const tol = formatPercent(r.tolerance, { digits: 0 });
  const lines: string[] = [];
  if (r.reproducedBy.length > 0) {
    lines.push(t(lang, "check.reproduced", { claim: r.claim, n: r.reproducedBy.length }));
    for (const id of r.reproducedBy) {
      const d = r.definitions.find((x) => x.definition.id === id)!;
      lines.push(t(lang, "check.match", {
        definition: label(id), count: d.matches.length, total: r.dates.length, first: d.matches[0]!, last: d.matches[d.matches.length - 1]!,
        value: formatMultiple(d.closest?.value, lang), date: d.closest?.date ?? "",
      }));
    }
  } else if (r.closest !== undefined) {
    lines.push(t(lang, "check.none", { claim: r.claim, tol, from: r.dates[0]!, to: r.dates[r.dates.length - 1]!, definition: label(r.closest.definition), value: formatMultiple(r.closest.value, lang), date: r.closest.date }));
  } else lines.push(t(lang, "check.nothing", { from: r.from, to: r.to }));
  const stale = r.definitions.filter((d) => d.stale !== undefined);
  if (stale.length > 0) {
    lines.push(t(lang, "check.staleHead"));
    for (const d of stale) {
      const s = d.stale!;
      lines.push(t(lang, "check.staleLine", {
        definition: definitionLabel(d.definition, lang), value: formatMultiple(s.value, lang), date: s.date, age: s.ageDays, limit: s.limitDays, option: s.option,
        match: s.wouldMatch.length > 0 ? t(lang, "check.staleWouldMatch", { claim: r.claim, n: s.wouldMatch.length }) : "",
      }));
    }
  }
  return {
    title: t(lang, "check.title", { claim: r.claim, security: r.security, n: r.dates.length, from: r.dates[0]!, to: r.dates[r.dates.length - 1]!, tol }),
    ...(r.synthetic ? { banner: t(lang, "synthetic.banner") } : {}),
    table,
    lines,
  };
}
