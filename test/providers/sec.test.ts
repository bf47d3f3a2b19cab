import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointInTimeFundamentals } from "../../src/core/valuation/point-in-time.js";
import type { Fundamental } from "../../src/models/fundamental.js";
import { durationKind, fiscalLabel, fiscalYearOf } from "../../src/providers/fiscal-periods.js";
import { createProviderHttp, executeQuery } from "../../src/providers/execute.js";
import { secCompanyFacts } from "../../src/providers/sec/company-facts.js";
import { toFundamentals } from "../../src/providers/sec/to-fundamentals.js";
import { checkSecUserAgent } from "../../src/providers/sec/user-agent.js";
import { SecCompanyFacts } from "../../src/providers/sec/wire.js";
import { hasSharedData } from "../helpers/paths.js";
import { SEC_RECORDED, startFakeServer, type FakeServer } from "./_fake-server.js";

const FILES = {
  NVDA: "CIK0001045810_NVDA.json",
  AAPL: "CIK0000320193_AAPL.json",
  GOOGL: "CIK0001652044_GOOGL.json",
  MRVL: "CIK0001835632_MRVL.json",
  SNOW: "CIK0001640147_SNOW_edgartools_fixture.json",
} as const;
type Co = keyof typeof FILES;

const parsed = new Map<Co, SecCompanyFacts>();
function facts(co: Co): SecCompanyFacts {
  let f = parsed.get(co);
  if (f === undefined) {
    f = SecCompanyFacts.parse(JSON.parse(readFileSync(join(SEC_RECORDED, FILES[co]), "utf8")));
    parsed.set(co, f);
  }
  return f;
}
const rowsOf = (co: Co) => toFundamentals(facts(co), { entity: co.toLowerCase() }).rows;
const pick = (rows: Fundamental[], metric: string, fiscalPeriod: string) => rows.filter((r) => r.metric === metric && r.fiscalPeriod === fiscalPeriod);

describe("fiscal periods", () => {
  it("durationKind(start, end) tells fiscal years and quarters (52/53 weeks) from year-to-date spans", () => {
    expect(durationKind("2023-01-30", "2024-01-28")).toBe("year"); // 364 days
    expect(durationKind("2022-01-31", "2023-01-29")).toBe("year"); // 364 days
    expect(durationKind("2024-01-29", "2024-04-28")).toBe("quarter"); // 91 days
    expect(durationKind("2024-01-29", "2024-07-28")).toBeUndefined(); // six months year to date
  });

  it("fiscalYearOf(end) names a year by the year it ends in, except a 52/53-week year ending in early January", () => {
    expect(fiscalYearOf("2024-01-28")).toBe(2024); // NVIDIA fiscal 2024
    expect(fiscalYearOf("2025-03-31")).toBe(2025); // Alibaba fiscal 2025
    expect(fiscalYearOf("2023-01-01")).toBe(2022); // a 52/53-week fiscal 2022
  });

  it("fiscalLabel(yearEnds, end) counts quarters from the previous year end, or back from the next", () => {
    const ends = ["2023-01-29", "2024-01-28"];
    expect(fiscalLabel(ends, "2024-01-28", true)).toBe("FY2024");
    expect(fiscalLabel(ends, "2024-01-28", false)).toBe("2024Q4");
    expect(fiscalLabel(ends, "2023-04-30", false)).toBe("2024Q1");
    expect(fiscalLabel(ends, "2024-10-27", false)).toBe("2025Q3"); // after the last known year end
    expect(fiscalLabel(ends, "2022-10-30", false)).toBe("2023Q3"); // before the first: counted back from 2023-01-29
    expect(fiscalLabel(ends, "2024-02-16", true)).toBe("2025Q1"); // a cover-page date early in FY2025
    expect(fiscalLabel(ends, "2030-01-01", true)).toBeUndefined();
  });
});

describe.runIf(hasSharedData)("SEC companyfacts → fundamentals (real filings in ../shared/data/sec)", () => {
  it("NVDA revenue FY2024 is $60,922m for the year ended 2024-01-28, known from the 10-K filed 2024-02-21", () => {
    // NVIDIA 10-K for fiscal 2024 (accession 0001045810-24-000029): total revenue $60,922 million.
    // The same figure is repeated in the FY2025 and FY2026 10-Ks: collapsed into its first filing.
    expect(pick(rowsOf("NVDA"), "revenue", "FY2024")).toEqual([{
      entity: "nvda", metric: "revenue", fiscalPeriod: "FY2024", periodEnd: "2024-01-28", value: 60_922_000_000, currency: "USD",
      unit: "currency", knownFrom: "2024-02-21", reference: "SEC 10-K 0001045810-24-000029",
    }]);
  });

  it("NVDA Q1 FY2025 (ended 2024-04-28) revenue $26,044m from the 10-Q filed 2024-05-29", () => {
    const [q] = pick(rowsOf("NVDA"), "revenue", "2025Q1");
    expect(q).toMatchObject({ periodEnd: "2024-04-28", value: 26_044_000_000, knownFrom: "2024-05-29", reference: "SEC 10-Q 0001045810-24-000124" });
  });

  it("keeps a split restatement beside the original: NVDA FY2024 diluted EPS $11.93, then $1.19 after the 10-for-1 split", () => {
    const eps = pick(rowsOf("NVDA"), "epsDiluted", "FY2024");
    expect(eps.map((r) => [r.value, r.knownFrom, r.unit, r.currency])).toEqual([
      [11.93, "2024-02-21", "perShare", "USD"], // 10-K fiscal 2024
      [1.19, "2025-02-26", "perShare", "USD"], // 10-K fiscal 2025, split-adjusted (11.93 / 10 = 1.193)
    ]);
    // Point in time: at the end of 2024 an analyst saw 11.93; a year later 1.19.
    expect(pointInTimeFundamentals(eps, "2024-12-31").map((r) => r.value)).toEqual([11.93]);
    expect(pointInTimeFundamentals(eps, "2025-12-31").map((r) => r.value)).toEqual([1.19]);
    expect(pointInTimeFundamentals(eps, "2024-02-20")).toEqual([]);
  });

  it("keeps an accounting restatement: Apple FY2008 diluted EPS $5.36, restated to $6.78 by the 10-K/A of 2010-01-25", () => {
    // Apple restated fiscal 2008 for the retrospective change in revenue recognition (iPhone, Apple TV).
    const eps = pick(rowsOf("AAPL"), "epsDiluted", "FY2008");
    expect(eps.map((r) => [r.value, r.knownFrom, r.reference])).toEqual([
      [5.36, "2009-10-27", "SEC 10-K 0001193125-09-214859"],
      [6.78, "2010-01-25", "SEC 10-K/A 0001193125-10-012091"],
      // the FY2010 10-K repeats 6.78 (2010-10-27): a duplicate, collapsed
    ]);
    expect(pointInTimeFundamentals(eps, "2010-01-24")[0]!.value).toBe(5.36);
    expect(pointInTimeFundamentals(eps, "2010-01-25")[0]!.value).toBe(6.78);
  });

  it("reads revenue across a change of XBRL concept (Apple: SalesRevenueNet, then RevenueFromContractWithCustomer…)", () => {
    const rows = rowsOf("AAPL");
    // Apple 10-K fiscal 2023: net sales $383,285m; fiscal 2024: $391,035m (10-K filed 2024-11-01).
    expect(pick(rows, "revenue", "FY2023")[0]).toMatchObject({ value: 383_285_000_000, periodEnd: "2023-09-30", knownFrom: "2023-11-03" });
    expect(pick(rows, "revenue", "FY2024")[0]).toMatchObject({ value: 391_035_000_000, periodEnd: "2024-09-28", knownFrom: "2024-11-01" });
    // Alphabet 10-K 2023: revenues $307,394m, filed 2024-01-31.
    expect(pick(rowsOf("GOOGL"), "revenue", "FY2023")[0]).toMatchObject({ value: 307_394_000_000, periodEnd: "2023-12-31", knownFrom: "2024-01-31" });
  });

  it("labels every primary period as the filing's own fiscal year and quarter (SEC fy/fp)", () => {
    // For each 10-K / 10-Q, the net-income fact of the filing's own period (its latest end) must carry the label
    // the filing gives it. NVIDIA tagged fy one year behind its own naming before 2015 and in two 2020 10-Qs
    // (its fiscal 2021 Q1 ended 2020-04-26): rerate follows NVIDIA's naming there.
    const nvdaMistagged = new Set(["2020-04-26", "2020-07-26"]);
    for (const co of Object.keys(FILES) as Co[]) {
      const f = facts(co);
      const rows = rowsOf(co);
      const ni = f.facts["us-gaap"]!["NetIncomeLoss"]!.units["USD"]!;
      const byAccn = new Map<string, typeof ni>();
      for (const x of ni) {
        if (!x.fy || !x.fp || !x.start || !/^10-[KQ]$/.test(x.form)) continue;
        const kind = durationKind(x.start, x.end);
        if (kind === undefined || (x.fp === "FY") !== (kind === "year")) continue;
        byAccn.set(x.accn, [...(byAccn.get(x.accn) ?? []), x]);
      }
      let checked = 0;
      for (const list of byAccn.values()) {
        const own = list.reduce((a, b) => (b.end > a.end ? b : a));
        if (co === "NVDA" && (own.end < "2014-06-01" || nvdaMistagged.has(own.end))) continue;
        const want = own.fp === "FY" ? `FY${own.fy}` : `${own.fy}${own.fp}`;
        expect(rows.some((r) => r.metric === "netIncome" && r.fiscalPeriod === want && r.periodEnd === own.end), `${co} ${own.accn} ${want}`).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(15);
    }
  });

  it("balances are at an instant and use the fiscal calendar (NVDA cash at the FY2024 year end)", () => {
    const cash = pick(rowsOf("NVDA"), "cash", "FY2024");
    // NVIDIA balance sheet at 2024-01-28: cash and cash equivalents $7,280m.
    expect(cash[0]).toMatchObject({ periodEnd: "2024-01-28", value: 7_280_000_000, currency: "USD", knownFrom: "2024-02-21" });
  });

  it("yields one row per (metric, fiscal period, filing date): the store's natural key", () => {
    for (const co of Object.keys(FILES) as Co[]) {
      const rows = rowsOf(co);
      expect(new Set(rows.map((r) => `${r.metric}|${r.fiscalPeriod}|${r.knownFrom}`)).size).toBe(rows.length);
      expect(rows.length).toBeGreaterThan(300);
      expect(rows.every((r) => r.knownFrom >= r.periodEnd || r.unit === "shares")).toBe(true);
    }
  });

  it("reads six- and nine-month year-to-date amounts as parts of quarters, never as rows of their own", () => {
    const rows = rowsOf("NVDA");
    // Every row is a fiscal year or a three-month quarter, by its label.
    expect(rows.every((r) => /^(FY\d{4}|\d{4}Q[1-4])$/.test(r.fiscalPeriod))).toBe(true);
    // NVIDIA files cash flows year to date only. 10-Q 0001045810-24-000264 (filed 2024-08-28): operating cash flow
    // six months to 2024-07-28 $29,833m; 10-Q 0001045810-24-000124: Q1 (to 2024-04-28) $15,345m.
    // Q2 = 29,833 − 15,345 = $14,488m, known from the later filing.
    expect(pick(rows, "operatingCashFlow", "2025Q2")).toEqual([expect.objectContaining({
      periodEnd: "2024-07-28", value: 14_488_000_000, knownFrom: "2024-08-28",
      reference: "SEC derived (6M YTD − Q1): 10-Q 0001045810-24-000264, 10-Q 0001045810-24-000124",
    })]);
    // Revenue of Q2 is filed as a three-month amount ($30,040m): read, not derived.
    expect(pick(rows, "revenue", "2025Q2")[0]).toMatchObject({ periodEnd: "2024-07-28", value: 30_040_000_000, reference: "SEC 10-Q 0001045810-24-000264" });
  });

  it("from/to keep only periods ending in the range", () => {
    const rows = toFundamentals(facts("MRVL"), { entity: "mrvl", from: "2024-01-01", to: "2024-12-31" }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.periodEnd >= "2024-01-01" && r.periodEnd <= "2024-12-31")).toBe(true);
  });

  it("transform(q, raw, ctx) stores figures against the listing's issuer when the store knows it", () => {
    const raw = JSON.parse(readFileSync(join(SEC_RECORDED, FILES.SNOW), "utf8"));
    const rows = secCompanyFacts.transform({ symbol: "SNOW" }, raw, { provider: "sec", listing: { id: "SNOW", issuer: "snowflake", sharesPerListing: 1 } });
    expect(new Set(rows.map((r) => r.entity))).toEqual(new Set(["snowflake"]));
  });
});

describe("SEC companyfacts → fundamentals (hand-made 20-F filer)", () => {
  // Hand-made, in companyfacts' shape: a foreign private issuer with a March year end reporting in CNY, whose 20-F
  // also tags a USD convenience translation of the latest year (1 USD = 7.2 CNY in this made-up filing).
  const fact = (start: string | undefined, end: string, val: number, filed: string, accn: string) =>
    ({ ...(start ? { start } : {}), end, val, accn, fy: 2025, fp: "FY", form: "20-F", filed });
  const fpi: SecCompanyFacts = {
    cik: 1234567, entityName: "EXAMPLE HOLDING (hand-made)",
    facts: {
      "us-gaap": {
        Revenues: { label: "Revenues", units: {
          CNY: [fact("2023-04-01", "2024-03-31", 941_168_000_000, "2024-05-23", "a-24"), fact("2024-04-01", "2025-03-31", 996_347_000_000, "2025-05-15", "a-25"),
            fact("2023-04-01", "2024-03-31", 941_168_000_000, "2025-05-15", "a-25")],
          USD: [fact("2024-04-01", "2025-03-31", 138_381_527_778, "2025-05-15", "a-25")],
          ILS: [fact("2024-04-01", "2025-03-31", 1, "2025-05-15", "a-25")],
        } },
        EarningsPerShareDiluted: { label: "EPS", units: { "CNY/shares": [fact("2024-04-01", "2025-03-31", 6.8, "2025-05-15", "a-25"), fact("2024-04-01", "2024-09-30", 3.1, "2025-05-15", "a-25")] } },
        CashAndCashEquivalentsAtCarryingValue: { label: "Cash", units: { CNY: [fact(undefined, "2025-03-31", 145_487_000_000, "2025-05-15", "a-25")] } },
      },
    },
  };
  const r = toFundamentals(fpi, { entity: "example" });

  it("takes the reporting currency over a convenience translation filed with it", () => {
    expect(r.rows.filter((x) => x.metric === "revenue").map((x) => [x.fiscalPeriod, x.value, x.currency, x.knownFrom])).toEqual([
      ["FY2024", 941_168_000_000, "CNY", "2024-05-23"], // repeated in the next 20-F: collapsed
      ["FY2025", 996_347_000_000, "CNY", "2025-05-15"],
    ]);
  });

  it("labels a March year by the year it ends in, per ordinary share in CNY; balances at the year end are the year", () => {
    expect(r.rows.find((x) => x.metric === "epsDiluted")).toMatchObject({ fiscalPeriod: "FY2025", value: 6.8, unit: "perShare", currency: "CNY" });
    expect(r.rows.find((x) => x.metric === "cash")).toMatchObject({ fiscalPeriod: "FY2025", periodEnd: "2025-03-31", unit: "currency" });
  });

  it("skips and counts a currency rerate does not know; a half-year span is a part (no first quarter: no row)", () => {
    expect(r.skipped).toEqual({ "unit ILS is not a currency rerate knows": 1 });
    expect(r.rows.filter((x) => x.metric === "epsDiluted").map((x) => x.fiscalPeriod)).toEqual(["FY2025"]);
  });
});

describe("SEC User-Agent", () => {
  it("checkSecUserAgent(value) wants a name and an e-mail, and never echoes the value", () => {
    expect(checkSecUserAgent("Jane Analyst jane@example.com")).toBeUndefined();
    expect(checkSecUserAgent("Acme Research ops@acme.example")).toBeUndefined();
    const why = checkSecUserAgent("someone.else@corp.example");
    expect(why).toMatch(/must name you or your organisation and give a contact e-mail/);
    expect(why).not.toContain("someone.else");
    expect(checkSecUserAgent("rerate")).toBeDefined();
  });
});

describe.runIf(hasSharedData)("SEC over HTTP (fake server)", () => {
  let srv: FakeServer;
  beforeAll(async () => {
    srv = await startFakeServer();
  });
  afterAll(() => srv.close());
  const UA = "Jane Analyst jane.private@example.com";

  it("executeQuery('sec', …) resolves tickers through company_tickers.json and sends the User-Agent on every request", async () => {
    const before = srv.requests.length;
    const r = await executeQuery("sec", "fundamentals", { symbols: ["NVDA", "AAPL"] }, {
      http: createProviderHttp({ baseUrls: srv.baseUrls }), cache: false, credential: () => UA, now: () => new Date("2026-06-30T00:00:00Z"),
    });
    expect(r.items.map((i) => [i.symbol, i.rows.length > 300])).toEqual([["NVDA", true], ["AAPL", true]]);
    const seen = srv.requests.slice(before);
    expect(seen.map((s) => s.path).sort()).toEqual([
      "/secdata/api/xbrl/companyfacts/CIK0000320193.json", "/secdata/api/xbrl/companyfacts/CIK0001045810.json", "/secwww/files/company_tickers.json",
    ]);
    expect(seen.every((s) => s.headers["user-agent"] === UA)).toBe(true);
  });

  it("an unknown ticker is E_NOT_FOUND; a missing User-Agent is E_MISSING_CREDENTIAL before any request", async () => {
    const http = createProviderHttp({ baseUrls: srv.baseUrls });
    await expect(executeQuery("sec", "fundamentals", { symbols: ["ZZZZ"] }, { http, cache: false, credential: () => UA })).rejects.toMatchObject({ code: "E_NOT_FOUND" });
    const before = srv.requests.length;
    await expect(executeQuery("sec", "fundamentals", { symbols: ["NVDA"] }, { http, cache: false, credential: () => undefined })).rejects.toMatchObject({
      code: "E_MISSING_CREDENTIAL",
      message: expect.stringMatching(/^provider sec needs RERATE_SEC_USER_AGENT: .*Set the environment variable RERATE_SEC_USER_AGENT, or "sec.userAgent"/),
    });
    await expect(executeQuery("sec", "fundamentals", { symbols: ["NVDA"] }, { http, cache: false, credential: () => "rerate-bot" })).rejects.toMatchObject({ code: "E_MISSING_CREDENTIAL" });
    expect(srv.requests.length).toBe(before);
  });

  it("a listing outside the US is not an SEC symbol (E_INVALID_INPUT naming it)", async () => {
    await expect(executeQuery("sec", "fundamentals", { symbols: ["9988.HK"] }, { cache: false, credential: () => UA })).rejects.toThrow(/symbol "9988.HK" is not a US ticker or a CIK/);
  });
});
