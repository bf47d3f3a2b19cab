import type { Lang } from "../models/common.js";

/** Messages of `rerate coverage`, `rerate examples` and one issuer, one vote in peer aggregates. */
export const COVERAGE_MESSAGES = {
  "votes.leftOut": {
    en: "{group}: {security} is left out of the aggregates: issuer {issuer} counts once, through {kept} ({rule}; --listing primary|first|EXCHANGE picks, --per-listing counts every listing).",
    "zh-Hant": "{group}：{security} 不計入匯總：發行人 {issuer} 只計一次，以 {kept} 計（{rule}；--listing primary|first|交易所 可選擇，--per-listing 則每個上市地都計）。",
    "zh-Hans": "{group}：{security} 不计入汇总：发行人 {issuer} 只计一次，以 {kept} 计（{rule}；--listing primary|first|交易所 可选择，--per-listing 则每个上市地都计）。",
  },
  "votes.rule.first": { en: "first-named listing", "zh-Hant": "首個列出的上市地", "zh-Hans": "首个列出的上市地" },
  "votes.rule.primary": { en: "primary listing", "zh-Hant": "主要上市地", "zh-Hans": "主要上市地" },
  "votes.rule.exchange": { en: "listing on {exchange}", "zh-Hant": "{exchange} 上市", "zh-Hans": "{exchange} 上市" },
} as const satisfies Record<string, Record<Lang, string>>;
