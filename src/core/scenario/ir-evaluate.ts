import type { Ir } from "./ir.js";

/**
 * Evaluates a checked formula for one year index: the reference interpreter, used for deterministic
 * scenarios, tornado and grids (the Monte Carlo kernel is generated code held to the same answers).
 *
 * @param ir - the checked formula.
 * @param values - per node slot, its value: one number for a scalar node, one per year for a per-year node.
 * @param years - the model's years (for `year`).
 * @param y - index of the year to evaluate (scalars ignore it).
 * @returns the value (comparisons give 1 or 0); division by zero gives ±Infinity or NaN, as in IEEE 754.
 * @example evaluateIr({ k: "add", a: { k: "const", v: 1 }, b: { k: "year" } }, [], [2025], 0) // 2026
 */
export function evaluateIr(ir: Ir, values: readonly ArrayLike<number>[], years: readonly number[], y: number): number {
  const at = (x: Ir): number => {
    switch (x.k) {
      case "const":
        return x.v;
      case "ref":
        return (values[x.slot] as ArrayLike<number>)[x.vec ? y : 0] as number;
      case "year":
        return years[y] as number;
      case "neg":
        return -at(x.a);
      case "add":
        return at(x.a) + at(x.b);
      case "sub":
        return at(x.a) - at(x.b);
      case "mul":
        return at(x.a) * at(x.b);
      case "div":
        return at(x.a) / at(x.b);
      case "pow":
        return at(x.a) ** at(x.b);
      case "cmp": {
        const a = at(x.a);
        const b = at(x.b);
        const r = x.op === "<" ? a < b : x.op === "<=" ? a <= b : x.op === ">" ? a > b : x.op === ">=" ? a >= b : x.op === "==" ? a === b : a !== b;
        return r ? 1 : 0;
      }
      case "min":
        return Math.min(...x.args.map(at));
      case "max":
        return Math.max(...x.args.map(at));
      case "abs":
        return Math.abs(at(x.a));
      case "exp":
        return Math.exp(at(x.a));
      case "ln":
        return Math.log(at(x.a));
      case "sqrt":
        return Math.sqrt(at(x.a));
      case "if":
        return at(x.c) !== 0 ? at(x.a) : at(x.b);
      case "sum": {
        let s = 0;
        for (let j = 0; j < years.length; j++) s += evaluateIr(x.a, values, years, j);
        return s;
      }
    }
  };
  return at(ir);
}
