import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePeerComps, type PeerComps } from "../../src/app/comps-table.js";
import { explainMultiple } from "../../src/core/valuation/index.js";
import type { Store } from "../../src/store/open.js";
import { createFixtureStore } from "./_fixture.js";

let store: Store;
let cleanup: () => void;
beforeAll(async () => ({ store, cleanup } = await createFixtureStore()));
afterAll(() => cleanup());

const group = (id: string, securities: string[]) => ({ id, name: { en: id }, securities });
const row = (c: PeerComps, id: string) => c.rows.find((r) => r.security.id === id)!;

describe("computePeerComps(store, req) on the hand-made universe (as of 2025-09-30)", () => {
  it("values an ADS and its Hong Kong line alike: ADS ratio 8, three currencies", async () => {
    const c = await computePeerComps(store, { groups: [group("alibaba", ["BABA", "9988.HK"])], asOf: "2025-09-30", metrics: ["trailingPE", "forwardPEFy1", "forwardPEFy2", "forwardPENtm"] });
    // BABA: EPS RMB 6.0 × 8 shares per ADS = RMB 48 / 7.2 = $6.6667 per ADS → $120 / 6.6667 = 18.0x
    expect(row(c, "BABA").multiples.trailingPE.value).toBeCloseTo(18, 10);
    // 9988.HK: EPS RMB 6.0 → HKD through USD: 6.0 × 7.8 / 7.2 = HK$6.5 → HK$117 / 6.5 = 18.0x
    const hk = row(c, "9988.HK").multiples.trailingPE;
    expect(hk.value).toBeCloseTo(18, 10);
    expect(hk.inputs.fx[0]!.path.map((l) => l.pair)).toEqual(["USDCNY", "USDHKD"]);
    // Forward: FY1 = FY2026 (ends March 2026): 7.2 × 8 / 7.2 = $8 → 15.0x; FY2 9.0 × 8 / 7.2 = $10 → 12.0x
    expect(row(c, "BABA").multiples.forwardPEFy1.value).toBeCloseTo(15, 10);
    expect(row(c, "BABA").multiples.forwardPEFy2.value).toBeCloseTo(12, 10);
    // Market cap: $120 × 19.2bn shares / 8 = $288bn; HK$117 × 19.2bn / 7.8 = $288bn
    expect(row(c, "BABA").marketCap.value).toBeCloseTo(288e9, -3);
    expect(row(c, "9988.HK").marketCap.value).toBeCloseTo(288e9, -3);
  });

  it("calendarises a March fiscal year against a December one (NTM)", async () => {
    const c = await computePeerComps(store, { groups: [group("g", ["BABA", "AMZN"])], asOf: "2025-09-30", metrics: ["forwardPENtm"] });
    // BABA: f = 182/365 (30 Sep 2025 → 31 Mar 2026) = 0.498630; NTM EPS = f·7.2 + (1 − f)·9.0 = 9.0 − 1.8f = 8.102466 CNY
    //   × 8 / 7.2 = $9.002740 → 120 / 9.002740 = 13.329276x
    const baba = row(c, "BABA").multiples.forwardPENtm;
    expect(baba.value).toBeCloseTo(13.329276, 5);
    expect(baba.inputs.calendarisation).toMatchObject({ fy1: "FY2026", fy2: "FY2027", fy1End: "2026-03-31" });
    expect(baba.inputs.calendarisation!.weightFy1).toBeCloseTo(182 / 365, 12);
    // AMZN: f = 92/365 (30 Sep → 31 Dec 2025) = 0.252055; NTM = 7.0 − f = 6.747945 → 220 / 6.747945 = 32.602517x
    expect(row(c, "AMZN").multiples.forwardPENtm.value).toBeCloseTo(32.602517, 5);
  });

  it("keeps n.m. rows with their reasons: negative EPS, above the cap, stale price, missing FX", async () => {
    const c = await computePeerComps(store, { groups: [group("g", ["AMZN", "LOSS", "STALE", "NOFX"])], asOf: "2025-09-30", metrics: ["trailingPE", "forwardPENtm"] });
    expect(c.rows.map((r) => r.security.id)).toEqual(["AMZN", "LOSS", "STALE", "NOFX"]);
    // LOSS: EPS −2.0 → negative; NTM EPS = f·(−1.0) + (1 − f)·0.5 = 0.5 − 1.5 × 0.252055 = 0.121918 → 50 / 0.121918 = 410x > 200x cap
    expect(row(c, "LOSS").multiples.trailingPE).toMatchObject({ nm: "negative_earnings" });
    expect(row(c, "LOSS").multiples.forwardPENtm).toMatchObject({ nm: "above_cap" });
    expect(row(c, "LOSS").multiples.forwardPENtm.message).toMatch(/P\/E 410\.1\d*x is above the cap of 200x/);
    // STALE: last trade 29 Aug, 32 days before 30 Sep (> 10)
    expect(row(c, "STALE").multiples.trailingPE).toMatchObject({ nm: "stale_price" });
    expect(row(c, "STALE").multiples.trailingPE.message).toMatch(/2025-08-29 is 32 days before asOf 2025-09-30/);
    // NOFX: a GBP price against USD earnings, and no GBP rate at all
    expect(row(c, "NOFX").multiples.trailingPE).toMatchObject({ nm: "missing_fx" });
    // Aggregates drop the n.m. rows, count them and say why: only AMZN's 40.0x is used
    const agg = c.aggregates.g!.trailingPE!;
    expect(agg).toMatchObject({ median: 40, nUsed: 1, nDropped: 3 });
    expect(agg.dropped.map((d) => d.reason)).toEqual(["negative_earnings", "stale_price", "missing_fx"]);
  });

  it("a stale price within ten days is used and noted", async () => {
    // 31 Aug (a Sunday): BABA last traded Friday 29 Aug at $108, FX of 29 Aug: 108 / 6.6667 = 16.2x
    const c = await computePeerComps(store, { groups: [group("g", ["BABA"])], asOf: "2025-08-31", metrics: ["trailingPE"] });
    const pe = row(c, "BABA").multiples.trailingPE;
    expect(pe.value).toBeCloseTo(16.2, 10);
    // 29 Aug → 31 Aug: 2 days old
    expect(pe.inputs.price).toEqual({ date: "2025-08-29", close: 108, currency: "USD", ageDays: 2 });
    expect(pe.inputs.notes).toContain("last trade 2025-08-29, 2 days before asOf 2025-08-31");
  });

  it("is point in time: the FY1 estimate of 1 Sep is not seen on 29 Aug", async () => {
    const c = await computePeerComps(store, { groups: [group("g", ["BABA"])], asOf: "2025-08-29", metrics: ["forwardPEFy1"] });
    expect(row(c, "BABA").multiples.forwardPEFy1).toMatchObject({ nm: "missing_input" });
    expect(row(c, "BABA").multiples.forwardPEFy1.message).toMatch(/no consensus EPS estimate for FY2026 observed on or before 2025-08-29/);
  });

  it("explains each value: price, EPS with period, filing date and source, FX pair, rate and date", async () => {
    const c = await computePeerComps(store, { groups: [group("g", ["BABA"])], asOf: "2025-09-30", metrics: ["trailingPE"] });
    const lines = explainMultiple(row(c, "BABA").multiples.trailingPE);
    expect(lines[0]).toBe("trailingPE = 18.00x");
    expect(lines.join("\n")).toMatch(/price: 120 USD on 2025-09-30/);
    expect(lines.join("\n")).toMatch(/EPS: epsDiluted FY2025 to 2025-03-31 = 6 CNY per share \(known from 2025-05-15, source .*fundamentals\.csv\)/);
    expect(lines.join("\n")).toMatch(/FX for EPS FY2025 per listing: CNY→USD 0\.138889 on 2025-09-30 via USDCNY 7\.2 of 2025-09-30 inverted/);
    expect(lines.join("\n")).toMatch(/shares per listing unit: 8/);
  });

  it("states market caps in the currency asked; multiples do not change", async () => {
    const usd = await computePeerComps(store, { groups: [group("g", ["BABA", "AMZN"])], asOf: "2025-09-30" });
    const hkd = await computePeerComps(store, { groups: [group("g", ["BABA", "AMZN"])], asOf: "2025-09-30", currency: "HKD" });
    // $288bn × 7.8 = HK$2,246.4bn
    expect(row(hkd, "BABA").marketCap.value).toBeCloseTo(2246.4e9, -4);
    expect(hkd.currency).toBe("HKD");
    expect(row(hkd, "AMZN").multiples.trailingPE.value).toBe(row(usd, "AMZN").multiples.trailingPE.value);
  });

  it("refuses an as-of before any data, and lists a security without a price yet", async () => {
    await expect(computePeerComps(store, { groups: [group("g", ["BABA", "AMZN"])], asOf: "2020-01-01" })).rejects.toMatchObject({
      code: "E_NOT_FOUND", message: expect.stringMatching(/none of BABA, AMZN could be valued on 2020-01-01: BABA \(no price on or before 2020-01-01\)/),
    });
    const c = await computePeerComps(store, { groups: [group("g", ["BABA", "NOFX", "NOPE"])], asOf: "2025-07-31" });
    expect(c.missing).toEqual([
      { group: "g", security: "NOPE", reason: "not in the store (import a security master, or check the symbol)" },
      { group: "g", security: "NOFX", reason: "no price on or before 2025-07-31" },
    ]);
    await expect(computePeerComps(store, { groups: [group("g", ["BABA"])], asOf: "2025-02-30" })).rejects.toMatchObject({ code: "E_INVALID_INPUT" });
  });
});
