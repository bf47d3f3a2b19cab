import type { Lang } from "../models/common.js";

/** Messages of `rerate import yahoo` and of Excel imports. */
export const YAHOO_MESSAGES = {
  "importYahoo.file": {
    en: "  {file}: {holds} of {symbol}, fetched {fetchedAt}; {rows} rows",
    "zh-Hant": "  {file}：{symbol} 的 {holds}，抓取於 {fetchedAt}；{rows} 行",
    "zh-Hans": "  {file}：{symbol} 的 {holds}，抓取于 {fetchedAt}；{rows} 行",
  },
  "importYahoo.table": {
    en: "  {table}: {added} added, {updated} updated, {unchanged} unchanged",
    "zh-Hant": "  {table}：新增 {added}、更新 {updated}、未變 {unchanged}",
    "zh-Hans": "  {table}：新增 {added}、更新 {updated}、未变 {unchanged}",
  },
} as const satisfies Record<string, Record<Lang, string>>;
