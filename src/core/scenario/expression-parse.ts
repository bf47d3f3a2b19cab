import { ExpressionError, FUNCTIONS, type BinaryOp, type CompareOp, type Expr } from "./expression-ast.js";

/*
 * A hand-written Pratt parser. No installed library fits: acorn (present through eslint) parses JavaScript,
 * where ^ is xor and there is no place to hang unit checking or year vectors; mathjs / expr-eval are not
 * dependencies and would bring a second evaluator whose semantics (implicit units, matrices) differ from
 * ours. The grammar is small: numbers, names, + − × ÷ ^, comparisons, calls.
 */

type Token =
  | { t: "num"; v: number; pos: number }
  | { t: "id"; v: string; pos: number }
  | { t: "op"; v: string; pos: number }
  | { t: "end"; pos: number };

const OP_ALIASES: Readonly<Record<string, string>> = { "−": "-", "×": "*", "·": "*", "÷": "/", "≤": "<=", "≥": ">=", "≠": "!=", "=": "==" };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]), pos: i });
      i += num[0].length;
      if (i < src.length && /[A-Za-z_]/.test(src[i] as string)) throw new ExpressionError(`a number is followed by "${src[i]}"; write a * between them`, i);
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "==" || two === "!=" || two === "**") {
      out.push({ t: "op", v: two === "**" ? "^" : two, pos: i });
      i += 2;
      continue;
    }
    if ("+-*/^(),<>".includes(c)) {
      out.push({ t: "op", v: c, pos: i });
      i++;
      continue;
    }
    const alias = OP_ALIASES[c];
    if (alias !== undefined) {
      out.push({ t: "op", v: alias, pos: i });
      i++;
      continue;
    }
    throw new ExpressionError(`unexpected character "${c}"`, i);
  }
  out.push({ t: "end", pos: src.length });
  return out;
}

const COMPARE = new Set(["<", "<=", ">", ">=", "==", "!="]);

/**
 * Parses a formula into a syntax tree.
 * Precedence, lowest first: comparisons (not chained); + −; × ÷; unary minus; ^ (right-associative, so
 * −2^2 = −4 and 2^3^2 = 2^9); then numbers, names, calls f(a, b) and parentheses.
 *
 * @param src - the formula text, e.g. "capex * accel_share * domestic_share".
 * @returns the tree; positions are character offsets in `src`.
 * @throws ExpressionError with the offset of the first problem.
 * @example parseExpression("a + b * 2") // binary + with right child binary *
 */
export function parseExpression(src: string): Expr {
  const toks = tokenize(src);
  let k = 0;
  const peek = (): Token => toks[k] as Token;
  const next = (): Token => toks[k++] as Token;
  const isOp = (v: string): boolean => {
    const p = peek();
    return p.t === "op" && p.v === v;
  };
  const expectOp = (v: string, what: string): void => {
    const p = peek();
    if (p.t === "op" && p.v === v) {
      k++;
      return;
    }
    throw new ExpressionError(`expected ${what}${p.t === "end" ? " before the end" : ` at "${src.slice(p.pos, p.pos + 12)}"`}`, p.pos);
  };

  const primary = (): Expr => {
    const tok = next();
    if (tok.t === "num") return { kind: "number", value: tok.v, pos: tok.pos };
    if (tok.t === "id") {
      if (isOp("(")) {
        k++;
        const arity = FUNCTIONS[tok.v];
        if (arity === undefined) throw new ExpressionError(`"${tok.v}" is not a function (functions: ${Object.keys(FUNCTIONS).join(", ")})`, tok.pos);
        const args: Expr[] = [];
        if (!isOp(")")) {
          args.push(comparison());
          while (isOp(",")) {
            k++;
            args.push(comparison());
          }
        }
        expectOp(")", `")" to close ${tok.v}(`);
        if (args.length < arity[0] || args.length > arity[1]) {
          const want = arity[1] === Infinity ? `at least ${arity[0]}` : arity[0] === arity[1] ? String(arity[0]) : `${arity[0]} to ${arity[1]}`;
          throw new ExpressionError(`${tok.v}() takes ${want} argument(s), got ${args.length}`, tok.pos);
        }
        return { kind: "call", fn: tok.v, args, pos: tok.pos };
      }
      return { kind: "name", name: tok.v, pos: tok.pos };
    }
    if (tok.t === "op" && tok.v === "(") {
      const inner = comparison();
      expectOp(")", '")"');
      return inner;
    }
    if (tok.t === "end") throw new ExpressionError("formula ends where a value was expected", tok.pos);
    throw new ExpressionError(`unexpected "${tok.v}" where a value was expected`, tok.pos);
  };

  // ^ binds tighter than unary minus on its left, and is right-associative: a^-b is allowed.
  const power = (): Expr => {
    const base = primary();
    if (isOp("^")) {
      const pos = next().pos;
      const exponent = unary();
      return { kind: "binary", op: "^", left: base, right: exponent, pos };
    }
    return base;
  };

  const unary = (): Expr => {
    if (isOp("-")) {
      const pos = next().pos;
      return { kind: "unary", op: "-", arg: unary(), pos };
    }
    if (isOp("+")) {
      next();
      return unary();
    }
    return power();
  };

  const binaryLevel = (ops: readonly string[], below: () => Expr) => (): Expr => {
    let left = below();
    for (;;) {
      const p = peek();
      if (p.t !== "op" || !ops.includes(p.v)) return left;
      k++;
      const right = below();
      left = { kind: "binary", op: p.v as BinaryOp, left, right, pos: p.pos };
    }
  };
  const multiplicative = binaryLevel(["*", "/"], unary);
  const additive = binaryLevel(["+", "-"], multiplicative);

  const comparison = (): Expr => {
    const left = additive();
    const p = peek();
    if (p.t === "op" && COMPARE.has(p.v)) {
      k++;
      const right = additive();
      const q = peek();
      if (q.t === "op" && COMPARE.has(q.v)) throw new ExpressionError("comparisons cannot be chained; use if() twice", q.pos);
      return { kind: "compare", op: p.v as CompareOp, left, right, pos: p.pos };
    }
    return left;
  };

  const tree = comparison();
  const rest = peek();
  if (rest.t !== "end") throw new ExpressionError(`unexpected "${rest.t === "num" ? rest.v : rest.t === "id" ? rest.v : rest.v}" after a complete formula`, rest.pos);
  return tree;
}
