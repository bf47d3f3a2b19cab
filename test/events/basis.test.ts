import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeEventStudy } from "../../src/app/event-study.js";
import { eventsFromArguments } from "../../src/app/event-inputs.js";
import { openStore, type Store } from "../../src/store/open.js";
import { createTempDir, NOW, type TempDir } from "../import/_helpers.js";
import { importFiles } from "../../src/app/import/import-files.js";

// 300 weekdays from Monday 2024-01-01; the event is on day 280, so the estimation window -250..-11 is days 30..269.
const DAYS: string[] = [];
for (let d = new Date("2024-01-01T00:00:00Z"); DAYS.length < 300; d = new Date(d.getTime() + 86_400_000)) {
  if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) DAYS.push(d.toISOString().slice(0, 10));
}
// Deterministic returns: the benchmark's 1% × sin(1.7 t); the stock 0.2% + 1.5 × that + 0.5% × cos(2.3 t).
const bench: number[] = [];
const stock: number[] = [];
for (let t = 0, b = 4000, s = 100; t < DAYS.length; t++) {
  const rb = t === 0 ? 0 : 0.01 * Math.sin(1.7 * t);
  b *= 1 + rb;
  s *= 1 + (t === 0 ? 0 : 0.002 + 1.5 * rb + 0.005 * Math.cos(2.3 * t));
  bench.push(b);
  stock.push(s);
}
const csv = (head: string, rows: (string | number)[][]) => [head, ...rows.map((r) => r.join(","))].join("\n") + "\n";
const EVENT = eventsFromArguments([`${DAYS[280]}=event`]);

let store: Store;
let tmp: TempDir;
beforeEach(async () => {
  store = await openStore(":memory:");
  tmp = createTempDir("rerate-ev-basis-");
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const load = (name: string, text: string, extra: { basis?: "adjusted" } = {}) => importFiles(store, { kind: "prices", files: [tmp.write(name, text)], now: NOW, ...extra });
const study = () => computeEventStudy(store, { securities: ["AAA"], events: EVENT, benchmark: "^GSPC", threads: 1 });

describe("computeEventStudy: one price basis for security and benchmark (issue 13)", () => {
  it("a raw series with adjusted closes on part of the range uses closes for both, and every estimation day counts", async () => {
    // Days 0..199 without an adjusted close, 200..299 with one (2% below: a dividend): the store holds both kinds.
    await load("a/AAA.csv", csv("Date,Close", DAYS.slice(0, 200).map((d, i) => [d, stock[i]!])));
    await load("b/AAA.csv", csv("Date,Close,Adj Close", DAYS.slice(200).map((d, i) => [d, stock[200 + i]!, stock[200 + i]! * 0.98])));
    await load("^GSPC.csv", csv("Date,Close,Adj Close", DAYS.map((d, i) => [d, bench[i]!, bench[i]!])));
    const r = await study();
    expect(r.securities[0]).toMatchObject({ id: "AAA", priceField: "close", benchmarkPriceField: "close", priceBasis: "raw", benchmarkPriceBasis: "raw" });
    const o = r.observations[0]!;
    // Reading adjusted closes where some exist left days 0..199 without a price: only days 201..269 had returns
    // (69 < 120) and the event was called "too early". On closes, all 240 sessions of -250..-11 have a return.
    expect(o.status, o.reason).toBe("ok");
    expect(o.n).toBe(240);
    // The stock's return is 0.2% + 1.5 × the benchmark's + a cosine term: β near 1.5 (the cosine is nearly orthogonal).
    expect(o.beta!).toBeGreaterThan(1.4);
    expect(o.beta!).toBeLessThan(1.6);
  });

  it("uses adjusted closes (total return) for both when both have them over the whole range", async () => {
    await load("AAA.csv", csv("Date,Close,Adj Close", DAYS.map((d, i) => [d, stock[i]!, stock[i]! * 0.98])));
    await load("^GSPC.csv", csv("Date,Close,Adj Close", DAYS.map((d, i) => [d, bench[i]!, bench[i]!])));
    const r = await study();
    expect(r.securities[0]).toMatchObject({ priceField: "adjClose", benchmarkPriceField: "adjClose" });
    expect(r.warnings.some((w) => w.includes("adjusted closes"))).toBe(false);
  });

  it("an adjusted-only security against a benchmark without adjusted closes: says the bases differ", async () => {
    await load("AAA.csv", csv("Date,Adj Close", DAYS.map((d, i) => [d, stock[i]!])));
    await load("^GSPC.csv", csv("Date,Close", DAYS.map((d, i) => [d, bench[i]!])));
    const r = await study();
    expect(r.securities[0]).toMatchObject({ priceField: "adjClose", benchmarkPriceField: "close", priceBasis: "adjusted", benchmarkPriceBasis: "raw" });
    expect(r.warnings).toContain("AAA: AAA has only adjusted closes (stored on the adjusted basis) and ^GSPC no adjusted close over the whole range: the returns of AAA are total returns and of ^GSPC price returns");
  });

  it("a too-short estimation window names missing prices as the cause, not an early event", async () => {
    // Days 30..229 missing for the stock: 200 estimation sessions without a price, so without a return (and the
    // return of day 230 spans the gap): 240 − 200 − 1 = 39 valid days, far below 120.
    await load("AAA.csv", csv("Date,Close", DAYS.map((d, i) => [d, stock[i]!]).filter((_, i) => i < 30 || i >= 230)));
    await load("^GSPC.csv", csv("Date,Close", DAYS.map((d, i) => [d, bench[i]!])));
    const r = await study();
    const o = r.observations[0]!;
    expect(o.status).toBe("skipped");
    expect(o.reason).toMatch(/^only 39 valid estimation days in -250:-11 \(need ≥ 120\): 201 sessions have no AAA return/);
    expect(o.reason).not.toContain("too early");
  });
});
