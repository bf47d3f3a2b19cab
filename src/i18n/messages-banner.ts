import type { Lang } from "../models/common.js";

/** Messages of the dashboard's app-wide banner for a store holding the synthetic demo market (issue 13). */
export const BANNER_MESSAGES = {
  "dash.synthetic.store": {
    en: "Synthetic demo data: this store holds the demo market, whose prices, fundamentals and estimates are simulated, not real quotes. Results that use it are not real.",
    "zh-Hant": "合成示範資料：此資料庫載有示範市場，其價格、基本面與預測均為模擬，並非真實報價；使用這些資料的結果並不真實。",
    "zh-Hans": "合成演示数据：此数据库载有演示市场，其价格、基本面与预测均为模拟，并非真实报价；使用这些数据的结果并不真实。",
  },
} as const satisfies Record<string, Record<Lang, string>>;
