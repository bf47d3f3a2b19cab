import type { ScenarioFormula } from "../../models/scenario.js";
import type { CompiledFormula, CompiledNode } from "./compiled-model.js";
import { topologicalOrder } from "./dependency-graph.js";
import { ExpressionError, referencedNames, type Expr } from "./expression-ast.js";
import { checkExpression, mismatchHint, type NameInfo } from "./expression-check.js";
import { parseExpression } from "./expression-parse.js";
import type { ModelIssue } from "./issues.js";
import { suggestName } from "./suggest.js";
import { conversionFactor, formatUnit, sameDimensions } from "./units.js";
import { parseUnit } from "./unit-parse.js";

const where = (expr: string, pos: number): string => (expr.length > 24 ? ` (at character ${pos + 1})` : "");

/**
 * Parses, orders and checks the formulas: unknown names (with a suggestion), cycles, units.
 * `nodes` holds the drivers already compiled (and receives the formulas, by slot).
 * Internal to compileModel.
 */
export function compileFormulas(formulas: Readonly<Record<string, ScenarioFormula>>, nodes: CompiledNode[], driverNames: ReadonlySet<string>, issues: ModelIssue[]): CompiledFormula[] {
  const parsed = new Map<string, Expr>();
  const known = new Set([...driverNames, ...Object.keys(formulas)]);
  for (const [name, f] of Object.entries(formulas)) {
    const path = ["formulas", name, "expr"];
    let tree: Expr;
    try {
      tree = parseExpression(f.expr);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      issues.push({ path, value: f.expr, reason: `cannot be read: ${e.message}${where(f.expr, e.pos)}` });
      continue;
    }
    const unknown = referencedNames(tree).filter((n) => !known.has(n));
    for (const n of unknown) {
      const hint = suggestName(n, known);
      issues.push({ path, value: f.expr, reason: `refers to unknown driver or formula "${n}"${hint ? ` (did you mean "${hint}"?)` : ""}` });
    }
    if (unknown.length === 0) parsed.set(name, tree);
  }

  const deps = new Map([...parsed].map(([name, tree]) => [name, referencedNames(tree)] as const));
  const order = topologicalOrder(deps);
  if (!order.ok) {
    const first = order.cycle[0] as string;
    issues.push({ path: ["formulas", first, "expr"], value: formulas[first]?.expr ?? "", reason: `is part of a cycle: ${order.cycle.join(" → ")}` });
    return [];
  }

  const info = new Map<string, NameInfo>();
  for (const n of nodes) info.set(n.name, { slot: n.slot, unit: n.unit, vec: n.vec });
  const out: CompiledFormula[] = [];
  for (const name of order.order) {
    const f = formulas[name] as ScenarioFormula;
    const path = ["formulas", name];
    const declared = parseUnit(f.unit);
    if (typeof declared === "string") {
      issues.push({ path: [...path, "unit"], value: f.unit, reason: declared });
      continue;
    }
    let checked;
    try {
      // A name whose own formula failed is missing from `info`: skip quietly, its error is already listed.
      const deps2 = referencedNames(parsed.get(name) as Expr);
      if (deps2.some((d) => !info.has(d))) continue;
      checked = checkExpression(parsed.get(name) as Expr, (n) => info.get(n));
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      issues.push({ path: [...path, "expr"], value: f.expr, reason: `${e.message}${where(f.expr, e.pos)}` });
      continue;
    }
    if (checked.bool) {
      issues.push({ path: [...path, "expr"], value: f.expr, reason: "is a comparison, not a number; write if(condition, 1, 0)" });
      continue;
    }
    let ir = checked.ir;
    if (checked.unit !== "literal") {
      if (!sameDimensions(checked.unit, declared)) {
        issues.push({ path: [...path, "unit"], value: f.unit, reason: `does not match the formula, which gives ${formatUnit(checked.unit)}${mismatchHint(declared, checked.unit)}` });
        continue;
      }
      const factor = conversionFactor(checked.unit, declared);
      if (factor !== 1) ir = { k: "mul", a: ir, b: { k: "const", v: factor } };
    }
    const slot = nodes.length;
    const node: CompiledFormula = { kind: "formula", name, slot, unit: declared, unitText: f.unit, vec: checked.vec, expr: f.expr, ir, ...(f.label !== undefined ? { label: f.label } : {}) };
    nodes.push(node);
    info.set(name, { slot, unit: declared, vec: checked.vec });
    out.push(node);
  }
  return out;
}
