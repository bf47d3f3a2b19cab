import { ExpressionError, type Expr } from "./expression-ast.js";
import type { Ir } from "./ir.js";
import { conversionFactor, DIMENSIONLESS, divideUnits, formatUnit, isCurrency, isDimensionless, multiplyUnits, powerUnit, sameDimensions, type Unit } from "./units.js";

/** What a formula may refer to: a node's slot, its unit, and whether it varies by year. */
export interface NameInfo {
  readonly slot: number;
  readonly unit: Unit;
  readonly vec: boolean;
}

/** A checked (sub)expression: its IR, its unit ("literal" for bare numbers, which adopt a unit), its shape. */
export interface Checked {
  readonly ir: Ir;
  readonly unit: Unit | "literal";
  readonly vec: boolean;
  readonly bool: boolean;
}

const scaleBy = (ir: Ir, f: number): Ir => (f === 1 ? ir : ir.k === "const" ? { k: "const", v: ir.v * f } : { k: "mul", a: ir, b: { k: "const", v: f } });

function describe(u: Unit | "literal"): string {
  return u === "literal" ? "a number" : formatUnit(u);
}

function currencies(u: Unit): string[] {
  return Object.keys(u.dims).filter(isCurrency);
}

/** Advice for a dimension mismatch: name FX when the two sides are in different currencies. */
export function mismatchHint(a: Unit, b: Unit): string {
  const ca = currencies(a);
  const cb = currencies(b);
  if (ca.length > 0 && cb.length > 0 && ca.join() !== cb.join()) {
    return `; convert with an FX driver (e.g. unit ${cb[0]}/${ca[0]}) before combining ${ca[0]} and ${cb[0]}`;
  }
  return "";
}

/** Brings operands that must agree (+ − comparisons min max if) to one unit. */
function unify(parts: readonly Checked[], what: string, pos: number): { irs: Ir[]; unit: Unit | "literal" } {
  const typed = parts.filter((p) => p.unit !== "literal").map((p) => p.unit as Unit);
  if (typed.length === 0) return { irs: parts.map((p) => p.ir), unit: "literal" };
  const first = typed[0] as Unit;
  for (const u of typed) {
    if (!sameDimensions(first, u)) {
      throw new ExpressionError(`cannot ${what} ${formatUnit(first)} and ${formatUnit(u)}${mismatchHint(first, u)}`, pos);
    }
  }
  // A bare number next to a share means a plain number (1 − share is 100% − share), so dimensionless
  // operands go to scale 1; next to an amount it takes that amount's unit (capex + 10 is 10 RMB bn more).
  const hasLiteral = parts.some((p) => p.unit === "literal");
  const target: Unit = isDimensionless(first) && hasLiteral ? DIMENSIONLESS : first;
  return { irs: parts.map((p) => (p.unit === "literal" ? p.ir : scaleBy(p.ir, conversionFactor(p.unit, target)))), unit: target };
}

/** Value of an expression made of literals only, or undefined. */
function constantOf(ir: Ir): number | undefined {
  switch (ir.k) {
    case "const":
      return ir.v;
    case "neg": {
      const a = constantOf(ir.a);
      return a === undefined ? undefined : -a;
    }
    case "add":
    case "sub":
    case "mul":
    case "div":
    case "pow": {
      const a = constantOf(ir.a);
      const b = constantOf(ir.b);
      if (a === undefined || b === undefined) return undefined;
      return ir.k === "add" ? a + b : ir.k === "sub" ? a - b : ir.k === "mul" ? a * b : ir.k === "div" ? a / b : a ** b;
    }
    default:
      return undefined;
  }
}

const toPlain = (c: Checked): Ir => (c.unit === "literal" ? c.ir : scaleBy(c.ir, conversionFactor(c.unit, DIMENSIONLESS)));

/**
 * Resolves names, infers units and shapes, and makes unit conversions explicit.
 * Rules: + − comparisons min max if need equal dimensions (different scales are converted: RMB m + RMB bn
 * is fine); × ÷ combine units; ^ needs a dimensionless exponent, and a literal one when the base has
 * dimensions; exp, ln need dimensionless arguments; sum() adds a per-year value over the years.
 *
 * @param e - the parsed formula.
 * @param lookup - the unit, slot and shape of each name; `undefined` for an unknown name.
 * @returns the checked tree.
 * @throws ExpressionError at the operator or name that breaks a rule.
 * @example checkExpression(parseExpression("capex * share"), names) // unit CNY bn when capex is RMB bn and share is a share
 */
export function checkExpression(e: Expr, lookup: (name: string) => NameInfo | undefined): Checked {
  const num = (c: Checked, what: string, pos: number): Checked => {
    if (c.bool) throw new ExpressionError(`a comparison cannot be used as a number in ${what}; use if(condition, a, b)`, pos);
    return c;
  };
  const go = (x: Expr): Checked => {
    switch (x.kind) {
      case "number":
        return { ir: { k: "const", v: x.value }, unit: "literal", vec: false, bool: false };
      case "name": {
        if (x.name === "year") return { ir: { k: "year" }, unit: DIMENSIONLESS, vec: true, bool: false };
        const info = lookup(x.name);
        if (info === undefined) throw new ExpressionError(`unknown name "${x.name}"`, x.pos);
        return { ir: { k: "ref", slot: info.slot, vec: info.vec }, unit: info.unit, vec: info.vec, bool: false };
      }
      case "unary": {
        const a = num(go(x.arg), "-", x.pos);
        return { ...a, ir: a.ir.k === "const" ? { k: "const", v: -a.ir.v } : { k: "neg", a: a.ir } };
      }
      case "compare": {
        const a = num(go(x.left), x.op, x.pos);
        const b = num(go(x.right), x.op, x.pos);
        const { irs } = unify([a, b], "compare", x.pos);
        return { ir: { k: "cmp", op: x.op, a: irs[0] as Ir, b: irs[1] as Ir }, unit: DIMENSIONLESS, vec: a.vec || b.vec, bool: true };
      }
      case "binary":
        return binary(x.op, num(go(x.left), x.op, x.pos), num(go(x.right), x.op, x.pos), x.pos);
      case "call":
        return call(x.fn, x.args.map((a) => go(a)), x.pos);
    }
  };

  const binary = (op: "+" | "-" | "*" | "/" | "^", a: Checked, b: Checked, pos: number): Checked => {
    const vec = a.vec || b.vec;
    if (op === "+" || op === "-") {
      const { irs, unit } = unify([a, b], op === "+" ? "add" : "subtract", pos);
      return { ir: { k: op === "+" ? "add" : "sub", a: irs[0] as Ir, b: irs[1] as Ir }, unit, vec, bool: false };
    }
    if (op === "*" || op === "/") {
      const ua = a.unit === "literal" ? DIMENSIONLESS : a.unit;
      const ub = b.unit === "literal" ? DIMENSIONLESS : b.unit;
      const unit = a.unit === "literal" && b.unit === "literal" ? "literal" : op === "*" ? multiplyUnits(ua, ub) : divideUnits(ua, ub);
      return { ir: { k: op === "*" ? "mul" : "div", a: a.ir, b: b.ir }, unit, vec, bool: false };
    }
    // ^: the exponent is a plain number.
    if (b.unit !== "literal" && !isDimensionless(b.unit)) throw new ExpressionError(`an exponent must be a plain number, not ${formatUnit(b.unit)}`, pos);
    const exponent = toPlain(b);
    if (a.unit === "literal") return { ir: { k: "pow", a: a.ir, b: exponent }, unit: b.unit === "literal" ? "literal" : DIMENSIONLESS, vec, bool: false };
    if (isDimensionless(a.unit)) return { ir: { k: "pow", a: toPlain(a), b: exponent }, unit: DIMENSIONLESS, vec, bool: false };
    const n = constantOf(exponent);
    if (n === undefined) throw new ExpressionError(`${formatUnit(a.unit)} can only be raised to a constant power`, pos);
    const unit = powerUnit(a.unit, n);
    if (unit === undefined) throw new ExpressionError(`${formatUnit(a.unit)} ^ ${n} would give a fractional unit`, pos);
    return { ir: { k: "pow", a: a.ir, b: exponent }, unit, vec, bool: false };
  };

  const call = (fn: string, args: Checked[], pos: number): Checked => {
    const vec = args.some((a) => a.vec);
    if (fn === "if") {
      const [c, a, b] = args as [Checked, Checked, Checked];
      if (!c.bool) throw new ExpressionError("the first argument of if() must be a comparison such as a > b", pos);
      const { irs, unit } = unify([num(a, "if()", pos), num(b, "if()", pos)], "choose between", pos);
      return { ir: { k: "if", c: c.ir, a: irs[0] as Ir, b: irs[1] as Ir }, unit, vec, bool: false };
    }
    args.forEach((a) => num(a, `${fn}()`, pos));
    if (fn === "min" || fn === "max") {
      const { irs, unit } = unify(args, `take the ${fn} of`, pos);
      return { ir: { k: fn, args: irs }, unit, vec, bool: false };
    }
    const a = args[0] as Checked;
    if (fn === "sum") {
      if (!a.vec) throw new ExpressionError("sum() adds a per-year value over the years, but its argument does not vary by year", pos);
      return { ir: { k: "sum", a: a.ir }, unit: a.unit, vec: false, bool: false };
    }
    if (fn === "abs") return { ir: { k: "abs", a: a.ir }, unit: a.unit, vec, bool: false };
    if (fn === "sqrt") {
      if (a.unit === "literal") return { ir: { k: "sqrt", a: a.ir }, unit: "literal", vec, bool: false };
      const unit = powerUnit(a.unit, 0.5);
      if (unit === undefined) throw new ExpressionError(`sqrt() of ${formatUnit(a.unit)} would give a fractional unit`, pos);
      return { ir: { k: "sqrt", a: a.ir }, unit, vec, bool: false };
    }
    // exp, ln
    if (a.unit !== "literal" && !isDimensionless(a.unit)) throw new ExpressionError(`${fn}() needs a plain number, not ${describe(a.unit)}`, pos);
    return { ir: { k: fn as "exp" | "ln", a: toPlain(a) }, unit: DIMENSIONLESS, vec, bool: false };
  };

  return go(e);
}
