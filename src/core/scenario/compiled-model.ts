import type { LocalizedText } from "../../models/common.js";
import type { ScenarioDistribution } from "./distribution.js";
import type { Ir } from "./ir.js";
import type { Unit } from "./units.js";

/** Text of a label as the model gives it. */
export type Label = string | LocalizedText;

/** What every node (driver or formula) has: a slot in the value table, a unit and a shape. */
interface NodeBase {
  readonly name: string;
  /** Index of the node's values in the value table. */
  readonly slot: number;
  readonly unit: Unit;
  /** The unit as written in the model ("RMB bn"). */
  readonly unitText: string;
  /** Whether the node has one value per model year. */
  readonly vec: boolean;
  readonly label?: Label;
}

/** An input: per year (or once) a constant or a distribution. */
export interface CompiledDriver extends NodeBase {
  readonly kind: "driver";
  /** One entry for a scalar driver, one per model year otherwise. */
  readonly values: readonly (number | ScenarioDistribution)[];
  /** Whether any entry is a distribution. */
  readonly stochastic: boolean;
  /** Low and high of a constant driver for sensitivity. */
  readonly range?: readonly [number, number];
  readonly basis: "fact" | "estimate" | "assumption";
  readonly source?: string;
}

/** A computed node. */
export interface CompiledFormula extends NodeBase {
  readonly kind: "formula";
  readonly expr: string;
  readonly ir: Ir;
}

export type CompiledNode = CompiledDriver | CompiledFormula;

/** An output to report. */
export interface CompiledOutput {
  readonly name: string;
  readonly slot: number;
  readonly threshold?: number;
  readonly label?: Label;
}

/** Target rank correlations between uncertain drivers, ready for Iman–Conover. */
export interface CompiledCorrelation {
  /** Names of the correlated drivers (rows and columns of the matrices). */
  readonly drivers: readonly string[];
  /** The pairs as written (those kept for this scenario). */
  readonly pairs: readonly { readonly between: readonly [string, string]; readonly rank: number }[];
  /** Target Spearman rank correlations as written (identity where no pair is given). */
  readonly rank: readonly (readonly number[])[];
  /** Cholesky factor of the Pearson correlation of normal scores that gives those rank correlations. */
  readonly scoresFactor: readonly (readonly number[])[];
}

/**
 * A validated model for one scenario: every name resolved, every unit checked, formulas in evaluation
 * order. Produced by {@link compileModel}; consumed by the engines.
 */
export interface CompiledModel {
  readonly years: readonly number[];
  /** The scenario this compilation applies ("base" = the model as written). */
  readonly scenario: string;
  /** All scenario names the model defines (without "base"). */
  readonly scenarios: readonly string[];
  /** Nodes by slot. */
  readonly nodes: readonly CompiledNode[];
  readonly drivers: readonly CompiledDriver[];
  /** Formulas in evaluation order (each after everything it uses). */
  readonly formulas: readonly CompiledFormula[];
  readonly outputs: readonly CompiledOutput[];
  readonly correlation?: CompiledCorrelation;
}
