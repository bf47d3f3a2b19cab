/** Syntax tree of a scenario formula. `pos` is the 0-based character offset in the formula text. */
export type Expr =
  | { readonly kind: "number"; readonly value: number; readonly pos: number }
  | { readonly kind: "name"; readonly name: string; readonly pos: number }
  | { readonly kind: "unary"; readonly op: "-"; readonly arg: Expr; readonly pos: number }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly pos: number }
  | { readonly kind: "compare"; readonly op: CompareOp; readonly left: Expr; readonly right: Expr; readonly pos: number }
  | { readonly kind: "call"; readonly fn: string; readonly args: readonly Expr[]; readonly pos: number };

export type BinaryOp = "+" | "-" | "*" | "/" | "^";
export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "!=";

/** Functions a formula may call, with their arity (min, max; Infinity for variadic). */
export const FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  min: [2, Infinity],
  max: [2, Infinity],
  sum: [1, 1],
  if: [3, 3],
  abs: [1, 1],
  exp: [1, 1],
  ln: [1, 1],
  sqrt: [1, 1],
};

/** Names a driver or formula may not take: the functions and the built-in `year`. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.keys(FUNCTIONS), "year"]);

/** A formula that cannot be read, with the offset where reading stopped. */
export class ExpressionError extends Error {
  readonly pos: number;
  constructor(message: string, pos: number) {
    super(message);
    this.name = "ExpressionError";
    this.pos = pos;
  }
}

/**
 * Every driver or formula name an expression refers to (not functions, not `year`), in order of first use.
 * @example referencedNames(parseExpression("a * (b + a)")) // ["a", "b"]
 */
export function referencedNames(e: Expr): string[] {
  const out: string[] = [];
  const walk = (x: Expr): void => {
    switch (x.kind) {
      case "number":
        return;
      case "name":
        if (x.name !== "year" && !out.includes(x.name)) out.push(x.name);
        return;
      case "unary":
        return walk(x.arg);
      case "binary":
      case "compare":
        walk(x.left);
        return walk(x.right);
      case "call":
        return x.args.forEach(walk);
    }
  };
  walk(e);
  return out;
}
