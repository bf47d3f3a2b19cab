import type { Lang } from "../models/common.js";

/** Messages of `rerate fetch` and `rerate providers`. */
export const PROVIDER_MESSAGES = {
  "fetch.done": {
    en: "Fetched as of {asOf}: {added} rows added, {updated} updated, {unchanged} unchanged.",
    "zh-Hant": "已抓取（截至 {asOf}）：新增 {added} 行、更新 {updated}、未變 {unchanged}。",
    "zh-Hans": "已抓取（截至 {asOf}）：新增 {added} 行、更新 {updated}、未变 {unchanged}。",
  },
  "fetch.task": {
    en: "  {provider} {model}: {items} request(s), {cached} from cache, {rows} rows",
    "zh-Hant": "  {provider} {model}：{items} 個請求，{cached} 個來自快取，{rows} 行",
    "zh-Hans": "  {provider} {model}：{items} 个请求，{cached} 个来自缓存，{rows} 行",
  },
  "fetch.table": {
    en: "  {table}: {added} added, {updated} updated, {unchanged} unchanged",
    "zh-Hant": "  {table}：新增 {added}、更新 {updated}、未變 {unchanged}",
    "zh-Hans": "  {table}：新增 {added}、更新 {updated}、未变 {unchanged}",
  },
  "fetch.nothing": {
    en: "Nothing to fetch: the store is up to date (--refresh fetches again).",
    "zh-Hant": "無需抓取：資料庫已是最新（--refresh 可重新抓取）。",
    "zh-Hans": "无需抓取：数据库已是最新（--refresh 可重新抓取）。",
  },
  "fetch.skipped": {
    en: "Skipped {n}:",
    "zh-Hant": "略過 {n} 項：",
    "zh-Hans": "跳过 {n} 项：",
  },
  "fetch.newSecurities": {
    en: "{n} new securities created from their symbols ({list}); import a security master to name them.",
    "zh-Hant": "依代號新建 {n} 隻證券（{list}）；可匯入證券主檔補充名稱。",
    "zh-Hans": "依代码新建 {n} 只证券（{list}）；可导入证券主档补充名称。",
  },
  "providers.title": {
    en: "Live data providers (rerate fetch --provider ID):",
    "zh-Hant": "線上資料來源（rerate fetch --provider ID）：",
    "zh-Hans": "在线数据来源（rerate fetch --provider ID）：",
  },
  "providers.credentialSet": { en: "set", "zh-Hant": "已設定", "zh-Hans": "已设置" },
  "providers.credentialMissing": { en: "not set", "zh-Hant": "未設定", "zh-Hans": "未设置" },
  "providers.none": { en: "none", "zh-Hant": "無", "zh-Hans": "无" },
  "providers.col.provider": { en: "Provider", "zh-Hant": "來源", "zh-Hans": "来源" },
  "providers.col.models": { en: "Serves", "zh-Hant": "提供", "zh-Hans": "提供" },
  "providers.col.rate": { en: "Max req/s", "zh-Hant": "每秒請求上限", "zh-Hans": "每秒请求上限" },
  "providers.col.credentials": { en: "Needs", "zh-Hant": "所需設定", "zh-Hans": "所需设置" },
  "providers.col.symbols": { en: "Symbols", "zh-Hant": "代號", "zh-Hans": "代码" },
} as const satisfies Record<string, Record<Lang, string>>;
