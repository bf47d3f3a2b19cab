import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeAttribution } from "../../src/app/attribution.js";
import { computePeerComps } from "../../src/app/comps-table.js";
import { computeWallPremium } from "../../src/app/implied.js";
import { checkMultiple } from "../../src/app/check-multiple.js";
import { createThesisContext } from "../../src/app/thesis/context.js";
import { evaluateClaims, satisfies, type ClaimResult } from "../../src/app/thesis/evaluate-claims.js";
import { loadThesis, type LoadedThesis } from "../../src/app/thesis/load-thesis.js";
import { readPrices } from "../../src/store/prices.js";
import type { Store } from "../../src/store/open.js";
import { openDemoStore, THESIS } from "./_demo.js";

let store: Store;
let close: () => Promise<void>;
let loaded: LoadedThesis;
let results: Map<string, ClaimResult>;
const AS_OF = "2025-10-31";

beforeAll(async () => {
  const demo = await openDemoStore();
  store = demo.store;
  close = demo.cleanup;
  loaded = loadThesis(THESIS);
  results = new Map((await evaluateClaims(createThesisContext(store, loaded, AS_OF))).map((r) => [r.claim.id, r]));
});
afterAll(async () => close());

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const group = (id: string) => ({ id, name: { en: id }, securities: loaded.thesis.groups[id]!.securities });

describe("satisfies(x, condition)", () => {
  it("compares with each operator, boundaries included only by ≥ and ≤", () => {
    expect([satisfies(0.25, { op: ">=", value: 0.25 }), satisfies(0.25, { op: ">", value: 0.25 }), satisfies(0.25, { op: "<=", value: 0.25 }), satisfies(0.25, { op: "<", value: 0.25 })]).toEqual([true, false, true, false]);
  });
});

describe("evaluateClaims(ctx) on the demo store as of 2025-10-31, against independent arithmetic", () => {
  it("gives every claim a verdict, in the thesis' order", () => {
    expect([...results.keys()]).toEqual(loaded.thesis.claims.map((c) => c.id));
    for (const r of results.values()) expect(["holds", "fails", "insufficient"]).toContain(r.verdict);
  });

  it("discount claims: 1 − median(A) / median(B) of each security's P/E, against the threshold", async () => {
    for (const [id, metric] of [["wall-forward-discount", "forwardPENtm"], ["wall-trailing-discount", "trailingPE"]] as const) {
      const comps = await computePeerComps(store, { groups: [group("china"), group("us")], metrics: [metric], asOf: AS_OF });
      const values = (g: string) => comps.rows.filter((r) => r.group === g).map((r) => r.multiples[metric].value).filter((v): v is number => v !== undefined);
      const discount = 1 - median(values("china")) / median(values("us"));
      const r = results.get(id)!;
      expect(r.figure!.value).toBeCloseTo(discount, 12);
      expect(r.verdict).toBe(discount >= 0.25 ? "holds" : "fails");
    }
    // The demo is calibrated on the note: 15x vs 22x trailing is a discount of 1 − 15/22 ≈ 31.8%.
    expect(results.get("wall-trailing-discount")!.figure!.value).toBeCloseTo(1 - 15 / 22, 3);
  });

  it("premium claim: median implied ERP of A minus median of B", async () => {
    const p = await computeWallPremium(store, { a: group("china"), b: group("us"), asOf: AS_OF });
    const erp = (g: string) => p.rows.filter((r) => r.group === g && r.impliedErp !== undefined).map((r) => r.impliedErp!);
    const gap = median(erp("china")) - median(erp("us"));
    const r = results.get("wall-risk-premium")!;
    expect(r.figure!.value).toBeCloseTo(gap, 12);
    expect(r.verdict).toBe(gap >= 0.02 ? "holds" : "fails");
  });

  it("event claims: market-model CAR 0…+1 and its t from an OLS written out here", async () => {
    // Market model on simple returns of adjusted closes; estimation days −250…−11; Var(CAR) with the forecast-error
    // correction σ²·(k + k²/L + (Σm_w − k·m̄)² / Sxx); two-sided 5% critical t for ≈ 238 df is 1.970.
    const check = async (id: string, security: string, day0: string) => {
      const own = await readPrices(store, security);
      const hsi = await readPrices(store, "^HSI");
      const hsiAt = new Map(hsi.dates.map((d, i) => [d, hsi.adjClose[i]!]));
      const dates = own.dates.filter((d) => hsiAt.has(d));
      expect(dates.length).toBe(own.dates.length);
      const px = dates.map((d) => own.adjClose[own.dates.indexOf(d)]!);
      const mx = dates.map((d) => hsiAt.get(d)!);
      const r = px.map((p, i) => (i === 0 ? NaN : p / px[i - 1]! - 1));
      const m = mx.map((p, i) => (i === 0 ? NaN : p / mx[i - 1]! - 1));
      const d0 = dates.indexOf(day0);
      const est = Array.from({ length: 240 }, (_, k) => d0 - 250 + k);
      const L = est.length;
      const mBar = mean(est.map((i) => m[i]!));
      const rBar = mean(est.map((i) => r[i]!));
      const sxx = est.reduce((s, i) => s + (m[i]! - mBar) ** 2, 0);
      const beta = est.reduce((s, i) => s + (m[i]! - mBar) * (r[i]! - rBar), 0) / sxx;
      const alpha = rBar - beta * mBar;
      const sigma2 = est.reduce((s, i) => s + (r[i]! - alpha - beta * m[i]!) ** 2, 0) / (L - 2);
      const w = [d0, d0 + 1];
      const car = w.reduce((s, i) => s + r[i]! - alpha - beta * m[i]!, 0);
      const mw = w.reduce((s, i) => s + m[i]!, 0);
      const t = car / Math.sqrt(sigma2 * (2 + 4 / L + (mw - 2 * mBar) ** 2 / sxx));
      const res = results.get(id)!;
      expect(res.detail.day0).toBe(day0);
      expect(res.figure!.value).toBeCloseTo(car, 10);
      expect(res.detail.t as number).toBeCloseTo(t, 6);
      expect(res.verdict).toBe(car > 0 && Math.abs(t) > 1.97 ? "holds" : "fails");
    };
    await check("qwen3-max-day", "9988.HK", "2025-09-24");
    await check("alibaba-results-day", "9988.HK", "2025-09-01");
    await check("h20-halt-smic", "0981.HK", "2025-08-22");
  });

  it("multiple claims hold when some definition on some date is within ±5% of the claim", async () => {
    for (const [id, security, claim] of [["headline-alibaba-15x", "BABA", 15], ["headline-amazon-22x", "AMZN", 22]] as const) {
      const c = await checkMultiple(store, { security, claim, around: "2025-09-24", windowDays: 30, tolerance: 0.05 });
      const any = c.definitions.some((d) => d.values.some((v) => v !== undefined && Math.abs(v / claim - 1) <= 0.05));
      expect(results.get(id)!.verdict).toBe(any ? "holds" : "fails");
      expect(Math.abs(results.get(id)!.figure!.value / claim - 1)).toBeLessThanOrEqual(0.05);
    }
  });

  it("the attribution claim: earnings' share of the equal-weighted mean log return, from each end's EPS and price", async () => {
    const a = await computeAttribution(store, { group: group("china"), from: "2025-06-30", to: AS_OF, basis: "forward" });
    const earn: number[] = [];
    const total: number[] = [];
    for (const row of a.rows) {
      const s = row.start!;
      const e = row.end!;
      const div = s.adjClose !== undefined && e.adjClose !== undefined ? Math.log(e.adjClose / s.adjClose) - Math.log(e.price / s.price) : 0;
      earn.push(Math.log(e.eps / s.eps));
      total.push(Math.log((e.price * e.fx) / (s.price * s.fx)) + div);
    }
    const share = mean(earn) / mean(total);
    const r = results.get("rally-earnings-led")!;
    expect(r.figure!.value).toBeCloseTo(share, 10);
    expect(r.verdict).toBe(share >= 0.5 ? "holds" : "fails");
  });

  it("the scenario claim reads P(3-year revenue > RMB 300bn) of a seeded run: a probability, decided by ≥ 50%", async () => {
    const r = results.get("chip-substitution-size")!;
    expect(r.figure!.format).toBe("probability");
    expect(r.figure!.value).toBeGreaterThan(0);
    expect(r.figure!.value).toBeLessThan(1);
    expect(r.verdict).toBe(r.figure!.value >= 0.5 ? "holds" : "fails");
    // Same seed, same draws: a second context gives the same number.
    const again = (await evaluateClaims(createThesisContext(store, loaded, AS_OF))).find((x) => x.claim.id === "chip-substitution-size")!;
    expect(again.figure!.value).toBe(r.figure!.value);
  });

  it("the expected mix on the demo: the wall and the headline hold, the rally is mostly multiple", () => {
    const v = Object.fromEntries([...results].map(([k, r]) => [k, r.verdict]));
    expect(v).toEqual({
      "wall-forward-discount": "holds", "wall-trailing-discount": "holds", "wall-risk-premium": "fails",
      "headline-alibaba-15x": "holds", "headline-amazon-22x": "holds",
      "qwen3-max-day": "holds", "alibaba-results-day": "holds", "h20-halt-smic": "fails",
      "chip-substitution-size": "fails", "rally-earnings-led": "fails",
    });
  });

  it("a claim whose data are missing is 'insufficient' with the reason, and does not sink the others", async () => {
    const broken: LoadedThesis = { ...loaded, thesis: { ...loaded.thesis, claims: [
      { id: "nope", kind: "event", text: "x", event: "no-such-event", security: "9988.HK", window: [0, 1], car: { op: ">", value: 0 }, pBelow: 0.05 },
      { id: "ghost", kind: "multiple", text: "x", security: "GHOST", claim: 10, windowDays: 30, tolerance: 0.05 },
      loaded.thesis.claims[0]!,
    ] } };
    const r = await evaluateClaims(createThesisContext(store, broken, AS_OF));
    expect(r.map((x) => x.verdict)).toEqual(["insufficient", "insufficient", "holds"]);
    expect(r[0]!.reason).toContain("no-such-event");
    expect(r[1]!.reason).toContain("GHOST");
  });
});

describe("a thesis's freshness limits", () => {
  it("apply to its multiple claims: with 0 days allowed for years and quarters, every trailing definition is stale", async () => {
    const strict: LoadedThesis = { ...loaded, thesis: { ...loaded.thesis, freshness: { maxAnnualAgeDays: 0, maxInterimAgeDays: 0, maxHalfYearAgeDays: 0 } } };
    // Every reported period ended before the dates checked, so any age is above 0 days.
    const r = await createThesisContext(store, strict, AS_OF).checkMultiple("BABA", 15, AS_OF, 10, 0.05);
    expect(r.staleDefinitions).toEqual(expect.arrayContaining(["FY.diluted.listing", "TTM.diluted.listing"]));
    expect(r.reproducedBy.filter((id) => id.startsWith("FY.") || id.startsWith("TTM."))).toEqual([]);
    // The thesis without limits (defaults) finds the same figures fresh.
    const plain = await createThesisContext(store, loaded, AS_OF).checkMultiple("BABA", 15, AS_OF, 10, 0.05);
    expect(plain.staleDefinitions).toEqual([]);
  });
});
