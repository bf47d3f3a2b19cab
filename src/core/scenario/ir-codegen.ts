import type { Ir } from "./ir.js";

/** A finite number as JavaScript source that reads back to the same double. */
function literal(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : v < 0 ? "-Infinity" : "NaN";
  return Object.is(v, -0) ? "-0" : `(${String(v)})`;
}

/**
 * JavaScript source of a checked formula for one year index, for the generated Monte Carlo kernel.
 * Only slot indices, numbers and operators reach the source (never a name from the model file), so the
 * generated code cannot be steered by the model's text.
 *
 * @param ir - the checked formula.
 * @param y - year index.
 * @param years - the model's years.
 * @param ref - source of the local variable holding a slot's value for a year (scalars: year ignored).
 * @returns an expression; comparisons are booleans, used only inside `if`.
 * @example irToJs({ k: "mul", a: { k: "ref", slot: 0, vec: false }, b: { k: "const", v: 2 } }, 0, [2025], (s) => `v${s}`) // "(v0*(2))"
 */
export function irToJs(ir: Ir, y: number, years: readonly number[], ref: (slot: number, y: number) => string): string {
  const g = (x: Ir, yy: number): string => {
    switch (x.k) {
      case "const":
        return literal(x.v);
      case "ref":
        return ref(x.slot, x.vec ? yy : 0);
      case "year":
        return literal(years[yy] as number);
      case "neg":
        return `(-${g(x.a, yy)})`;
      case "add":
        return `(${g(x.a, yy)}+${g(x.b, yy)})`;
      case "sub":
        return `(${g(x.a, yy)}-${g(x.b, yy)})`;
      case "mul":
        return `(${g(x.a, yy)}*${g(x.b, yy)})`;
      case "div":
        return `(${g(x.a, yy)}/${g(x.b, yy)})`;
      case "pow":
        return `(${g(x.a, yy)}**${g(x.b, yy)})`;
      case "cmp":
        return `(${g(x.a, yy)}${x.op === "==" ? "===" : x.op === "!=" ? "!==" : x.op}${g(x.b, yy)})`;
      case "min":
      case "max":
        return `Math.${x.k}(${x.args.map((a) => g(a, yy)).join(",")})`;
      case "abs":
        return `Math.abs(${g(x.a, yy)})`;
      case "exp":
        return `Math.exp(${g(x.a, yy)})`;
      case "ln":
        return `Math.log(${g(x.a, yy)})`;
      case "sqrt":
        return `Math.sqrt(${g(x.a, yy)})`;
      case "if":
        return `(${g(x.c, yy)}?${g(x.a, yy)}:${g(x.b, yy)})`;
      case "sum":
        return `(${years.map((_, j) => g(x.a, j)).join("+")})`;
    }
  };
  return g(ir, y);
}
