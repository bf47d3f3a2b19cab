import { describe, expect, it } from "vitest";
import type { Fundamental } from "../../models/fundamental.js";
import { daysBetween } from "../dates.js";
import { createDefaultDemoMarket, DEMO_SECURITY_SPECS, DEMO_TO, type DemoFactorSpec } from "./index.js";

const market = createDefaultDemoMarket();
const specOf = (id: string) => DEMO_SECURITY_SPECS.find((s) => s.id === id)!;
const usdRate = (ccy: string, date: string) =>
  ccy === "USD" ? 1 : market.fx.filter((r) => r.quote === ccy && r.date <= date).at(-1)!.rate;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Trailing fiscal-year EPS row known on `asOf`: the FY row with the latest period end and knownFrom ≤ asOf. */
function trailingEps(issuer: string, asOf: string): Fundamental {
  return market.fundamentals
    .filter((f) => f.entity === issuer && f.metric === "epsDiluted" && f.fiscalPeriod.startsWith("FY") && f.knownFrom <= asOf)
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))
    .at(-1)!;
}

/** By hand: last close → reporting currency through the USD rates of that day, over FY EPS × shares per listing. */
function peOf(id: string, eps: (issuer: string) => number): number {
  const spec = specOf(id);
  const issuer = spec.issuer!;
  const primary = spec.model === "parity" ? (specOf(spec.parityOf) as DemoFactorSpec) : (spec as DemoFactorSpec);
  const reporting = primary.fundamentals!.reportingCurrency;
  const c = market.prices.find((p) => p.security === id)!;
  const date = c.dates.at(-1)!;
  const price = (c.close.at(-1)! * usdRate(reporting, date)) / usdRate(spec.currency, date);
  return price / (eps(issuer) * spec.sharesPerListing);
}
const trailingPe = (id: string) => peOf(id, (issuer) => trailingEps(issuer, DEMO_TO).value);

const PLATFORMS = ["9988.HK", "0700.HK", "9888.HK", "3690.HK", "9618.HK", "PDD", "1810.HK"];
const US_MEGACAPS = ["AMZN", "MSFT", "GOOGL", "META", "ORCL"];
const CHIPS = ["0981.HK", "1347.HK", "NVDA", "AMD", "AVGO"];

describe("calibration on the last date (trailing P/E computed by hand from the rows)", () => {
  it("puts the Chinese platforms between 10x and 20x with a median near 15x", () => {
    const pes = PLATFORMS.map(trailingPe);
    for (const [i, pe] of pes.entries()) {
      expect(pe, PLATFORMS[i]).toBeGreaterThan(10);
      expect(pe, PLATFORMS[i]).toBeLessThan(20);
    }
    expect(median(pes)).toBeCloseTo(15, 1);
  });

  it("puts the US megacaps at a median near 22x, Amazon at 22x", () => {
    expect(median(US_MEGACAPS.map(trailingPe))).toBeCloseTo(22, 1);
    expect(trailingPe("AMZN")).toBeCloseTo(22, 1);
  });

  it("prices chips higher and leaves Cambricon loss-making (P/E n.m.)", () => {
    for (const id of CHIPS) expect(trailingPe(id), id).toBeGreaterThan(40);
    expect(trailingEps("cambricon", DEMO_TO).value).toBeLessThan(0);
  });

  it("gives BABA (8 shares per ADS, USD) the same P/E as 9988.HK within a few percent", () => {
    expect(trailingPe("BABA") / trailingPe("9988.HK")).toBeGreaterThan(0.97);
    expect(trailingPe("BABA") / trailingPe("9988.HK")).toBeLessThan(1.03);
  });

  it("uses each issuer's own fiscal calendar for 'trailing'", () => {
    expect(trailingEps("alibaba", DEMO_TO)).toMatchObject({ fiscalPeriod: "FY2025", periodEnd: "2025-03-31", currency: "CNY" });
    expect(trailingEps("microsoft", DEMO_TO)).toMatchObject({ fiscalPeriod: "FY2025", periodEnd: "2025-06-30" });
    expect(trailingEps("oracle", DEMO_TO)).toMatchObject({ fiscalPeriod: "FY2025", periodEnd: "2025-05-31" });
    expect(trailingEps("nvidia", DEMO_TO)).toMatchObject({ fiscalPeriod: "FY2025", periodEnd: "2025-01-26" });
    expect(trailingEps("broadcom", DEMO_TO)).toMatchObject({ fiscalPeriod: "FY2024", periodEnd: "2024-11-03" });
    expect(trailingEps("smic", DEMO_TO)).toMatchObject({ fiscalPeriod: "FY2024", currency: "USD" });
    expect(trailingEps("huahong", DEMO_TO).currency).toBe("USD");
  });

  it("has forward (FY1 consensus) P/E a bit below trailing for every profitable name", () => {
    for (const id of [...PLATFORMS, ...US_MEGACAPS, ...CHIPS]) {
      const spec = specOf(id) as DemoFactorSpec;
      const trailingEnd = trailingEps(spec.issuer!, DEMO_TO).periodEnd;
      const fy1 = market.estimates
        .filter((e) => e.entity === spec.issuer && e.metric === "epsDiluted" && e.asOf === DEMO_TO && e.periodEnd! > DEMO_TO)
        .sort((a, b) => a.periodEnd!.localeCompare(b.periodEnd!))[0]!;
      expect(fy1.periodEnd! > trailingEnd).toBe(true);
      const forward = peOf(id, () => fy1.value);
      expect(forward, id).toBeLessThan(trailingPe(id));
      expect(forward / trailingPe(id), id).toBeGreaterThan(0.55);
    }
  });
});

describe("fundamentals and estimates", () => {
  it("stamps each row with a plausible release lag, never after the demo's last date", () => {
    for (const f of market.fundamentals) {
      const lag = daysBetween(f.periodEnd, f.knownFrom);
      expect(lag, `${f.entity} ${f.fiscalPeriod}`).toBeGreaterThanOrEqual(9);
      expect(lag, `${f.entity} ${f.fiscalPeriod}`).toBeLessThanOrEqual(95);
      expect(f.knownFrom <= DEMO_TO).toBe(true);
    }
    // Alibaba's June quarter (fiscal 2026 Q1) is out by the end of October 2025, its FY2026 is not.
    expect(market.fundamentals.some((f) => f.entity === "alibaba" && f.fiscalPeriod === "2026Q1")).toBe(true);
    expect(market.fundamentals.some((f) => f.entity === "alibaba" && f.fiscalPeriod === "FY2026")).toBe(false);
  });

  it("keeps the accounts coherent: NI = EPS × shares, quarters add up to the year", () => {
    const get = (issuer: string, period: string, metric: string) =>
      market.fundamentals.find((f) => f.entity === issuer && f.fiscalPeriod === period && f.metric === metric)!.value;
    for (const issuer of ["alibaba", "tencent", "amazon", "nvidia"]) {
      const ni = get(issuer, "FY2024", "netIncome");
      expect(get(issuer, "FY2024", "epsDiluted") * get(issuer, "FY2024", "sharesDiluted") / ni).toBeCloseTo(1, 3);
      const quarters = [1, 2, 3, 4].map((q) => get(issuer, `2024Q${q}`, "revenue"));
      expect(quarters.reduce((a, b) => a + b, 0) / get(issuer, "FY2024", "revenue")).toBeCloseTo(1, 6);
    }
    const alibabaPeriods = new Set(market.fundamentals.filter((f) => f.entity === "alibaba").map((f) => f.fiscalPeriod));
    for (const p of ["FY2022", "FY2023", "FY2024", "FY2025"]) expect(alibabaPeriods.has(p)).toBe(true);
  });

  it("publishes monthly consensus for the next three unreported fiscal years", () => {
    const asOfs = [...new Set(market.estimates.map((e) => e.asOf))];
    expect(asOfs).toHaveLength(34); // Jan 2023 .. Oct 2025
    expect(asOfs.at(-1)).toBe("2025-10-31");
    const tencent = market.estimates.filter((e) => e.entity === "tencent" && e.asOf === "2025-10-31" && e.metric === "epsDiluted");
    expect(tencent.map((e) => e.fiscalPeriod)).toEqual(["FY2025", "FY2026", "FY2027"]);
    expect(market.estimates.every((e) => e.estimator === "consensus")).toBe(true);
  });
});
