import { describe, expect, it } from "vitest";
import { CONFIG_LIMITS, jsonDepthExceeded, parseYamlSafely } from "../../src/app/yaml-safe.js";
import { parseThesis } from "../../src/app/thesis/load-thesis.js";
import { isRerateError } from "../../src/errors.js";

const flat = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join("\n");

describe("parseYamlSafely(text, file): limits and linear time", () => {
  it("parseYamlSafely reads a flat map of 100,000 keys (linear: the yaml library's uniqueKeys check was quadratic)", () => {
    // Not a timing test: it only has to finish. 100k keys took forever with uniqueKeys: true.
    const { raw } = parseYamlSafely(flat(100_000), "big.yaml");
    expect(Object.keys(raw as object).length).toBe(100_000);
    expect((raw as Record<string, number>).k99999).toBe(99_999);
  });

  it("parseYamlSafely refuses a key written twice, naming its line", () => {
    expect(() => parseYamlSafely("a: 1\nb: 2\na: 3\n", "dup.yaml")).toThrow(/dup\.yaml:3: is not valid YAML: map keys must be unique \(`a` is written twice/);
  });

  it("parseYamlSafely refuses an alias bomb with E_INVALID_INPUT naming the limit", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]"].join("\n");
    try {
      parseYamlSafely(bomb, "bomb.yaml");
      expect.unreachable();
    } catch (e) {
      expect(isRerateError(e) && e.code).toBe("E_INVALID_INPUT");
      expect((e as Error).message).toContain(`limit of ${CONFIG_LIMITS.maxAliasCount}`);
    }
  });

  it("parseYamlSafely refuses nesting past the depth limit (flow and block), and a thesis does too", () => {
    const flow = "a: " + "[".repeat(65) + "]".repeat(65);
    expect(() => parseYamlSafely(flow, "deep.yaml")).toThrow(/deeper than the limit of 64/);
    const ok = "a: " + "[".repeat(60) + "]".repeat(60);
    expect(() => parseYamlSafely(ok, "ok.yaml")).not.toThrow();
    const veryDeep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(() => parseThesis(veryDeep, "thesis.yaml")).toThrow(/limit of 64|nested too deeply/);
  });

  it("jsonDepthExceeded(text, limit) ignores brackets inside strings and names the line", () => {
    expect(jsonDepthExceeded('{"a": "[[[[[[", "b": [1]}', 2)).toBeUndefined();
    // depth 1 at '{', 2 at '[' on line 2, 3 at the second '[' on line 3.
    expect(jsonDepthExceeded('{\n"a": [\n[1]]}', 2)).toBe(3);
  });
});
