import { addDays } from "../../core/dates.js";
import type { Currency } from "../../models/common.js";
import type { Fundamental, Metric } from "../../models/fundamental.js";
import { checkRows, parseItemQuery, parseWire, providerSchemaError, type Fetcher, type ItemQuery, type TransformContext } from "../contract.js";
import { fiscalLabel, fiscalYearOf } from "../fiscal-periods.js";
import { dayOf, optionalCurrency, YAHOO_SYMBOL } from "./_common.js";
import { callYahoo, toJsonSafe, yahooClient } from "./client.js";
import { Stamped, YahooFundamentalsBody, YahooTimeSeriesPoints, type YahooKeyStatistics, type YahooTimeSeries } from "./wire.js";

/** Start of the range asked for when the query gives none (Yahoo returns what it has, a few years). */
const DEFAULT_FROM = "2010-01-01";

/**
 * Days after a period's end by which its figures are public at the latest: annual results within four months
 * (HKEX three months, SEC 10-K 60–90 days, 20-F four months, A-shares by 30 April), quarterly or interim ones
 * within three (HKEX interims two months, 10-Q 40 days, A-share interims two months). Yahoo gives no
 * announcement date, so a figure counts as known from this bound, or from the fetch date when that is earlier:
 * never before it could have been known (no look-ahead in as-of comps), at worst a few weeks late.
 */
export const PUBLICATION_LAG_DAYS = { annual: 120, quarterly: 90 } as const;

/** Statement items rerate keeps, by Yahoo's name (the first name present wins), with how a listing scales them. */
const ITEMS: readonly { names: readonly string[]; metric: Metric; kind: "currency" | "perShare" | "shares" }[] = [
  { names: ["totalRevenue"], metric: "revenue", kind: "currency" },
  { names: ["grossProfit"], metric: "grossProfit", kind: "currency" },
  { names: ["operatingIncome"], metric: "operatingIncome", kind: "currency" },
  // Net income attributable to ordinary shareholders: what EPS divides.
  { names: ["netIncomeCommonStockholders", "netIncome"], metric: "netIncome", kind: "currency" },
  { names: ["EBITDA"], metric: "ebitda", kind: "currency" },
  { names: ["EBIT"], metric: "ebit", kind: "currency" },
  { names: ["basicEPS"], metric: "epsBasic", kind: "perShare" },
  { names: ["dilutedEPS"], metric: "epsDiluted", kind: "perShare" },
  { names: ["basicAverageShares"], metric: "sharesBasic", kind: "shares" },
  { names: ["dilutedAverageShares"], metric: "sharesDiluted", kind: "shares" },
];

/**
 * Reported fundamentals from Yahoo: the annual and quarterly income statements (the fundamentals time
 * series: revenue, gross and operating profit, net income to ordinary shareholders, EBITDA, EBIT, basic
 * and diluted EPS and average shares) and the current shares outstanding (key statistics). This is the source
 * for listings no SEC filing covers (0700.HK, 3690.HK, 688256.SS …).
 *
 * Units: Yahoo states per-share figures and share counts per listing unit (per ADS for BABA): rows are per
 * ordinary share (EPS ÷ sharesPerListing, shares × sharesPerListing). Money is in the issuer's reporting
 * currency (financialData.financialCurrency, else the listing's known reporting currency): Yahoo's per-item
 * currency codes are not used, as they label BABA's RMB EPS and share counts "USD". Periods are named by the
 * fiscal calendar (FY2024; 2024Q3 for Alibaba's December quarter; 2024H1 for a half-yearly reporter's interim).
 * A figure is known from its period end plus {@link PUBLICATION_LAG_DAYS}, or from the fetch date if earlier;
 * the current share count from the fetch date. Yahoo shows each period as it stands at the fetch, so a later
 * restatement of an old period is stamped with that period's date (SEC rows carry their filing dates instead).
 */
export const yahooFundamentals: Fetcher<"fundamentals"> = {
  model: "fundamentals",
  description: "annual and quarterly income statements (revenue … EPS, average shares) and shares outstanding, per ordinary share",
  ttlSeconds: 24 * 3600,
  parseQuery: (p) => parseItemQuery(p, YAHOO_SYMBOL),
  cacheKey: (q) => `fundamentals ${q.symbol} ${q.from ?? ""} ${q.to ?? ""}`,
  async extract(q, ctx) {
    const client = yahooClient(ctx.http);
    const summary = await callYahoo("fundamentals", q.symbol, () => client.quoteSummary(q.symbol, { modules: ["defaultKeyStatistics", "financialData"] }, { validateResult: false }));
    const from = q.from ?? DEFAULT_FROM;
    const to = addDays(q.to ?? ctx.asOf, 1);
    const series = (kind: "annual" | "quarterly") => callYahoo("fundamentals", q.symbol, () => ctx.http.json({ provider: "yahoo", url: timeSeriesUrl(q.symbol, kind, from, to) }));
    const annual = await series("annual");
    const quarterly = await series("quarterly");
    return { fetchedAt: ctx.now().toISOString(), body: toJsonSafe({ summary, annual, quarterly }) };
  },
  transform(q, raw, ctx) {
    const { fetchedAt, body: answer } = parseWire("yahoo", "fundamentals", Stamped, raw);
    const body = parseWire("yahoo", "fundamentals", YahooFundamentalsBody, answer);
    const fetched = dayOf(fetchedAt);
    const ks = body.summary.defaultKeyStatistics;
    const currency = optionalCurrency(body.summary.financialData?.financialCurrency) ?? ctx.listing?.reportingCurrency;
    const annual = statementsOf(body.annual, "annual");
    const quarterly = statementsOf(body.quarterly, "quarterly");
    const yearEnds = fiscalYearEnds(annual.map((r) => r.end).sort(), ks);
    const rows: Fundamental[] = [];
    const add = (r: Statement, isAnnual: boolean) => {
      if (!inRange(q, r.end) || r.end > fetched) return;
      const label = isAnnual ? (r.periodType === undefined || r.periodType === "12M" ? `FY${fiscalYearOf(r.end)}` : undefined) : periodLabel(yearEnds, r.end, r.periodType);
      if (label === undefined) return;
      rows.push(...statementRows(r, { entity: ctx.listing?.id ?? q.symbol, label, end: r.end, fetched, annual: isAnnual, currency, ctx }));
    };
    for (const r of annual) add(r, true);
    for (const r of quarterly) add(r, false);
    const shares = sharesOutstanding(ks, fetched, yearEnds, q, ctx);
    if (shares) rows.push(shares);
    return checkRows("yahoo", "fundamentals", rows);
  },
};

/**
 * The fiscal period of a row of the quarterly series: a quarter (3M, or no period type), or a half for issuers
 * that report half-yearly (6M interim or second half: 2025H1, 2025H2, never summed as a quarter); anything else
 * is left out.
 */
function periodLabel(yearEnds: readonly string[], end: string, periodType: string | undefined): string | undefined {
  const quarter = fiscalLabel(yearEnds, end, false);
  if (quarter === undefined || periodType === undefined || periodType === "3M") return quarter;
  if (periodType !== "6M") return undefined;
  const m = /^(\d{4})Q([24])$/.exec(quarter);
  return m ? `${m[1]}H${m[2] === "2" ? 1 : 2}` : undefined;
}

/**
 * Yahoo's fundamentals time series of the kept items, asked for directly through rerate's HTTP layer (no
 * crumb needed): yahoo-finance2's wrapper drops zero values and the period type, and can log to stdout.
 */
function timeSeriesUrl(symbol: string, kind: "annual" | "quarterly", from: string, to: string): string {
  const seconds = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / 1000);
  const types = ITEMS.flatMap((i) => i.names).map((n) => kind + n[0]!.toUpperCase() + n.slice(1));
  return `https://query1.finance.yahoo.com/ws/fundamentals-timeseries/v1/finance/timeseries/${encodeURIComponent(symbol)}`
    + `?merge=false&padTimeSeries=true&period1=${seconds(from)}&period2=${seconds(to)}&type=${types.join(",")}&lang=en-US&region=US`;
}

/** One reported period: its end, period type (12M, 6M, 3M) and values by item name (totalRevenue, dilutedEPS …). */
interface Statement {
  end: string;
  periodType: string | undefined;
  values: Map<string, unknown>;
}

/** The periods of a time-series answer, values gathered by period end and type (items Yahoo lacks are simply absent). */
function statementsOf(answer: YahooTimeSeries, kind: "annual" | "quarterly"): Statement[] {
  const byEnd = new Map<string, Statement>();
  for (const result of answer.timeseries.result) {
    const type = result.meta.type[0]!;
    if (!type.startsWith(kind) || result[type] === undefined) continue;
    const short = type.slice(kind.length);
    const name = short === short.toUpperCase() ? short : short[0]!.toLowerCase() + short.slice(1); // EBITDA stays, BasicEPS → basicEPS
    const points = parseWire("yahoo", "fundamentals", YahooTimeSeriesPoints, result[type]);
    for (const p of points) {
      if (p === null) continue;
      // A period is its end and length: a half-yearly reporter's 6M interim and a 12M year can end on one date.
      const key = `${p.asOfDate} ${p.periodType ?? ""}`;
      let st = byEnd.get(key);
      if (st === undefined) byEnd.set(key, (st = { end: p.asOfDate, periodType: p.periodType, values: new Map() }));
      st.values.set(name, p.reportedValue.raw);
    }
  }
  return [...byEnd.values()].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
}

const inRange = (q: ItemQuery, day: string) => (q.from === undefined || day >= q.from) && (q.to === undefined || day <= q.to);

/**
 * Fiscal year ends around the data: the annual periods' ends, and the month and day of the latest known year
 * end (annual data, else key statistics) repeated over the years the quarters span, so that every quarter finds
 * its year. (A 52–53-week year ending on a weekday near the date is within fiscalLabel's tolerance.)
 */
function fiscalYearEnds(annualEnds: readonly string[], ks: YahooKeyStatistics["defaultKeyStatistics"]): string[] {
  const known = [...annualEnds, ...[ks.lastFiscalYearEnd, ks.nextFiscalYearEnd].filter((d): d is string => typeof d === "string").map(dayOf)].sort();
  const latest = known[known.length - 1];
  if (latest === undefined) return [];
  const monthDay = latest.slice(5) === "02-29" ? "02-28" : latest.slice(5);
  const years = known.map((d) => Number(d.slice(0, 4)));
  const out = new Set(annualEnds);
  for (let y = Math.min(...years) - 12; y <= Math.max(...years) + 1; y++) {
    const d = `${y}-${monthDay}`;
    if (!annualEnds.some((e) => Math.abs(Date.parse(e) - Date.parse(d)) <= 7 * 86_400_000)) out.add(d);
  }
  return [...out].sort();
}

interface RowSetting {
  entity: string;
  label: string;
  end: string;
  fetched: string;
  annual: boolean;
  currency: Currency | undefined;
  ctx: TransformContext;
}

/** The kept items of one statement period as rows, scaled per ordinary share. */
function statementRows(r: Statement, s: RowSetting): Fundamental[] {
  const perListing = s.ctx.listing?.sharesPerListing ?? 1;
  const lag = s.annual ? PUBLICATION_LAG_DAYS.annual : PUBLICATION_LAG_DAYS.quarterly;
  const bound = addDays(s.end, lag);
  const knownFrom = bound < s.fetched ? bound : s.fetched;
  const when = bound < s.fetched ? `known from period end + ${lag} days (the latest it is public; Yahoo gives no announcement date)` : `known from the fetch date`;
  const out: Fundamental[] = [];
  for (const item of ITEMS) {
    const name = item.names.find((n) => r.values.get(n) !== undefined && r.values.get(n) !== null);
    if (name === undefined) continue;
    const v = r.values.get(name);
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw providerSchemaError("yahoo", "fundamentals", `${s.annual ? "annual" : "quarterly"} ${name} of ${s.end}`, "is not a finite number", String(v));
    }
    if (item.kind !== "shares" && s.currency === undefined) continue;
    const value = item.kind === "perShare" ? v / perListing : item.kind === "shares" ? v * perListing : v;
    const scaled = perListing === 1 || item.kind === "currency" ? "" : item.kind === "perShare" ? `, per listing unit ÷ ${perListing}` : `, listing units × ${perListing}`;
    out.push({
      entity: s.entity, metric: item.metric, fiscalPeriod: s.label, periodEnd: s.end, value,
      ...(item.kind === "shares" ? {} : { currency: s.currency }),
      unit: item.kind,
      knownFrom,
      reference: `Yahoo fundamentals time series, ${s.annual ? "annual" : "quarterly"} ${name}${scaled}; ${when}`,
    });
  }
  return out;
}

/**
 * Shares outstanding from key statistics: Yahoo counts listing units (ADS for BABA), rerate ordinary shares
 * (× sharesPerListing). The count is current: it is stored for the latest reported quarter with the fetch
 * date as knownFrom.
 */
function sharesOutstanding(ks: YahooKeyStatistics["defaultKeyStatistics"], fetched: string, yearEnds: readonly string[], q: ItemQuery, ctx: TransformContext): Fundamental | undefined {
  if (typeof ks.sharesOutstanding !== "number" || !(ks.sharesOutstanding > 0)) return undefined;
  const end = ks.mostRecentQuarter ? dayOf(ks.mostRecentQuarter) : fetched;
  const label = fiscalLabel(yearEnds, end, true);
  if (label === undefined || end > fetched) return undefined;
  const perListing = ctx.listing?.sharesPerListing ?? 1;
  return {
    entity: ctx.listing?.id ?? q.symbol, metric: "sharesOutstanding", fiscalPeriod: label, periodEnd: end,
    value: ks.sharesOutstanding * perListing, unit: "shares", knownFrom: fetched,
    reference: `Yahoo key statistics as of ${fetched}${perListing !== 1 ? `, listing units × ${perListing}` : ""}`,
  };
}
