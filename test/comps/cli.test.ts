import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { createFixtureStore } from "./_fixture.js";

let dir: string;
let db: string;
let cleanup: () => void;
beforeAll(async () => {
  const f = await createFixtureStore("cli.duckdb");
  ({ dir, cleanup } = f);
  db = join(dir, "cli.duckdb");
  f.store.close(); // the CLI opens the file itself
});
afterAll(() => cleanup());

const cli = (...args: string[]) => runCli(["--db", db, ...args]);

describe("rerate comps", () => {
  it("prints a readable table with n.m. and its reasons", async () => {
    const r = await cli("comps", "BABA", "9988.HK", "AMZN", "LOSS", "--as-of", "2025-09-30", "--metrics", "pe,fpe");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Comps as of 2025-09-30 (market caps in USD bn)");
    expect(r.out).toMatch(/BABA .*USD 120\.00 .*288\.0 .*18\.0x .*13\.3x/);
    expect(r.out).toMatch(/LOSS .*n\.m\. .*n\.m\./);
    // One issuer, one vote: 9988.HK (Alibaba again) is left out, so the median is of BABA 18 and AMZN 40: (18 + 40) / 2 = 29
    // (it was 18, the middle of 18, 18, 40, when Alibaba counted twice).
    expect(r.out).toMatch(/Median .*29\.0x/);
    expect(r.out).toContain("peers: 9988.HK is left out of the aggregates: issuer alibaba counts once, through BABA");
    expect(r.out).toContain("peers: LOSS P/E FY n.m. (negative_earnings: EPS FY2024 per listing (-2 USD) is negative)");
    expect(r.out).not.toContain("SYNTHETIC");
  });

  it("--json carries every multiple with its inputs; --explain prints them", async () => {
    const j = await cli("comps", "BABA", "--as-of", "2025-09-30", "--json");
    const c = JSON.parse(j.out);
    expect(c.rows[0].multiples.trailingPE.value).toBeCloseTo(18, 10);
    expect(c.rows[0].multiples.trailingPE.inputs.fx[0]).toMatchObject({ from: "CNY", to: "USD", date: "2025-09-30" });
    const e = await cli("comps", "BABA", "--as-of", "2025-09-30", "--metrics", "pe", "--explain");
    expect(e.out).toContain("Inputs behind each value:");
    expect(e.out).toMatch(/BABA trailingPE = 18\.00x\n\s+formula: price \/ \(EPS last fiscal year × sharesPerListing\)/);
  });

  it("names the option and value of bad input (exit 2), unknown groups and dates with no data (exit 3)", async () => {
    const bad = await cli("comps", "BABA", "--metrics", "pe,bogus");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--metrics "bogus" is not a metric here; use one of pe, pe_ttm, fpe');
    expect((await cli("comps", "BABA", "--as-of", "2025-13-01")).err).toContain('--as-of "2025-13-01" is not a date');
    expect((await cli("comps", "BABA", "--currency", "XYZ")).err).toContain('--currency "XYZ" is not a currency rerate knows');
    expect((await cli("comps", "BA BA!")).code).toBe(2);
    const unknown = await cli("comps", "@nope");
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain('symbols "@nope": no saved or built-in peer group of that name');
    const early = await cli("comps", "BABA", "--as-of", "2020-01-01");
    expect(early.code).toBe(3);
    expect(early.err).toContain("no price on or before 2020-01-01");
  });

  it("reads a peer group from a file (YAML with several groups, pick one with #id)", async () => {
    const file = join(dir, "thesis.yaml");
    writeFileSync(file, "groups:\n  china:\n    name: { en: China, zh-Hant: 中國 }\n    securities: [BABA, 9988.HK]\n  us: [AMZN]\n");
    const r = await cli("comps", `${file}#china`, "--as-of", "2025-09-30", "--json");
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).groups[0]).toEqual({ id: "china", name: { en: "China", "zh-Hant": "中國" }, securities: ["BABA", "9988.HK"] });
    const pick = await cli("comps", file);
    expect(pick.code).toBe(2);
    expect(pick.err).toContain("holds 2 groups (china, us); pick one with");
  });
});

describe("rerate wall", () => {
  it("--json gives the gap, the closing scenarios and the history", async () => {
    const r = await cli("wall", "--a", "BABA", "9988.HK", "--b", "AMZN", "LOSS", "--metric", "pe", "--as-of", "2025-09-30", "--close", "0.5,100%", "--history", "2025-06-01:", "--json");
    expect(r.code, r.err).toBe(0);
    const w = JSON.parse(r.out);
    expect(w.gaps.trailingPE.median.discount).toBeCloseTo(-0.55, 12); // 18 / 40 − 1
    expect(w.close).toEqual([0.5, 1]);
    expect(w.closing[0].scenarios[0].price).toBeCloseTo(193.333333, 5); // 120 × 29 / 18
    expect(w.history.points).toHaveLength(4);
    expect(w.history.percentile).toBe(75);
  });

  it("prints the wall with the history line and a chart; in Chinese too", async () => {
    const r = await cli("wall", "--a", "BABA", "--b", "AMZN", "--metric", "pe", "--as-of", "2025-09-30", "--history", "2025-06-01:2025-09-30");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("The valuation wall as of 2025-09-30: BABA vs AMZN on P/E FY (median)");
    expect(r.out).toContain("On P/E FY, BABA stand at a discount of 55.0% to AMZN");
    expect(r.out).toMatch(/today's gap −55\.0% is at percentile 75 of the period/);
    expect(r.out).toMatch(/Gap \(A\/B − 1\) through time: 2025-06-30 [▁-█]{4} 2025-09-30/);
    expect(r.out).toMatch(/If BABA closed 25% \/ 50% \/ 100% of the gap to AMZN \(P\/E FY, median 40\.0x\)/);
    const hant = await cli("--lang", "zh-Hant", "wall", "--a", "BABA", "--b", "AMZN", "--metric", "pe", "--as-of", "2025-09-30");
    expect(hant.out).toContain("估值牆（截至 2025-09-30）");
    expect(hant.out).toContain("折讓 55.0%");
    const hans = await cli("--lang", "zh-Hans", "wall", "--a", "BABA", "--b", "AMZN", "--metric", "pe", "--as-of", "2025-09-30");
    expect(hans.out).toContain("估值墙（截至 2025-09-30）");
  });

  it("writes Excel, CSV and an SVG chart", async () => {
    const xlsx = join(dir, "wall.xlsx");
    const csv = join(dir, "wall.csv");
    const svg = join(dir, "wall.svg");
    const r = await cli("wall", "--a", "BABA", "--b", "AMZN", "--metric", "pe", "--as-of", "2025-09-30", "--history", "2025-06-01:", "--xlsx", xlsx, "--csv", csv, "--chart", svg);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`Wrote ${xlsx}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Comps", "Wall", "Gap history"]);
    expect(readFileSync(csv, "utf8").split("\r\n")[0]).toMatch(/^as_of,group,security,name,currency,price,price_date,market_cap_usd,pe,pe_nm,fpe,fpe_nm,fpe_fy1,fpe_fy1_nm,ev_ebitda,ev_ebitda_nm,ps,ps_nm,implied_price_0.25,upside_0\.25,/);
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg/);
  });

  it("refuses a missing group, bad fractions and a bad history range, naming the option", async () => {
    expect((await cli("wall", "--b", "AMZN")).err).toContain("--a is required");
    expect((await cli("wall", "--a", "BABA", "--b", "AMZN", "--close", "0.5,abc")).err).toContain('--close "abc" must be a fraction of the gap');
    expect((await cli("wall", "--a", "BABA", "--b", "AMZN", "--history", "2025-06")).err).toContain('--history "2025-06" must be FROM:TO');
    expect((await cli("wall", "--a", "BABA", "--b", "AMZN", "--every", "day", "--history", "2025-06-01:")).err).toContain('--every "day" must be month or week');
    expect((await cli("wall", "--a", "BABA", "--b", "AMZN", "--metric", "mcap")).err).toContain('--metric "mcap" is not a metric here');
    expect((await cli("wall", "--a", "BABA", "--b", "AMZN", "--chart", "x.svg")).err).toContain("--chart \"x.svg\" needs --history");
  });
});

describe("rerate check-multiple", () => {
  it("lists the P/E under every definition and says which reproduce the claim", async () => {
    const r = await cli("check-multiple", "BABA", "--claim", "15", "--around", "2025-09-30", "--window", "0");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Which definition gives 15x for BABA? P/E on 1 dates from 2025-09-30 to 2025-09-30, tolerance ±5%");
    expect(r.out).toMatch(/trailing FY, diluted EPS, per listing unit\s+│\s+18\.0x/);
    expect(r.out).toMatch(/trailing FY, diluted EPS, per share, ADS ratio ignored\s+│\s+144\.0x/);
    expect(r.out).toContain("15x is reproduced by 2 definition(s):");
    expect(r.out).toContain("  forward FY1, diluted EPS, per listing unit: 1 of 1 dates (2025-09-30 to 2025-09-30); closest 15.0x on 2025-09-30");
    // Definitions with no value anywhere (no basic EPS in this data) are folded into one line
    expect(r.out).toMatch(/n\.m\.: trailing FY, basic EPS, per listing unit \(missing_input\)/);
    const j = JSON.parse((await cli("check-multiple", "BABA", "--claim", "15x", "--around", "2025-09-30", "--window", "0", "--json")).out);
    expect(j.reproducedBy).toEqual(["TTM.diluted.listing", "FY1.diluted.listing"]);
  });

  it("names bad options", async () => {
    expect((await cli("check-multiple", "BABA", "--claim", "abc")).err).toContain('--claim "abc" must be a positive multiple');
    expect((await cli("check-multiple", "BABA", "--claim", "15", "--metric", "ev_ebitda")).err).toContain('--metric "ev_ebitda" is not a metric here');
    expect((await cli("check-multiple", "BABA", "--claim", "15", "--window", "1.5")).err).toContain('--window "1.5" must be a whole number');
    expect((await cli("check-multiple", "BABA")).code).toBe(2); // --claim is required
  });
});

describe("rerate groups", () => {
  it("saves, lists, uses as @name and deletes a peer group", async () => {
    const saved = await cli("groups", "save", "ali", "baba", "9988.HK", "NEWCO", "--name", "Alibaba lines", "--name-zh-hant", "阿里巴巴");
    expect(saved.code, saved.err).toBe(0);
    expect(saved.out).toContain("Saved peer group ali: BABA, 9988.HK, NEWCO");
    expect(saved.err).toContain("Not in the store yet (saved anyway): NEWCO");
    const again = await cli("groups", "save", "ali", "BABA", "9988.HK", "--name", "Alibaba lines");
    expect(again.out).toContain("Replaced peer group ali");
    const list = JSON.parse((await cli("groups", "list", "--json")).out) as { id: string; origin: string; securities: string[] }[];
    expect(list.map((g) => [g.id, g.origin])).toEqual([["ali", "saved"], ["china", "builtin"], ["us", "builtin"]]);
    const wall = await cli("wall", "--a", "@ali", "--b", "AMZN", "--metric", "pe", "--as-of", "2025-09-30", "--json");
    expect(wall.code, wall.err).toBe(0);
    // saving again replaced the group whole (the Chinese name was not given again)
    expect(JSON.parse(wall.out).a).toEqual({ id: "ali", name: { en: "Alibaba lines" }, securities: ["BABA", "9988.HK"] });
    expect((await cli("groups", "delete", "ali")).out).toContain("Deleted peer group ali.");
    expect((await cli("groups", "delete", "ali")).code).toBe(3);
    expect((await cli("groups", "save", "bad name!", "BABA")).err).toContain('NAME "bad name!" must be 1–64 letters');
    expect(existsSync(db)).toBe(true);
  });
});
