import { describe, expect, it } from "vitest";
import { ExpressionError, referencedNames, type Expr } from "./expression-ast.js";
import { parseExpression } from "./expression-parse.js";

/** The tree as fully parenthesised text, to check precedence. */
function show(e: Expr): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "name":
      return e.name;
    case "unary":
      return `(-${show(e.arg)})`;
    case "binary":
    case "compare":
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case "call":
      return `${e.fn}(${e.args.map(show).join(", ")})`;
  }
}

const p = (s: string) => show(parseExpression(s));

describe("parseExpression(src)", () => {
  it("parseExpression(src) follows the usual precedence", () => {
    expect(p("a + b * c")).toBe("(a + (b * c))");
    expect(p("a - b - c")).toBe("((a - b) - c)");
    expect(p("a / b / c")).toBe("((a / b) / c)");
    expect(p("-2 ^ 2")).toBe("(-(2 ^ 2))"); // −4, as in mathematics (Excel says 4)
    expect(p("2 ^ 3 ^ 2")).toBe("(2 ^ (3 ^ 2))");
    expect(p("a ^ -b")).toBe("(a ^ (-b))");
    expect(p("(a + b) * c")).toBe("((a + b) * c)");
    expect(p("a + b > c * 2")).toBe("((a + b) > (c * 2))");
    expect(p("+a")).toBe("a");
  });

  it("parseExpression(src) reads calls, numbers and the typographic operators", () => {
    expect(p("max(a, b, 0)")).toBe("max(a, b, 0)");
    expect(p("if(a >= b, a, b)")).toBe("if((a >= b), a, b)");
    expect(p("sum(x * (1 + g) ^ (year - 2025))")).toBe("sum((x * ((1 + g) ^ (year - 2025))))");
    expect(p("1.5e3 + .25")).toBe("(1500 + 0.25)");
    expect(p("a × b ÷ c − d")).toBe("(((a * b) / c) - d)");
    expect(p("a ≤ b")).toBe("(a <= b)");
    expect(p("a ** 2")).toBe("(a ^ 2)");
    expect(p("a = b")).toBe("(a == b)");
  });

  it("parseExpression(src) throws ExpressionError at the offending offset", () => {
    const at = (src: string): [string, number] => {
      try {
        parseExpression(src);
      } catch (e) {
        expect(e).toBeInstanceOf(ExpressionError);
        return [(e as ExpressionError).message, (e as ExpressionError).pos];
      }
      throw new Error("expected an error");
    };
    expect(at("a * * b")).toEqual(['unexpected "*" where a value was expected', 4]);
    expect(at("a +")).toEqual(["formula ends where a value was expected", 3]);
    expect(at("(a + b")).toEqual(['expected ")" before the end', 6]);
    expect(at("a b")).toEqual(['unexpected "b" after a complete formula', 2]);
    expect(at("2a")).toEqual(['a number is followed by "a"; write a * between them', 1]);
    expect(at("a $ b")).toEqual(['unexpected character "$"', 2]);
    expect(at("a < b < c")[0]).toMatch(/cannot be chained/);
    expect(at("avg(a, b)")[0]).toMatch(/"avg" is not a function/);
    expect(at("sum(a, b)")[0]).toBe("sum() takes 1 argument(s), got 2");
    expect(at("min(a)")[0]).toBe("min() takes at least 2 argument(s), got 1");
  });

  it("referencedNames(e) lists drivers and formulas once, not year or functions", () => {
    expect(referencedNames(parseExpression("max(a, b) * a + year - sum(c)"))).toEqual(["a", "b", "c"]);
  });
});
