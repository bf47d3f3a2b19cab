import { formatAmount, formatMultiple, formatPercent } from "../../i18n/format.js";
import { localized, t } from "../../i18n/index.js";
import type { Lang, LocalizedText } from "../../models/common.js";
import type { Condition } from "../../models/thesis.js";
import type { Figure, Verdict } from "../thesis/evaluate-claims.js";

/** Text that a thesis may write as a plain string or in three languages. */
export const textOf = (x: string | LocalizedText | undefined, lang: Lang): string => (x === undefined ? "" : typeof x === "string" ? x : localized(x, lang));

const LOCALES: Record<Lang, string> = { en: "en-US", "zh-Hant": "zh-HK", "zh-Hans": "zh-CN" };

/** A plain number grouped for the locale: 20,000. */
export const formatCount = (x: number, lang: Lang): string => x.toLocaleString(LOCALES[lang], { maximumFractionDigits: 0 });

/**
 * An amount in a scenario unit: "RMB bn" / "USD bn" / "HKD bn" through formatAmount (RMB 380.0bn, 3,800億元); any
 * other unit as a grouped number with the unit (1,234.5 k card).
 */
export function formatUnitAmount(x: number | undefined, unit: string, lang: Lang): string {
  if (x === undefined || !Number.isFinite(x)) return t(lang, "word.nm");
  const m = /^(RMB|CNY|USD|HKD) ?(bn|mn)$/.exec(unit.trim());
  if (m) return formatAmount(x * (m[2] === "bn" ? 1e9 : 1e6), m[1] === "RMB" ? "CNY" : m[1]!, lang);
  if (unit === "%") return formatPercent(x / 100);
  return `${x.toLocaleString(LOCALES[lang], { maximumFractionDigits: 1 })} ${unit}`.trim();
}

/** A p-value: 0.039, or < 0.001. */
export const formatP = (p: number | null | undefined): string => (p === null || p === undefined || !Number.isFinite(p) ? "n.m." : p < 0.001 ? "< 0.001" : p.toFixed(3));

/** A test statistic with two decimals and a true minus sign. */
export const formatStat = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? "n.m." : x.toFixed(2).replace("-", "\u2212"));

/** A claim's figure in its unit and the locale. */
export function formatFigure(f: Figure | undefined, lang: Lang, sign = false): string {
  if (f === undefined) return t(lang, "word.nm");
  switch (f.format) {
    case "percent": return formatPercent(f.value, { sign });
    case "probability": return formatPercent(f.value);
    case "multiple": return formatMultiple(f.value, lang);
    case "amount": return formatUnitAmount(f.value, f.unit ?? "", lang);
  }
}

const OPS: Record<Condition["op"], string> = { ">": ">", ">=": "≥", "<": "<", "<=": "≤" };

/** A condition in the figure's unit: ≥ 25.0%. */
export const formatCondition = (c: Condition, format: Figure["format"], unit: string | undefined, lang: Lang): string =>
  `${OPS[c.op]} ${formatFigure({ value: c.value, format, ...(unit !== undefined ? { unit } : {}) }, lang)}`;

/** The verdict's word in the language. */
export const verdictLabel = (v: Verdict, lang: Lang): string => t(lang, `report.verdict.${v}`);
