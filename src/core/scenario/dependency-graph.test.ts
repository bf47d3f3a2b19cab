import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { topologicalOrder } from "./dependency-graph.js";

describe("topologicalOrder(deps)", () => {
  it("topologicalOrder(deps) puts every node after its dependencies and ignores outside names", () => {
    const r = topologicalOrder(new Map([["total", ["a", "b", "capex"]], ["a", ["b"]], ["b", ["capex"]]]));
    expect(r).toEqual({ ok: true, order: ["b", "a", "total"] });
  });

  it("topologicalOrder(deps) reports a cycle as a closed path", () => {
    expect(topologicalOrder(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]]]))).toEqual({ ok: false, cycle: ["a", "b", "c", "a"] });
    expect(topologicalOrder(new Map([["x", []], ["a", ["a"]]]))).toEqual({ ok: false, cycle: ["a", "a"] });
  });

  it("topologicalOrder(deps) handles a chain of 100,000 formulas without overflowing the stack", () => {
    const deps = new Map(Array.from({ length: 100_000 }, (_, i) => [`f${i}`, i === 0 ? [] : [`f${i - 1}`]] as const));
    const r = topologicalOrder(new Map([...deps].reverse()));
    expect(r.ok && r.order[0]).toBe("f0");
  });

  it("topologicalOrder(deps): any DAG (edges only to lower indices) orders, property", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(30), { maxLength: 4 }), { minLength: 1, maxLength: 30 }), (edges) => {
        const deps = new Map(edges.map((e, i) => [`n${i}`, e.filter((j) => j < i).map((j) => `n${j}`)] as const));
        const r = topologicalOrder(deps);
        if (!r.ok) return false;
        const pos = new Map(r.order.map((n, i) => [n, i]));
        return [...deps].every(([n, ds]) => ds.every((d) => (pos.get(d) as number) < (pos.get(n) as number)));
      }),
    );
  });
});
