import type { CompareOp } from "./expression-ast.js";

/**
 * A checked formula, ready to evaluate: names resolved to node slots, unit conversions made explicit as
 * multiplications by constants. Shared by the interpreter ({@link evaluateIr}) and the Monte Carlo
 * code generator ({@link irToJs}), which tests hold to the same answers.
 */
export type Ir =
  | { readonly k: "const"; readonly v: number }
  | { readonly k: "ref"; readonly slot: number; readonly vec: boolean }
  | { readonly k: "year" }
  | { readonly k: "neg"; readonly a: Ir }
  | { readonly k: "add" | "sub" | "mul" | "div" | "pow"; readonly a: Ir; readonly b: Ir }
  | { readonly k: "cmp"; readonly op: CompareOp; readonly a: Ir; readonly b: Ir }
  | { readonly k: "min" | "max"; readonly args: readonly Ir[] }
  | { readonly k: "abs" | "exp" | "ln" | "sqrt"; readonly a: Ir }
  | { readonly k: "if"; readonly c: Ir; readonly a: Ir; readonly b: Ir }
  | { readonly k: "sum"; readonly a: Ir };
