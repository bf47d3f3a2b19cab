import { z } from "zod";
import { EXCHANGES, IsoDate, LocalizedText, SecurityId } from "./common.js";
import { MAX_DRAWS } from "./scenario.js";

/** Multiples a thesis may name (the comps metrics that are multiples). */
export const THESIS_METRICS = ["trailingPE", "ttmPE", "forwardPENtm", "forwardPEFy1", "forwardPEFy2", "evToEbitda", "evToSales", "priceToSales", "priceToBook"] as const;
export const ThesisMetric = z.enum(THESIS_METRICS);

/** A comparison that decides a claim: the figure `op` the value, e.g. `{ op: ">=", value: 0.25 }`. */
export const Condition = z.strictObject({
  op: z.enum([">", ">=", "<", "<="]),
  value: z.number().finite(),
});
export type Condition = z.infer<typeof Condition>;

const Slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "must be 1–64 letters, digits, _ . or -");
const Text = z.union([z.string().min(1), LocalizedText]);

const ClaimBase = {
  id: Slug,
  /** The sentence of the note, as a reader would quote it. */
  text: Text,
  /** The number that would prove the claim wrong, in words. */
  wrongIf: Text.optional(),
  note: z.string().optional(),
};

/** The gap of group A to group B on a multiple: figure = discount = 1 − A/B (0.25 = A trades 25% below B). */
export const DiscountClaim = z.strictObject({
  ...ClaimBase,
  kind: z.literal("discount"),
  a: Slug,
  b: Slug,
  metric: ThesisMetric.default("forwardPENtm"),
  statistic: z.enum(["median", "harmonicMean", "capWeighted", "mean"]).default("median"),
  holdsIf: Condition,
});

/** A catalyst moved a security abnormally: figure = CAR over the window; holds when it satisfies `car` and p < `pBelow`. */
export const EventClaim = z.strictObject({
  ...ClaimBase,
  kind: z.literal("event"),
  event: z.string().min(1),
  security: SecurityId,
  window: z.tuple([z.number().int(), z.number().int()]).default([0, 1]),
  car: Condition.default({ op: ">", value: 0 }),
  pBelow: z.number().gt(0).lt(1).default(0.05),
});

/** What part of a group's (or security's) return came from the multiple, earnings, FX or dividends. */
export const AttributionClaim = z.strictObject({
  ...ClaimBase,
  kind: z.literal("attribution"),
  group: Slug.optional(),
  security: SecurityId.optional(),
  from: IsoDate,
  /** Default: the report's as-of date. */
  to: IsoDate.optional(),
  basis: z.enum(["trailing", "forward"]).default("forward"),
  /** The figure: that component's share of the log return (component / total). */
  share: z.enum(["earnings", "multiple", "fx", "dividends"]),
  holdsIf: Condition,
});

/** A quoted multiple ("Alibaba near 15x"): holds when some definition reproduces it within the tolerance near `around`. */
export const MultipleClaim = z.strictObject({
  ...ClaimBase,
  kind: z.literal("multiple"),
  security: SecurityId,
  claim: z.number().positive(),
  around: IsoDate.optional(),
  windowDays: z.number().int().min(0).max(3660).default(30),
  tolerance: z.number().min(0).lt(1).default(0.05),
});

/** A scenario output: figure = a statistic of its Monte Carlo distribution. */
export const ScenarioClaim = z.strictObject({
  ...ClaimBase,
  kind: z.literal("scenario"),
  scenario: Slug,
  output: z.string().min(1),
  year: z.number().int().optional(),
  statistic: z.enum(["mean", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "probAbove"]),
  holdsIf: Condition,
});

/** The wall as a risk premium: figure = median implied ERP of A − median of B (decimal per year). */
export const PremiumClaim = z.strictObject({
  ...ClaimBase,
  kind: z.literal("premium"),
  a: Slug,
  b: Slug,
  holdsIf: Condition,
});

export const Claim = z.discriminatedUnion("kind", [DiscountClaim, EventClaim, AttributionClaim, MultipleClaim, ScenarioClaim, PremiumClaim]);
export type Claim = z.infer<typeof Claim>;
export type ClaimKind = Claim["kind"];

export const ThesisGroup = z.strictObject({
  name: Text.optional(),
  securities: z.array(SecurityId).min(1),
});

/** A scenario model the thesis sizes its story with (path relative to the thesis file). */
export const ThesisScenario = z.strictObject({
  file: z.string().min(1),
  scenario: z.string().min(1).default("base"),
  output: z.string().min(1).optional(),
  year: z.number().int().optional(),
  draws: z.number().int().min(100).max(MAX_DRAWS).default(20_000),
  seed: z.number().int().min(0).default(42),
});

const Days = z.number().int().min(0).max(36_600);

/**
 * Freshness limits of the thesis's multiples, in calendar days (MultipleOptions; defaults 456 / 213 / 304 / 456 / 45):
 * older figures make a multiple n.m. (`stale_fundamentals`, `stale_shares`, `stale_estimates`).
 */
export const ThesisFreshness = z.strictObject({
  maxAnnualAgeDays: Days.optional(),
  maxInterimAgeDays: Days.optional(),
  maxHalfYearAgeDays: Days.optional(),
  maxSharesAgeDays: Days.optional(),
  maxEstimateAgeDays: Days.optional(),
});

/**
 * A thesis: the peer groups, catalysts and scenario models of a research note, and its claims, each with the
 * number that would prove it wrong. `rerate report` checks every claim against the store as of a date.
 */
export const Thesis = z.strictObject({
  id: Slug,
  title: Text,
  summary: Text.optional(),
  /** Where the argument comes from (the note, its date). */
  source: z.string().optional(),
  asOf: IsoDate.optional(),
  groups: z.record(Slug, ThesisGroup).refine((g) => Object.keys(g).length >= 2, "needs at least two peer groups"),
  wall: z.strictObject({
    a: Slug,
    b: Slug,
    metric: ThesisMetric.default("forwardPENtm"),
    close: z.array(z.number().gt(0).max(2)).min(1).default([0.25, 0.5, 1]),
    historyFrom: IsoDate.optional(),
    /** One issuer, one vote: which listing of an issuer counts in the aggregates (default first; per-listing counts all). */
    listing: z.union([z.enum(["first", "primary", "per-listing"]), z.enum(EXCHANGES)]).optional(),
  }),
  events: z.strictObject({
    /** A catalysts file (CSV/JSON, the `rerate import events` format), relative to the thesis. */
    file: z.string().min(1).optional(),
    /** Event ids to use from the file or the store (default: all in the file). */
    ids: z.array(z.string().min(1)).optional(),
    /** Securities studied around every event (default: each event's own). */
    securities: z.array(SecurityId).optional(),
    windows: z.array(z.tuple([z.number().int(), z.number().int()])).optional(),
  }).optional(),
  scenarios: z.record(Slug, ThesisScenario).default({}),
  attribution: z.strictObject({
    groups: z.array(Slug).min(1),
    from: IsoDate,
    to: IsoDate.optional(),
    basis: z.enum(["trailing", "forward"]).default("forward"),
  }).optional(),
  claims: z.array(Claim).min(1),
  risks: z.array(Text).default([]),
  freshness: ThesisFreshness.optional(),
});
export type Thesis = z.infer<typeof Thesis>;
