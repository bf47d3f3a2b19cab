import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { percentileRank } from "./percentile-rank.js";

describe("percentileRank(history, value)", () => {
  it("percentileRank(history, value) is the share of values at or below, in percent", () => {
    expect(percentileRank([1, 2, 3, 4], 3)).toBe(75); // 1, 2, 3 ≤ 3: 3 of 4
    expect(percentileRank([1, 2, 3, 4], 0.5)).toBe(0);
    expect(percentileRank([1, 2, 2, 4], 2)).toBe(75); // ties count as at or below
    expect(percentileRank([1, null, Number.NaN, 3], 3)).toBe(100); // 2 finite values, both ≤ 3
  });

  it("percentileRank(history, value) is undefined without data", () => {
    expect(percentileRank([], 1)).toBeUndefined();
    expect(percentileRank([1, 2], Number.NaN)).toBeUndefined();
    expect(percentileRank([Number.NaN], 1)).toBeUndefined();
  });

  const python = "/usr/bin/python3";
  it.skipIf(!existsSync(python))("percentileRank(history, value) agrees with scipy.stats.percentileofscore(kind='weak')", () => {
    const history = Array.from({ length: 97 }, (_, i) => Math.round(1000 * Math.sin(i * 1.7)) / 100);
    const probes = [-10.5, -3.2, 0, history[5]!, history[40]!, 2.5, 9.99, 11];
    const script = `import json,sys\nfrom scipy.stats import percentileofscore\nd=json.load(sys.stdin)\nprint(json.dumps([percentileofscore(d['h'],p,kind='weak') for p in d['p']]))`;
    const out = execFileSync(python, ["-c", script], { input: JSON.stringify({ h: history, p: probes }) }).toString();
    const want = JSON.parse(out) as number[];
    probes.forEach((p, i) => expect(percentileRank(history, p)).toBeCloseTo(want[i]!, 10));
  });
});
