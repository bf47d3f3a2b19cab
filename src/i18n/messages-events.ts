import type { Lang } from "../models/common.js";

/** Messages of catalyst event studies (`rerate event-study`). */
export const EVENTS_MESSAGES = {
  "events.title": {
    en: "Event study: {model} model, estimation days {estimation}, {returns} returns; {n} security-event(s), {ok} studied",
    "zh-Hant": "事件研究：{model} 模型，估計窗口 {estimation} 日，{returns}報酬；{n} 個證券事件，{ok} 個可計算",
    "zh-Hans": "事件研究：{model} 模型，估计窗口 {estimation} 日，{returns}收益；{n} 个证券事件，{ok} 个可计算",
  },
  "events.returns.simple": { en: "simple", "zh-Hant": "簡單", "zh-Hans": "简单" },
  "events.returns.log": { en: "log", "zh-Hant": "對數", "zh-Hans": "对数" },
  "events.perEvent": {
    en: "Abnormal returns per security-event (CAR, t in brackets)",
    "zh-Hant": "各證券事件的異常報酬（累計異常報酬，括號內為 t 值）",
    "zh-Hans": "各证券事件的异常收益（累计异常收益，括号内为 t 值）",
  },
  "events.aggregate": {
    en: "Across security-events (statistic, two-sided p in brackets; overlapping windows of one security merged)",
    "zh-Hant": "跨證券事件（檢定統計量，括號內為雙尾 p 值；同一證券重疊窗口已合併）",
    "zh-Hans": "跨证券事件（检验统计量，括号内为双尾 p 值；同一证券重叠窗口已合并）",
  },
  "events.perEventTop": {
    en: "Showing the {shown} security-events with the largest |t| over {window} of {n}; --json or --xlsx has every one.",
    "zh-Hant": "僅列出 {n} 個證券事件中 {window} 窗口 |t| 最大的 {shown} 個；--json 或 --xlsx 含全部結果。",
    "zh-Hans": "仅列出 {n} 个证券事件中 {window} 窗口 |t| 最大的 {shown} 个；--json 或 --xlsx 含全部结果。",
  },
  "events.more": {
    en: "… and {n} more (--json has every one)",
    "zh-Hant": "……另有 {n} 項（--json 含全部）",
    "zh-Hans": "……另有 {n} 项（--json 含全部）",
  },
  "events.skipped": {
    en: "Not studied ({n}):",
    "zh-Hant": "未能計算（{n}）：",
    "zh-Hans": "未能计算（{n}）：",
  },
  "events.benchmarks": {
    en: "Benchmarks: {list}",
    "zh-Hant": "基準指數：{list}",
    "zh-Hans": "基准指数：{list}",
  },
  "events.missing": {
    en: "Missing data inside windows: {n} security-event(s) (see --json for the days; returns are never filled).",
    "zh-Hant": "窗口內缺失資料：{n} 個證券事件（詳見 --json；缺失報酬不作填補）。",
    "zh-Hans": "窗口内缺失数据：{n} 个证券事件（详见 --json；缺失收益不作填补）。",
  },
  "events.chart": {
    en: "Mean cumulative abnormal return around the events",
    "zh-Hant": "事件前後的平均累計異常報酬",
    "zh-Hans": "事件前后的平均累计异常收益",
  },
  "events.progress.prices": { en: "prices", "zh-Hant": "價格", "zh-Hans": "价格" },
  "events.progress.study": { en: "event study", "zh-Hant": "事件研究", "zh-Hans": "事件研究" },
  "events.col.event": { en: "Event", "zh-Hant": "事件", "zh-Hans": "事件" },
  "events.col.day0": { en: "Day 0", "zh-Hant": "事件日", "zh-Hans": "事件日" },
  "events.col.test": { en: "Test", "zh-Hant": "檢定", "zh-Hans": "检验" },
  "events.test.n": { en: "N", "zh-Hant": "樣本數", "zh-Hans": "样本数" },
  "events.test.caar": { en: "CAAR", "zh-Hant": "平均累計異常報酬", "zh-Hans": "平均累计异常收益" },
  "events.test.csectT": { en: "cross-sectional t", "zh-Hant": "截面 t", "zh-Hans": "截面 t" },
  "events.test.patellZ": { en: "Patell Z", "zh-Hant": "Patell Z", "zh-Hans": "Patell Z" },
  "events.test.bmpT": { en: "BMP t", "zh-Hant": "BMP t", "zh-Hans": "BMP t" },
  "events.test.kpT": { en: "Kolari–Pynnönen t", "zh-Hant": "Kolari–Pynnönen t", "zh-Hans": "Kolari–Pynnönen t" },
  "events.test.corradoZ": { en: "Corrado rank Z", "zh-Hant": "Corrado 秩檢定 Z", "zh-Hans": "Corrado 秩检验 Z" },
  "events.test.signZ": { en: "sign Z", "zh-Hant": "符號檢定 Z", "zh-Hans": "符号检验 Z" },
  "events.test.genSignZ": { en: "generalised sign Z", "zh-Hant": "廣義符號檢定 Z", "zh-Hans": "广义符号检验 Z" },
} as const satisfies Record<string, Record<Lang, string>>;
