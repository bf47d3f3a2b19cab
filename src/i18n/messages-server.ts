import type { Lang } from "../models/common.js";

/** Messages of `rerate serve` and of the store's lock (CLI beside a running server). */
export const SERVER_MESSAGES = {
  "store.waiting": {
    en: "Store {path} is in use by {holder}; waiting up to {seconds} s for it (--lock-wait SECONDS or RERATE_LOCK_WAIT to change) …",
    "zh-Hant": "資料庫 {path} 正由 {holder} 使用；最多等待 {seconds} 秒（以 --lock-wait 秒數 或 RERATE_LOCK_WAIT 調整）……",
    "zh-Hans": "数据库 {path} 正由 {holder} 使用；最多等待 {seconds} 秒（以 --lock-wait 秒数 或 RERATE_LOCK_WAIT 调整）……",
  },
  "serve.publicWarning": {
    en: "Warning: listening on {host}, which other machines can reach. Every API request must carry the token (Authorization: Bearer …); the dashboard gets it from the one-time link below. Bind 127.0.0.1 unless you mean it.",
    "zh-Hant": "警告：正在 {host} 監聽，其他機器可以連線。每個 API 請求都須附上權杖（Authorization: Bearer …）；儀表板經由下方的一次性連結取得權杖。除非確有需要，請綁定 127.0.0.1。",
    "zh-Hans": "警告：正在 {host} 监听，其他机器可以连接。每个 API 请求都须附上令牌（Authorization: Bearer …）；仪表板经由下方的一次性链接获取令牌。除非确有需要，请绑定 127.0.0.1。",
  },
  "serve.token": {
    en: "Token (shown once): {token}\nDashboard: {url}",
    "zh-Hant": "權杖（僅顯示一次）：{token}\n儀表板：{url}",
    "zh-Hans": "令牌（仅显示一次）：{token}\n仪表板：{url}",
  },
} as const satisfies Record<string, Record<Lang, string>>;
