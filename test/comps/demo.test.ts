import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMultiple } from "../../src/app/check-multiple.js";
import { computeComps } from "../../src/app/comps.js";
import { loadPanelInputs } from "../../src/app/comps-load.js";
import { computePeerComps } from "../../src/app/comps-table.js";
import { DEMO_GROUPS, loadDemo } from "../../src/app/demo.js";
import { computeWall } from "../../src/app/wall.js";
import { fromDayNumber } from "../../src/core/dates.js";
import { computeMultiple, createFxLookup, historyDates, multipleSeries, SERIES_KINDS } from "../../src/core/valuation/index.js";
import { openStore, type Store } from "../../src/store/open.js";

let store: Store;
beforeAll(async () => {
  store = await openStore(":memory:");
  await loadDemo(store, "2026-01-02T03:04:05Z");
});
afterAll(() => store.close());
const [china, us] = DEMO_GROUPS as [(typeof DEMO_GROUPS)[0], (typeof DEMO_GROUPS)[0]];

describe("comps and the wall on the demo universe", () => {
  it("the series kernel equals the one-date functions for every demo security on every weekly date", async () => {
    const groups = [{ id: "all", name: { en: "all" }, securities: [...china.securities, ...us.securities, "BABA", "JD", "0981.HK", "688256.SS", "NVDA", "AVGO"] }];
    const panel = await loadPanelInputs(store, groups, "2025-10-31");
    const dates = historyDates("2023-01-01", "2025-10-31", "week");
    const fx = createFxLookup(panel.fx);
    let compared = 0;
    for (const [id, security] of panel.securities) {
      const prices = panel.prices.get(id)!;
      const series = multipleSeries({ security, prices, fundamentals: panel.fundamentals, estimates: panel.estimates, fx }, dates, SERIES_KINDS);
      dates.forEach((asOf, i) => {
        let p = -1;
        while (p + 1 < prices.days.length && fromDayNumber(prices.days[p + 1]!) <= asOf) p++;
        if (p < 0) return;
        for (const [k, kind] of SERIES_KINDS.entries()) {
          const r = computeMultiple(kind, { security, asOf, fx, fundamentals: panel.fundamentals, estimates: panel.estimates, price: { date: fromDayNumber(prices.days[p]!), close: prices.close[p]!, currency: prices.currency } });
          const s = series[k]!;
          if (r.value === undefined) expect([id, kind, asOf, s.nm[i]]).toEqual([id, kind, asOf, r.nm]);
          else expect(Math.abs(s.values[i]! - r.value)).toBeLessThanOrEqual(1e-12 * r.value);
          compared++;
        }
      });
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it("the wall's history ends on today's gap, and a weekly point equals the comps of its date", async () => {
    const w = await computeWall(store, { a: china, b: us, metric: "forwardPENtm", history: { from: "2023-01-01", every: "week" } });
    expect(w.asOf).toBe("2025-10-31");
    const h = w.history!;
    expect(h.points[h.points.length - 1]!.date).toBe("2025-10-31");
    expect(h.current!.discount).toBeCloseTo(w.gaps.forwardPENtm!.median!.discount, 12);
    expect(h.n).toBeGreaterThan(140);
    const p = h.points.find((x) => x.date === "2025-08-29")!;
    const c = await computePeerComps(store, { groups: [china, us], asOf: "2025-08-29", metrics: ["forwardPENtm"] });
    expect(p.a).toBe(c.aggregates.china!.forwardPENtm!.median);
    expect(p.b).toBe(c.aggregates.us!.forwardPENtm!.median);
    expect(h.percentile).toBeGreaterThanOrEqual(0);
    expect(h.percentile).toBeLessThanOrEqual(100);
  });

  it("computeComps (npm start) carries the monthly trailing-P/E history ending on its as-of date", async () => {
    const c = await computeComps(store, { groups: DEMO_GROUPS });
    expect(c.history?.metric).toBe("trailingPE");
    expect(c.history?.current?.discount).toBeCloseTo(c.gap.trailingPE.median!.discount, 12);
    const none = await computeComps(store, { groups: DEMO_GROUPS, history: false });
    expect(none.history).toBeUndefined();
  });

  it("check-multiple on BABA lists every definition around the date and marks the output synthetic", async () => {
    const r = await checkMultiple(store, { security: "BABA", claim: 15, around: "2025-09-24", windowDays: 14 });
    expect(r.synthetic).toBe(true);
    expect(r.definitions).toHaveLength(28); // (4 FY + 4 TTM + 2 FY1 + 2 FY2 + 2 NTM) × per ADS / per share
    expect(r.dates[0]! >= "2025-09-10" && r.dates[r.dates.length - 1]! <= "2025-10-08").toBe(true);
    // the ADS-ratio slip always inflates the P/E eightfold
    const fy = r.definitions.find((d) => d.definition.id === "FY.diluted.listing")!;
    const slip = r.definitions.find((d) => d.definition.id === "FY.diluted.share")!;
    fy.values.forEach((v, i) => expect(slip.values[i]!).toBeCloseTo(8 * v!, 8));
  });
});
