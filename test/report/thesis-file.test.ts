import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadThesis, parseThesis } from "../../src/app/thesis/load-thesis.js";
import { InvalidInputError, NotFoundError } from "../../src/errors.js";
import { THESIS } from "./_demo.js";

const MINIMAL = `id: t
title: A thesis
groups:
  a: { securities: [9988.HK] }
  b: { securities: [AMZN] }
wall: { a: a, b: b }
claims:
  - id: gap
    kind: discount
    text: A trades at a discount to B
    a: a
    b: b
    holdsIf: { op: ">=", value: 0.25 }
`;

const errorOf = (text: string): InvalidInputError => {
  try {
    parseThesis(text, "bad.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return e as InvalidInputError;
  }
  throw new Error("expected an error");
};

describe("loadThesis(file)", () => {
  it("reads the shipped example: groups, wall, catalysts, scenario and a claim of every kind", () => {
    const { thesis } = loadThesis(THESIS);
    expect(Object.keys(thesis.groups)).toEqual(["china", "us", "chips"]);
    expect(thesis.wall).toMatchObject({ a: "china", b: "us", metric: "forwardPENtm" });
    expect(new Set(thesis.claims.map((c) => c.kind))).toEqual(new Set(["discount", "premium", "multiple", "event", "scenario", "attribution"]));
    expect(thesis.claims.find((c) => c.id === "qwen3-max-day")).toMatchObject({ kind: "event", security: "9988.HK", window: [0, 1], pBelow: 0.05 });
    expect(thesis.scenarios["chip-substitution"]).toMatchObject({ file: "china-ai-capex.yaml", seed: 42 });
  });

  it("accepts a minimal thesis and fills defaults", () => {
    const { thesis } = parseThesis(MINIMAL, "t.yaml");
    expect(thesis.claims[0]).toMatchObject({ metric: "forwardPENtm", statistic: "median" });
    expect(thesis.wall.close).toEqual([0.25, 0.5, 1]);
  });

  it("a missing file is E_NOT_FOUND", () => {
    expect(() => loadThesis("/nope/thesis.yaml")).toThrow(NotFoundError);
  });
});

describe("bad thesis files give errors naming line and field", () => {
  it("an unknown field: its line and dotted path", () => {
    const e = errorOf(MINIMAL.replace("    a: a\n", "    a: a\n    treshold: 3\n"));
    expect(e.message).toBe("bad.yaml:12: claims.0.treshold is not a field here (known fields are listed in src/models/thesis.ts)");
    expect(e.issues[0]).toMatchObject({ line: 12, column: "claims.0.treshold" });
  });

  it("a bad value: the line of the value, the field and the value", () => {
    const e = errorOf(MINIMAL.replace('op: ">="', 'op: "=>"'));
    expect(e.message).toMatch(/^bad\.yaml:13: claims\.0\.holdsIf\.op "=>" /);
  });

  it("a missing field", () => {
    const e = errorOf(MINIMAL.replace('    holdsIf: { op: ">=", value: 0.25 }\n', ""));
    expect(e.message).toMatch(/^bad\.yaml:8: claims\.0\.holdsIf is missing/);
  });

  it("an unknown claim kind names the kind's line", () => {
    const e = errorOf(MINIMAL.replace("kind: discount", "kind: vibes"));
    expect(e.message).toMatch(/^bad\.yaml:9: claims\.0\.kind "vibes" must be one of 'discount' \| 'event'/);
  });

  it("a reference to a group that does not exist", () => {
    const e = errorOf(MINIMAL.replace("wall: { a: a, b: b }", "wall: { a: a, b: c }"));
    expect(e.message).toBe('bad.yaml:6: wall.b "c" names no group of groups: (a, b)');
  });

  it("a claim on a scenario model the thesis does not name, and duplicate claim ids", () => {
    const text = MINIMAL + `  - id: gap
    kind: scenario
    text: big
    scenario: capex
    output: revenue
    statistic: mean
    holdsIf: { op: ">", value: 1 }
`;
    const e = errorOf(text);
    expect(e.issues.map((i) => `${i.line}: ${i.column}`)).toEqual(["14: claims.1.id", "17: claims.1.scenario"]);
  });

  it("invalid YAML gives the line of the syntax error", () => {
    const e = errorOf("id: t\ntitle: [unclosed\ngroups: {}\n");
    expect(e.message).toMatch(/^bad\.yaml:\d+: is not valid YAML/);
  });

  it("the example parses byte for byte from its text (no hidden state)", () => {
    expect(parseThesis(readFileSync(THESIS, "utf8"), THESIS).thesis.id).toBe("china-tech-rerating");
  });
});
