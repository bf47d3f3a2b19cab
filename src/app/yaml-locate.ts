import { isMap, isScalar, isSeq, type LineCounter, type Pair, type parseDocument, type Node as YamlNode, type YAMLMap } from "yaml";

/** 1-based line of the field at a path in a YAML document (the deepest node the path reaches). */
export type LineLocator = (path: readonly PropertyKey[]) => number | undefined;

/**
 * Line lookup over a parsed YAML document, for error messages that name the line: a key's line for a
 * collection, a scalar's own line (a value on the line after its key, or inside a flow list).
 */
export function createLineLocator(doc: ReturnType<typeof parseDocument>, lines: LineCounter): LineLocator {
  const lineOf = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : lines.linePos(offset).line);
  // Each map's keys indexed once, so that many lookups (one per issue of a 30k-key file) stay linear.
  const index = new WeakMap<object, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let m = index.get(map);
    if (m === undefined) {
      m = new Map();
      for (const p of map.items) if (isScalar(p.key) && !m.has(String(p.key.value))) m.set(String(p.key.value), p as Pair);
      index.set(map, m);
    }
    return m.get(key);
  };
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineOf((doc.contents as YamlNode | null)?.range?.[0]);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = pairOf(node, String(seg));
        if (pair === undefined) return line;
        line = lineOf((pair.key as YamlNode).range?.[0]) ?? line;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)] as YamlNode | undefined;
        if (item === undefined) return line;
        line = lineOf(item.range?.[0]) ?? line;
        node = item;
      } else return line;
    }
    return isScalar(node) ? lineOf(node.range?.[0]) ?? line : line;
  };
}

/** The value at a path of plain parsed data, or undefined. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}
