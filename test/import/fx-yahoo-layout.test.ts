import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importFiles } from "../../src/app/import/import-files.js";
import { RerateError } from "../../src/errors.js";
import { yahooFxPair } from "../../src/providers/yahoo/fx-rates.js";
import { openStore, type Store } from "../../src/store/open.js";
import { hasSharedData } from "../helpers/paths.js";
import { createTempDir, SHARED_DATA, snapshotStore } from "./_helpers.js";

const NOW = "2025-10-01T08:00:00.000Z";
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const t = createTempDir("rerate-fx-layout-");
  cleanups.push(t.cleanup);
  const store = await openStore(join(t.dir, "s.duckdb"));
  cleanups.push(() => store.close());
  return { t, store };
}

const rate = async (store: Store, base: string, quote: string, date: string) =>
  (await store.all<{ rate: number }>(`SELECT rate FROM fx_rates WHERE base = '${base}' AND quote = '${quote}' AND date = DATE '${date}'`))[0]?.rate;
const count = async (store: Store) => Number((await store.all<{ n: bigint }>("SELECT count(*) AS n FROM fx_rates"))[0]!.n);

describe("yahooFxPair(symbol)", () => {
  it("reads Yahoo's FX names: one currency is the US dollar priced in it; six letters are base then quote", () => {
    expect(yahooFxPair("CNY=X")).toEqual({ base: "USD", quote: "CNY" });
    expect(yahooFxPair("HKD=X")).toEqual({ base: "USD", quote: "HKD" });
    expect(yahooFxPair("EURUSD=X")).toEqual({ base: "EUR", quote: "USD" });
    expect(yahooFxPair("usdhkd=x")).toEqual({ base: "USD", quote: "HKD" });
    expect(yahooFxPair("USD=X")).toBeUndefined(); // USD→USD is no pair
    expect(yahooFxPair("XYZ=X")).toBeUndefined();
    expect(yahooFxPair("9988.HK")).toBeUndefined();
  });
});

describe("importFiles(fx) of price-layout files named the Yahoo way", () => {
  it("takes the pair from the file name (HKD=X = USD→HKD), the close as the rate, and leaves out padded rows with a warning", async () => {
    const { t, store } = await setup();
    const f = t.write("HKD=X.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2025-09-22,7.78,7.79,7.77,7.7801,7.7801,0\n2025-09-23,,,,,,\n2025-09-24,7.77,7.78,7.76,7.7712,7.7712,0\n");
    const s = await importFiles(store, { kind: "fx", files: [f], now: NOW });
    expect(s.added).toBe(2);
    expect(await rate(store, "USD", "HKD", "2025-09-22")).toBe(7.7801);
    expect(await rate(store, "USD", "HKD", "2025-09-24")).toBe(7.7712);
    expect(s.files[0]!.warnings).toEqual([{ file: f, reason: "1 rows without a rate (Close empty) left out" }]);
  });

  it("refuses a price layout whose symbol is no FX pair, or several tickers, located at the header; store unchanged", async () => {
    const { t, store } = await setup();
    const before = await snapshotStore(store);
    const aapl = t.write("AAPL.csv", "Date,Close\n2025-09-22,250\n");
    const multi = t.write("fx.csv", "Price,Close,Close\nTicker,CNY=X,HKD=X\nDate,,\n2025-09-22,7.1,7.8\n");
    const e = (await importFiles(store, { kind: "fx", files: [aapl, multi], now: NOW }).catch((x: unknown) => x)) as RerateError;
    expect(e.issues).toEqual([
      { file: aapl, line: 1, column: "symbol", value: "AAPL", reason: expect.stringContaining("is not a Yahoo FX symbol (CNY=X is USD→CNY") },
      { file: multi, line: 1, column: "Ticker", value: "CNY=X, HKD=X", reason: "names several symbols in columns: save one file per FX pair" },
    ]);
    expect(await snapshotStore(store)).toEqual(before);
  });
});

describe.runIf(hasSharedData)("importFiles(fx) on the real Yahoo/yfinance FX files", () => {
  it("indices-long/CNY=X.csv (yfinance three-row header) is USD→CNY, every row of the file", async () => {
    const { store } = await setup();
    await importFiles(store, { kind: "fx", files: [join(SHARED_DATA, "indices-long/CNY=X.csv")], now: NOW });
    // 6,162 lines − 3 header rows (Price…/Ticker…/Date,,…) = 6,159 days, none empty
    expect(await count(store)).toBe(6159);
    // line 4: 2001-06-25,8.276800155639648 (Adj Close), 8.276800155639648 (Close): the 8.277 peg of 1994–2005
    expect(await rate(store, "USD", "CNY", "2001-06-25")).toBe(8.276800155639648);
    // line 6004: 2025-06-30 close 7.172100067138672; USD/CNY traded around 7.1–7.3 through 2025 (PBoC fixing ~7.16 at end-June)
    const june = await rate(store, "USD", "CNY", "2025-06-30");
    expect(june).toBe(7.172100067138672);
    expect(june! > 7.1 && june! < 7.3).toBe(true);
    expect(await store.all("SELECT DISTINCT base, quote FROM fx_rates")).toEqual([{ base: "USD", quote: "CNY" }]);
  });

  it("indices/EURUSD_X.csv is EUR→USD (the header's ticker EURUSD=X), not USD→EUR", async () => {
    const { store } = await setup();
    await importFiles(store, { kind: "fx", files: [join(SHARED_DATA, "indices/EURUSD_X.csv")], now: NOW });
    expect(await count(store)).toBe(1303 - 3);
    // line 4: 2021-06-24 close 1.1933174133300781; the ECB's euro reference rate was about 1.19 dollars that week
    expect(await rate(store, "EUR", "USD", "2021-06-24")).toBe(1.1933174133300781);
    expect(await rate(store, "USD", "EUR", "2021-06-24")).toBeUndefined();
  });

  it("fundamentals-2025/fx/USDHKD.csv (base,quote,date,rate) stays within the Hong Kong dollar's band", async () => {
    const { store } = await setup();
    await importFiles(store, { kind: "fx", files: [join(SHARED_DATA, "fundamentals-2025/fx/USDHKD.csv")], now: NOW });
    expect(await count(store)).toBe(2603 - 1);
    // line 2: USD,HKD,2016-01-19,7.801179885864258
    expect(await rate(store, "USD", "HKD", "2016-01-19")).toBe(7.801179885864258);
    // The Linked Exchange Rate System keeps USD/HKD within 7.75–7.85; Yahoo's market quotes overshoot it by at most ~0.002.
    const [r] = await store.all<{ lo: number; hi: number }>("SELECT min(rate) AS lo, max(rate) AS hi FROM fx_rates");
    expect(r!.lo).toBeGreaterThan(7.745);
    expect(r!.hi).toBeLessThan(7.855);
  });
});
