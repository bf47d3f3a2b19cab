import { addDays } from "../../core/dates.js";
import type { Estimate } from "../../models/fundamental.js";
import { checkRows, parseItemQuery, parseWire, type Fetcher } from "../contract.js";
import { fiscalLabel, fiscalYearOf } from "../fiscal-periods.js";
import { dayOf, optionalCurrency, YAHOO_SYMBOL } from "./_common.js";
import { callYahoo, toJsonSafe, yahooClient } from "./client.js";
import { Stamped, YahooEarningsTrend } from "./wire.js";

/** Yahoo's trend periods rerate keeps: this and next quarter, this and next fiscal year. */
const PERIODS = new Set(["0q", "+1q", "0y", "+1y"]);

/**
 * Consensus EPS and revenue estimates (quoteSummary earningsTrend) for this and next fiscal quarter and year.
 * Yahoo states EPS per listing unit (per ADS for BABA): rows are per ordinary share (÷ sharesPerListing) so that
 * rerate's per-listing scaling holds; they are stored against the listing, observed on the date they were fetched.
 */
export const yahooEstimates: Fetcher<"estimates"> = {
  model: "estimates",
  description: "consensus EPS and revenue estimates for this/next fiscal quarter and year (earningsTrend), per ordinary share",
  ttlSeconds: 24 * 3600,
  parseQuery: (p) => parseItemQuery(p, YAHOO_SYMBOL),
  cacheKey: (q) => `earningsTrend ${q.symbol}`,
  async extract(q, ctx) {
    const r = await callYahoo("estimates", q.symbol, () => yahooClient(ctx.http).quoteSummary(q.symbol, { modules: ["earningsTrend"] }, { validateResult: false }));
    return { fetchedAt: ctx.now().toISOString(), body: toJsonSafe(r) };
  },
  transform(q, raw, ctx) {
    const { fetchedAt, body: answer } = parseWire("yahoo", "estimates", Stamped, raw);
    const body = parseWire("yahoo", "estimates", YahooEarningsTrend, answer);
    const trend = body.earningsTrend.trend;
    const asOf = dayOf(fetchedAt);
    const years = trend.filter((t) => /y$/.test(t.period) && t.endDate).map((t) => dayOf(t.endDate!));
    const yearEnds = [...new Set(years.flatMap((y) => [addDays(y, -365), y]))].sort();
    const perListing = ctx.listing?.sharesPerListing ?? 1;
    const entity = ctx.listing?.id ?? q.symbol;
    const rows: Estimate[] = [];
    trend.forEach((t) => {
      if (!PERIODS.has(t.period) || !t.endDate) return;
      const end = dayOf(t.endDate);
      const label = t.period.endsWith("y") ? `FY${fiscalYearOf(end)}` : fiscalLabel(yearEnds, end, false);
      if (label === undefined) return;
      const base = { entity, fiscalPeriod: label, periodEnd: end, asOf, estimator: "consensus" };
      const eps = t.earningsEstimate;
      const epsCcy = optionalCurrency(eps?.earningsCurrency) ?? ctx.listing?.reportingCurrency;
      if (typeof eps?.avg === "number" && epsCcy !== undefined) {
        rows.push({ ...base, metric: "epsDiluted", value: eps.avg / perListing, currency: epsCcy, unit: "perShare",
          reference: `Yahoo earningsTrend ${t.period}${typeof eps.numberOfAnalysts === "number" ? `, ${eps.numberOfAnalysts} analysts` : ""}${perListing !== 1 ? `, per listing ÷ ${perListing}` : ""}` });
      }
      const rev = t.revenueEstimate;
      const revCcy = optionalCurrency(rev?.revenueCurrency) ?? ctx.listing?.reportingCurrency;
      if (typeof rev?.avg === "number" && revCcy !== undefined) {
        rows.push({ ...base, metric: "revenue", value: rev.avg, currency: revCcy, unit: "currency",
          reference: `Yahoo earningsTrend ${t.period}${typeof rev.numberOfAnalysts === "number" ? `, ${rev.numberOfAnalysts} analysts` : ""}` });
      }
    });
    return checkRows("yahoo", "estimates", rows);
  },
};
