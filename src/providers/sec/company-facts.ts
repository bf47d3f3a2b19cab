import { InvalidInputError, RerateError } from "../../errors.js";
import { checkRows, parseItemQuery, parseWire, type ExtractContext, type Fetcher, type ItemQuery, type TransformContext } from "../contract.js";
import { ProviderHttpError } from "../http.js";
import { MAPPED_CONCEPTS } from "./concepts.js";
import { resolveCik } from "./tickers.js";
import { toFundamentals } from "./to-fundamentals.js";
import { SEC_USER_AGENT_ENV } from "./user-agent.js";
import { SecCompanyFacts, SecCompanyFactsOuter } from "./wire.js";

const FACTS_URL = (cik: string) => `https://data.sec.gov/api/xbrl/companyfacts/CIK${cik}.json`;

/** A US ticker (AAPL, BRK-B), or a CIK (CIK0001045810, 1045810); listings on other exchanges (9988.HK) are not SEC's. */
const SEC_SYMBOL = /^(?:(?:CIK)?\d{1,10}|[A-Za-z][A-Za-z0-9-]{0,9})$/i;

/** Whether the SEC could serve this symbol (a US ticker or a CIK). */
export function isSecSymbol(symbol: string): boolean {
  return SEC_SYMBOL.test(symbol.trim());
}

function headers(ctx: ExtractContext): Record<string, string> {
  const ua = ctx.credential(SEC_USER_AGENT_ENV);
  if (ua === undefined) throw new RerateError("E_MISSING_CREDENTIAL", `sec: set ${SEC_USER_AGENT_ENV} (your name and e-mail, as the SEC requires)`);
  return { "User-Agent": ua, Accept: "application/json" };
}

/** The concepts rerate maps of a companyfacts document (its outer shape checked), unchecked. */
export function pickMappedConcepts(outer: SecCompanyFactsOuter): unknown {
  const facts: Record<string, Record<string, unknown>> = {};
  for (const [tax, concepts] of Object.entries(outer.facts)) {
    for (const [name, concept] of Object.entries(concepts)) {
      if (!MAPPED_CONCEPTS.has(`${tax}:${name}`)) continue;
      (facts[tax] ??= {})[name] = concept;
    }
  }
  return { cik: outer.cik, entityName: outer.entityName, facts };
}

/**
 * Keeps the concepts rerate maps (the rest of a 4 MB document is never cached), checked: the same step for a
 * fetched document and for one saved from EDGAR (`rerate import sec`).
 * @throws RerateError E_PROVIDER_SCHEMA naming the first field not in the SEC's shape.
 */
export function keepMappedConcepts(raw: unknown): SecCompanyFacts {
  const outer = parseWire("sec", "fundamentals", SecCompanyFactsOuter, raw);
  return parseWire("sec", "fundamentals", SecCompanyFacts, pickMappedConcepts(outer));
}

/**
 * SEC EDGAR XBRL company facts → fundamentals: annual and quarterly revenue, profits, EPS, share counts, cash,
 * debt, equity, cash flows and dividends, each with its fiscal period, period end, currency and filing date.
 */
export const secCompanyFacts: Fetcher<"fundamentals"> = {
  model: "fundamentals",
  description: "XBRL company facts (10-K, 10-Q, 20-F): revenue, margins, EPS, shares, cash, debt, equity, cash flow, dividends; knownFrom = filing date",
  ttlSeconds: 24 * 3600,
  parseQuery: (params: ItemQuery) => {
    const q = parseItemQuery(params);
    if (!isSecSymbol(q.symbol)) throw InvalidInputError.at({ column: "symbol", value: q.symbol, reason: "is not a US ticker or a CIK: the SEC serves US filers only" });
    return q;
  },
  cacheKey: (q) => `companyfacts ${q.symbol.toUpperCase()}`,
  async extract(q, ctx) {
    const h = headers(ctx);
    const { cik } = await resolveCik(q.symbol, ctx, h);
    try {
      return keepMappedConcepts(await ctx.http.json({ provider: "sec", url: FACTS_URL(cik), headers: h }));
    } catch (e) {
      if (e instanceof ProviderHttpError && e.status === 404) {
        throw new RerateError("E_NOT_FOUND", `sec: no XBRL company facts for ${q.symbol} (CIK ${cik})`);
      }
      throw e;
    }
  },
  transform(q, raw, ctx: TransformContext) {
    const facts = parseWire("sec", "fundamentals", SecCompanyFacts, raw);
    const entity = ctx.listing?.issuer ?? ctx.listing?.id ?? q.symbol.toUpperCase();
    return checkRows("sec", "fundamentals", toFundamentals(facts, { entity, from: q.from, to: q.to, sharesPerListing: ctx.listing?.sharesPerListing }).rows);
  },
};
