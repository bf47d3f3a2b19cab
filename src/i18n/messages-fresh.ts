import type { Lang } from "../models/common.js";

/** Messages of freshness (stale figures, issue 13) and adjusted EPS. */
export const FRESH_MESSAGES = {
  "check.eps.adjusted": { en: "adjusted (non-GAAP) EPS", "zh-Hant": "經調整（非公認會計準則）每股盈利", "zh-Hans": "经调整（非公认会计准则）每股收益" },
  "check.staleCell": { en: "stale ({age} d)", "zh-Hant": "過時（{age} 天）", "zh-Hans": "过时（{age} 天）" },
  "check.staleHead": {
    en: "Stale figures, not counted (older than the freshness limits; change them with --max-annual-age-days, --max-interim-age-days, --max-half-year-age-days, --max-shares-age-days, --max-estimate-age-days):",
    "zh-Hant": "過時數據，不計入（超過時效上限；可用 --max-annual-age-days、--max-interim-age-days、--max-half-year-age-days、--max-shares-age-days、--max-estimate-age-days 調整）：",
    "zh-Hans": "过时数据，不计入（超过时效上限；可用 --max-annual-age-days、--max-interim-age-days、--max-half-year-age-days、--max-shares-age-days、--max-estimate-age-days 调整）：",
  },
  "check.staleLine": {
    en: "  {definition}: {value} on {date}, from a figure {age} days old (limit {limit} days, {option}){match}",
    "zh-Hant": "  {definition}：{date} 為 {value}，所用數據已有 {age} 天（上限 {limit} 天，{option}）{match}",
    "zh-Hans": "  {definition}：{date} 为 {value}，所用数据已有 {age} 天（上限 {limit} 天，{option}）{match}",
  },
  "check.staleWouldMatch": {
    en: "; it would have matched {claim}x on {n} date(s), which does not count",
    "zh-Hant": "；若不計時效，會在 {n} 個日期吻合 {claim} 倍，但不計入",
    "zh-Hans": "；若不计时效，会在 {n} 个日期吻合 {claim} 倍，但不计入",
  },
  "nm.stale_fundamentals": { en: "stale figures", "zh-Hant": "財務數據過時", "zh-Hans": "财务数据过时" },
  "nm.stale_estimates": { en: "stale estimates", "zh-Hant": "預測過時", "zh-Hans": "预测过时" },
  "nm.stale_shares": { en: "stale share count", "zh-Hant": "股數過時", "zh-Hans": "股数过时" },
  "nm.stale_price": { en: "stale price", "zh-Hant": "價格過時", "zh-Hans": "价格过时" },
  "nm.stale_fx": { en: "stale FX rate", "zh-Hant": "匯率過時", "zh-Hans": "汇率过时" },
  "nm.missing_fx": { en: "no FX rate", "zh-Hant": "無匯率", "zh-Hans": "无汇率" },
  "nm.missing_input": { en: "missing input", "zh-Hant": "缺少數據", "zh-Hans": "缺少数据" },
  "nm.negative_earnings": { en: "negative earnings", "zh-Hant": "盈利為負", "zh-Hans": "盈利为负" },
  "nm.zero_earnings": { en: "zero earnings", "zh-Hant": "盈利為零", "zh-Hans": "盈利为零" },
  "nm.non_positive_input": { en: "input not positive", "zh-Hant": "數據非正數", "zh-Hans": "数据非正数" },
  "nm.above_cap": { en: "above the cap", "zh-Hant": "高於上限", "zh-Hans": "高于上限" },
} as const satisfies Record<string, Record<Lang, string>>;
