import { z } from "zod";

// Yahoo's wire shapes as yahoo-finance2 hands them over (JSON-safe: its Dates become ISO strings). They never
// leave this folder. Objects are deliberately not strict: Yahoo adds fields all the time; only the fields
// rerate reads are checked, and a missing or mistyped one is an E_PROVIDER_SCHEMA naming it.

const Instant = z.iso.datetime({ offset: true });
const num = z.number().finite();
const optNum = num.nullable().optional();

/** chart() with `return: "array"`: meta plus one quote per bar. */
export const YahooChart = z.object({
  meta: z.object({
    symbol: z.string().min(1),
    currency: z.string().min(1),
    exchangeTimezoneName: z.string().min(1),
    regularMarketTime: Instant.optional(),
    currentTradingPeriod: z.object({ regular: z.object({ start: Instant, end: Instant }) }).optional(),
  }),
  quotes: z.array(z.object({
    date: Instant,
    open: optNum,
    high: optNum,
    low: optNum,
    close: optNum,
    adjclose: optNum,
    volume: optNum,
  })),
});
export type YahooChart = z.infer<typeof YahooChart>;

/** Raw data of a chart fetch: the chart and when it was fetched (to tell a finished session from a live one). */
export const YahooChartRaw = z.object({ fetchedAt: Instant, chart: YahooChart });

/** Raw data of a snapshot fetch: Yahoo's answer (checked on its own) and when it was fetched (its as-of date). */
export const Stamped = z.object({ fetchedAt: Instant, body: z.unknown() });

const Estimate = z.object({
  avg: optNum,
  numberOfAnalysts: optNum,
  earningsCurrency: z.string().nullable().optional(),
  revenueCurrency: z.string().nullable().optional(),
});

/** quoteSummary modules earningsTrend (and defaultKeyStatistics for the fiscal calendar). */
export const YahooEarningsTrend = z.object({
  earningsTrend: z.object({
    trend: z.array(z.object({
      period: z.string().min(1),
      endDate: Instant.nullable().optional(),
      earningsEstimate: Estimate.optional(),
      revenueEstimate: Estimate.optional(),
    })),
  }),
});
export type YahooEarningsTrend = z.infer<typeof YahooEarningsTrend>;

/** quoteSummary module defaultKeyStatistics: the fields rerate reads. */
export const YahooKeyStatistics = z.object({
  defaultKeyStatistics: z.object({
    sharesOutstanding: optNum,
    lastFiscalYearEnd: Instant.nullable().optional(),
    nextFiscalYearEnd: Instant.nullable().optional(),
    mostRecentQuarter: Instant.nullable().optional(),
  }),
});
export type YahooKeyStatistics = z.infer<typeof YahooKeyStatistics>;

/** quoteSummary module financialData: the currency the issuer reports in. */
export const YahooFinancialData = z.object({
  financialData: z.object({ financialCurrency: z.string().nullable().optional() }).optional(),
});

/** One reported value of Yahoo's fundamentals time series (null where Yahoo pads a missing period). */
const TimeSeriesPoint = z.object({
  asOfDate: z.iso.date(),
  periodType: z.string().min(1).optional(),
  reportedValue: z.object({ raw: z.unknown() }),
}).nullable();

/**
 * The raw answer of Yahoo's fundamentals-timeseries endpoint: one result per requested item, named by
 * `meta.type[0]` (annualTotalRevenue …), its values under that same key (absent when Yahoo has none).
 */
export const YahooTimeSeries = z.object({
  timeseries: z.object({
    result: z.array(z.object({ meta: z.object({ type: z.array(z.string().min(1)).min(1) }) }).catchall(z.unknown())),
  }),
});
export type YahooTimeSeries = z.infer<typeof YahooTimeSeries>;
export const YahooTimeSeriesPoints = z.array(TimeSeriesPoint);

/** What the fundamentals fetcher keeps: key statistics and financial data, and the annual and quarterly statements. */
export const YahooFundamentalsBody = z.object({
  summary: YahooKeyStatistics.and(YahooFinancialData),
  annual: YahooTimeSeries,
  quarterly: YahooTimeSeries,
});

/** quote(): one quote object. */
export const YahooQuote = z.object({
  symbol: z.string().min(1),
  currency: z.string().min(1),
  regularMarketPrice: num,
  regularMarketTime: Instant,
  marketState: z.string().nullable().optional(),
  marketCap: optNum,
  sharesOutstanding: optNum,
  epsTrailingTwelveMonths: optNum,
  epsForward: optNum,
  financialCurrency: z.string().nullable().optional(),
});
