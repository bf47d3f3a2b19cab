import { LANGS, type Lang } from "../models/common.js";
import { MESSAGES, type MessageKey } from "./messages.js";

export { MESSAGES, type MessageKey };

/** Translates a message key, filling `{name}` placeholders. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[key][lang] ?? MESSAGES[key].en;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * Picks the language: an explicit choice, else RERATE_LANG, else the locale (zh_TW/zh_HK/zh_MO → zh-Hant,
 * other zh → zh-Hans), else English.
 */
export function resolveLang(explicit?: string, env: Record<string, string | undefined> = {}): Lang {
  const pick = explicit ?? env.RERATE_LANG;
  if (pick !== undefined) {
    const hit = LANGS.find((l) => l.toLowerCase() === pick.toLowerCase());
    if (hit) return hit;
  }
  const locale = (env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? "").toLowerCase();
  if (/^zh[_-](tw|hk|mo)|hant/.test(locale)) return "zh-Hant";
  if (locale.startsWith("zh")) return "zh-Hans";
  return "en";
}

/** Picks the localized form of a name or title, falling back to English. */
export function localized(text: { en: string; "zh-Hant"?: string; "zh-Hans"?: string }, lang: Lang): string {
  return text[lang] ?? text.en;
}
