import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { importFiles } from "../../src/app/import/import-files.js";
import { openStore, type Store } from "../../src/store/open.js";
import { tempDir } from "../helpers/paths.js";

/**
 * A small hand-made universe whose multiples are checked by hand in the tests (as of 2025-09-30, USDCNY 7.2,
 * USDHKD 7.8):
 * - Alibaba (March fiscal year, reports in CNY): BABA (USD, 1 ADS = 8 shares) at $120 and 9988.HK at HK$117 (the
 *   same value per share). EPS FY2025 RMB 6.0 → trailing P/E 18.0 on both listings; consensus FY2026 7.2, FY2027 9.0.
 * - AMZN (December year, USD) at $220, EPS FY2024 5.5 → 40.0x; consensus FY2025 6.0, FY2026 7.0.
 * - LOSS: EPS −2.0 (n.m. negative earnings), NTM EPS 0.1219 → 410x (n.m. above cap).
 * - STALE (HKD): last trade 29 Aug, 32 days before 30 Sep (n.m. stale price).
 * - NOFX (GBP listing, USD reporting): no GBP rate (n.m. missing FX).
 * Month-end closes 30 Jun, 31 Jul, 29 Aug and 30 Sep give a four-point history.
 */
export const SECURITIES = `id,name_en,name_zh_hant,name_zh_hans,exchange,currency,country,sector,industry,fiscal_year_end_month,reporting_currency,kind,issuer,shares_per_listing
9988.HK,Alibaba Group Holding,阿里巴巴集團,阿里巴巴集团,HKEX,HKD,CN,,,3,CNY,equity,alibaba,1
BABA,Alibaba Group Holding (ADS),阿里巴巴集團（美國存託股）,阿里巴巴集团（美国存托股）,NYSE,USD,CN,,,3,CNY,adr,alibaba,8
AMZN,Amazon.com,亞馬遜,亚马逊,NASDAQ,USD,US,,,12,USD,equity,amazon,1
LOSS,Loss Co,,,NASDAQ,USD,US,,,12,USD,equity,lossco,1
STALE,Stale Co,,,HKEX,HKD,HK,,,12,HKD,equity,staleco,1
NOFX,No FX Co,,,OTHER,GBP,GB,,,12,USD,equity,nofx,1
`;

const closes: Record<string, [string, number][]> = {
  BABA: [["2025-06-30", 90], ["2025-07-31", 126], ["2025-08-29", 108], ["2025-09-30", 120]],
  "9988.HK": [["2025-06-30", 87.75], ["2025-07-31", 122.85], ["2025-08-29", 105.3], ["2025-09-30", 117]],
  AMZN: [["2025-06-30", 198], ["2025-07-31", 220], ["2025-08-29", 209], ["2025-09-30", 220]],
  LOSS: [["2025-06-30", 45], ["2025-09-30", 50]],
  STALE: [["2025-06-30", 10], ["2025-08-29", 11]],
  NOFX: [["2025-09-30", 10]],
};
export const PRICES = "Date,Symbol,Close\n" + Object.entries(closes).flatMap(([s, rows]) => rows.map(([d, c]) => `${d},${s},${c}`)).join("\n") + "\n";

export const FUNDAMENTALS = `entity,metric,fiscal_period,period_end,value,currency,known_from,reference
alibaba,epsDiluted,FY2025,2025-03-31,6.0,CNY,2025-05-15,Alibaba 20-F FY2025 (test)
alibaba,netIncome,FY2025,2025-03-31,115200000000,CNY,2025-05-15,
alibaba,sharesDiluted,FY2025,2025-03-31,19200000000,,2025-05-15,
alibaba,sharesOutstanding,2026Q1,2025-06-30,19200000000,,2025-08-29,
alibaba,epsDiluted,2025Q2,2024-09-30,1.5,CNY,2024-11-15,
alibaba,epsDiluted,2025Q3,2024-12-31,2.2,CNY,2025-02-20,
alibaba,epsDiluted,2025Q4,2025-03-31,1.3,CNY,2025-05-15,
alibaba,epsDiluted,2026Q1,2025-06-30,2.2,CNY,2025-08-29,
amazon,epsDiluted,FY2024,2024-12-31,5.5,USD,2025-02-06,
amazon,sharesOutstanding,2025Q2,2025-06-30,10600000000,,2025-07-31,
lossco,epsDiluted,FY2024,2024-12-31,-2.0,USD,2025-02-20,
lossco,sharesOutstanding,2025Q2,2025-06-30,100000000,,2025-07-31,
staleco,epsDiluted,FY2024,2024-12-31,1.0,HKD,2025-03-20,
nofx,epsDiluted,FY2024,2024-12-31,1.0,USD,2025-03-20,
`;

export const ESTIMATES = `entity,metric,fiscal_period,period_end,value,currency,as_of,estimator
alibaba,epsDiluted,FY2026,2026-03-31,7.2,CNY,2025-09-01,consensus
alibaba,epsDiluted,FY2027,2027-03-31,9.0,CNY,2025-09-01,consensus
amazon,epsDiluted,FY2025,2025-12-31,6.0,USD,2025-09-01,consensus
amazon,epsDiluted,FY2026,2026-12-31,7.0,USD,2025-09-01,consensus
lossco,epsDiluted,FY2025,2025-12-31,-1.0,USD,2025-09-01,consensus
lossco,epsDiluted,FY2026,2026-12-31,0.5,USD,2025-09-01,consensus
`;

export const FX = "base,quote,date,rate\n" + ["2025-06-30", "2025-07-31", "2025-08-29", "2025-09-30"].flatMap((d) => [`USD,CNY,${d},7.2`, `USD,HKD,${d},7.8`]).join("\n") + "\n";

export const NOW = "2025-10-01T08:00:00.000Z";

/** Writes the universe's CSV files into a temporary directory and imports them into a store at `db` (or memory). */
export async function createFixtureStore(db = ":memory:"): Promise<{ store: Store; dir: string; cleanup: () => void }> {
  const { dir, cleanup } = tempDir("rerate-comps-");
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const store = await openStore(db === ":memory:" ? db : join(dir, db));
  await importFiles(store, { kind: "securities", files: [write("securities.csv", SECURITIES)], now: NOW });
  await importFiles(store, { kind: "prices", files: [write("prices.csv", PRICES)], now: NOW });
  await importFiles(store, { kind: "fundamentals", files: [write("fundamentals.csv", FUNDAMENTALS)], now: NOW });
  await importFiles(store, { kind: "estimates", files: [write("estimates.csv", ESTIMATES)], now: NOW });
  await importFiles(store, { kind: "fx", files: [write("fx.csv", FX)], now: NOW });
  return { store, dir, cleanup: () => { store.close(); cleanup(); } };
}
