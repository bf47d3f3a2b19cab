import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMultiple } from "../../src/app/check-multiple.js";
import type { Store } from "../../src/store/open.js";
import { createFixtureStore } from "./_fixture.js";

let store: Store;
let cleanup: () => void;
beforeAll(async () => ({ store, cleanup } = await createFixtureStore()));
afterAll(() => cleanup());

describe("checkMultiple(store, req)", () => {
  it("finds which definitions give the quoted 15x for BABA on 30 Sep", async () => {
    const r = await checkMultiple(store, { security: "BABA", claim: 15, around: "2025-09-30", windowDays: 0 });
    expect(r.dates).toEqual(["2025-09-30"]);
    // 15.0x: forward FY1 (7.2 × 8 / 7.2 = $8 → 120 / 8) and trailing four quarters (1.5 + 2.2 + 1.3 + 2.2 = 7.2 → same)
    expect(r.reproducedBy).toEqual(["TTM.diluted.listing", "FY1.diluted.listing"]);
    const value = (id: string) => r.definitions.find((d) => d.definition.id === id)!.atAround.value;
    expect(value("FY.diluted.listing")).toBeCloseTo(18, 10);
    expect(value("FY.netIncome.listing")).toBeCloseTo(18, 10); // 115.2bn / 19.2bn = 6.0 per share
    expect(value("FY.diluted.share")).toBeCloseTo(144, 10); // ratio ignored: 120 / (6.0 / 7.2)
    expect(value("NTM.diluted.listing")).toBeCloseTo(13.329276, 5);
    expect(r.closest).toMatchObject({ value: expect.closeTo(15, 10) as unknown });
  });

  it("scans every trading date in the window, each point in time", async () => {
    const r = await checkMultiple(store, { security: "BABA", claim: 13.5, around: "2025-09-15", windowDays: 20, tolerance: 0.01 });
    // trading dates of BABA within 26 Aug – 5 Oct: 29 Aug and 30 Sep
    expect(r.dates).toEqual(["2025-08-29", "2025-09-30"]);
    const ttm = r.definitions.find((d) => d.definition.id === "TTM.diluted.listing")!;
    // 29 Aug: the June quarter is known that day (2.2): TTM 7.2 → $108 / 8 = 13.5x; 30 Sep: 15.0x
    expect(ttm.values).toEqual([expect.closeTo(13.5, 10), expect.closeTo(15, 10)]);
    expect(ttm.matches).toEqual(["2025-08-29"]);
    // 29 Aug: the FY1 estimate (observed 1 Sep) is not known yet
    expect(r.definitions.find((d) => d.definition.id === "FY1.diluted.listing")!.values[0]).toBeUndefined();
  });

  it("says when nothing reproduces the claim, with the closest", async () => {
    const r = await checkMultiple(store, { security: "BABA", claim: 22, around: "2025-09-30", windowDays: 0 });
    expect(r.reproducedBy).toEqual([]);
    expect(r.closest).toMatchObject({ definition: "FY.diluted.listing", date: "2025-09-30" });
  });

  it("refuses bad input naming the option, and unknown or unpriced securities", async () => {
    await expect(checkMultiple(store, { security: "BABA", claim: -3 })).rejects.toMatchObject({ message: '--claim "-3" must be a positive multiple, e.g. 15' });
    await expect(checkMultiple(store, { security: "BABA", claim: 15, tolerance: 2 })).rejects.toMatchObject({ message: expect.stringContaining("--tolerance") });
    await expect(checkMultiple(store, { security: "NOPE", claim: 15 })).rejects.toMatchObject({ code: "E_NOT_FOUND" });
    await expect(checkMultiple(store, { security: "BABA", claim: 15, around: "2019-01-01", windowDays: 10 })).rejects.toMatchObject({ code: "E_EMPTY_DATA", message: expect.stringContaining("no price for BABA between 2018-12-22 and 2019-01-11") });
  });
});
