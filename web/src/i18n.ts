import { DASHBOARD_MESSAGES as CORE_DASHBOARD_MESSAGES } from "../../src/i18n/messages-dashboard.js";
import { COVERAGE_DASHBOARD_MESSAGES } from "../../src/i18n/messages-coverage.js";
import { FRESH_MESSAGES } from "../../src/i18n/messages-fresh.js";
import { BANNER_MESSAGES } from "../../src/i18n/messages-banner.js";

const DASHBOARD_MESSAGES = { ...CORE_DASHBOARD_MESSAGES, ...COVERAGE_DASHBOARD_MESSAGES, ...BANNER_MESSAGES };

export const LANGS = ["en", "zh-Hant", "zh-Hans"] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_NAMES: Record<Lang, string> = { en: "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文" };
export type Key = keyof typeof DASHBOARD_MESSAGES;

const STORAGE_KEY = "rerate.lang";
let current: Lang = readStored();
const listeners = new Set<() => void>();

function readStored(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v !== null && (LANGS as readonly string[]).includes(v)) return v as Lang;
  } catch {
    // storage may be disabled; fall back to English
  }
  return "en";
}

export const lang = (): Lang => current;

/** Switches the language, remembers it and re-renders whatever listens. */
export function setLang(l: Lang): void {
  current = l;
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // not remembered: fine
  }
  document.documentElement.lang = l;
  for (const f of listeners) f();
}

export function onLangChange(f: () => void): void {
  listeners.add(f);
}

/** The message in the current language with `{name}` placeholders filled. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  return DASHBOARD_MESSAGES[key][current].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A localized text field of the API (`{ en, zh-Hant?, zh-Hans? }` or a plain string). */
export function local(x: unknown): string {
  if (typeof x === "string") return x;
  if (x !== null && typeof x === "object") {
    const o = x as Record<string, string | undefined>;
    return o[current] ?? (current === "zh-Hans" ? o["zh-Hant"] : current === "zh-Hant" ? o["zh-Hans"] : undefined) ?? o.en ?? "";
  }
  return "";
}

const MINUS = "\u2212";
const ok = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** The n.m. reason in words ("stale figures"), or the code itself when it has no label. */
export function nmLabel(reason: string): string {
  const m = (FRESH_MESSAGES as Record<string, Record<Lang, string> | undefined>)[`nm.${reason}`];
  return m !== undefined ? m[current] : reason;
}

/** 15.2x, n.m. for a missing multiple. */
export const fmtMultiple = (x: number | null | undefined): string => (ok(x) ? `${x.toFixed(1)}x` : "n.m.");
/** −31.4% / +12.0% (sign on request). */
export function fmtPercent(x: number | null | undefined, sign = false, digits = 1): string {
  if (!ok(x)) return "n.m.";
  const v = (x * 100).toFixed(digits);
  return v.startsWith("-") ? `${MINUS}${v.slice(1)}%` : `${sign ? "+" : ""}${v}%`;
}
/** A number with grouping in the current locale. */
export function fmtNumber(x: number | null | undefined, digits = 2): string {
  if (!ok(x)) return "–";
  return new Intl.NumberFormat(current, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x).replace("-", MINUS);
}
/** A p-value: three decimals, "< 0.001" below that. */
export const fmtP = (p: number | null | undefined): string => (!ok(p) ? "–" : p < 0.001 ? "< 0.001" : p.toFixed(3));
