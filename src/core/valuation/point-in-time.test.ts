import { describe, expect, it } from "vitest";
import type { Estimate, Fundamental } from "../../models/index.js";
import { newFundamentals, pointInTimeEstimates, pointInTimeFundamentals } from "./point-in-time.js";

const eps = (value: number, knownFrom: string, fiscalPeriod = "FY2025"): Fundamental => ({
  entity: "alibaba", metric: "epsDiluted", fiscalPeriod, periodEnd: "2025-03-31", value, currency: "CNY", unit: "perShare", knownFrom,
});
const est = (value: number, asOf: string, estimator = "consensus", fiscalPeriod = "FY2026"): Estimate => ({
  entity: "alibaba", metric: "epsDiluted", fiscalPeriod, value, currency: "CNY", unit: "perShare", asOf, estimator,
});

describe("pointInTimeFundamentals(rows, asOf)", () => {
  const original = eps(6.0, "2025-05-15");
  const restated = eps(5.4, "2025-10-15");
  const rows = [restated, original, eps(2.2, "2025-11-20", "FY2026")];

  it("pointInTimeFundamentals(rows, asOf) hides a restatement before its knownFrom", () => {
    expect(pointInTimeFundamentals(rows, "2025-09-30")).toEqual([original]);
    expect(pointInTimeFundamentals(rows, "2025-10-14")).toEqual([original]);
  });

  it("pointInTimeFundamentals(rows, asOf) uses the latest knownFrom ≤ asOf once known", () => {
    expect(pointInTimeFundamentals(rows, "2025-10-15")).toEqual([restated]);
    expect(pointInTimeFundamentals(rows, "2025-12-01")).toEqual([restated, rows[2]]);
  });

  it("pointInTimeFundamentals(rows, asOf) is empty before anything was known", () => {
    expect(pointInTimeFundamentals(rows, "2025-05-14")).toEqual([]);
  });

  it("pointInTimeFundamentals(rows, asOf) breaks a knownFrom tie by input order and does not mutate", () => {
    const copy = structuredClone(rows);
    const a = eps(1, "2025-05-15");
    const b = eps(2, "2025-05-15");
    expect(pointInTimeFundamentals([a, b], "2025-06-01")).toEqual([b]);
    expect(rows).toEqual(copy);
  });
});

describe("pointInTimeEstimates(rows, asOf, estimator?)", () => {
  const rows = [est(6.5, "2025-06-01"), est(7.2, "2025-09-01"), est(8.0, "2025-10-10"), est(7.0, "2025-09-20", "broker-a")];

  it("pointInTimeEstimates(rows, asOf, estimator?) keeps the latest observation on or before asOf", () => {
    expect(pointInTimeEstimates(rows, "2025-09-30", "consensus").map((r) => r.value)).toEqual([7.2]);
    expect(pointInTimeEstimates(rows, "2025-10-10", "consensus").map((r) => r.value)).toEqual([8.0]);
    expect(pointInTimeEstimates(rows, "2025-05-31", "consensus")).toEqual([]);
  });

  it("pointInTimeEstimates(rows, asOf) without an estimator keeps one row per estimator", () => {
    expect(pointInTimeEstimates(rows, "2025-09-30").map((r) => `${r.estimator}:${r.value}`)).toEqual(["consensus:7.2", "broker-a:7"]);
  });
});

describe("newFundamentals(fetched, stored)", () => {
  const eps = (value: number, knownFrom: string, currency: "CNY" | "USD" = "CNY"): Fundamental => ({
    entity: "9988.HK", metric: "epsDiluted", fiscalPeriod: "FY2025", periodEnd: "2025-03-31", value, currency, unit: "perShare", knownFrom,
  });

  it("drops the same figure observed again later, keeps first sightings, restatements and earlier sightings", () => {
    const stored = [eps(3.91, "2025-06-01")];
    expect(newFundamentals([eps(3.91, "2025-06-02")], stored)).toEqual([]); // seen again the next day
    expect(newFundamentals([eps(3.95, "2025-08-01")], stored)).toEqual([eps(3.95, "2025-08-01")]); // restated
    expect(newFundamentals([eps(3.91, "2025-05-20")], stored)).toEqual([eps(3.91, "2025-05-20")]); // known earlier than we thought
    expect(newFundamentals([eps(3.91, "2025-06-01")], stored)).toEqual([eps(3.91, "2025-06-01")]); // same key: the upsert decides
    expect(newFundamentals([eps(3.91, "2025-06-02", "USD")], stored)).toHaveLength(1); // another currency is another figure
    expect(newFundamentals([{ ...eps(3.91, "2025-06-02"), fiscalPeriod: "FY2024" }], stored)).toHaveLength(1);
  });

  it("compares with the version in force on the new knownFrom, not the latest stored", () => {
    // 3.91 first, restated to 3.95 in August: seeing 3.91 again in July repeats what was in force then; in
    // September it would revert the restatement, which is news.
    const stored = [eps(3.91, "2025-06-01"), eps(3.95, "2025-08-01")];
    expect(newFundamentals([eps(3.91, "2025-07-01")], stored)).toEqual([]);
    expect(newFundamentals([eps(3.91, "2025-09-01")], stored)).toEqual([eps(3.91, "2025-09-01")]);
  });
});
