/** Result of ordering formulas: an evaluation order, or the first cycle found. */
export type TopologicalOrder = { readonly ok: true; readonly order: string[] } | { readonly ok: false; readonly cycle: string[] };

/**
 * Orders nodes so each comes after everything it depends on (depth-first, in the order nodes are given,
 * so the result is stable). Dependencies that are not nodes (drivers) are ignored.
 *
 * @param deps - node → the names it refers to.
 * @returns `{ ok: true, order }`, or `{ ok: false, cycle }` with the cycle as a closed path `[a, b, a]`.
 * @example topologicalOrder(new Map([["a", ["b"]], ["b", []]])) // { ok: true, order: ["b", "a"] }
 * @example topologicalOrder(new Map([["a", ["b"]], ["b", ["a"]]])) // { ok: false, cycle: ["a", "b", "a"] }
 */
export function topologicalOrder(deps: ReadonlyMap<string, readonly string[]>): TopologicalOrder {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const order: string[] = [];
  const path: string[] = [];
  // Iterative DFS so a long chain of formulas cannot overflow the stack.
  for (const root of deps.keys()) {
    if (state.has(root)) continue;
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 1);
    path.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; next: number };
      const children = deps.get(top.node) ?? [];
      if (top.next < children.length) {
        const child = children[top.next++] as string;
        if (!deps.has(child)) continue;
        const s = state.get(child);
        if (s === 2) continue;
        if (s === 1) return { ok: false, cycle: [...path.slice(path.indexOf(child)), child] };
        state.set(child, 1);
        path.push(child);
        stack.push({ node: child, next: 0 });
      } else {
        state.set(top.node, 2);
        order.push(top.node);
        path.pop();
        stack.pop();
      }
    }
  }
  return { ok: true, order };
}
