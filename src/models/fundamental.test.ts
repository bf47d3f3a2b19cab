import { describe, expect, it } from "vitest";
import { canonicalMetricName, Fundamental, unitOfMetric } from "./fundamental.js";

describe("canonicalMetricName(name)", () => {
  it("canonicalMetricName maps snake, kebab and spaced spellings to the metric's own name", () => {
    // the spelling of ../shared/data/fundamentals-2025/figures-nongaap.csv
    expect(canonicalMetricName("eps_adjusted_diluted")).toBe("epsAdjustedDiluted");
    expect(canonicalMetricName("eps_adjusted")).toBe("epsAdjusted");
    expect(canonicalMetricName("EPS adjusted")).toBe("epsAdjusted");
    expect(canonicalMetricName("eps-diluted")).toBe("epsDiluted");
    expect(canonicalMetricName("epsDiluted")).toBe("epsDiluted");
  });

  it("canonicalMetricName leaves unknown names alone, for the schema to refuse", () => {
    expect(canonicalMetricName("eps_fancy")).toBe("eps_fancy");
    expect(Fundamental.safeParse({ entity: "x", metric: "eps_fancy", fiscalPeriod: "FY2025", periodEnd: "2025-12-31", value: 1, unit: "perShare", knownFrom: "2026-02-01" }).success).toBe(false);
  });

  it("adjusted EPS is a per-share metric of its own", () => {
    expect(unitOfMetric("epsAdjusted")).toBe("perShare");
    expect(unitOfMetric("epsAdjustedDiluted")).toBe("perShare");
  });
});
