import type { Currency } from "../../models/index.js";
import { notMeaningful, type Draft } from "./_evaluate.js";
import { fmt, requirePositiveEarnings } from "./_inputs.js";
import { DEFAULT_PE_CAP } from "./types.js";

/**
 * price / EPS per listing (both in the comparison currency), with the n.m. rules: EPS < 0 or = 0, P/E above
 * the cap. Records numerator and denominator. Internal.
 */
export function peFromEps(d: Draft, price: number, epsPerListing: number, epsLabel: string): number {
  const currency: Currency | undefined = d.inputs.currency;
  d.inputs.numerator = price;
  d.inputs.denominator = epsPerListing;
  requirePositiveEarnings(`${epsLabel} per listing`, epsPerListing, currency);
  const pe = price / epsPerListing;
  const cap = d.ctx.options?.peCap ?? DEFAULT_PE_CAP;
  if (pe > cap) notMeaningful("above_cap", `P/E ${fmt(pe)}x is above the cap of ${fmt(cap)}x (${epsLabel} too small to be meaningful)`);
  return pe;
}
