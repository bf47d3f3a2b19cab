import { InvalidInputError } from "../../errors.js";

/**
 * Header aliases per field, compared after {@link normalizeHeader}. English as Yahoo, yfinance and common
 * terminals write them; Chinese as Wind, Choice, eastmoney, Tushare, HKEX and Yahoo HK exports write them
 * (Simplified and Traditional).
 */
export const FIELD_ALIASES: Record<string, readonly string[]> = {
  // prices
  date: ["date", "datetime", "time", "timestamp", "trade date", "trading date", "tradedate", "日期", "交易日期", "交易日", "时间", "時間"],
  open: ["open", "open price", "开盘", "开盘价", "開盤", "開盤價", "开市", "開市", "開市價"],
  high: ["high", "high price", "最高", "最高价", "最高價"],
  low: ["low", "low price", "最低", "最低价", "最低價"],
  close: ["close", "close price", "closing price", "last", "price", "收盘", "收盘价", "收盤", "收盤價", "收市", "收市价", "收市價"],
  adjClose: ["adj close", "adjclose", "adjusted close", "adj_close", "adj. close", "复权收盘价", "后复权收盘价", "前复权收盘价", "調整後收盤價", "调整后收盘价", "复权价", "復權價"],
  volume: ["volume", "vol", "成交量", "成交股数", "成交股數"],
  security: ["symbol", "ticker", "security", "code", "证券代码", "證券代碼", "股票代码", "股票代碼", "代码", "代碼"],
  currency: ["currency", "ccy", "币种", "幣種", "货币", "貨幣"],
  // fundamentals / estimates
  entity: ["entity", "issuer", "company"],
  metric: ["metric", "item", "指标", "指標"],
  fiscalPeriod: ["fiscal period", "fiscal_period", "fiscalperiod", "period", "报告期", "報告期"],
  periodEnd: ["period end", "period_end", "periodend", "end date", "截止日期"],
  value: ["value", "amount", "数值", "數值"],
  unit: ["unit", "单位", "單位"],
  knownFrom: ["known from", "known_from", "knownfrom", "filed", "filing date", "filing_date", "announcement date", "公告日期"],
  asOf: ["as of", "as_of", "asof", "estimate date"],
  estimator: ["estimator", "broker", "analyst"],
  source: ["source", "来源", "來源"],
  // fx
  base: ["base", "from"],
  quote: ["quote", "to"],
  rate: ["rate", "fx", "汇率", "匯率"],
  pair: ["pair", "currency pair"],
};

/** Lower-cases, trims, folds full-width spaces and underscores/hyphens to spaces and strips a BOM. */
export function normalizeHeader(h: string): string {
  return h.replace(/^\uFEFF/, "").replace(/[\u3000_-]/g, " ").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Parses `--map date=交易日期,close=收盘` into field → header text.
 * @throws InvalidInputError on a malformed pair or an unknown field.
 */
export function parseColumnMap(spec: string | undefined, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const part of spec.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || eq === part.length - 1) {
      throw new InvalidInputError(`--map: "${part}" is not FIELD=HEADER (e.g. --map date=交易日期,close=收盘)`, [{ column: "--map", value: part, reason: "is not FIELD=HEADER" }]);
    }
    const field = part.slice(0, eq).trim();
    if (!fields.includes(field)) {
      throw new InvalidInputError(`--map: unknown field "${field}"; fields are ${fields.join(", ")}`, [{ column: "--map", value: field, reason: "is not a field" }]);
    }
    out[field] = part.slice(eq + 1).trim();
  }
  return out;
}

/**
 * Finds the column index of each field in a header row: an explicit `--map` entry first, then aliases.
 * Unlisted headers are ignored (reported back in `unused`); `--map` entries whose header the row does not
 * hold are listed in `unmatched` (the caller refuses the file: a mapping the user asked for must not be
 * silently dropped).
 */
export function resolveColumns(
  header: readonly string[],
  fields: readonly string[],
  map: Record<string, string> = {},
): { index: Record<string, number>; unused: string[]; unmatched: string[] } {
  const norm = header.map(normalizeHeader);
  const index: Record<string, number> = {};
  const taken = new Set<number>();
  const unmatched: string[] = [];
  for (const f of fields) {
    const mapped = map[f];
    if (mapped !== undefined) {
      const i = norm.indexOf(normalizeHeader(mapped));
      if (i >= 0) {
        index[f] = i;
        taken.add(i);
      } else {
        unmatched.push(f);
      }
    }
  }
  for (const f of fields) {
    if (index[f] !== undefined || map[f] !== undefined) continue;
    const aliases = FIELD_ALIASES[f] ?? [f.toLowerCase()];
    const i = norm.findIndex((h, j) => !taken.has(j) && (aliases.includes(h) || h === f.toLowerCase()));
    if (i >= 0) {
      index[f] = i;
      taken.add(i);
    }
  }
  const unused = header.filter((_, j) => !taken.has(j) && header[j] !== "");
  return { index, unused, unmatched };
}
