import type { Currency } from "../../models/index.js";
import { closingScenarios, type ClosingScenario } from "./gap.js";

/** One security of group A: its price in its listing currency and its multiple (absent when n.m.). */
export interface ImpliedPriceInput {
  id: string;
  price?: number;
  currency: Currency;
  multiple?: number;
  /** Why the multiple is missing (its n.m. code), shown when there is no scenario. */
  nm?: string;
}

/** The scenarios of one security, or why there are none. */
export interface ImpliedPriceRow {
  id: string;
  currency: Currency;
  price?: number;
  multiple?: number;
  /** Target multiple the gap closes toward (group B's aggregate). */
  target?: number;
  scenarios?: ClosingScenario[];
  reason?: string;
}

/**
 * Closing the wall, security by security: the price of each member of A if its multiple moved a fraction x of the
 * way to B's aggregate, earnings unchanged (m* = m + x (target − m); price* = price · m* / m), in the listing's own
 * currency, with the upside.
 *
 * @param rows - A's members with price, listing currency and multiple (x).
 * @param target - B's aggregate multiple (x), e.g. its median.
 * @param fractions - fractions of the gap; default [0.25, 0.5, 1].
 * @returns one row per member, with `scenarios` or a `reason` (n.m. multiple, no price, no target).
 * @example impliedPrices([{ id: "9988.HK", price: 165, currency: "HKD", multiple: 12.5 }], 18)[0].scenarios[1].price // 165 · 15.25 / 12.5 = 201.3
 * @see FORMULAS.md "Multiples": "Implied price if A closes a fraction x of the gap"
 */
export function impliedPrices(rows: readonly ImpliedPriceInput[], target: number | undefined, fractions: readonly number[] = [0.25, 0.5, 1]): ImpliedPriceRow[] {
  return rows.map((r) => {
    const out: ImpliedPriceRow = { id: r.id, currency: r.currency };
    if (r.price !== undefined) out.price = r.price;
    if (r.multiple !== undefined) out.multiple = r.multiple;
    if (target !== undefined && Number.isFinite(target)) out.target = target;
    const scenarios = closingScenarios(r.price, r.multiple, target, fractions);
    if (scenarios !== undefined) out.scenarios = scenarios;
    else out.reason = r.multiple === undefined ? `multiple n.m.${r.nm !== undefined ? ` (${r.nm})` : ""}` : r.price === undefined ? "no price" : "no peer aggregate to close toward";
    return out;
  });
}
