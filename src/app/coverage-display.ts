import { formatMultiple } from "../i18n/format.js";
import { localized, t, type MessageKey } from "../i18n/index.js";
import type { Lang } from "../models/common.js";
import { metricLabel } from "./comps-display.js";
import type { CoverageReport, CoverageTodo, SecurityCoverage } from "./coverage.js";
import type { DisplayTable } from "./report/comps-summary.js";

/** A source or reference in the text table: its first 60 characters (the whole of it is in --json). */
const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One to-do item as text: what is missing, then the commands that fill it. */
export function todoLine(item: CoverageTodo, lang: Lang): string {
  const what = t(lang, `coverage.todo.${item.code}` as MessageKey, { security: item.security, ...item.detail });
  return `${what} — ${item.commands.map((c) => `\`${c}\``).join(t(lang, "coverage.or"))}`;
}

/** One security's coverage as lines and tables, in display order. */
export function coverageBlock(c: SecurityCoverage, asOf: string, lang: Lang): (string | DisplayTable)[] {
  const s = c.security;
  const out: (string | DisplayTable)[] = [];
  out.push(t(lang, "coverage.security", {
    id: s.id, name: localized(s.name, lang), exchange: s.exchange, ccy: s.currency,
    reports: s.reportingCurrency !== undefined && s.reportingCurrency !== s.currency ? t(lang, "coverage.reports", { ccy: s.reportingCurrency }) : "",
    issuer: s.issuer !== undefined ? t(lang, "coverage.issuer", { issuer: s.issuer }) : "",
  }));
  const p = c.prices;
  out.push(p === undefined ? t(lang, "coverage.noPrices") : t(lang, "coverage.prices", {
    first: p.first, rows: p.rows, adj: p.adjRows, basis: p.basis === "unknown" ? t(lang, "coverage.basisUnknown") : p.basis,
    last: p.last, days: p.ageDays ?? "–", lastUsed: p.lastOnOrBefore ?? "–", asOf, synthetic: p.synthetic ? t(lang, "coverage.synthetic") : "",
  }));
  if (c.fundamentals.length === 0) out.push(t(lang, "coverage.noFundamentals", { asOf }));
  else {
    out.push(t(lang, "coverage.fundamentals", { asOf }));
    out.push({
      title: "",
      head: [t(lang, "coverage.col.metric"), t(lang, "coverage.col.period"), t(lang, "coverage.col.periodEnd"), t(lang, "coverage.col.periodAge"), t(lang, "coverage.col.knownFrom"), t(lang, "coverage.col.later"), t(lang, "coverage.col.source")],
      align: ["left", "left", "left", "right", "left", "right", "left"],
      rows: c.fundamentals.map((f) => [f.entity === s.id ? `${f.metric} (${s.id})` : f.metric, f.fiscalPeriod, f.periodEnd, String(f.periodAgeDays), f.knownFrom, String(f.knownLater), clip(f.reference ?? f.source)]),
    });
  }
  if (c.estimates.length === 0) out.push(t(lang, "coverage.noEstimates", { asOf }));
  else {
    out.push(t(lang, "coverage.estimates"));
    out.push({
      title: "",
      head: [t(lang, "coverage.col.metric"), t(lang, "coverage.col.periods"), t(lang, "coverage.col.observed"), t(lang, "coverage.col.periodAge"), t(lang, "coverage.col.source")],
      align: ["left", "left", "left", "right", "left"],
      rows: c.estimates.map((e) => [e.metric, e.fiscalPeriods.join(", "), e.asOf, String(e.ageDays), clip(`${e.estimator} · ${e.source}`)]),
    });
  }
  out.push(c.fx.length === 0 ? t(lang, "coverage.fxUsd") : t(lang, "coverage.fx", {
    pairs: c.fx.map((f) => (f.stored === undefined ? t(lang, "coverage.fxNone", { pair: f.pair })
      : t(lang, "coverage.fxPair", { pair: `${f.stored.base}/${f.stored.quote}`, first: f.stored.first, last: f.stored.last, rows: f.stored.rows, days: f.ageDays ?? 0 }))).join("; "),
  }));
  out.push(c.multiples.length === 0 ? t(lang, "coverage.noMultiples", { asOf }) : t(lang, "coverage.multiples", {
    asOf,
    list: c.multiples.map((m) => `${metricLabel(m.kind, lang)} ${m.value !== undefined ? formatMultiple(m.value, lang) : `${t(lang, "word.nm")} (${m.nm}: ${m.message})`}`).join("; "),
  }));
  return out;
}

/** The closing to-do list. */
export function todoLines(r: CoverageReport, lang: Lang): string[] {
  if (r.todo.length === 0) return [t(lang, "coverage.todoNone", { asOf: r.asOf })];
  return [t(lang, "coverage.todoTitle"), ...r.todo.map((x) => `  - ${todoLine(x, lang)}`)];
}
