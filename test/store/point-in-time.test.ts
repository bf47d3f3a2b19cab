import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/app/import/import-files.js";
import { convertWithStore } from "../../src/app/fx.js";
import { readEstimates, readFundamentals } from "../../src/store/fundamentals.js";
import { openStore } from "../../src/store/open.js";
import { tempDir } from "../helpers/paths.js";

const { dir, cleanup } = tempDir("rerate-pit-");
afterAll(cleanup);

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe("point-in-time reads", () => {
  it("readFundamentals(asOf) sees a figure only from its filing date, and both versions of a restatement after it", async () => {
    const store = await openStore(":memory:");
    const f = file("fund.csv", [
      "entity,metric,fiscal_period,period_end,value,currency,known_from,reference",
      "alibaba,epsDiluted,FY2025,2025-03-31,5.80,CNY,2025-05-15,20-F FY2025",
      "alibaba,epsDiluted,FY2025,2025-03-31,5.95,CNY,2025-08-01,restated in 6-K",
      "alibaba,revenue,FY2025,2025-03-31,996.3B,CNY,2025-05-15,20-F FY2025",
    ].join("\n"));
    const s = await importFiles(store, { kind: "fundamentals", files: [f], now: "2026-01-01T00:00:00Z" });
    expect(s.added).toBe(3);
    expect(await readFundamentals(store, ["alibaba"], "2025-05-14")).toEqual([]);
    const may = await readFundamentals(store, ["alibaba"], "2025-05-15");
    expect(may.map((x) => [x.metric, x.value, x.knownFrom])).toEqual([["epsDiluted", 5.8, "2025-05-15"], ["revenue", 996_300_000_000, "2025-05-15"]]);
    expect(may[0]!.unit).toBe("perShare");
    expect(may[0]!.reference).toBe("20-F FY2025");
    const aug = await readFundamentals(store, ["alibaba"], "2025-08-01");
    expect(aug.filter((x) => x.metric === "epsDiluted").map((x) => x.value)).toEqual([5.8, 5.95]);
    expect((await readFundamentals(store, ["alibaba"])).length).toBe(3);
    store.close();
  });

  it("readEstimates(asOf) returns estimates observed on or before the date", async () => {
    const store = await openStore(":memory:");
    const f = file("est.csv", [
      "entity,metric,fiscal_period,value,currency,as_of,estimator",
      "amazon,epsDiluted,FY2026,7.10,USD,2025-08-31,consensus",
      "amazon,epsDiluted,FY2026,7.35,USD,2025-09-30,consensus",
    ].join("\n"));
    await importFiles(store, { kind: "estimates", files: [f], now: "2026-01-01T00:00:00Z" });
    expect((await readEstimates(store, ["amazon"], "2025-09-15")).map((e) => e.value)).toEqual([7.1]);
    expect((await readEstimates(store, ["amazon"], "2025-09-30")).map((e) => e.value)).toEqual([7.1, 7.35]);
    store.close();
  });
});

describe("convertWithStore(amount, from, to, date)", () => {
  it("crosses HKD→CNY through USD at the as-of date's fixings and reports them", async () => {
    const store = await openStore(":memory:");
    const f = file("fx.csv", ["base,quote,date,rate", "USD,HKD,2025-09-24,7.7800", "USD,CNY,2025-09-24,7.1200", "USD,CNY,2025-09-25,7.1300"].join("\n"));
    await importFiles(store, { kind: "fx", files: [f], now: "2026-01-01T00:00:00Z" });
    const r = await convertWithStore(store, { amount: 100, from: "HKD", to: "CNY", date: "2025-09-24" });
    // 100 HKD × (7.12 CNY/USD ÷ 7.78 HKD/USD) = 91.51670951… CNY
    expect(r.value).toBeCloseTo((100 * 7.12) / 7.78, 10);
    expect(r.path.map((l) => `${l.pair}@${l.date}`).sort()).toEqual(["USDCNY@2025-09-24", "USDHKD@2025-09-24"]);
    await expect(convertWithStore(store, { amount: 1, from: "USD", to: "JPY", date: "2025-09-24" })).rejects.toMatchObject({ code: "E_EMPTY_DATA" });
    await expect(convertWithStore(store, { amount: "x", from: "USD", to: "HKD", date: "2025-09-24" })).rejects.toMatchObject({ code: "E_INVALID_INPUT" });
    await expect(convertWithStore(store, { amount: 1, from: "XYZ", to: "HKD", date: "2025-09-24" })).rejects.toThrow('from "XYZ" is not a known currency');
    store.close();
  });
});
