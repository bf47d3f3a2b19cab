import type { Fundamental } from "../../models/fundamental.js";
import { checkRows, parseItemQuery, parseWire, type Fetcher } from "../contract.js";
import { fiscalLabel } from "../fiscal-periods.js";
import { dayOf, YAHOO_SYMBOL } from "./_common.js";
import { callYahoo, toJsonSafe, yahooClient } from "./client.js";
import { Stamped, YahooKeyStatistics } from "./wire.js";

/**
 * Shares outstanding from key statistics (quoteSummary defaultKeyStatistics): Yahoo counts listing units (ADS
 * for BABA), rerate ordinary shares (× sharesPerListing). The count is current: it is stored for the latest
 * reported quarter with the fetch date as knownFrom.
 */
export const yahooShares: Fetcher<"fundamentals"> = {
  model: "fundamentals",
  description: "shares outstanding (key statistics), in ordinary shares, as of the fetch date",
  ttlSeconds: 24 * 3600,
  parseQuery: (p) => parseItemQuery(p, YAHOO_SYMBOL),
  cacheKey: (q) => `defaultKeyStatistics ${q.symbol}`,
  async extract(q, ctx) {
    const r = await callYahoo("fundamentals", q.symbol, () => yahooClient(ctx.http).quoteSummary(q.symbol, { modules: ["defaultKeyStatistics"] }, { validateResult: false }));
    return { fetchedAt: ctx.now().toISOString(), body: toJsonSafe(r) };
  },
  transform(q, raw, ctx) {
    const { fetchedAt, body: answer } = parseWire("yahoo", "fundamentals", Stamped, raw);
    const body = parseWire("yahoo", "fundamentals", YahooKeyStatistics, answer);
    const ks = body.defaultKeyStatistics;
    const asOf = dayOf(fetchedAt);
    if (typeof ks.sharesOutstanding !== "number" || !(ks.sharesOutstanding > 0)) return [];
    const periodEnd = ks.mostRecentQuarter ? dayOf(ks.mostRecentQuarter) : asOf;
    const yearEnds = [ks.lastFiscalYearEnd, ks.nextFiscalYearEnd].filter((d): d is string => typeof d === "string").map(dayOf).sort();
    const label = fiscalLabel(yearEnds, periodEnd, true);
    if (label === undefined || periodEnd > asOf) return [];
    const perListing = ctx.listing?.sharesPerListing ?? 1;
    const row: Fundamental = {
      entity: ctx.listing?.id ?? q.symbol, metric: "sharesOutstanding", fiscalPeriod: label, periodEnd,
      value: ks.sharesOutstanding * perListing, unit: "shares", knownFrom: asOf,
      reference: `Yahoo key statistics as of ${asOf}${perListing !== 1 ? `, listing units × ${perListing}` : ""}`,
    };
    return checkRows("yahoo", "fundamentals", [row]);
  },
};
