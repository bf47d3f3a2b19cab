import { z } from "zod";
import { LocalizedText } from "./common.js";

/**
 * Field descriptions of the scenario model file. Kept beside the schema until they are merged into the
 * shared glossary (src/models/glossary.ts).
 */
export const SCENARIO_GLOSSARY = {
  name: "Identifier of a driver or formula: a letter or _, then letters, digits or _ (capex_alibaba). Used in formulas.",
  unit: "Unit of the values: currency codes (RMB/CNY, USD, HKD …), scales (k, m, bn, tn, 万, 亿, %), counts (card, GW), '/' to divide: 'RMB bn', '%', 'RMB k/card', 'CNY/USD'.",
  years: "Years the model covers, ascending (2025, 2026, 2027). Per-year drivers give a value or distribution for each.",
  value: "A constant, in the driver's unit.",
  dist: "An uncertain input: a distribution in the driver's unit (normal, lognormal, triangular, pert, uniform, discrete), optionally truncated.",
  byYear: "One constant or distribution per model year. The years' draws share one percentile (a comonotone path).",
  base: "Value used for the deterministic base case; default: the mode of triangular and PERT, the mean of normal and lognormal, the midpoint of uniform, the most likely discrete value.",
  range: "Low and high values of a constant driver for the tornado chart and grids.",
  basis: "fact (stated by a cited source), estimate (a figure derived from facts) or assumption (the modeller's judgement).",
  source: "Where the value comes from: a filing, a press release, a news report, a research note, or 'assumption'.",
  expr: "ScenarioFormula over drivers and other formulas: + - * / ^, min, max, abs, exp, ln, sum (over years), if(cond, a, b), comparisons, year.",
  rank: "Target Spearman rank correlation between two uncertain drivers, in [-1, 1] (imposed with Iman–Conover).",
  threshold: "Report the probability that the output exceeds this value (in the output's unit).",
} as const;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A driver or formula name. */
export const ScenarioName = z.string().regex(NAME, "name must start with a letter or _ and hold only letters, digits and _").describe(SCENARIO_GLOSSARY.name);

/** Bounds that cut a continuous distribution; either may be omitted. */
export const DistributionTruncation = z.strictObject({
  min: z.number().optional(),
  max: z.number().optional(),
});

const common = {
  truncate: DistributionTruncation.optional(),
  base: z.number().optional().describe(SCENARIO_GLOSSARY.base),
};

/** Normal distribution N(mean, sd²). */
export const NormalDist = z.strictObject({ type: z.literal("normal"), mean: z.number(), sd: z.number(), ...common });
/** Lognormal: either the mean and sd of the variable, or mu and sigma of its logarithm. */
export const LognormalDist = z.strictObject({
  type: z.literal("lognormal"),
  mean: z.number().optional(),
  sd: z.number().optional(),
  mu: z.number().optional(),
  sigma: z.number().optional(),
  ...common,
});
/** Triangular on [min, max] with its peak at mode. */
export const TriangularDist = z.strictObject({ type: z.literal("triangular"), min: z.number(), mode: z.number(), max: z.number(), ...common });
/** PERT (a scaled beta) on [min, max] with mode; lambda (default 4) sets how strongly it peaks. */
export const PertDist = z.strictObject({
  type: z.literal("pert"),
  min: z.number(),
  mode: z.number(),
  max: z.number(),
  lambda: z.number().optional(),
  ...common,
});
/** Uniform on [min, max]. */
export const UniformDist = z.strictObject({ type: z.literal("uniform"), min: z.number(), max: z.number(), ...common });
/** A finite set of values with probabilities (a "choice"). */
export const DiscreteDist = z.strictObject({
  type: z.literal("discrete"),
  values: z.array(z.number()).min(1),
  probabilities: z.array(z.number()).min(1),
  base: z.number().optional().describe(SCENARIO_GLOSSARY.base),
});

export const DISTRIBUTION_TYPES = ["normal", "lognormal", "triangular", "pert", "uniform", "discrete"] as const;

/** One distribution, told apart by `type`. */
export const DistributionSpec = z.discriminatedUnion("type", [NormalDist, LognormalDist, TriangularDist, PertDist, UniformDist, DiscreteDist]);
export type DistributionSpec = z.infer<typeof DistributionSpec>;

const YearKey = z.string().regex(/^\d{4}$/, "year keys must be four-digit years such as 2026");

/** A per-year entry: a constant or a distribution. */
export const ScenarioYearValue = z.union([z.number(), DistributionSpec]);
export type ScenarioYearValue = z.infer<typeof ScenarioYearValue>;

/** The part of a driver that sets its values: exactly one of value, dist or byYear (checked when compiling). */
const driverValueFields = {
  value: z.number().optional().describe(SCENARIO_GLOSSARY.value),
  dist: DistributionSpec.optional().describe(SCENARIO_GLOSSARY.dist),
  byYear: z.record(YearKey, ScenarioYearValue).optional().describe(SCENARIO_GLOSSARY.byYear),
};

/** An input of the model: a constant, a distribution, or one of either per year. */
export const ScenarioDriver = z.strictObject({
  unit: z.string().min(1).describe(SCENARIO_GLOSSARY.unit),
  ...driverValueFields,
  range: z.tuple([z.number(), z.number()]).optional().describe(SCENARIO_GLOSSARY.range),
  label: z.union([z.string().min(1), LocalizedText]).optional(),
  basis: z.enum(["fact", "estimate", "assumption"]).default("assumption").describe(SCENARIO_GLOSSARY.basis),
  source: z.string().min(1).optional().describe(SCENARIO_GLOSSARY.source),
  note: z.string().optional(),
});
export type ScenarioDriver = z.infer<typeof ScenarioDriver>;

/** A computed quantity: an expression over drivers and formulas, with its unit. */
export const ScenarioFormula = z.strictObject({
  unit: z.string().min(1).describe(SCENARIO_GLOSSARY.unit),
  expr: z.string().min(1).describe(SCENARIO_GLOSSARY.expr),
  label: z.union([z.string().min(1), LocalizedText]).optional(),
  note: z.string().optional(),
});
export type ScenarioFormula = z.infer<typeof ScenarioFormula>;

/** A target rank correlation between two uncertain drivers. */
export const ScenarioCorrelation = z.strictObject({
  between: z.tuple([ScenarioName, ScenarioName]),
  rank: z.number().min(-1).max(1).describe(SCENARIO_GLOSSARY.rank),
  note: z.string().optional(),
});
export type ScenarioCorrelation = z.infer<typeof ScenarioCorrelation>;

/** What a scenario sets for one driver: a bare constant, or value / dist / byYear as in a driver. */
export const ScenarioOverride = z.union([z.number(), z.strictObject({ ...driverValueFields, range: z.tuple([z.number(), z.number()]).optional() })]);
export type ScenarioOverride = z.infer<typeof ScenarioOverride>;

/** A named set of overrides (bear, bull …). "base" is the model as written. */
export const ScenarioCase = z.strictObject({
  label: z.union([z.string().min(1), LocalizedText]).optional(),
  description: z.string().optional(),
  set: z.record(ScenarioName, ScenarioOverride),
});
export type ScenarioCase = z.infer<typeof ScenarioCase>;

/** An output to report: a formula or driver name, optionally with a threshold. */
export const ScenarioOutput = z.union([
  ScenarioName,
  z.strictObject({ name: ScenarioName, threshold: z.number().optional().describe(SCENARIO_GLOSSARY.threshold), label: z.union([z.string().min(1), LocalizedText]).optional() }),
]);
export type ScenarioOutput = z.infer<typeof ScenarioOutput>;

/**
 * Most draws one Monte Carlo run may take, wherever it is asked for (`scenario run --draws`, a model's
 * `montecarlo.draws`, a thesis, the HTTP API): 1,000,000 draws give percentiles to about ±0.1 percentage point and
 * run in seconds, while 1e12 would need 8 TB for one output series.
 */
export const MAX_DRAWS = 1_000_000;

/** Defaults of a Monte Carlo run; command-line options override them. */
export const MonteCarloSettings = z.strictObject({
  draws: z.int().min(1).max(MAX_DRAWS).optional(),
  seed: z.int().optional(),
  sampler: z.enum(["plain", "lhs"]).optional(),
});

/** A scenario model file: drivers, formulas, correlations, scenarios and outputs. */
export const ScenarioModel = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-_.]*$/, "model id must be a lower-case slug").optional(),
  title: z.union([z.string().min(1), LocalizedText]).optional(),
  description: z.string().optional(),
  years: z.array(z.int().min(1900).max(2200)).min(1).describe(SCENARIO_GLOSSARY.years),
  drivers: z.record(ScenarioName, ScenarioDriver),
  formulas: z.record(ScenarioName, ScenarioFormula).default({}),
  correlations: z.array(ScenarioCorrelation).default([]),
  scenarios: z.record(ScenarioName, ScenarioCase).default({}),
  outputs: z.array(ScenarioOutput).min(1),
  montecarlo: MonteCarloSettings.optional(),
});
export type ScenarioModel = z.infer<typeof ScenarioModel>;
export type ScenarioModelInput = z.input<typeof ScenarioModel>;
