import { dividendYield } from "./dividend-yield.js";
import { earningsYield } from "./earnings-yield.js";
import { enterpriseValue } from "./enterprise-value.js";
import { evToEbitda } from "./ev-to-ebitda.js";
import { evToSales } from "./ev-to-sales.js";
import { forwardPE } from "./forward-pe.js";
import { marketCap } from "./market-cap.js";
import { peg } from "./peg.js";
import { priceToBook } from "./price-to-book.js";
import { priceToSales } from "./price-to-sales.js";
import { trailingPE } from "./trailing-pe.js";
import type { MultipleContext, MultipleKind, MultipleResult } from "./types.js";

const BY_KIND: Readonly<Record<MultipleKind, (ctx: MultipleContext) => MultipleResult>> = {
  marketCap: (c) => marketCap(c),
  marketCapUsd: (c) => marketCap(c, "USD"),
  enterpriseValue,
  trailingPE: (c) => trailingPE(c, "FY"),
  ttmPE: (c) => trailingPE(c, "TTM"),
  forwardPEFy1: (c) => forwardPE(c, "FY1"),
  forwardPEFy2: (c) => forwardPE(c, "FY2"),
  forwardPENtm: (c) => forwardPE(c, "NTM"),
  peg,
  evToEbitda,
  evToSales,
  priceToSales,
  priceToBook,
  earningsYield,
  dividendYield,
};

/**
 * One result of one listing by kind: the same function `computeMultiples` calls for that field, so
 * `computeMultiple("forwardPENtm", ctx)` equals `computeMultiples(ctx).forwardPENtm`.
 *
 * @param kind - which result (see {@link MultipleKind}).
 * @param ctx - the listing, asOf, price, fundamentals, estimates, FX lookup and options.
 * @returns the value or n.m. with its inputs.
 * @example computeMultiple("trailingPE", ctx).value // 18
 * @see FORMULAS.md "Multiples"
 */
export function computeMultiple(kind: MultipleKind, ctx: MultipleContext): MultipleResult {
  return BY_KIND[kind](ctx);
}
