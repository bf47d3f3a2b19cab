import { evaluate, use } from "./_evaluate.js";
import { currencyOf, needLatestFigure, toComparisonCurrency } from "./_inputs.js";
import { marketCap } from "./market-cap.js";
import type { MultipleContext, MultipleResult } from "./types.js";

/**
 * Enterprise value in the listing currency: market cap + total debt − cash, and − listed investments when
 * `options.subtractListedInvestments` is set (a holding's stakes in listed companies). Balance-sheet items are the
 * latest period known on asOf, converted at the asOf rate. EV may be negative (net cash above market cap); ratios
 * on it then turn n.m.
 *
 * @param ctx - the listing, asOf, price, fundamentals, FX lookup, options.
 * @returns an amount (`unit: "amount"`) in the listing currency; n.m. `missing_input` when market cap, debt or cash
 *   (or listed investments, if asked for) is not known on asOf; `missing_fx` when no rate converts them.
 * @example enterpriseValue(ctx) // 286.5bn + 25.0bn − 80.0bn = 231.5bn USD
 * @see FORMULAS.md "Multiples" (EV = market cap + debt − cash, optional − listed investments)
 */
export function enterpriseValue(ctx: MultipleContext): MultipleResult {
  const subtractInvestments = ctx.options?.subtractListedInvestments === true;
  const formula = `market cap + total debt − cash${subtractInvestments ? " − listed investments" : ""}`;
  return evaluate(ctx, "enterpriseValue", "amount", formula, (d) => {
    let ev = use(d, marketCap(ctx));
    const add = (role: string, metric: "totalDebt" | "cash" | "listedInvestments", sign: 1 | -1) => {
      const row = needLatestFigure(d, role, [metric], false);
      ev += sign * toComparisonCurrency(d, row.value, currencyOf(d, row), role);
    };
    add("total debt", "totalDebt", 1);
    add("cash", "cash", -1);
    if (subtractInvestments) add("listed investments", "listedInvestments", -1);
    return ev;
  });
}
