import type { Lang } from "../models/common.js";
import { MESSAGES } from "./messages.js";

const MINUS = "\u2212";

/** A multiple with one decimal: 15.2x (n.m. when undefined). */
export function formatMultiple(x: number | undefined, lang: Lang = "en"): string {
  if (x === undefined || !Number.isFinite(x)) return MESSAGES["word.nm"][lang];
  return `${x.toFixed(1)}x`;
}

/** A decimal fraction as a signed percentage with one decimal and a true minus sign: −31.4%, +12.0%. */
export function formatPercent(x: number | undefined, opts: { sign?: boolean; digits?: number } = {}): string {
  if (x === undefined || !Number.isFinite(x)) return "n.m.";
  const v = (x * 100).toFixed(opts.digits ?? 1);
  const neg = v.startsWith("-");
  const body = neg ? v.slice(1) : v;
  return `${neg ? MINUS : opts.sign ? "+" : ""}${body}%`;
}

/** Percentage points: 2.1 pts / 2.1 個百分點. */
export function formatPoints(x: number | undefined, lang: Lang = "en"): string {
  if (x === undefined || !Number.isFinite(x)) return "n.m.";
  const v = x.toFixed(1).replace("-", MINUS);
  return lang === "en" ? `${v} pts` : lang === "zh-Hant" ? `${v} 個百分點` : `${v} 个百分点`;
}

/** A price with its currency: HKD 174.00. */
export function formatPrice(x: number | undefined, currency: string, lang: Lang = "en"): string {
  if (x === undefined || !Number.isFinite(x)) return "n.m.";
  const n = x.toLocaleString(lang === "en" ? "en-US" : lang === "zh-Hant" ? "zh-HK" : "zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${currency} ${n}`;
}

/**
 * A large amount, scaled the way each language reads it: English in bn/mn (RMB 380.0bn), Chinese in 億/亿 and
 * 萬億/万亿 (3,800億元 / 3,800亿元).
 */
export function formatAmount(x: number | undefined, currency: string, lang: Lang = "en"): string {
  if (x === undefined || !Number.isFinite(x)) return "n.m.";
  const sign = x < 0 ? MINUS : "";
  const a = Math.abs(x);
  if (lang === "en") {
    const [v, unit] = a >= 1e12 ? [a / 1e12, "tn"] : a >= 1e9 ? [a / 1e9, "bn"] : a >= 1e6 ? [a / 1e6, "mn"] : [a, ""];
    return `${sign}${currency === "CNY" ? "RMB" : currency} ${v.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: unit ? 1 : 0 })}${unit}`;
  }
  const hant = lang === "zh-Hant";
  const yi = hant ? "億" : "亿";
  const unitName: Record<string, string> = { CNY: "元", USD: "美元", HKD: "港元" };
  const [v, unit] = a >= 1e8 ? [a / 1e8, yi] : a >= 1e4 ? [a / 1e4, hant ? "萬" : "万"] : [a, ""];
  const locale = hant ? "zh-HK" : "zh-CN";
  return `${sign}${v.toLocaleString(locale, { maximumFractionDigits: 1 })}${unit}${unitName[currency] ?? " " + currency}`;
}
