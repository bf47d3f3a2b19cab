import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/store/open.js";
import {
  FIXTURES, readCsvPlain, runImport, SHARED_DATA, storedBar, type TempDir, useStoreAndTempDir } from "./_helpers.js";

/** Stored bars of one security, by ISO date. */
async function storedSeries(store: Store, security: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = await store.all<Record<string, unknown> & { d: string }>(
    `SELECT strftime(date, '%Y-%m-%d') AS d, open, high, low, close, adj_close, volume, currency FROM prices WHERE security = $s ORDER BY date`,
    { s: security },
  );
  return new Map(rows.map((r) => [r.d, r]));
}

/**
 * Date → close of a real file read without the importer: plain split, the header located by name, rows
 * whose date does not start with a digit skipped (the extra header rows), blank closes skipped.
 */
function fileCloses(path: string, headerRow: number, dateCol: string, closeCol: string): Map<string, number> {
  const rows = readCsvPlain(path);
  const header = rows[headerRow]!;
  const di = header.indexOf(dateCol);
  const ci = header.indexOf(closeCol);
  const out = new Map<string, number>();
  for (const r of rows.slice(1)) {
    if (!/^\d/.test(r[di] ?? "") || (r[ci] ?? "") === "") continue;
    out.set(r[di]!.slice(0, 10), Number(r[ci]));
  }
  return out;
}

/** Every close of the file is stored, and nothing else. */
async function expectAllCloses(store: Store, security: string, expected: Map<string, number>): Promise<void> {
  const stored = await storedSeries(store, security);
  expect(stored.size).toBe(expected.size);
  for (const [d, close] of expected) expect(stored.get(d)?.close, `${security} ${d}`).toBe(close);
}

describe("importFiles(prices) accepts the real-world shapes", () => {
  let store: Store;
  let tmp: TempDir;
  useStoreAndTempDir((s, t) => ((store = s), (tmp = t)));

  it("importFiles(prices) reads yfinance's three header rows (Price / Ticker / Date) of hk/0700.HK.csv", async () => {
    const file = join(SHARED_DATA, "hk/0700.HK.csv");
    const s = await runImport(store, { kind: "prices", files: [file] });
    // INVENTORY.tsv: 4,151 data rows, 2 of them blank (2011-12-24 and 2011-12-31: prices empty, volume 0).
    expect(s.files[0]).toMatchObject({ rowsRead: 4151, rows: 4149, skippedEmpty: 2 });
    expect(s).toMatchObject({ added: 4149, updated: 0, unchanged: 0, newSecurities: ["0700.HK"] });
    await expectAllCloses(store, "0700.HK", fileCloses(file, 0, "Price", "Close"));
    // Line 4131: 2025-09-24,648.5,651.0,628.0,633.5,18440788 under Price,Close,High,Low,Open,Volume.
    expect(await storedBar(store, "0700.HK", "2025-09-24")).toMatchObject({ close: 648.5, high: 651, low: 628, open: 633.5, volume: 18440788, currency: "HKD" });
    expect(await store.all("SELECT id, exchange, currency, kind FROM securities")).toEqual([{ id: "0700.HK", exchange: "HKEX", currency: "HKD", kind: "equity" }]);
  });

  it("importFiles(prices) reads the two-row variant with an empty first cell (mixed-ohlcv/9988.HK.csv) by header, not position", async () => {
    const file = join(SHARED_DATA, "mixed-ohlcv/9988.HK.csv");
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.files[0]).toMatchObject({ rowsRead: 1228, rows: 1228, skippedEmpty: 0 });
    await expectAllCloses(store, "9988.HK", fileCloses(file, 0, "Date", "Close"));
    // Line 1127 under Date,Close,High,Low,Open,Volume: 2025-09-24,174.0,174.89…,157.60…,158.5,261023658.
    const [, close, high, low, open, volume] = readCsvPlain(file).find((r) => r[0] === "2025-09-24")!.map(Number);
    expect([close, open]).toEqual([174, 158.5]);
    expect(await storedBar(store, "9988.HK", "2025-09-24")).toMatchObject({ close, high, low, open, volume });
  });

  it("importFiles(prices) reads a long format with a Ticker column (cn-csi300/688256.csv) as 688256.SS", async () => {
    const file = join(SHARED_DATA, "cn-csi300/688256.csv");
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.newSecurities).toEqual(["688256.SS"]);
    expect(s.files[0]).toMatchObject({ rowsRead: 241, rows: 241 });
    await expectAllCloses(store, "688256.SS", fileCloses(file, 0, "Date", "Close"));
    // PROVENANCE.md: 688256.SS 1,036.00 → 1,243.20 on 2025-08-22 (+20% limit-up: not a big move).
    expect((await storedBar(store, "688256.SS", "2025-08-21"))?.close).toBe(1036);
    expect((await storedBar(store, "688256.SS", "2025-08-22"))?.close).toBe(1243.199951171875);
    expect(await store.all("SELECT exchange, currency FROM securities")).toEqual([{ exchange: "SSE", currency: "CNY" }]);
    expect(s.files[0]!.quality.big_move ?? 0).toBe(0);
  });

  it("importFiles(prices) keeps the exchange-local date of timestamps with offsets (hk-dividends/9988.HK.csv)", async () => {
    const file = join(SHARED_DATA, "hk-dividends/9988.HK.csv");
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.files[0]).toMatchObject({ rowsRead: 1363, rows: 1363 });
    await expectAllCloses(store, "9988.HK", fileCloses(file, 0, "Date", "Close"));
    // Line 2: 2020-01-02 00:00:00+08:00 … close 209.40203857421875 (not shifted to 2020-01-01 UTC).
    expect((await storedBar(store, "9988.HK", "2020-01-02"))?.close).toBe(209.40203857421875);
    expect(await storedBar(store, "9988.HK", "2020-01-01")).toBeUndefined();
  });

  it("importFiles(prices) reads Date,Close only (us-adjclose/BABA.csv), symbol from the file name", async () => {
    const file = join(SHARED_DATA, "us-adjclose/BABA.csv");
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.newSecurities).toEqual(["BABA"]);
    await expectAllCloses(store, "BABA", fileCloses(file, 0, "Date", "Close"));
    // PROVENANCE.md: BABA +8.2% on 2025-09-24: 161.59591674804688 → 174.83433532714844.
    const before = (await storedBar(store, "BABA", "2025-09-23"))!.close as number;
    const after = (await storedBar(store, "BABA", "2025-09-24"))!.close as number;
    expect(after / before - 1).toBeCloseTo(0.082, 3);
    expect(await storedBar(store, "BABA", "2025-09-24")).toMatchObject({ open: null, high: null, low: null, adj_close: null, volume: null, currency: "USD" });
  });

  it("importFiles(prices) reads Yahoo's 7 columns with Adj Close (baba-eps/BABA.csv)", async () => {
    const file = join(SHARED_DATA, "baba-eps/BABA.csv");
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.files[0]).toMatchObject({ rowsRead: 1785, rows: 1785 });
    await expectAllCloses(store, "BABA", fileCloses(file, 0, "Date", "Close"));
    // Line 1308: 2019-11-26,190.389999,195.000000,189.039993,194.699997,194.699997,51832300.
    expect(await storedBar(store, "BABA", "2019-11-26")).toMatchObject({ open: 190.389999, high: 195, low: 189.039993, close: 194.699997, adj_close: 194.699997, volume: 51832300 });
  });

  it("importFiles(prices) reads yfinance's layout with Adj Close first (indices-long/^NDX.csv) as an index in USD", async () => {
    const file = join(SHARED_DATA, "indices-long/^NDX.csv");
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.files[0]).toMatchObject({ rowsRead: 10181, rows: 10181 });
    // Line 10077: 2025-09-24 under Price,Adj Close,Close,High,Low,Open,Volume.
    expect(await storedBar(store, "^NDX", "2025-09-24")).toMatchObject({ adj_close: 24503.5703125, close: 24503.5703125, high: 24650.419921875, low: 24388.58984375, open: 24648.970703125 });
    expect(await store.all("SELECT exchange, currency, kind FROM securities")).toEqual([{ exchange: "INDEX", currency: "USD", kind: "index" }]);
  });

  it("importFiles(prices) detects GBK with Simplified Chinese headers, 2025/9/24 and 2025年9月23日 dates and 万 volumes", async () => {
    const s = await runImport(store, { kind: "prices", files: [resolve(FIXTURES, "gbk/600519.SS.csv")] });
    expect(s.files[0]).toMatchObject({ rowsRead: 3, rows: 3 });
    // 2.5万 = 25,000 shares; "1,436.80" with a thousands separator.
    expect(await storedBar(store, "600519.SS", "2025-09-22")).toMatchObject({ open: 1430, high: 1442.5, low: 1425.1, close: 1436.8, volume: 25000, currency: "CNY" });
    expect((await storedBar(store, "600519.SS", "2025-09-23"))?.close).toBe(1447.3);
    expect((await storedBar(store, "600519.SS", "2025-09-24"))?.volume).toBe(28100);
  });

  it("importFiles(prices) detects Big5 with Traditional Chinese headers (開盤價 … 收盤價) and 萬 volumes", async () => {
    const s = await runImport(store, { kind: "prices", files: [resolve(FIXTURES, "big5/2330.TW.csv")] });
    expect(s.files[0]).toMatchObject({ rowsRead: 3, rows: 3 });
    // "3,456萬" = 3,456 × 10,000 = 34,560,000 shares.
    expect(await storedBar(store, "2330.TW", "2025-09-22")).toMatchObject({ open: 1285, close: 1290, volume: 34560000, currency: "TWD" });
    expect((await storedBar(store, "2330.TW", "2025-09-23"))?.close).toBe(1295);
  });

  it("importFiles(prices, {encoding: big5}) reads a Big5 file when told", async () => {
    await runImport(store, { kind: "prices", files: [resolve(FIXTURES, "big5/2330.TW.csv")], encoding: "big5" });
    expect((await storedBar(store, "2330.TW", "2025-09-24"))?.close).toBe(1310);
  });

  it("importFiles(prices) reads UTF-8 with a BOM", async () => {
    await runImport(store, { kind: "prices", files: [resolve(FIXTURES, "utf8-bom/0700.HK.csv")] });
    expect(await storedBar(store, "0700.HK", "2025-09-24")).toMatchObject({ close: 652, volume: 21034800 });
  });

  it("importFiles(prices, {map}) maps Chinese headers of a GBK file (--map date=成交日期,close=最新收市价格)", async () => {
    const s = await runImport(store, {
      kind: "prices", files: [resolve(FIXTURES, "gbk-map/0005.HK.csv")], map: { date: "成交日期", close: "最新收市价格" },
    });
    expect(s.files[0]).toMatchObject({ rows: 2 });
    // 成交股数 is a known alias of volume.
    expect(await storedBar(store, "0005.HK", "2025-09-23")).toMatchObject({ close: 100.2, volume: 14800000 });
  });

  it("importFiles(prices, {map, symbol}) maps UTF-8 Chinese headers and takes the symbol from --symbol", async () => {
    const file = tmp.write("茅台日线.csv", "交易日,收盘价格,最高,最低\n2025年9月24日,\"1,452.00\",\"1,460.00\",\"1,440.00\"\n");
    await runImport(store, { kind: "prices", files: [file], map: { date: "交易日", close: "收盘价格" }, symbol: "600519.SS" });
    expect(await storedBar(store, "600519.SS", "2025-09-24")).toMatchObject({ close: 1452, high: 1460, low: 1440 });
  });

  it("importFiles(prices) reads Excel serial dates (45924 = 2025-09-24)", async () => {
    const file = tmp.write("9988.HK.csv", "Date,Close\n45923,160.0\n45924,158.5\n");
    await runImport(store, { kind: "prices", files: [file] });
    // Serial 45924 days after 1899-12-30 is 2025-09-24.
    expect((await storedBar(store, "9988.HK", "2025-09-24"))?.close).toBe(158.5);
    expect((await storedBar(store, "9988.HK", "2025-09-23"))?.close).toBe(160);
  });

  it("importFiles(prices) reads a tab-separated long file with symbol and currency columns", async () => {
    const file = tmp.write("export.tsv", "symbol\tdate\tclose\tcurrency\n9988.HK\t2025-09-24\t158.5\tHKD\nBABA\t2025-09-24\t174.83\tUSD\n");
    const s = await runImport(store, { kind: "prices", files: [file] });
    expect(s.newSecurities.sort()).toEqual(["9988.HK", "BABA"]);
    expect(await storedBar(store, "BABA", "2025-09-24")).toMatchObject({ close: 174.83, currency: "USD" });
  });

  it("importFiles(prices) reads JSON records in the model's own shape and JSON Lines", async () => {
    const json = tmp.write("bars.json", JSON.stringify([
      { security: "9988.HK", date: "2025-09-23", open: 159.4, high: 163.1, low: 156.7, close: 160, volume: 119175251, currency: "HKD" },
      { security: "9988.HK", date: "2025-09-24", open: 174, high: 174.9, low: 157.6, close: 158.5, volume: 261023658, currency: "HKD" },
    ]));
    const jsonl = tmp.write("BABA.jsonl", '{"date": "2025-09-23", "close": 161.6}\n\n{"date": "2025/9/24", "close": "174.83"}\n');
    await runImport(store, { kind: "prices", files: [json, jsonl] });
    expect(await storedBar(store, "9988.HK", "2025-09-24")).toMatchObject({ open: 174, close: 158.5, volume: 261023658, currency: "HKD" });
    expect((await storedBar(store, "BABA", "2025-09-24"))?.close).toBe(174.83);
  });
});

describe("importFiles(records) accepts CSV, JSON and JSON Lines for every record kind", () => {
  let store: Store;
  let tmp: TempDir;
  useStoreAndTempDir((s, t) => ((store = s), (tmp = t)));

  it("importFiles(securities) reads JSON in the model's shape (nested names) and JSON Lines", async () => {
    const json = tmp.write("securities.json", JSON.stringify([
      { id: "9988.HK", name: { en: "Alibaba Group", "zh-Hant": "阿里巴巴", "zh-Hans": "阿里巴巴" }, exchange: "HKEX", currency: "HKD", kind: "equity", fiscalYearEndMonth: 3, issuer: "alibaba" },
    ]));
    const jsonl = tmp.write("securities.jsonl", JSON.stringify({ id: "BABA", name: { en: "Alibaba Group ADS" }, exchange: "NYSE", currency: "USD", kind: "adr", sharesPerListing: 8, issuer: "alibaba" }) + "\n");
    await runImport(store, { kind: "securities", files: [json] });
    await runImport(store, { kind: "securities", files: [jsonl] });
    expect(await store.all("SELECT id, name_en, name_zh_hant, exchange, currency, kind, fiscal_year_end_month, shares_per_listing FROM securities ORDER BY id")).toEqual([
      { id: "9988.HK", name_en: "Alibaba Group", name_zh_hant: "阿里巴巴", exchange: "HKEX", currency: "HKD", kind: "equity", fiscal_year_end_month: 3, shares_per_listing: 1 },
      { id: "BABA", name_en: "Alibaba Group ADS", name_zh_hant: null, exchange: "NYSE", currency: "USD", kind: "adr", fiscal_year_end_month: null, shares_per_listing: 8 },
    ]);
  });

  it("importFiles(fundamentals) reads 1.2B, 3.4億, 5.6亿, (1,234) and Excel serials", async () => {
    const file = tmp.write("fundamentals.csv", [
      "entity,metric,fiscalPeriod,periodEnd,value,currency,knownFrom",
      "alibaba,revenue,FY2025,2025-03-31,996.347B,CNY,2025-05-15",
      "tencent,netIncome,2025Q2,2025-06-30,3.4億,CNY,2025-08-13",
      "smic,netIncome,2025Q2,2025-06-30,5.6亿,USD,45882",
      "smic,freeCashFlow,2025Q2,2025-06-30,\"(1,234)\",USD,45882",
      "alibaba,sharesDiluted,FY2025,2025-03-31,\"19,155,000,000\",,2025-05-15",
    ].join("\n") + "\n");
    const s = await runImport(store, { kind: "fundamentals", files: [file] });
    expect(s).toMatchObject({ added: 5, updated: 0, unchanged: 0 });
    const rows = await store.all(`SELECT entity, metric, value, unit, currency, strftime(known_from, '%Y-%m-%d') AS known FROM fundamentals ORDER BY entity, metric`);
    expect(rows).toEqual([
      // 996.347B = 996,347,000,000 exactly; shares take the unit "shares" and no currency.
      { entity: "alibaba", metric: "revenue", value: 996347000000, unit: "currency", currency: "CNY", known: "2025-05-15" },
      { entity: "alibaba", metric: "sharesDiluted", value: 19155000000, unit: "shares", currency: null, known: "2025-05-15" },
      // (1,234) is an accounting negative; Excel serial 45882 = 2025-08-13.
      { entity: "smic", metric: "freeCashFlow", value: -1234, unit: "currency", currency: "USD", known: "2025-08-13" },
      // 5.6亿 = 5.6 × 10^8.
      { entity: "smic", metric: "netIncome", value: 560000000, unit: "currency", currency: "USD", known: "2025-08-13" },
      // 3.4億 = 3.4 × 10^8.
      { entity: "tencent", metric: "netIncome", value: 340000000, unit: "currency", currency: "CNY", known: "2025-08-13" },
    ]);
  });

  it("importFiles(fundamentals) reads JSON Lines and Chinese headers (报告期, 截止日期, 公告日期)", async () => {
    const jsonl = tmp.write("f.jsonl", JSON.stringify({ entity: "alibaba", metric: "epsDiluted", fiscalPeriod: "FY2025", periodEnd: "2025-03-31", value: 5.5, currency: "CNY", knownFrom: "2025-05-15" }) + "\n");
    const zh = tmp.write("f.csv", "entity,metric,报告期,截止日期,value,currency,公告日期\nsmic,revenue,2025Q2,2025年6月30日,2.21B,USD,2025/8/7\n");
    await runImport(store, { kind: "fundamentals", files: [jsonl, zh] });
    expect(await store.all(`SELECT entity, fiscal_period, strftime(period_end, '%Y-%m-%d') AS pe, value, unit FROM fundamentals ORDER BY entity`)).toEqual([
      { entity: "alibaba", fiscal_period: "FY2025", pe: "2025-03-31", value: 5.5, unit: "perShare" },
      { entity: "smic", fiscal_period: "2025Q2", pe: "2025-06-30", value: 2210000000, unit: "currency" },
    ]);
  });

  it("importFiles(fundamentals, {map}) maps headers no alias knows (--map entity=公司,metric=科目,value=金额)", async () => {
    const file = tmp.write("f.csv", "公司,科目,报告期,截止日期,金额,币种,公告日期\nalibaba,revenue,FY2025,2025-03-31,\"9,963.47亿\",CNY,2025-05-15\n");
    await runImport(store, { kind: "fundamentals", files: [file], map: { entity: "公司", metric: "科目", value: "金额", currency: "币种" } });
    // 9,963.47亿 = 996,347,000,000.
    expect(await store.all("SELECT entity, metric, value, currency FROM fundamentals")).toEqual([{ entity: "alibaba", metric: "revenue", value: 996347000000, currency: "CNY" }]);
  });

  it("importFiles(estimates) reads JSON ({data: [...]}) with the consensus default and CSV with brokers", async () => {
    const json = tmp.write("estimates.json", JSON.stringify({ data: [{ entity: "alibaba", metric: "revenue", fiscalPeriod: "FY2026", value: 1.05e12, currency: "CNY", asOf: "2025-09-01" }] }));
    const csvFile = tmp.write("estimates.csv", "entity,metric,fiscal period,estimate,ccy,as of,broker\nalibaba,epsDiluted,FY2026,8.1,CNY,2025-09-01,Broker A\n");
    await runImport(store, { kind: "estimates", files: [json, csvFile] });
    expect(await store.all(`SELECT entity, metric, value, estimator, unit FROM estimates ORDER BY metric`)).toEqual([
      { entity: "alibaba", metric: "epsDiluted", value: 8.1, estimator: "Broker A", unit: "perShare" },
      { entity: "alibaba", metric: "revenue", value: 1.05e12, estimator: "consensus", unit: "currency" },
    ]);
  });

  it("importFiles(fx) reads CSV, JSON Lines and a Yahoo-layout USDHKD=X file whose pair is in the name", async () => {
    const csvFile = tmp.write("fx.csv", "base,quote,date,rate\nUSD,CNY,2025-09-24,7.118\n");
    const jsonl = tmp.write("fx.jsonl", JSON.stringify({ base: "EUR", quote: "USD", date: "2025-09-24", rate: 1.1739 }) + "\n");
    const yahoo = tmp.write("USDHKD_X.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2025-09-24,7.7780,7.7815,7.7772,7.7801,7.7801,0\n");
    await runImport(store, { kind: "fx", files: [csvFile, jsonl, yahoo] });
    expect(await store.all(`SELECT base, quote, strftime(date, '%Y-%m-%d') AS d, rate FROM fx_rates ORDER BY base, quote`)).toEqual([
      { base: "EUR", quote: "USD", d: "2025-09-24", rate: 1.1739 },
      { base: "USD", quote: "CNY", d: "2025-09-24", rate: 7.118 },
      { base: "USD", quote: "HKD", d: "2025-09-24", rate: 7.7801 },
    ]);
  });

  it("importFiles(securities, events) spell symbols as the price importer does, so that files agree", async () => {
    const sec = tmp.write("securities.csv", "symbol,name,exchange,currency,type\nbaba,Alibaba ADS,NYSE,USD,adr\n688256,Cambricon,SSE,CNY,equity\n");
    const events = tmp.write("events.csv", 'id,date,title,securities\ncambricon-limit-up,2025年8月22日,Cambricon limit-up,"688256, baba"\n');
    await runImport(store, { kind: "securities", files: [sec] });
    await runImport(store, { kind: "events", files: [events] });
    expect(await store.all("SELECT id FROM securities ORDER BY id")).toEqual([{ id: "688256.SS" }, { id: "BABA" }]);
    expect(await store.all("SELECT ts, securities FROM events")).toEqual([{ ts: "2025-08-22", securities: ["688256.SS", "BABA"] }]);
    // A price file for baba then joins the stored BABA instead of creating a second security.
    const s = await runImport(store, { kind: "prices", files: [tmp.write("baba.csv", "Date,Close\n2025-09-24,174.83\n")] });
    expect(s.newSecurities).toEqual([]);
    expect((await storedBar(store, "BABA", "2025-09-24"))?.currency).toBe("USD");
  });

  it("importFiles(events) reads CSV lists (a;b) and JSON with arrays and offsets", async () => {
    const csvFile = tmp.write("events.csv", "id,timestamp,title,tags,securities,expectedSign\nyunqi-2025,2025-09-24T10:00+08:00,Apsara conference,ai;cloud,9988.HK;BABA,1\n");
    const json = tmp.write("events.json", JSON.stringify([
      { id: "smic-q2-2025", timestamp: "2025-08-07T16:30:00Z", title: { en: "SMIC Q2 results", "zh-Hans": "中芯国际二季度业绩" }, tags: ["earnings"], securities: ["0981.HK"], expectedSign: -1 },
    ]));
    await runImport(store, { kind: "events", files: [csvFile, json] });
    expect(await store.all(`SELECT id, ts, title_en, title_zh_hans, tags, securities, expected_sign FROM events ORDER BY id`)).toEqual([
      { id: "smic-q2-2025", ts: "2025-08-07T16:30:00Z", title_en: "SMIC Q2 results", title_zh_hans: "中芯国际二季度业绩", tags: ["earnings"], securities: ["0981.HK"], expected_sign: -1 },
      { id: "yunqi-2025", ts: "2025-09-24T10:00+08:00", title_en: "Apsara conference", title_zh_hans: null, tags: ["ai", "cloud"], securities: ["9988.HK", "BABA"], expected_sign: 1 },
    ]);
  });
});
