import { describe, expect, it } from "vitest";
import { compileScenario, parseScenarioModel } from "../../src/app/scenario.js";
import { InvalidInputError, type InputIssue } from "../../src/errors.js";

/** A small valid model; each case below changes a few lines of it. Line numbers are in the comments. */
const BASE = [
  "years: [2025, 2026]", // 1
  "drivers:", // 2
  "  capex:", // 3
  "    unit: RMB bn", // 4
  "    dist: { type: pert, min: 90, mode: 100, max: 130 }", // 5
  "  share:", // 6
  '    unit: "%"', // 7
  "    byYear: { 2025: 30, 2026: { type: uniform, min: 35, max: 45 } }", // 8
  "  price:", // 9
  "    unit: RMB k/card", // 10
  "    value: 120", // 11
  "formulas:", // 12
  "  spend:", // 13
  "    unit: RMB bn", // 14
  "    expr: capex * share", // 15
  "  cards:", // 16
  "    unit: k card", // 17
  "    expr: spend / price", // 18
  "outputs: [spend, cards]", // 19
];

interface Patch {
  /** line number → new text (null deletes the line's content). */
  set?: Record<number, string>;
  /** lines added at the end (line 20 onwards). */
  append?: string[];
}

function yamlOf(p: Patch): string {
  const lines = BASE.map((l, i) => p.set?.[i + 1] ?? l);
  return [...lines, ...(p.append ?? [])].join("\n") + "\n";
}

function issuesOf(p: Patch, scenario?: string): InputIssue[] {
  try {
    compileScenario(parseScenarioModel(yamlOf(p), "bad.yaml"), scenario);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    const issues = (e as InvalidInputError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.file).toBe("bad.yaml");
    // The message names every issue with its line.
    if (issues[0]!.line !== undefined) expect((e as Error).message).toContain(`bad.yaml:${issues[0]!.line}: `);
    return issues;
  }
  throw new Error("expected the model to be refused");
}

type Case = [title: string, patch: Patch, line: number, column: string | undefined, reason: RegExp, scenario?: string];

const CORRELATED = (pairs: string) => ["correlations:", `  - ${pairs}`];

const CASES: Case[] = [
  ["YAML syntax: an unclosed flow map", { set: { 5: "    dist: { type: pert, min: 90, mode: 100, max: 130" } }, 6, undefined, /not valid YAML/],
  ["YAML: a key given twice", { set: { 5: "    unit: USD bn" } }, 5, undefined, /not valid YAML.*unique/i],
  ["an unknown field, with a suggestion", { set: { 11: "    valeu: 120" } }, 11, "drivers.price.valeu", /is not a field here \(did you mean "value"\?\)/],
  ["a value that is not a number", { set: { 11: "    value: abc" } }, 11, "drivers.price.value", /expected number, received string/],
  ["an unknown distribution type", { set: { 5: "    dist: { type: gamma, min: 90, mode: 100, max: 130 }" } }, 5, "drivers.capex.dist.type", /must be one of normal, lognormal, triangular, pert, uniform, discrete/],
  ["a missing distribution parameter", { set: { 5: "    dist: { type: pert, min: 90, max: 130 }" } }, 5, "drivers.capex.dist.mode", /is missing/],
  ["a PERT mode outside [min, max]", { set: { 5: "    dist: { type: pert, min: 90, mode: 150, max: 130 }" } }, 5, "drivers.capex.dist.mode", /must lie within \[min, max\] = \[90, 130\]/],
  ["a PERT with min above max", { set: { 5: "    dist: { type: pert, min: 130, mode: 100, max: 90 }" } }, 5, "drivers.capex.dist.max", /must exceed min \(130\)/],
  ["a PERT with lambda ≤ 0", { set: { 5: "    dist: { type: pert, min: 90, mode: 100, max: 130, lambda: 0 }" } }, 5, "drivers.capex.dist.lambda", /must be > 0/],
  ["a normal with sd ≤ 0", { set: { 5: "    dist: { type: normal, mean: 100, sd: -5 }" } }, 5, "drivers.capex.dist.sd", /must be > 0/],
  ["a lognormal given both ways", { set: { 5: "    dist: { type: lognormal, mean: 100, sd: 10, mu: 4 }" } }, 5, "drivers.capex.dist.mu", /either mean and sd .* or mu and sigma/],
  ["a lognormal with a mean ≤ 0", { set: { 5: "    dist: { type: lognormal, mean: -1, sd: 10 }" } }, 5, "drivers.capex.dist.mean", /must be > 0 for a lognormal/],
  ["a lognormal with half its parameters", { set: { 5: "    dist: { type: lognormal, mu: 4 }" } }, 5, "drivers.capex.dist.sigma", /needs both mu and sigma/],
  ["a triangular with its mode outside", { set: { 5: "    dist: { type: triangular, min: 1, mode: 0, max: 2 }" } }, 5, "drivers.capex.dist.mode", /must lie within/],
  ["a uniform with min = max", { set: { 5: "    dist: { type: uniform, min: 5, max: 5 }" } }, 5, "drivers.capex.dist.max", /must exceed min \(5\)/],
  ["discrete probabilities that do not add up to 1", { set: { 5: "    dist: { type: discrete, values: [90, 110], probabilities: [0.5, 0.4] }" } }, 5, "drivers.capex.dist.probabilities", /must add up to 1/],
  ["discrete: fewer probabilities than values", { set: { 5: "    dist: { type: discrete, values: [90, 110, 120], probabilities: [0.5, 0.5] }" } }, 5, "drivers.capex.dist.probabilities", /one probability per value \(3 values\)/],
  ["discrete: a negative probability", { set: { 5: "    dist: { type: discrete, values: [90, 110], probabilities: [-0.5, 1.5] }" } }, 5, "drivers.capex.dist.probabilities.0", /must be ≥ 0/],
  ["a truncation that holds no probability", { set: { 5: "    dist: { type: pert, min: 90, mode: 100, max: 130, truncate: { min: 200, max: 300 } }" } }, 5, "drivers.capex.dist.truncate", /holds no probability/],
  ["a truncation with min ≥ max", { set: { 5: "    dist: { type: normal, mean: 100, sd: 5, truncate: { min: 110, max: 90 } }" } }, 5, "drivers.capex.dist.truncate.max", /must exceed truncate.min \(110\)/],
  ["a base outside the support", { set: { 5: "    dist: { type: pert, min: 90, mode: 100, max: 130, base: 200 }" } }, 5, "drivers.capex.dist.base", /must lie within the distribution's support \[90, 130\]/],
  ["a driver with both value and dist", { set: { 11: "    value: 120\n    dist: { type: uniform, min: 1, max: 2 }" } }, 9, "drivers.price", /gives value and dist: keep exactly one of value, dist or byYear/],
  ["a driver without a value", { set: { 11: "    note: nothing yet" } }, 9, "drivers.price", /gives no value: add value, dist or byYear/],
  ["byYear missing a model year", { set: { 8: "    byYear: { 2025: 30 }" } }, 8, "drivers.share.byYear", /has no entry for model year 2026/],
  ["byYear with a year outside the model", { set: { 8: "    byYear: { 2025: 30, 2026: 40, 2030: 50 }" } }, 8, "drivers.share.byYear.2030", /is not a model year \(years: 2025, 2026\)/],
  ["byYear with a key that is not a year", { set: { 8: "    byYear: { y2025: 30, 2026: 40 }" } }, 8, "drivers.share.byYear.y2025", /four-digit years/],
  ["byYear with a distribution whose parameters are wrong", { set: { 8: "    byYear: { 2025: 30, 2026: { type: uniform, min: 45, max: 35 } }" } }, 8, "drivers.share.byYear.2026.max", /must exceed min \(45\)/],
  ["a unit that is not a unit", { set: { 4: "    unit: RMB bn!" } }, 4, "drivers.capex.unit", /"bn!" is not a unit word/],
  ["a formula that cannot be read", { set: { 15: "    expr: capex * * share" } }, 15, "formulas.spend.expr", /cannot be read: unexpected "\*" where a value was expected/],
  ["an unknown name, with a suggestion", { set: { 15: "    expr: capx * share" } }, 15, "formulas.spend.expr", /unknown driver or formula "capx" \(did you mean "capex"\?\)/],
  ["an unknown function", { set: { 15: "    expr: mean(capex) * share" } }, 15, "formulas.spend.expr", /"mean" is not a function/],
  ["a function with the wrong number of arguments", { set: { 15: "    expr: if(capex > 1, capex)" } }, 15, "formulas.spend.expr", /if\(\) takes 3 argument\(s\), got 2/],
  ["a cycle between formulas", { set: { 15: "    expr: cards * price" } }, 15, "formulas.spend.expr", /is part of a cycle: spend → cards → spend/],
  ["a formula that uses itself", { set: { 18: "    expr: cards + spend / price" } }, 18, "formulas.cards.expr", /cycle: cards → cards/],
  ["adding USD to RMB without FX", { set: { 10: "    unit: USD bn", 15: "    expr: capex + price", 18: "    expr: spend / 2" } }, 15, "formulas.spend.expr", /cannot add CNY bn and USD bn; convert with an FX driver \(e\.g\. unit USD\/CNY\)/],
  ["a declared unit that does not match", { set: { 17: "    unit: USD bn" } }, 17, "formulas.cards.unit", /does not match the formula, which gives card m/],
  ["a comparison as a formula's value", { set: { 15: "    expr: capex > 100" } }, 15, "formulas.spend.expr", /is a comparison, not a number/],
  ["an exponent with a unit", { set: { 15: "    expr: capex ^ capex" } }, 15, "formulas.spend.expr", /an exponent must be a plain number, not CNY bn/],
  ["sum() of a value that does not vary by year", { set: { 15: "    expr: sum(capex) * share" } }, 15, "formulas.spend.expr", /sum\(\) adds a per-year value over the years/],
  ["exp() of an amount", { set: { 15: "    expr: exp(capex) * share" } }, 15, "formulas.spend.expr", /exp\(\) needs a plain number, not CNY bn/],
  ["a driver named like a built-in", { set: { 9: "  year:" , 18: "    expr: spend / 1" } }, 9, "drivers.year", /is a built-in name/],
  ["a correlation with an unknown driver", { append: CORRELATED("{ between: [capex, shares], rank: 0.5 }") }, 21, "correlations.0.between.1", /"shares" is not a driver/],
  ["a correlation with a constant", { append: CORRELATED("{ between: [capex, price], rank: 0.5 }") }, 21, "correlations.0.between.1", /is a constant; give it a distribution/],
  ["a correlation with a formula", { append: CORRELATED("{ between: [spend, capex], rank: 0.5 }") }, 21, "correlations.0.between.0", /is a formula; correlations are between uncertain drivers/],
  ["a correlation of a driver with itself", { append: CORRELATED("{ between: [capex, capex], rank: 0.5 }") }, 21, "correlations.0.between", /names the same driver twice/],
  ["a rank correlation above 1", { append: CORRELATED("{ between: [capex, share], rank: 1.5 }") }, 21, "correlations.0.rank", /<=1/],
  ["a pair given twice", { append: ["correlations:", "  - { between: [capex, share], rank: 0.5 }", "  - { between: [share, capex], rank: 0.2 }"] }, 22, "correlations.1.between", /repeats the pair of correlations\[0\]/],
  ["a scenario that overrides an unknown driver", { append: ["scenarios:", "  bull:", "    set: { capx: 110 }"] }, 22, "scenarios.bull.set.capx", /is not a driver of the model/],
  ["a scenario that overrides a formula", { append: ["scenarios:", "  bull:", "    set: { spend: 110 }"] }, 22, "scenarios.bull.set.spend", /is a formula; a scenario overrides drivers/],
  ["a scenario with an invalid distribution", { append: ["scenarios:", "  bull:", "    set:", "      capex: { dist: { type: pert, min: 1, mode: 5, max: 3 } }"] }, 23, "scenarios.bull.set.capex.dist.mode", /must lie within/],
  ["an unknown output", { set: { 19: "outputs: [spend, card]" } }, 19, "outputs.1", /is not a driver or formula of the model/],
  ["an output listed twice", { set: { 19: "outputs: [spend, spend]" } }, 19, "outputs.1", /is listed twice/],
  ["years out of order", { set: { 1: "years: [2026, 2025]" } }, 1, "years.1", /ascending and distinct/],
  ["no outputs", { set: { 19: "# outputs: []" } }, 1, "outputs", /is missing/],
];

describe("scenario model files: every problem names its line and field", () => {
  it.each(CASES)("%s", (_title, patch, line, column, reason, scenario) => {
    const issues = issuesOf(patch, scenario);
    const hit = issues.find((i) => (column === undefined || i.column === column) && reason.test(`"${i.value ?? ""}" ${i.reason}`));
    expect(hit, `issues were: ${JSON.stringify(issues)}`).toBeDefined();
    expect(hit!.line).toBe(line);
  });

  it("an unknown scenario on the command line names the option", () => {
    const issues = issuesOf({}, "bulll");
    expect(issues[0]).toMatchObject({ column: "--scenario", value: "bulll" });
    expect(issues[0]!.reason).toMatch(/is not a scenario of this model \(scenarios: base\)/);
  });

  it("a range on an uncertain driver is refused at the range's line", () => {
    const text = yamlOf({ set: { 5: "    dist: { type: pert, min: 90, mode: 100, max: 130 }" } }).replace("    dist: { type: pert", "    range: [90, 130]\n    dist: { type: pert");
    try {
      compileScenario(parseScenarioModel(text, "bad.yaml"));
      throw new Error("expected a refusal");
    } catch (e) {
      expect((e as InvalidInputError).issues[0]).toMatchObject({ line: 5, column: "drivers.capex.range" });
      expect((e as InvalidInputError).issues[0]!.reason).toMatch(/applies only to a constant driver/);
    }
  });

  it("a formula named like a driver is refused at the formula", () => {
    const issues = issuesOf({ set: { 16: "  capex:", 18: "    expr: spend / price", 19: "outputs: [spend]" } });
    expect(issues.find((i) => i.column === "formulas.capex")).toMatchObject({ line: 16, reason: "is also a driver; names must be unique" });
  });

  it("correlations that cannot hold together are refused with the nearest valid set (Higham)", () => {
    const text = [
      "years: [2025]",
      "drivers:",
      "  a: { unit: share, dist: { type: uniform, min: 0, max: 1 } }",
      "  b: { unit: share, dist: { type: uniform, min: 0, max: 1 } }",
      "  c: { unit: share, dist: { type: uniform, min: 0, max: 1 } }",
      "formulas:",
      "  s: { unit: share, expr: a + b + c }",
      "correlations:",
      "  - { between: [a, b], rank: 0.9 }",
      "  - { between: [a, c], rank: 0.9 }",
      "  - { between: [b, c], rank: -0.9 }",
      "outputs: [s]",
    ].join("\n");
    try {
      compileScenario(parseScenarioModel(text, "psd.yaml"));
      throw new Error("expected a refusal");
    } catch (e) {
      const issue = (e as InvalidInputError).issues[0]!;
      expect(issue).toMatchObject({ file: "psd.yaml", line: 8, column: "correlations" });
      expect(issue.value).toMatch(/smallest eigenvalue -0\.\d+/);
      expect(issue.reason).toMatch(/not positive semi-definite\)\. The nearest valid set \(Higham 2002\): a~b 0\.\d+ \(was 0\.9\); a~c 0\.\d+ \(was 0\.9\); b~c -0\.\d+ \(was -0\.9\)/);
    }
  });

  it("several problems are reported together, each located", () => {
    const issues = issuesOf({ set: { 5: "    dist: { type: normal, mean: 100, sd: 0 }", 15: "    expr: capex * shar", 19: "outputs: [spend, nothing]" } });
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [5, "drivers.capex.dist.sd"],
      [15, "formulas.spend.expr"],
      [19, "outputs.1"],
    ]);
  });

  it("a file that is not a mapping is refused at line 1", () => {
    expect(() => parseScenarioModel("- 1\n- 2\n", "list.yaml")).toThrow(/list\.yaml:1: is not a scenario model/);
  });
});
