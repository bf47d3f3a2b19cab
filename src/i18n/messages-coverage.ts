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
  "examples.resolved": {
    en: "{given} is not in this directory: using rerate's own example {path} (rerate examples copy puts editable copies here).",
    "zh-Hant": "此目錄沒有 {given}：改用 rerate 自帶的範例 {path}（rerate examples copy 可複製一份到此處編輯）。",
    "zh-Hans": "此目录没有 {given}：改用 rerate 自带的示例 {path}（rerate examples copy 可复制一份到此处编辑）。",
  },
  "examples.title": {
    en: "Example files shipped with rerate (use them as examples/NAME from any directory):",
    "zh-Hant": "rerate 自帶的範例檔案（在任何目錄都可用 examples/檔名 引用）：",
    "zh-Hans": "rerate 自带的示例文件（在任何目录都可用 examples/文件名 引用）：",
  },
  "examples.col.file": { en: "File", "zh-Hant": "檔案", "zh-Hans": "文件" },
  "examples.col.kind": { en: "Kind", "zh-Hant": "類型", "zh-Hans": "类型" },
  "examples.col.path": { en: "Installed at", "zh-Hant": "安裝位置", "zh-Hans": "安装位置" },
  "examples.kind.events": { en: "events (catalysts)", "zh-Hant": "事件（催化劑）", "zh-Hans": "事件（催化剂）" },
  "examples.kind.thesis": { en: "thesis", "zh-Hant": "投資論點", "zh-Hans": "投资论点" },
  "examples.kind.scenario": { en: "scenario model", "zh-Hant": "情景模型", "zh-Hans": "情景模型" },
  "examples.kind.other": { en: "other", "zh-Hant": "其他", "zh-Hans": "其他" },
  "examples.hint": {
    en: "Copy them here to edit: rerate examples copy [DIR]",
    "zh-Hant": "複製到此處編輯：rerate examples copy [目錄]",
    "zh-Hans": "复制到此处编辑：rerate examples copy [目录]",
  },
  "examples.copied": { en: "Copied {n} example file(s) into {dir}.", "zh-Hant": "已複製 {n} 個範例檔案到 {dir}。", "zh-Hans": "已复制 {n} 个示例文件到 {dir}。" },
  "examples.skipped": {
    en: "{n} already there, left unchanged (--force overwrites): {list}",
    "zh-Hant": "{n} 個已存在，保持不變（--force 可覆蓋）：{list}",
    "zh-Hans": "{n} 个已存在，保持不变（--force 可覆盖）：{list}",
  },
} as const satisfies Record<string, Record<Lang, string>>;
