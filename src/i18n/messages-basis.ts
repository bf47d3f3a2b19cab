import type { Lang } from "../models/common.js";

/** Messages of price bases (adjusted vs raw closes) and of the synthetic demo's separation from real work. */
export const BASIS_MESSAGES = {
  "synthetic.notice": {
    en: "Note: store {path} holds the SYNTHETIC DEMO market (made-up prices and figures); results that use it are not real.",
    "zh-Hant": "注意：資料庫 {path} 含有合成示範市場（虛構的價格與數字）；使用它的結果並非真實數據。",
    "zh-Hans": "注意：数据库 {path} 含有合成示范市场（虚构的价格与数字）；使用它的结果并非真实数据。",
  },
  "demo.store": {
    en: "The demo lives in its own store {path}; explore it with --db {path} (your own data stays in the default store).",
    "zh-Hant": "示範資料存放在獨立的資料庫 {path}；以 --db {path} 查看（你自己的資料仍在預設資料庫中）。",
    "zh-Hans": "示范数据存放在独立的数据库 {path}；以 --db {path} 查看（你自己的数据仍在默认数据库中）。",
  },
  "prices.basis": {
    en: "{security}: {basis} closes ({detail}).",
    "zh-Hant": "{security}：{basis}收盤價（{detail}）。",
    "zh-Hans": "{security}：{basis}收盘价（{detail}）。",
  },
  "basis.raw": { en: "raw", "zh-Hant": "未調整", "zh-Hans": "未调整" },
  "basis.adjusted": { en: "adjusted", "zh-Hant": "已調整", "zh-Hans": "已调整" },
  "basis.raw.detail": {
    en: "Close as traded; Adj Close, where shown, is split- and dividend-adjusted",
    "zh-Hant": "收盤價為實際成交價；如有 Adj Close，則為經拆股及股息調整的收盤價",
    "zh-Hans": "收盘价为实际成交价；如有 Adj Close，则为经拆股及股息调整的收盘价",
  },
  "basis.adjusted.detail": {
    en: "Close is already split- and dividend-adjusted; no raw close is stored",
    "zh-Hant": "收盤價已經拆股及股息調整；未儲存未調整收盤價",
    "zh-Hans": "收盘价已经拆股及股息调整；未存储未调整收盘价",
  },
  "events.priceFields": {
    en: "Closes used (security / benchmark): {list}; adjusted = split- and dividend-adjusted (total return), close = as traded.",
    "zh-Hant": "所用收盤價（證券／基準）：{list}；adjusted = 經拆股及股息調整（總回報），close = 實際成交價。",
    "zh-Hans": "所用收盘价（证券／基准）：{list}；adjusted = 经拆股及股息调整（总回报），close = 实际成交价。",
  },
} as const satisfies Record<string, Record<Lang, string>>;
