import { InvalidInputError } from "../../errors.js";
import { isIsoDate } from "../dates.js";
import type { MultipleContext, MultipleInputs, MultipleKind, MultipleResult, NmReason, ResultUnit, StaleInput } from "./types.js";

/** Raised inside a multiple's body to end it as n.m.; caught by {@link evaluate}. Internal. */
export class NotMeaningful extends Error {
  constructor(
    readonly reason: NmReason,
    message: string,
    readonly stale?: StaleInput,
  ) {
    super(message);
    this.name = "NotMeaningful";
  }
}

/** Ends the current evaluation as n.m. (with the age and limit when an input is stale). */
export function notMeaningful(reason: NmReason, message: string, stale?: StaleInput): never {
  throw new NotMeaningful(reason, message, stale);
}

/** A result under construction: the context and the inputs gathered so far (local to one call). */
export interface Draft {
  ctx: MultipleContext;
  inputs: MultipleInputs;
}

/**
 * Runs a multiple's body and wraps its outcome: the number it returns becomes `value`; a {@link NotMeaningful}
 * it raises becomes `nm` with the inputs gathered up to that point, so an n.m. still explains itself.
 */
export function evaluate(
  ctx: MultipleContext,
  kind: MultipleKind,
  unit: ResultUnit,
  formula: string,
  body: (d: Draft) => number,
): MultipleResult {
  if (!isIsoDate(ctx.asOf)) {
    throw new InvalidInputError(`asOf "${ctx.asOf}" must be an existing date written YYYY-MM-DD`);
  }
  const inputs: MultipleInputs = {
    asOf: ctx.asOf,
    formula,
    sharesPerListing: ctx.security.sharesPerListing ?? 1,
    figures: [],
    fx: [],
    notes: [],
  };
  try {
    const value = body({ ctx, inputs });
    // Never a silent NaN: a non-finite outcome is reported, not returned.
    if (!Number.isFinite(value)) notMeaningful("missing_input", `${kind} came out as ${value}; an input is out of range`);
    return { kind, unit, value, inputs };
  } catch (e) {
    if (e instanceof NotMeaningful) return { kind, unit, nm: e.reason, message: e.message, inputs, ...(e.stale !== undefined ? { stale: e.stale } : {}) };
    throw e;
  }
}

/**
 * Uses another result inside a draft: merges its inputs (price, figures, FX, notes) and returns its value, or
 * ends the draft as n.m. with the same reason.
 */
export function use(d: Draft, result: MultipleResult): number {
  const from = result.inputs;
  if (d.inputs.price === undefined && from.price !== undefined) d.inputs.price = from.price;
  if (d.inputs.currency === undefined && from.currency !== undefined) d.inputs.currency = from.currency;
  d.inputs.figures.push(...from.figures);
  for (const fx of from.fx) {
    if (!d.inputs.fx.some((x) => x.from === fx.from && x.to === fx.to && x.what === fx.what)) d.inputs.fx.push(fx);
  }
  d.inputs.notes.push(...from.notes.filter((n) => !d.inputs.notes.includes(n)));
  if (result.value === undefined) notMeaningful(result.nm, result.message, result.stale);
  return result.value;
}
