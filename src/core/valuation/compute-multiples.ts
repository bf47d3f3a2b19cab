import { InvalidInputError } from "../../errors.js";
import { isIsoDate } from "../dates.js";
import { dividendYield } from "./dividend-yield.js";
import { earningsYield } from "./earnings-yield.js";
import { enterpriseValue } from "./enterprise-value.js";
import { evToEbitda } from "./ev-to-ebitda.js";
import { evToSales } from "./ev-to-sales.js";
import { forwardPE } from "./forward-pe.js";
import { marketCap } from "./market-cap.js";
import { peg } from "./peg.js";
import { pointInTimeEstimates, pointInTimeFundamentals } from "./point-in-time.js";
import { priceToBook } from "./price-to-book.js";
import { priceToSales } from "./price-to-sales.js";
import { trailingPE } from "./trailing-pe.js";
import type { MultipleContext, SecurityMultiples } from "./types.js";

/**
 * Every multiple of one listing as of a date, each a value or an n.m. with its reason, and each carrying the
 * inputs it used (price with date and currency, shares, figures with fiscal period / knownFrom / source, FX rates
 * with pair and date) for `--explain`. Point in time: only fundamentals known on asOf and estimates observed on or
 * before asOf are used, restatements resolved to the latest knownFrom ≤ asOf.
 *
 * @param input - the listing, asOf (ISO date), price per listing unit, fundamentals and estimates (may include
 *   other entities and later rows), FX lookup, options (`peCap` default 200x, `maxStaleDays` default 7,
 *   `estimator` default "consensus", `subtractListedInvestments` default false).
 * @returns trailing P/E (FY and TTM), forward P/E (FY1, FY2, NTM), PEG, EV/EBITDA, EV/Sales, P/S, P/B, earnings and
 *   dividend yields, EV and market cap (listing currency and USD). One bad figure makes only its results n.m.
 * @throws InvalidInputError when asOf is not an existing ISO date.
 * @example computeMultiples({ security: baba, asOf: "2025-09-30", price: { date: "2025-09-30", close: 120, currency: "USD" }, fundamentals, estimates, fx }).trailingPE.value // 18
 * @see FORMULAS.md "Multiples"
 */
export function computeMultiples(input: MultipleContext): SecurityMultiples {
  if (!isIsoDate(input.asOf)) throw new InvalidInputError(`asOf "${input.asOf}" must be an existing date written YYYY-MM-DD`);
  const { security, asOf } = input;
  const entities = new Set(security.issuer !== undefined ? [security.id, security.issuer] : [security.id]);
  // Narrow once; every function below re-applies the same (idempotent) filters on the small arrays.
  const ctx: MultipleContext = {
    ...input,
    fundamentals: pointInTimeFundamentals(input.fundamentals.filter((r) => entities.has(r.entity)), asOf),
    estimates: pointInTimeEstimates(
      input.estimates.filter((r) => entities.has(r.entity)),
      asOf,
      input.options?.estimator ?? "consensus",
    ),
  };
  return {
    security: security.id,
    asOf,
    currency: input.price.currency,
    marketCap: marketCap(ctx),
    marketCapUsd: marketCap(ctx, "USD"),
    enterpriseValue: enterpriseValue(ctx),
    trailingPE: trailingPE(ctx, "FY"),
    ttmPE: trailingPE(ctx, "TTM"),
    forwardPEFy1: forwardPE(ctx, "FY1"),
    forwardPEFy2: forwardPE(ctx, "FY2"),
    forwardPENtm: forwardPE(ctx, "NTM"),
    peg: peg(ctx),
    evToEbitda: evToEbitda(ctx),
    evToSales: evToSales(ctx),
    priceToSales: priceToSales(ctx),
    priceToBook: priceToBook(ctx),
    earningsYield: earningsYield(ctx),
    dividendYield: dividendYield(ctx),
  };
}
