import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/app/import/import-files.js";
import { fromDayNumber } from "../../src/core/dates.js";
import { readClosesBetween } from "../../src/store/closes.js";
import { openStore } from "../../src/store/open.js";
import { readPrices } from "../../src/store/prices.js";
import { SHARED_DATA, tempDir } from "../helpers/paths.js";

const { dir, cleanup } = tempDir("rerate-closes-");
afterAll(cleanup);

describe("readClosesBetween(store, ids, range)", () => {
  it("reads several securities' closes in (security, date) order, NaN for a missing adjusted close, first/last over all dates", async () => {
    const store = await openStore(":memory:");
    const f = join(dir, "p.csv");
    writeFileSync(f, [
      "symbol,date,close,adj_close",
      "BBB.HK,2025-01-03,10,9.5", "BBB.HK,2025-01-02,11,", "BBB.HK,2025-02-10,12,11.4",
      "AAA.HK,2024-12-31,5,5", "AAA.HK,2025-01-02,6,6",
      "CCC.HK,2024-06-03,7,7",
    ].join("\n"));
    await importFiles(store, { kind: "prices", files: [f], now: "2026-01-01T00:00:00Z" });
    const m = await readClosesBetween(store, ["BBB.HK", "AAA.HK", "CCC.HK", "NONE.HK", "AAA.HK"], { from: "2025-01-01", to: "2025-01-31" });
    expect([...m.keys()].sort()).toEqual(["AAA.HK", "BBB.HK", "CCC.HK"]); // NONE.HK has no prices at all
    const b = m.get("BBB.HK")!;
    expect(Array.from(b.days, fromDayNumber)).toEqual(["2025-01-02", "2025-01-03"]);
    expect(Array.from(b.close)).toEqual([11, 10]);
    expect(Array.from(b.adjClose)).toEqual([NaN, 9.5]);
    expect([b.first, b.last]).toEqual(["2025-01-02", "2025-02-10"]);
    expect(Array.from(m.get("AAA.HK")!.close)).toEqual([6]);
    expect(m.get("CCC.HK")!.days.length).toBe(0); // prices, but none in the range
    store.close();
  });

  it("returns for a whole market exactly what the per-security reader returns (10 Hang Seng stocks)", async () => {
    const store = await openStore(":memory:");
    const ids = ["0700.HK", "9988.HK", "0005.HK", "0939.HK", "1299.HK", "2318.HK", "3690.HK", "0941.HK", "0388.HK", "1810.HK"];
    const files = ids.map((id) => join(SHARED_DATA, "hk", `${id}.csv`));
    await importFiles(store, { kind: "prices", files, now: "2026-01-01T00:00:00Z" });
    const range = { from: "2023-01-01", to: "2025-06-30" };
    const m = await readClosesBetween(store, ids, range);
    for (const id of ids) {
      const one = await readPrices(store, id, range);
      const c = m.get(id)!;
      expect(Array.from(c.days, fromDayNumber)).toEqual(one.dates);
      expect(Array.from(c.adjClose)).toEqual(Array.from(one.adjClose));
      expect(Array.from(c.close)).toEqual(Array.from(one.close));
    }
    store.close();
  });
});
