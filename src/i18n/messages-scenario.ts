import type { Lang } from "../models/common.js";

/** Messages of scenario models (`rerate scenario run | eval | tornado | grid`). */
export const SCENARIO_MESSAGES = {
  "scenario.model": {
    en: "{title} — scenario {scenario}",
    "zh-Hant": "{title}——情景 {scenario}",
    "zh-Hans": "{title}——情景 {scenario}",
  },
  "scenario.xlsxWritten": { en: "Workbook written to {path}", "zh-Hant": "活頁簿已寫入 {path}", "zh-Hans": "工作簿已写入 {path}" },
  "scenario.assumptions": {
    en: "Inputs are assumptions unless the model marks them as facts; each names its source in {file}.",
    "zh-Hant": "除模型標明為事實者外，輸入均為假設；來源見 {file}。",
    "zh-Hans": "除模型标明为事实者外，输入均为假设；来源见 {file}。",
  },
  "scenario.run": {
    en: "Monte Carlo: {draws} draws, seed {seed}, {sampler} sampling, {threads} thread(s), {seconds} s.",
    "zh-Hant": "蒙地卡羅模擬：{draws} 次抽樣，種子 {seed}，{sampler}抽樣，{threads} 個執行緒，{seconds} 秒。",
    "zh-Hans": "蒙特卡洛模拟：{draws} 次抽样，种子 {seed}，{sampler}抽样，{threads} 个线程，{seconds} 秒。",
  },
  "scenario.sampler.plain": { en: "plain", "zh-Hant": "簡單隨機", "zh-Hans": "简单随机" },
  "scenario.sampler.lhs": { en: "Latin Hypercube", "zh-Hant": "拉丁超立方", "zh-Hans": "拉丁超立方" },
  "scenario.sensitivity": {
    en: "What drives {output}: rank correlation with each driver and its share of the variance",
    "zh-Hant": "{output} 的驅動因素：與各驅動因素的秩相關及其方差貢獻",
    "zh-Hans": "{output} 的驱动因素：与各驱动因素的秩相关及其方差贡献",
  },
  "scenario.correlations": {
    en: "Rank correlations imposed (Iman–Conover): target → achieved",
    "zh-Hant": "施加的秩相關（Iman–Conover）：目標 → 實際",
    "zh-Hans": "施加的秩相关（Iman–Conover）：目标 → 实际",
  },
  "scenario.nonFinite": {
    en: "{n} draw(s) of {output} were not finite (a division by zero?) and were left out.",
    "zh-Hant": "{output} 有 {n} 次抽樣結果非有限值（除以零？），已剔除。",
    "zh-Hans": "{output} 有 {n} 次抽样结果非有限值（除以零？），已剔除。",
  },
  "scenario.cases": {
    en: "Deterministic outputs by scenario (every driver at its base value)",
    "zh-Hant": "各情景的確定性結果（所有驅動因素取基準值）",
    "zh-Hans": "各情景的确定性结果（所有驱动因素取基准值）",
  },
  "scenario.tornado": {
    en: "Tornado of {output} ({unit}): base {base}; distributions at P{low} and P{high}, constants over their range, all else at base",
    "zh-Hant": "{output}（{unit}）龍捲風圖：基準 {base}；分布取 P{low} 與 P{high}，常數取其範圍，其餘取基準值",
    "zh-Hans": "{output}（{unit}）龙卷风图：基准 {base}；分布取 P{low} 与 P{high}，常数取其范围，其余取基准值",
  },
  "scenario.grid": {
    en: "{output} ({unit}) by {y} (rows) and {x} (columns); base {base}",
    "zh-Hant": "{output}（{unit}）：{y}（行）× {x}（列）；基準 {base}",
    "zh-Hans": "{output}（{unit}）：{y}（行）× {x}（列）；基准 {base}",
  },
  "scenario.col.output": { en: "Output", "zh-Hant": "輸出", "zh-Hans": "输出" },
  "scenario.col.unit": { en: "Unit", "zh-Hant": "單位", "zh-Hans": "单位" },
  "scenario.col.mean": { en: "Mean", "zh-Hant": "均值", "zh-Hans": "均值" },
  "scenario.col.sd": { en: "SD", "zh-Hant": "標準差", "zh-Hans": "标准差" },
  "scenario.col.probAbove": { en: "P(> threshold)", "zh-Hant": "超過門檻機率", "zh-Hans": "超过门槛概率" },
  "scenario.col.driver": { en: "Driver", "zh-Hant": "驅動因素", "zh-Hans": "驱动因素" },
  "scenario.col.rank": { en: "Rank corr.", "zh-Hant": "秩相關", "zh-Hans": "秩相关" },
  "scenario.col.share": { en: "Share of variance", "zh-Hant": "方差貢獻", "zh-Hans": "方差贡献" },
  "scenario.col.low": { en: "Low input", "zh-Hant": "低值輸入", "zh-Hans": "低值输入" },
  "scenario.col.high": { en: "High input", "zh-Hant": "高值輸入", "zh-Hans": "高值输入" },
  "scenario.col.atLow": { en: "Output at low", "zh-Hant": "低值時輸出", "zh-Hans": "低值时输出" },
  "scenario.col.atHigh": { en: "Output at high", "zh-Hant": "高值時輸出", "zh-Hans": "高值时输出" },
  "scenario.col.swing": { en: "Swing", "zh-Hant": "擺幅", "zh-Hans": "摆幅" },
} as const satisfies Record<string, Record<Lang, string>>;
