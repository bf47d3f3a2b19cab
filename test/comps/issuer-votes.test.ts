import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePeerComps } from "../../src/app/comps-table.js";
import { computeGapHistory } from "../../src/app/gap-history.js";
import { computeWall } from "../../src/app/wall.js";
import { compsWorkbook } from "../../src/app/export-xlsx.js";
import { createThesisContext } from "../../src/app/thesis/context.js";
import { parseThesis } from "../../src/app/thesis/load-thesis.js";
import { importFiles } from "../../src/app/import/import-files.js";
import { createApp } from "../../src/server/app.js";
import { openStore, type Store } from "../../src/store/open.js";
import { tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/run-cli.js";

/*
 * One issuer, one vote, checked by hand on 2025-09-30 (USDCNY 7.2, USDHKD 7.8), trailing P/E on FY EPS in RMB:
 * - BABA (NYSE ADS = 8 shares) $120: 120 × 7.2 = RMB 864 per ADS = RMB 108 per share; EPS 6.0 → 18.0x
 * - 9988.HK HK$110.5 (a little below parity): 110.5 × 7.2 / 7.8 = RMB 102.0 per share; EPS 6.0 → 17.0x
 * - PDD (NASDAQ ADS = 4 shares) $100: 100 × 7.2 = RMB 720 per ADS = RMB 180 per share; EPS 18.0 → 10.0x
 * - AMZN $220, EPS 5.5 → 40.0x
 */
const SECURITIES = `id,name_en,exchange,currency,country,fiscal_year_end_month,reporting_currency,kind,issuer,shares_per_listing
BABA,Alibaba (ADS),NYSE,USD,CN,3,CNY,adr,alibaba,8
9988.HK,Alibaba,HKEX,HKD,CN,3,CNY,equity,alibaba,1
PDD,PDD (ADS),NASDAQ,USD,CN,12,CNY,adr,pdd,4
AMZN,Amazon,NASDAQ,USD,US,12,USD,equity,amazon,1
`;
const PRICES = `Date,Symbol,Close
2025-08-29,BABA,120
2025-08-29,9988.HK,110.5
2025-08-29,PDD,100
2025-08-29,AMZN,220
2025-09-30,BABA,120
2025-09-30,9988.HK,110.5
2025-09-30,PDD,100
2025-09-30,AMZN,220
`;
const FUNDAMENTALS = `entity,metric,fiscal_period,period_end,value,currency,known_from
alibaba,epsDiluted,FY2025,2025-03-31,6.0,CNY,2025-05-15
pdd,epsDiluted,FY2024,2024-12-31,18.0,CNY,2025-03-20
amazon,epsDiluted,FY2024,2024-12-31,5.5,USD,2025-02-06
`;
const FX = "base,quote,date,rate\n" + ["2025-08-29", "2025-09-30"].flatMap((d) => [`USD,CNY,${d},7.2`, `USD,HKD,${d},7.8`]).join("\n") + "\n";

let store: Store;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir("rerate-votes-"));
  store = await openStore(join(dir, "votes.duckdb"));
  const now = "2025-10-01T08:00:00.000Z";
  for (const [kind, text] of [["securities", SECURITIES], ["prices", PRICES], ["fundamentals", FUNDAMENTALS], ["fx", FX]] as const) {
    const p = join(dir, `${kind}.csv`);
    writeFileSync(p, text);
    await importFiles(store, { kind, files: [p], now });
  }
});
afterAll(() => {
  store.close();
  cleanup();
});

const china = { id: "china", name: { en: "China" }, securities: ["BABA", "9988.HK", "PDD"] };
const us = { id: "us", name: { en: "US" }, securities: ["AMZN"] };
const pe = async (listing?: Parameters<typeof computePeerComps>[1]["listing"]) =>
  computePeerComps(store, { groups: [china], asOf: "2025-09-30", metrics: ["trailingPE"], ...(listing !== undefined ? { listing } : {}) });

describe("one issuer, one vote in peer aggregates", () => {
  it("values each listing as computed by hand", async () => {
    const c = await pe("per-listing");
    const value = (id: string) => c.rows.find((r) => r.security.id === id)!.multiples.trailingPE.value;
    expect(value("BABA")).toBeCloseTo(18, 10);
    expect(value("9988.HK")).toBeCloseTo(17, 10);
    expect(value("PDD")).toBeCloseTo(10, 10);
  });

  it("per-listing counts Alibaba twice: median 17, harmonic mean 13.9939", async () => {
    const a = (await pe("per-listing")).aggregates.china!.trailingPE!;
    // median of {10, 17, 18} = 17; harmonic mean 3 / (1/18 + 1/17 + 1/10) = 3 / (328/1530) = 4590/328 = 13.993902
    expect(a.median).toBeCloseTo(17, 12);
    expect(a.harmonicMean).toBeCloseTo(4590 / 328, 10);
    expect(a.harmonicMean).toBeCloseTo(13.993902, 6);
    expect(a.nUsed).toBe(3);
  });

  it("by default the first-named listing (BABA) votes: median 14, harmonic mean 12.857; 9988.HK named as left out", async () => {
    const c = await pe();
    const a = c.aggregates.china!.trailingPE!;
    // {BABA 18, PDD 10}: median (18 + 10) / 2 = 14; harmonic mean 2 / (1/18 + 1/10) = 2 / (28/180) = 360/28 = 12.857143
    expect(a.median).toBeCloseTo(14, 12);
    expect(a.harmonicMean).toBeCloseTo(360 / 28, 10);
    expect(a.nUsed).toBe(2);
    expect(c.listing).toBe("first");
    expect(c.leftOut).toEqual([{ group: "china", issuer: "alibaba", security: "9988.HK", kept: "BABA", rule: "first" }]);
    // The listing left out stays in the table.
    expect(c.rows.map((r) => r.security.id)).toEqual(["BABA", "9988.HK", "PDD"]);
  });

  it("primary (or HKEX) keeps 9988.HK: median 13.5, harmonic mean 12.593", async () => {
    for (const rule of ["primary", { exchange: "HKEX" }] as const) {
      const a = (await pe(rule)).aggregates.china!.trailingPE!;
      // {9988.HK 17, PDD 10}: median 13.5; harmonic mean 2 / (1/17 + 1/10) = 2 / (27/170) = 340/27 = 12.592593
      expect(a.median).toBeCloseTo(13.5, 12);
      expect(a.harmonicMean).toBeCloseTo(340 / 27, 10);
    }
  });

  it("the Excel comps sheet puts the listing left out below the aggregates' range", async () => {
    const c = await pe();
    const ws = compsWorkbook(c, "en").getWorksheet("Comps")!;
    const rowOf = (id: string) => ws.getColumn(2).values.findIndex((v) => v === id);
    const [baba, hk, pdd] = [rowOf("BABA"), rowOf("9988.HK"), rowOf("PDD")];
    expect(pdd).toBe(baba + 1); // the voters first, in the order named
    expect(hk).toBe(pdd + 1);
    expect(String(ws.getCell(hk, 1).value)).toContain("left out of the aggregates");
    const medianRow = ws.getColumn(2).values.findIndex((v) => typeof v === "string" && v.endsWith(": Median"));
    const cell = ws.getCell(medianRow, 8).value as { formula: string; result: number };
    // The median formula spans BABA and PDD only, and its cached result is (18 + 10) / 2 = 14.
    expect(cell.formula).toBe(`IF(COUNT(H${baba}:H${pdd})=0,"n.m.",MEDIAN(H${baba}:H${pdd}))`);
    expect(cell.result).toBeCloseTo(14, 10);
  });

  it("the wall's gap and its history use one vote per issuer too", async () => {
    const w = await computeWall(store, { a: china, b: us, asOf: "2025-09-30", metric: "trailingPE", history: { from: "2025-08-01", to: "2025-09-30" } });
    // 14 / 40 − 1 = −0.65 (per listing it would be 17 / 40 − 1 = −0.575)
    expect(w.gaps.trailingPE!.median!.discount).toBeCloseTo(-0.65, 12);
    const last = w.history!.points.at(-1)!;
    expect(last.date).toBe("2025-09-30");
    expect(last.a).toBeCloseTo(14, 10);
    expect(last.nA).toBe(2);
    expect(w.history!.leftOut.map((l) => l.security)).toEqual(["9988.HK"]);
    const per = await computeGapHistory(store, { a: china, b: us, metric: "trailingPE", statistic: "median", from: "2025-08-01", to: "2025-09-30", every: "month", listing: "per-listing" });
    expect(per.points.at(-1)!.a).toBeCloseTo(17, 10);
    expect(per.leftOut).toEqual([]);
  });

  it("rerate comps says which listing was left out, and --per-listing / --listing change the aggregate", async () => {
    const db = join(dir, "votes.duckdb");
    store.close();
    try {
      const text = await runCli(["--db", db, "comps", "BABA", "9988.HK", "PDD", "--as-of", "2025-09-30", "--metrics", "pe"]);
      expect(text.code).toBe(0);
      expect(text.out).toContain("9988.HK is left out of the aggregates: issuer alibaba counts once, through BABA (first-named listing");
      const json = async (...extra: string[]) => {
        const r = await runCli(["--db", db, "comps", "BABA", "9988.HK", "PDD", "--as-of", "2025-09-30", "--metrics", "pe", "--json", ...extra]);
        expect(r.code).toBe(0);
        return JSON.parse(r.out) as { aggregates: Record<string, { trailingPE: { median: number } }>; leftOut: unknown[] };
      };
      expect((await json()).aggregates.peers!.trailingPE.median).toBeCloseTo(14, 10);
      expect((await json("--per-listing")).aggregates.peers!.trailingPE.median).toBeCloseTo(17, 10);
      expect((await json("--per-listing")).leftOut).toEqual([]);
      expect((await json("--listing", "primary")).aggregates.peers!.trailingPE.median).toBeCloseTo(13.5, 10);
      const bad = await runCli(["--db", db, "comps", "BABA", "--listing", "LSE"]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain("--listing");
      expect(bad.err).toContain("LSE");
      const both = await runCli(["--db", db, "comps", "BABA", "--listing", "first", "--per-listing"]);
      expect(both.code).toBe(2);
    } finally {
      store = await openStore(db);
    }
  });

  it("a thesis file picks the rule with wall: listing:, and a bad rule is a located error", async () => {
    const thesis = (listing?: string) => `id: votes
title: One vote
groups:
  china: { securities: [BABA, 9988.HK, PDD] }
  us: { securities: [AMZN] }
wall:
  a: china
  b: us
  metric: trailingPE
${listing !== undefined ? `  listing: ${listing}\n` : ""}claims:
  - { id: gap, kind: discount, text: China trades at a discount, a: china, b: us, metric: trailingPE, holdsIf: { op: ">=", value: 0.25 } }
`;
    const gapOf = async (listing?: string) => {
      const ctx = createThesisContext(store, parseThesis(thesis(listing), join(dir, "votes.yaml")), "2025-09-30");
      return (await ctx.wall("china", "us")).gaps.trailingPE!.median!.discount;
    };
    expect(await gapOf()).toBeCloseTo(14 / 40 - 1, 12); // first: {18, 10} → 14; 14 / 40 − 1 = −0.65
    expect(await gapOf("primary")).toBeCloseTo(13.5 / 40 - 1, 12); // {17, 10} → 13.5 → −0.6625
    expect(await gapOf("per-listing")).toBeCloseTo(17 / 40 - 1, 12); // {18, 17, 10} → 17 → −0.575
    expect(await gapOf("NYSE")).toBeCloseTo(14 / 40 - 1, 12); // BABA is the NYSE line
    expect(() => parseThesis(thesis("somewhere"), "votes.yaml")).toThrow(/votes\.yaml:\d+.*listing/);
  });

  it("GET /api/comps and /api/wall take listing and perListing", async () => {
    const app = createApp({ store: async () => store, cache: false });
    const get = async (url: string) => {
      const res = await app.request(url);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const first = await get("/api/comps?symbols=BABA,9988.HK,PDD&asOf=2025-09-30&metrics=pe");
    expect(first.status).toBe(200);
    expect((first.body.leftOut as { security: string }[]).map((l) => l.security)).toEqual(["9988.HK"]);
    const per = await get("/api/comps?symbols=BABA,9988.HK,PDD&asOf=2025-09-30&metrics=pe&perListing=true");
    expect((per.body.aggregates as Record<string, { trailingPE: { median: number } }>).peers!.trailingPE.median).toBeCloseTo(17, 10);
    const wall = await get("/api/wall?a=BABA,9988.HK,PDD&b=AMZN&asOf=2025-09-30&metric=pe&listing=primary");
    expect(wall.status).toBe(200);
    // {17, 10} → median 13.5; 13.5 / 40 − 1 = −0.6625
    expect((wall.body.gaps as Record<string, { median: { discount: number } }>).trailingPE!.median.discount).toBeCloseTo(-0.6625, 12);
    expect((await get("/api/wall?a=BABA&b=AMZN&listing=nowhere")).status).toBe(400);
  });
});
