/**
 * Real data (issue 13): Alibaba's two listings, BABA (NYSE ADS, 1 ADS = 8 ordinary shares) and 9988.HK (one
 * ordinary share), from ../shared/data (read in place, never copied): us-adjclose/BABA.csv, hk/9988.HK.csv,
 * fundamentals-2025/fx/USDHKD.csv and fundamentals-2025/figures.csv (published figures with their
 * announcement dates), into a fresh store with the repository's real security master (examples/securities.csv,
 * public facts; not the demo's synthetic prices). Every expected figure is worked out below from the files'
 * own numbers, never taken from rerate's output.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeComps } from "../../src/app/comps.js";
import { DEMO_SECURITIES_FILE } from "../../src/app/demo.js";
import { importFiles } from "../../src/app/import/import-files.js";
import { createFxLookup, resolveFxRate } from "../../src/core/valuation/index.js";
import { readFxRates } from "../../src/store/fx.js";
import { openStore, type Store } from "../../src/store/open.js";
import { readPriceBases } from "../../src/store/price-basis.js";
import { readPrices } from "../../src/store/prices.js";
import { runCli } from "../helpers/run-cli.js";
import { SHARED_DATA, hasSharedData, tempDir } from "../helpers/paths.js";

const BABA_FILE = join(SHARED_DATA, "us-adjclose/BABA.csv");
const HK_FILE = join(SHARED_DATA, "hk/9988.HK.csv");
const USDHKD_FILE = join(SHARED_DATA, "fundamentals-2025/fx/USDHKD.csv");
const FIGURES_FILE = join(SHARED_DATA, "fundamentals-2025/figures.csv");
const NOW = "2026-12-01T00:00:00.000Z"; // after the last date of the real files imported (imports refuse future dates)

// USD→CNY on the two days used, from ../shared/data/indices-long/CNY=X.csv (Yahoo's CNY=X is USD→CNY; its
// Close column on 2025-09-29 and 2025-09-30), written as the import format while Yahoo FX file naming lands.
const USDCNY = "base,quote,date,rate\nUSD,CNY,2025-09-29,7.132800102233887\nUSD,CNY,2025-09-30,7.1194000244140625\n";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe.skipIf(!hasSharedData)("BABA vs 9988.HK on real data (issue 13)", () => {
  const tmp = tempDir("rerate-baba-");
  const db = join(tmp.dir, "real.duckdb");
  let store: Store;
  beforeAll(async () => {
    store = await openStore(db);
    await importFiles(store, { kind: "securities", files: [DEMO_SECURITIES_FILE], now: NOW });
    // Both files hold split- and dividend-adjusted closes as of their download (PROVENANCE.md): say so.
    await importFiles(store, { kind: "prices", files: [BABA_FILE, HK_FILE], basis: "adjusted", now: NOW });
    const cny = join(tmp.dir, "USDCNY.csv");
    await import("node:fs").then((fs) => fs.writeFileSync(cny, USDCNY));
    await importFiles(store, { kind: "fx", files: [USDHKD_FILE, cny], now: NOW });
    await importFiles(store, { kind: "fundamentals", files: [FIGURES_FILE], now: NOW });
  });
  afterAll(() => {
    store?.close();
    tmp.cleanup();
  });

  it("both series are stored on the adjusted basis; importing raw closes for BABA is refused and changes nothing", async () => {
    expect(Object.fromEntries(await readPriceBases(store, ["BABA", "9988.HK"]))).toEqual({ BABA: "adjusted", "9988.HK": "adjusted" });
    const raw = join(tmp.dir, "BABA.csv");
    // BABA's close on 2025-09-30 as us-ohlcv/BABA.csv has it (181.66, no later dividend in that download), as raw.
    await import("node:fs").then((fs) => fs.writeFileSync(raw, "Date,Close\n2025-09-30,181.66000366210938\n"));
    const before = await readPrices(store, "BABA", { from: "2025-09-30", to: "2025-09-30" });
    await expect(importFiles(store, { kind: "prices", files: [raw], now: NOW })).rejects.toThrow(/BABA's stored prices \(2014-09-19 to 2026-08-03\) are on the adjusted basis, this file's are raw; first overlapping date 2025-09-30/);
    expect(Array.from((await readPrices(store, "BABA", { from: "2025-09-30", to: "2025-09-30" })).close)).toEqual(Array.from(before.close));
  });

  it("price parity BABA / 8 × USDHKD ≈ 9988.HK, 2021–2025, within the stated band", async () => {
    const us = await readPrices(store, "BABA", { from: "2021-01-01", to: "2025-12-31" });
    const hk = await readPrices(store, "9988.HK", { from: "2021-01-01", to: "2025-12-31" });
    const fx = createFxLookup(await readFxRates(store));
    const hkClose = new Map(hk.dates.map((d, i) => [d, hk.close[i]!]));
    const gaps = new Map<number, number[]>(); // year → log(BABA/8 × USDHKD / 9988.HK) per common session
    for (let i = 0; i < us.dates.length; i++) {
      const d = us.dates[i]!;
      const h = hkClose.get(d);
      if (h === undefined || !(h > 0)) continue;
      const r = resolveFxRate("USD", "HKD", d, fx);
      if (!("rate" in r) || r.staleDays > 0) continue; // the parity of one day uses that day's rate
      const y = Number(d.slice(0, 4));
      gaps.set(y, [...(gaps.get(y) ?? []), Math.log((us.close[i]! / 8) * r.rate / h)]);
    }
    // 1,152 sessions 2021-01-04..2025-10-30 on which both markets traded and USDHKD has a rate (counted from the
    // three files with a plain script); 9988.HK's file ends 2025-10-30.
    expect([...gaps.values()].reduce((n, g) => n + g.length, 0)).toBe(1152);
    // The band, from the data's nature (not from rerate's output):
    // (1) Level. us-adjclose was adjusted for every dividend up to its download (2026-08-03), the HK file only up
    //     to 2025-10-30, and not the same way: BABA's past closes are discounted by the later dividends
    //     (Alibaba paid $1.00/ADS in Dec 2023, $1.66 in Jun 2024, $2.00 in Jun 2025, and one in 2026 —
    //     about 2% of the price each, ≈ 7–8% in all). So each year's median gap is a discount between 0 and 8%,
    //     smaller for later years (fewer dividends after them): 2021's discount exceeds 2024's and 2025's.
    // (2) Spread. Hong Kong closes at 16:00 HKT, New York 12 hours later; BABA's daily log return has a standard
    //     deviation of 3.1% over 2021–2025, so the two closes differ by about half a day of news, σ ≈ 3.1%/√2 ≈ 2.2%:
    //     95% of days within ±7% of their year's median (≈ 3σ, room for the fat tails of 2022) and every day
    //     within ±16% (BABA's biggest moves after a Hong Kong close, e.g. results on 2021-11-18, reached ~11–14%).
    const medians = new Map<number, number>();
    for (const [y, g] of gaps) {
      const m = median(g);
      medians.set(y, m);
      expect(m, `median gap ${y}`).toBeLessThan(0);
      expect(m, `median gap ${y}`).toBeGreaterThan(-0.08);
      const dev = g.map((x) => Math.abs(x - m)).sort((a, b) => a - b);
      expect(dev[Math.floor(0.95 * dev.length)]!, `95th percentile ${y}`).toBeLessThan(0.07);
      expect(dev[dev.length - 1]!, `largest deviation ${y}`).toBeLessThan(0.16);
    }
    expect([...medians.keys()].sort()).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(medians.get(2021)!).toBeLessThan(medians.get(2024)!);
    expect(medians.get(2024)!).toBeLessThan(medians.get(2025)!);
  });

  it("parity on 2025-09-30 by hand: 177.1035 / 8 × 7.7830 = 172.30 HKD vs 9988.HK's 177.00: −2.7%, the later dividend's discount", async () => {
    // Lines of the files themselves: us-adjclose/BABA.csv "2025-09-30,177.10348510742188";
    // hk/9988.HK.csv "2025-09-30,177.0,178.0,173.69…,176.60…,135460219" (Close first); USDHKD.csv "USD,HKD,2025-09-30,7.782999…".
    const line = (file: string, prefix: string) => readFileSync(file, "utf8").split("\n").find((l) => l.startsWith(prefix))!;
    expect(line(BABA_FILE, "2025-09-30,")).toBe("2025-09-30,177.10348510742188");
    expect(line(HK_FILE, "2025-09-30,").split(",")[1]).toBe("177.0");
    const usdhkd = Number(line(USDHKD_FILE, "USD,HKD,2025-09-30,").split(",")[3]);
    expect(usdhkd).toBeCloseTo(7.783, 6);
    // 177.10348510742188 / 8 = 22.13793564; × 7.7829999924 = 172.29955 HKD; / 177.0 = 0.973444 → −2.66%.
    expect((177.10348510742188 / 8) * usdhkd).toBeCloseTo(172.29955, 4);
    expect(((177.10348510742188 / 8) * usdhkd) / 177.0 - 1).toBeCloseTo(-0.026556, 5);
    const us = await readPrices(store, "BABA", { from: "2025-09-30", to: "2025-09-30" });
    const hk = await readPrices(store, "9988.HK", { from: "2025-09-30", to: "2025-09-30" });
    expect([us.close[0], hk.close[0]]).toEqual([177.10348510742188, 177.0]);
  });

  it("the same trailing P/E (last FY) on both listings on 2025-09-30, up to the parity gap, hand-checked", async () => {
    const comps = await computeComps(store, { groups: [{ id: "us", name: { en: "NYSE" }, securities: ["BABA"] }, { id: "hk", name: { en: "HKEX" }, securities: ["9988.HK"] }], asOf: "2025-09-30", history: false });
    const pe = (id: string) => {
      const row = comps.rows.find((r) => r.security.id === id)!;
      const m = row.multiples.trailingPE as { value?: number; message?: string };
      expect(m.value, `${id}: ${m.message}`).toBeDefined();
      return m.value!;
    };
    expect(comps.synthetic).toBe(false);
    // FY2025 (year to 2025-03-31) diluted EPS per ordinary share: RMB 6.698750 (= RMB 53.59 per ADS / 8),
    // known from 2025-06-26 (figures.csv; the latest fiscal year known on 2025-09-30).
    // BABA: EPS per ADS = 6.69875 × 8 = RMB 53.59; / USDCNY 7.1194000244 = $7.527320; P/E = 177.1034851 / 7.527320 = 23.5281.
    expect(pe("BABA")).toBeCloseTo(23.5281, 3);
    // 9988.HK: CNY→HKD = USDHKD / USDCNY = 7.7829999924 / 7.1194000244 = 1.0932101; EPS = 6.69875 × 1.0932101 = HK$7.32314;
    // P/E = 177.0 / 7.32314 = 24.1700.
    expect(pe("9988.HK")).toBeCloseTo(24.17, 2);
    // The two P/Es differ exactly by the price parity of that day: 23.5281 / 24.1700 = 0.973444 (−2.66%, as above).
    expect(pe("BABA") / pe("9988.HK")).toBeCloseTo(((177.10348510742188 / 8) * 7.7829999923706055) / 177.0, 9);
  });

  it("rerate prices on this store says adjusted basis and no synthetic data", async () => {
    store.close();
    const r = await runCli(["--db", db, "prices", "BABA", "--from", "2025-09-29", "--to", "2025-09-30", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ security: "BABA", currency: "USD", basis: "adjusted", synthetic: false });
    expect(j.bars.map((b: { close: number }) => b.close)).toEqual([178.26283264160156, 177.10348510742188]);
    expect(r.err).not.toContain("SYNTHETIC");
    store = await openStore(db);
  });
});
